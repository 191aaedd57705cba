namespace ArrayDispatch;

/// <summary>
/// A strided view's geometry: shape, strides and offset, in elements of its storage. NumPy's view-making functions
/// (<c>transpose</c>, <c>swapaxes</c>, <c>moveaxis</c>, <c>flip</c>, <c>diagonal</c>, <c>broadcast_to</c>,
/// <c>expand_dims</c>, <c>squeeze</c>, slicing) are arithmetic on it, the same for every backend whose arrays are strided
/// views over a buffer (Dense's managed or native memory, Gpu's device memory, a plugin's own storage): written here once,
/// with NumPy's errors, so each backend only makes its view over its own storage from the layout it gets back.
/// </summary>
/// <example>
/// A plugin's <c>flip</c>:
/// <code>
/// StridedLayout view = x.Layout.Flip(args.Axes);
/// return new MyArray(x.Storage, view);
/// </code>
/// </example>
public readonly struct StridedLayout
{
    private readonly long[]? _stridesOrNull;   // null in default(StridedLayout): a 0-d view at offset 0

    private long[] StrideStore => _stridesOrNull ?? [];

    /// <summary>A layout of <paramref name="shape"/> with <paramref name="strides"/> (one per axis, in elements, any sign) from <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentException">The strides do not match the shape's rank.</exception>
    public StridedLayout(Shape shape, ReadOnlySpan<long> strides, long offset)
    {
        if (strides.Length != shape.Rank) throw new ArgumentException($"{strides.Length} strides for a shape of rank {shape.Rank}", nameof(strides));
        Shape = shape;
        _stridesOrNull = strides.ToArray();
        Offset = offset;
    }

    private StridedLayout(Shape shape, long[] owned, long offset)
    {
        Shape = shape;
        _stridesOrNull = owned;
        Offset = offset;
    }

    /// <summary>The C-order (row-major) layout of <paramref name="shape"/> from offset 0.</summary>
    public static StridedLayout Contiguous(Shape shape)
    {
        return new(shape, shape.ContiguousStrides(), 0);
    }

    /// <summary>The view's shape.</summary>
    public Shape Shape { get; }

    /// <summary>The step between neighbours along each axis, in elements (negative for a reversed axis, 0 for a broadcast one).</summary>
    public ReadOnlySpan<long> Strides => StrideStore;

    /// <summary>Where element (0, 0, …) lies in the storage, in elements.</summary>
    public long Offset { get; }

    /// <summary>The number of axes.</summary>
    public int Rank => Shape.Rank;

    /// <summary>
    /// NumPy's <c>C_CONTIGUOUS</c> flag: the elements lie in C order without gaps from <see cref="Offset"/> (axes of length 1
    /// may have any stride; an empty array is contiguous).
    /// </summary>
    public bool IsCContiguous => IsContiguousFrom(lastFastest: true);

    /// <summary>NumPy's <c>F_CONTIGUOUS</c> flag: the elements lie in Fortran order without gaps (a 0-d or 1-d contiguous view is both).</summary>
    public bool IsFContiguous => IsContiguousFrom(lastFastest: false);

    private bool IsContiguousFrom(bool lastFastest)
    {
        if (Shape.Size == 0) return true;
        ReadOnlySpan<int> dims = Shape.Dims;
        ReadOnlySpan<long> strides = StrideStore;
        long expected = 1;
        for (int k = 0; k < dims.Length; k++)
        {
            int i = lastFastest ? dims.Length - 1 - k : k;
            if (dims[i] == 1) continue;
            if (strides[i] != expected) return false;
            expected *= dims[i];
        }
        return true;
    }

    /// <summary>
    /// NumPy's <c>order='K'</c> reading order: the axes, slowest first, that read the elements in the order they lie in
    /// memory. As NumPy's iterator orders them: a stable insertion sort by decreasing absolute stride from C order, where a
    /// comparison with a zero stride (a broadcast axis) decides nothing, so broadcast axes keep their place; a reversed
    /// axis is read forwards (NumPy reads <c>arange(5)[::-1].ravel('K')</c> as 4, 3, 2, 1, 0).
    /// </summary>
    public int[] KeepOrderAxes() => KeepOrder(Rank, [StrideStore]);

    /// <summary>
    /// NumPy's <c>order='K'</c> for a new array made like this one (<c>PyArray_NewLikeArray</c>: <c>astype</c>,
    /// <c>np.copy</c>, <c>np.array</c>, the <c>*_like</c> functions): its axes, slowest first. C order when this layout is
    /// C-contiguous or 1-d, Fortran order when it is Fortran-contiguous, else the axes by decreasing absolute stride (a
    /// stable sort from C order), so a broadcast axis (stride 0) goes innermost, where <see cref="KeepOrderAxes()"/>
    /// (the iterator's order, which element-wise results and <c>ravel('K')</c> follow) leaves it in place:
    /// <c>np.broadcast_to(np.arange(4.), (3, 4)).astype(np.float32)</c> is Fortran-ordered.
    /// </summary>
    public int[] NewLikeAxes()
    {
        if (IsCContiguous || Rank <= 1) return [.. Enumerable.Range(0, Rank)];
        if (IsFContiguous) return [.. Enumerable.Range(0, Rank).Reverse()];
        long[] strides = Strides.ToArray();
        return [.. Enumerable.Range(0, Rank).OrderByDescending(axis => Math.Abs(strides[axis]))];   // OrderBy is stable
    }

    /// <summary>
    /// NumPy's <c>order='K'</c> for several operands of one element-wise operation (its iterator's axis order; what a
    /// ufunc's new result is laid out by): the axes of <paramref name="shape"/>, slowest first. Each operand is read
    /// broadcast to <paramref name="shape"/>; for each pair of axes an operand whose strides along both are non-zero votes,
    /// and where operands disagree C order wins, so Fortran-ordered inputs give a Fortran-ordered result and a mix of C
    /// and Fortran inputs a C-ordered one, as in NumPy.
    /// </summary>
    /// <exception cref="ShapeMismatchException">An operand cannot be broadcast to <paramref name="shape"/>.</exception>
    public static int[] KeepOrderAxes(Shape shape, params ReadOnlySpan<StridedLayout> operands)
    {
        var strides = new long[operands.Length][];
        for (int k = 0; k < operands.Length; k++) strides[k] = BroadcastStrides(operands[k].Shape, operands[k].StrideStore, shape);
        return KeepOrder(shape.Rank, strides);
    }

    // A stable insertion sort of the axes, fastest first, by decreasing absolute stride from C order (NumPy's
    // npyiter_find_best_axis_ordering): a zero stride (a broadcast axis) decides nothing, so such axes keep their place;
    // an operand that says "keep" outvotes those that say "swap"; a reversed axis counts by its absolute stride.
    private static int[] KeepOrder(int rank, ReadOnlySpan<long[]> operands)
    {
        var fastestFirst = new int[rank];
        for (int i = 0; i < rank; i++) fastestFirst[i] = rank - 1 - i;
        for (int i0 = 1; i0 < rank; i0++)
        {
            int axis = fastestFirst[i0];
            int insertAt = i0;
            for (int i1 = i0 - 1; i1 >= 0; i1--)
            {
                bool ambiguous = true, swap = false;
                foreach (long[] strides in operands)
                {
                    long stride0 = Math.Abs(strides[axis]), stride1 = Math.Abs(strides[fastestFirst[i1]]);
                    if (stride0 == 0 || stride1 == 0) continue;
                    if (stride1 <= stride0) swap = false;
                    else if (ambiguous) swap = true;
                    ambiguous = false;
                }
                if (ambiguous) continue;   // look further, decide nothing
                if (!swap) break;
                insertAt = i1;
            }
            if (insertAt == i0) continue;
            Array.Copy(fastestFirst, insertAt, fastestFirst, insertAt + 1, i0 - insertAt);
            fastestFirst[insertAt] = axis;
        }
        Array.Reverse(fastestFirst);
        return fastestFirst;
    }

    /// <summary>A copy of <see cref="Strides"/>, for a backend's view constructor that keeps the array it is given.</summary>
    public long[] StrideArray() => (long[])StrideStore.Clone();

    /// <summary>NumPy's <c>transpose(axes)</c>: the axes permuted, <c>result.shape[i] == shape[axes[i]]</c>.</summary>
    /// <exception cref="ArgumentException">The axes are not a permutation of the array's axes.</exception>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public StridedLayout Transpose(ReadOnlySpan<int> axes)
    {
        int rank = Rank;
        if (axes.Length != rank) throw new ArgumentException("axes don't match array", nameof(axes));
        var seen = new bool[rank];
        var dims = new int[rank];
        var strides = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            int axis = Shape.NormalizeAxis(axes[i], rank);
            if (seen[axis]) throw new ArgumentException("repeated axis in transpose", nameof(axes));
            seen[axis] = true;
            dims[i] = Shape.Dims[axis];
            strides[i] = StrideStore[axis];
        }
        return new(new Shape(dims), strides, Offset);
    }

    /// <summary>NumPy's <c>transpose()</c> with no axes, or with <see cref="Axes.All"/>: the axes reversed.</summary>
    public StridedLayout Transpose(Axes axes = default)
    {
        if (!axes.IsAll) return Transpose(axes.Values);
        var reversed = new int[Rank];
        for (int i = 0; i < reversed.Length; i++) reversed[i] = Rank - 1 - i;
        return Transpose(reversed);
    }

    /// <summary>NumPy's <c>swapaxes(axis1, axis2)</c>.</summary>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public StridedLayout SwapAxes(int axis1, int axis2) => Transpose(Functions.ManipulationRules.SwapAxesOrder(Rank, axis1, axis2));

    /// <summary>NumPy's <c>moveaxis(source, destination)</c>: the axes in <paramref name="source"/> moved to <paramref name="destination"/>, the others in their order.</summary>
    /// <exception cref="ArgumentException">The lists differ in length or repeat an axis.</exception>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public StridedLayout MoveAxis(ReadOnlySpan<int> source, ReadOnlySpan<int> destination) =>
        Transpose(Functions.ManipulationRules.MoveAxisOrder(Rank, source, destination));

    /// <summary>NumPy's <c>flip(axis)</c>: reversed along <paramref name="axes"/> (every axis for <see cref="Axes.All"/>).</summary>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public StridedLayout Flip(Axes axes)
    {
        long[] strides = StrideArray();
        long offset = Offset;
        foreach (int axis in axes.Normalize(Rank))
        {
            int dim = Shape.Dims[axis];
            if (dim > 0) offset += (dim - 1) * strides[axis];
            strides[axis] = -strides[axis];
        }
        return new(Shape, strides, offset);
    }

    /// <summary>
    /// NumPy's <c>diagonal(offset)</c> of axes 0 and 1: those axes removed and the diagonal appended as the last axis
    /// (above the main diagonal for a positive <paramref name="offset"/>, below it for a negative one; empty past the edge).
    /// </summary>
    /// <exception cref="ArgumentException">The array has fewer than two dimensions.</exception>
    public StridedLayout Diagonal(int offset = 0)
    {
        if (Rank < 2) throw new ArgumentException("diag requires an array of at least two dimensions", "x");
        int d0 = Shape.Dims[0], d1 = Shape.Dims[1];
        int rowStart = offset < 0 ? (int)Math.Min(-(long)offset, d0) : 0, colStart = offset > 0 ? Math.Min(offset, d1) : 0;
        int length = Math.Max(0, Math.Min(d0 - rowStart, d1 - colStart));
        long start = Offset + (length > 0 ? rowStart * StrideStore[0] + colStart * StrideStore[1] : 0);
        int[] dims = [.. Shape.Dims[2..], length];
        long[] strides = [.. StrideStore[2..], StrideStore[0] + StrideStore[1]];
        return new(new Shape(dims), strides, start);
    }

    /// <summary>Along <paramref name="axis"/>, <paramref name="count"/> elements from <paramref name="start"/> every <paramref name="step"/> (a resolved slice).</summary>
    public StridedLayout Slice(int axis, long start, long step, int count)
    {
        axis = Shape.NormalizeAxis(axis, Rank);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int[] dims = Shape.ToArray();
        long[] strides = StrideArray();
        long offset = count > 0 ? Offset + start * strides[axis] : Offset;
        dims[axis] = count;
        strides[axis] *= step;
        return new(new Shape(dims), strides, offset);
    }

    /// <summary>NumPy's <c>broadcast_to(shape)</c>: stride 0 along every axis the view is stretched over.</summary>
    /// <exception cref="ShapeMismatchException">The view cannot be broadcast to <paramref name="shape"/>.</exception>
    public StridedLayout BroadcastTo(Shape shape) => new(shape, BroadcastStrides(Shape, StrideStore, shape), Offset);

    /// <summary>
    /// The strides of an array of shape <paramref name="own"/> and <paramref name="strides"/> read as <paramref name="shape"/>
    /// (NumPy's broadcasting): 0 along every axis it is stretched over and along the leading axes it lacks, its own
    /// stride elsewhere. What an element-wise kernel of any backend walks for a broadcast operand.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The array cannot be broadcast to <paramref name="shape"/>.</exception>
    public static long[] BroadcastStrides(Shape own, ReadOnlySpan<long> strides, Shape shape)
    {
        int lead = shape.Rank - own.Rank;
        var result = new long[shape.Rank];
        ReadOnlySpan<int> from = own.Dims, to = shape.Dims;
        for (int k = 0; k < from.Length; k++)
        {
            if (lead < 0 || (from[k] != to[lead + k] && from[k] != 1))
            {
                throw new ShapeMismatchException(
                    $"operands could not be broadcast together with remapped shapes [original->remapped]: {own} and requested shape {shape}", own, shape);
            }
            result[lead + k] = from[k] == 1 && to[lead + k] != 1 ? 0 : strides[k];
        }
        return result;
    }

    /// <summary>NumPy's <c>expand_dims(axis)</c>: axes of length one inserted at <paramref name="axes"/> (positions in the result).</summary>
    /// <exception cref="ArgumentException">An axis is repeated.</exception>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range of the result.</exception>
    public StridedLayout ExpandDims(ReadOnlySpan<int> axes)
    {
        int rank = Rank + axes.Length;
        var insert = new bool[rank];
        foreach (int axis in axes)
        {
            int n = Shape.NormalizeAxis(axis, rank);
            if (insert[n]) throw new ArgumentException("repeated axis", "axis");
            insert[n] = true;
        }
        var dims = new int[rank];
        var strides = new long[rank];
        for (int i = 0, j = 0; i < rank; i++)
        {
            if (insert[i]) { dims[i] = 1; strides[i] = 0; }
            else { dims[i] = Shape.Dims[j]; strides[i] = StrideStore[j]; j++; }
        }
        return new(new Shape(dims), strides, Offset);
    }

    /// <summary>NumPy's <c>squeeze(axis)</c>: axes of length one removed (every such axis for <see cref="Axes.All"/>).</summary>
    /// <exception cref="ArgumentException">A named axis is not of length one.</exception>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public StridedLayout Squeeze(Axes axes = default)
    {
        var drop = new bool[Rank];
        if (axes.IsAll)
        {
            for (int k = 0; k < Rank; k++) drop[k] = Shape.Dims[k] == 1;
        }
        else
        {
            foreach (int a in axes.Normalize(Rank))
            {
                if (Shape.Dims[a] != 1) throw new ArgumentException("cannot select an axis to squeeze out which has size not equal to one", "axis");
                drop[a] = true;
            }
        }
        var dims = new List<int>(Rank);
        var strides = new List<long>(Rank);
        for (int k = 0; k < Rank; k++)
        {
            if (drop[k]) continue;
            dims.Add(Shape.Dims[k]);
            strides.Add(StrideStore[k]);
        }
        return new(new Shape([.. dims]), [.. strides], Offset);
    }

    /// <summary>Whether the view is C-contiguous: its elements in row-major order, one after another (size 0 or 1 always is).</summary>
    public bool IsContiguous
    {
        get
        {
            long expected = 1;
            for (int k = Rank - 1; k >= 0; k--)
            {
                int dim = Shape.Dims[k];
                if (dim == 0) return true;
                if (dim != 1 && StrideStore[k] != expected) return false;
                expected *= dim;
            }
            return true;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"shape {Shape}, strides ({string.Join(", ", StrideStore)}), offset {Offset}";
}
