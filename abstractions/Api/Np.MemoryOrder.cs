using ArrayDispatch.Functions;

namespace ArrayDispatch;

// NumPy's order= argument ('C', 'F', 'A', 'K'), composed from reshape, ravel, copy and transpose for every backend: a
// Fortran-order reshape is a C-order reshape of the axes reversed, read back reversed, so no backend implements it.
public static partial class Np
{
    /// <summary>
    /// numpy.reshape(x, shape, order): <see cref="MemoryOrder.F"/> reads and places the elements with the first index
    /// changing fastest, <see cref="MemoryOrder.A"/> as F for a Fortran-ordered array (<see cref="IsFortran"/>), else as C.
    /// One dimension may be -1.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="MemoryOrder.K"/> (NumPy: "order 'K' is not permitted for reshaping"), or two unknown dimensions.</exception>
    /// <exception cref="ShapeMismatchException">The sizes differ (NumPy's message, with the shape as given).</exception>
    public static NDArray Reshape(NDArray x, int[] shape, MemoryOrder order)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        if (order == MemoryOrder.K) throw new ArgumentException("order 'K' is not permitted for reshaping", nameof(order));
        switch (Resolve(x, order))
        {
            case MemoryOrder.C:
                return Reshape(x, shape);
            default:
                Shape target = ManipulationRules.ReshapeTarget(x.Size, shape);   // NumPy's errors name the shape as given
                int[] reversed = target.ToArray();
                System.Array.Reverse(reversed);
                return Transpose(Reshape(Transpose(x), reversed));
        }
    }

    /// <summary>
    /// numpy.ravel(x, order): the elements as a 1-d array read in <paramref name="order"/> (<see cref="MemoryOrder.K"/>: as
    /// they lie in memory, for a strided array; in C order for one without a <see cref="NDArray.MemoryLayout"/>).
    /// </summary>
    public static NDArray Ravel(NDArray x, MemoryOrder order) => Ravel(InReadingOrder(x, order));

    // ndarray.flatten(order): always a copy, made once (the reordered view's copy is C-contiguous, so its ravel is a view).
    internal static NDArray Flatten(NDArray x, MemoryOrder order) => Ravel(CopyInCOrder(InReadingOrder(x, order)));

    // The view whose C order is the order asked for.
    private static NDArray InReadingOrder(NDArray x, MemoryOrder order)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Resolve(x, order) switch
        {
            MemoryOrder.C => x,
            MemoryOrder.F => Transpose(x),
            _ => Transpose(x, x.MemoryLayout!.Value.KeepOrderAxes()),
        };
    }

    /// <summary>
    /// numpy.copy(x, order): a copy whose memory layout is C or Fortran order (<see cref="MemoryOrder.A"/>: Fortran for a
    /// Fortran-ordered array; <see cref="MemoryOrder.K"/>, NumPy's default and <see cref="Copy(NDArray)"/>'s: the axes'
    /// memory order kept, a broadcast axis innermost, as NumPy lays out a new array like <paramref name="x"/>). The values are
    /// those of <see cref="Copy(NDArray)"/> in every order; the layout shows in <see cref="NDArray.MemoryLayout"/> for strided backends.
    /// </summary>
    public static NDArray Copy(NDArray x, MemoryOrder order)
    {
        ArgumentNullException.ThrowIfNull(x);
        switch (Resolve(x, order))
        {
            case MemoryOrder.C:
                return CopyInCOrder(x);
            case MemoryOrder.F:
                return Transpose(CopyInCOrder(Transpose(x)));
            default:
                int[] axes = x.MemoryLayout!.Value.NewLikeAxes();
                if (axes.Select((a, i) => a == i).All(same => same)) return CopyInCOrder(x);
                var inverse = new int[axes.Length];
                for (int i = 0; i < axes.Length; i++) inverse[axes[i]] = i;
                return Transpose(CopyInCOrder(Transpose(x, axes)), inverse);
        }
    }

    // The protocol's copy: a C-ordered copy (ndarray.copy()'s default order), what the compositions copy with.
    private static NDArray CopyInCOrder(NDArray x) => ArrayFunctions.Copy.Invoke(Dispatcher, new ArrayArgs(x));

    /// <summary>
    /// numpy.asfortranarray: <paramref name="x"/> itself when already Fortran-contiguous (or not strided), else a copy in
    /// Fortran order. As NumPy 1.x, a 0-d array comes back 1-d.
    /// </summary>
    public static NDArray AsFortranArray(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0) x = Reshape(x, 1);
        return x.MemoryLayout is { IsFContiguous: false } ? Copy(x, MemoryOrder.F) : x;
    }

    /// <summary>
    /// numpy.ascontiguousarray: <paramref name="x"/> itself when already C-contiguous (or not strided), else a copy in C
    /// order. As NumPy 1.x, a 0-d array comes back 1-d.
    /// </summary>
    public static NDArray AsContiguousArray(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0) x = Reshape(x, 1);
        return x.MemoryLayout is { IsCContiguous: false } ? CopyInCOrder(x) : x;
    }

    /// <summary>numpy.isfortran: Fortran-contiguous and not C-contiguous (false for arrays with no <see cref="NDArray.MemoryLayout"/>).</summary>
    public static bool IsFortran(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.MemoryLayout is { IsFContiguous: true, IsCContiguous: false };
    }

    /// <summary>
    /// numpy.zeros(shape, dtype, order): <see cref="MemoryOrder.F"/> lays the array out in Fortran order (made for the
    /// reversed shape and read back transposed, so every backend serves it; the layout shows in
    /// <see cref="NDArray.MemoryLayout"/> for strided backends, the values are the same in either order).
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="MemoryOrder.A"/> or <see cref="MemoryOrder.K"/> (NumPy: "only 'C' or 'F' order is permitted").</exception>
    public static NDArray Zeros(Shape shape, MemoryOrder order, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        CreateInOrder(shape, order, chunks, (s, c) => Zeros(s, dtype, backend, c, like));

    /// <summary>numpy.ones(shape, dtype, order); see <see cref="Zeros(Shape, MemoryOrder, DType, string, int[], NDArray)"/>.</summary>
    public static NDArray Ones(Shape shape, MemoryOrder order, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        CreateInOrder(shape, order, chunks, (s, c) => Ones(s, dtype, backend, c, like));

    /// <summary>numpy.empty(shape, dtype, order); see <see cref="Zeros(Shape, MemoryOrder, DType, string, int[], NDArray)"/>.</summary>
    public static NDArray Empty(Shape shape, MemoryOrder order, DType dtype = DType.Float64, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        CreateInOrder(shape, order, chunks, (s, c) => Empty(s, dtype, backend, c, like));

    /// <summary>numpy.full(shape, fill, dtype, order); see <see cref="Zeros(Shape, MemoryOrder, DType, string, int[], NDArray)"/>.</summary>
    public static NDArray Full(Shape shape, Scalar fill, MemoryOrder order, DType? dtype = null, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
        CreateInOrder(shape, order, chunks, (s, c) => Full(s, fill, dtype, backend, c, like));

    private static NDArray CreateInOrder(Shape shape, MemoryOrder order, int[]? chunks, Func<Shape, int[]?, NDArray> create)
    {
        switch (order)
        {
            case MemoryOrder.C:
                return create(shape, chunks);
            case MemoryOrder.F:
                int[] reversed = shape.ToArray();
                System.Array.Reverse(reversed);
                int[]? reversedChunks = chunks is null ? null : [.. chunks.Reverse()];
                return shape.Rank < 2 ? create(shape, chunks) : Transpose(create(new Shape(reversed), reversedChunks));
            default:
                throw new ArgumentException("only 'C' or 'F' order is permitted", nameof(order));
        }
    }

    /// <summary>
    /// numpy.array(source, order=...): always a copy (<see cref="Array(object, string, DType?, int[], string, NDArray)"/>)
    /// laid out in <paramref name="order"/>: <see cref="MemoryOrder.C"/> or <see cref="MemoryOrder.F"/>;
    /// <see cref="MemoryOrder.A"/> Fortran when <paramref name="source"/> is a Fortran-ordered array, else C;
    /// <see cref="MemoryOrder.K"/> (NumPy's default) the source array's axis order kept. The layout shows in
    /// <see cref="NDArray.MemoryLayout"/> for strided backends.
    /// </summary>
    public static NDArray Array(object source, MemoryOrder order, string? backend = null, DType? dtype = null, int[]? chunks = null, string? format = null, NDArray? like = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        NDArray? array = source as NDArray;
        MemoryOrder target = order switch
        {
            MemoryOrder.C or MemoryOrder.F => order,
            MemoryOrder.A => array is not null && IsFortran(array) ? MemoryOrder.F : MemoryOrder.C,
            MemoryOrder.K => array?.MemoryLayout is null ? MemoryOrder.C : MemoryOrder.K,
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "order must be one of 'C', 'F', 'A', or 'K'"),
        };
        if (target == MemoryOrder.C)
        {
            NDArray copy = Array(source, backend, dtype, chunks, format, like);
            return copy.MemoryLayout is { IsCContiguous: false } ? CopyInCOrder(copy) : copy;
        }
        // The conversion may alias (a .NET array wrapped, the same backend and dtype): the ordered copy is the copy. A
        // conversion that made a new array (another backend, another dtype) may not have kept a Fortran source's layout.
        NDArray converted = AsArray(source, backend, dtype, chunks, format, like);
        if (target == MemoryOrder.K && array is not null && !ReferenceEquals(converted, array) && IsFortran(array)) target = MemoryOrder.F;
        return Copy(converted, target);
    }

    // 'A' becomes F or C; 'K' stays K only where there are strides to read (else C).
    private static MemoryOrder Resolve(NDArray x, MemoryOrder order) => order switch
    {
        MemoryOrder.C or MemoryOrder.F => order,
        MemoryOrder.A => IsFortran(x) ? MemoryOrder.F : MemoryOrder.C,
        MemoryOrder.K => x.MemoryLayout is null ? MemoryOrder.C : MemoryOrder.K,
        _ => throw new ArgumentOutOfRangeException(nameof(order), order, "order must be one of 'C', 'F', 'A', or 'K'"),
    };
}
