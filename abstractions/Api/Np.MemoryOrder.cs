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
    internal static NDArray Flatten(NDArray x, MemoryOrder order) => Ravel(Copy(InReadingOrder(x, order)));

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
    /// Fortran-ordered array; <see cref="MemoryOrder.K"/>: the axes' memory order kept, NumPy's default). The values are
    /// those of <see cref="Copy(NDArray)"/> in every order; the layout shows in <see cref="NDArray.MemoryLayout"/> for strided backends.
    /// </summary>
    public static NDArray Copy(NDArray x, MemoryOrder order)
    {
        ArgumentNullException.ThrowIfNull(x);
        switch (Resolve(x, order))
        {
            case MemoryOrder.C:
                return Copy(x);
            case MemoryOrder.F:
                return Transpose(Copy(Transpose(x)));
            default:
                int[] axes = x.MemoryLayout!.Value.KeepOrderAxes();
                var inverse = new int[axes.Length];
                for (int i = 0; i < axes.Length; i++) inverse[axes[i]] = i;
                return Transpose(Copy(Transpose(x, axes)), inverse);
        }
    }

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
        return x.MemoryLayout is { IsCContiguous: false } ? Copy(x) : x;
    }

    /// <summary>numpy.isfortran: Fortran-contiguous and not C-contiguous (false for arrays with no <see cref="NDArray.MemoryLayout"/>).</summary>
    public static bool IsFortran(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.MemoryLayout is { IsFContiguous: true, IsCContiguous: false };
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
