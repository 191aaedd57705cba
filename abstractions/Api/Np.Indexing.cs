namespace ArrayDispatch;

/// <summary>
/// What <see cref="Np.RavelMultiIndex"/> does with a coordinate outside its dimension (NumPy's <c>mode=</c>, its
/// <c>clipmode</c>).
/// </summary>
public enum ClipMode
{
    /// <summary><c>'raise'</c>: refuse it (NumPy's ValueError, "invalid entry in coordinates array").</summary>
    Raise,

    /// <summary><c>'wrap'</c>: wrap it around the dimension (Python's modulo: -1 is the last position).</summary>
    Wrap,

    /// <summary><c>'clip'</c>: clip it to the dimension (negative to 0, past the end to the last position).</summary>
    Clip,
}

// NumPy's index builders (tril/triu_indices, diag_indices, indices, ix_, unravel_index, ravel_multi_index) and
// broadcast_shapes. The index sets a shape alone decides are computed here and created on the caller's backend
// (asarray); those that read index arrays are composed from ufuncs, so every backend with them serves them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.tril_indices(n, k, m)</c>: the (row, column) indices of the lower triangle of an <paramref name="n"/> ×
    /// <paramref name="m"/> (default n) array, at and below diagonal <paramref name="k"/>, in row-major order (int64); none
    /// for a negative dimension (NumPy's <c>tri</c> of it is empty).
    /// </summary>
    public static (NDArray Rows, NDArray Cols) TrilIndices(int n, int k = 0, int? m = null, string? backend = null, NDArray? like = null) =>
        TriangleIndices(n, m ?? n, (i, j) => j - i <= k, backend, like);

    /// <summary>
    /// <c>numpy.triu_indices(n, k, m)</c>: the (row, column) indices of the upper triangle of an <paramref name="n"/> ×
    /// <paramref name="m"/> (default n) array, at and above diagonal <paramref name="k"/>, in row-major order (int64); none
    /// for a negative dimension (NumPy's <c>tri</c> of it is empty).
    /// </summary>
    public static (NDArray Rows, NDArray Cols) TriuIndices(int n, int k = 0, int? m = null, string? backend = null, NDArray? like = null) =>
        TriangleIndices(n, m ?? n, (i, j) => j - i >= k, backend, like);

    /// <summary><c>numpy.tril_indices_from(arr, k)</c>: <see cref="TrilIndices"/> for the shape of the 2-d <paramref name="arr"/>, on its backend.</summary>
    /// <exception cref="ArgumentException"><paramref name="arr"/> is not 2-d (NumPy's ValueError, "input array must be 2-d").</exception>
    public static (NDArray Rows, NDArray Cols) TrilIndicesFrom(NDArray arr, int k = 0)
    {
        ArgumentNullException.ThrowIfNull(arr);
        if (arr.Rank != 2) throw new ArgumentException("input array must be 2-d", nameof(arr));
        return TrilIndices(arr.Shape.Dims[0], k, arr.Shape.Dims[1], like: arr);
    }

    /// <summary><c>numpy.triu_indices_from(arr, k)</c>: <see cref="TriuIndices"/> for the shape of the 2-d <paramref name="arr"/>, on its backend.</summary>
    /// <exception cref="ArgumentException"><paramref name="arr"/> is not 2-d (NumPy's ValueError, "input array must be 2-d").</exception>
    public static (NDArray Rows, NDArray Cols) TriuIndicesFrom(NDArray arr, int k = 0)
    {
        ArgumentNullException.ThrowIfNull(arr);
        if (arr.Rank != 2) throw new ArgumentException("input array must be 2-d", nameof(arr));
        return TriuIndices(arr.Shape.Dims[0], k, arr.Shape.Dims[1], like: arr);
    }

    private static (NDArray, NDArray) TriangleIndices(int n, int m, Func<int, int, bool> inside, string? backend, NDArray? like)
    {
        var rows = new List<long>();                       // a negative n or m: no rows or columns, as NumPy's (its arange is empty)
        var cols = new List<long>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if (!inside(i, j)) continue;
                rows.Add(i);
                cols.Add(j);
            }
        }
        return (AsArray(rows.ToArray(), backend, like: like), AsArray(cols.ToArray(), backend, like: like));
    }

    /// <summary><c>numpy.diag_indices(n, ndim)</c>: <paramref name="ndim"/> copies of <c>arange(n)</c>, the indices of the main diagonal of an n × … × n array (empty for a negative n, as NumPy's arange).</summary>
    public static NDArray[] DiagIndices(int n, int ndim = 2, string? backend = null, NDArray? like = null)
    {
        n = Math.Max(n, 0);
        NDArray idx = Arange(0L, (long)n, 1L, DType.Int64, backend, like: like);
        return Enumerable.Repeat(idx, Math.Max(ndim, 0)).ToArray();
    }

    /// <summary><c>numpy.diag_indices_from(arr)</c>: <see cref="DiagIndices"/> for an array whose dimensions are all equal, on its backend.</summary>
    /// <exception cref="ArgumentException">The array has fewer than two dimensions, or dimensions of different lengths (NumPy's ValueErrors and messages).</exception>
    public static NDArray[] DiagIndicesFrom(NDArray arr)
    {
        ArgumentNullException.ThrowIfNull(arr);
        if (arr.Rank < 2) throw new ArgumentException("input array must be at least 2-d", nameof(arr));
        ReadOnlySpan<int> dims = arr.Shape.Dims;
        foreach (int d in dims)
        {
            if (d != dims[0]) throw new ArgumentException("All dimensions of input must be of equal length", nameof(arr));
        }
        return DiagIndices(dims[0], arr.Rank, like: arr);
    }

    /// <summary>
    /// <c>numpy.indices(dimensions, dtype)</c>: an array of shape (len(dimensions), *dimensions) whose i-th slice holds
    /// each element's index along axis i (int64 by default, NumPy's <c>int</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A negative dimension.</exception>
    public static NDArray Indices(int[] dimensions, DType dtype = DType.Int64, string? backend = null, NDArray? like = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        NDArray[] grids = SparseIndices(dimensions, dtype, backend, like);
        if (grids.Length == 0) return Zeros(0, dtype, backend, like: like);
        return Stack(grids.Select(g => BroadcastTo(g, dimensions)).ToArray(), 0);
    }

    /// <summary>
    /// <c>numpy.indices(dimensions, dtype, sparse=True)</c>: one array per axis i, <c>arange(dimensions[i])</c> shaped to
    /// broadcast along that axis alone (1 in every other dimension).
    /// </summary>
    /// <exception cref="ArgumentException">A negative dimension (NumPy's ValueError, "negative dimensions are not allowed").</exception>
    public static NDArray[] SparseIndices(int[] dimensions, DType dtype = DType.Int64, string? backend = null, NDArray? like = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Any(d => d < 0)) throw new ArgumentException("negative dimensions are not allowed", nameof(dimensions));
        var result = new NDArray[dimensions.Length];
        for (int i = 0; i < dimensions.Length; i++)
        {
            int[] shape = Enumerable.Repeat(1, dimensions.Length).ToArray();
            shape[i] = dimensions[i];
            result[i] = Reshape(Arange(0L, (long)dimensions[i], 1L, dtype, backend, like: like), shape);
        }
        return result;
    }

    /// <summary>
    /// <c>numpy.ix_(*args)</c>: an open mesh from 1-d sequences: the i-th of N arrays is shaped (1, …, len, …, 1) along
    /// axis i, so indexing with all of them picks their cross product. A bool sequence is replaced by the indices of its
    /// true elements (a data-dependent size: a lazy backend computes then); an empty array keeps its dtype, as
    /// NumPy's for an ndarray argument.
    /// </summary>
    /// <exception cref="ArgumentException">An argument is not 1-d (NumPy's ValueError, "Cross index must be 1 dimensional").</exception>
    public static NDArray[] Ix(params NDArray[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new NDArray[args.Length];
        for (int i = 0; i < args.Length; i++)
        {
            NDArray a = args[i] ?? throw new ArgumentNullException(nameof(args), $"argument {i} is null");
            if (a.Rank != 1) throw new ArgumentException("Cross index must be 1 dimensional", nameof(args));
            if (a.DType == DType.Bool) a = Nonzero(a)[0];
            int[] shape = Enumerable.Repeat(1, args.Length).ToArray();
            shape[i] = a.Shape.Dims[0];
            result[i] = Reshape(a, shape);
        }
        return result;
    }

    /// <summary><c>numpy.broadcast_shapes(*shapes)</c>: the shape the given shapes broadcast to (no array is made).</summary>
    /// <exception cref="ShapeMismatchException">Two shapes do not broadcast (NumPy's ValueError and message, naming both arguments).</exception>
    public static Shape BroadcastShapes(params Shape[] shapes)
    {
        ArgumentNullException.ThrowIfNull(shapes);
        Shape result = new();
        for (int i = 0; i < shapes.Length; i++)
        {
            if (Shape.TryBroadcast(result, shapes[i], out Shape next))
            {
                result = next;
                continue;
            }
            // NumPy names the first argument the failing one conflicts with, axis by axis from the right
            int first = 0;
            for (int j = 0; j < i; j++)
            {
                if (!Shape.TryBroadcast(shapes[j], shapes[i], out _))
                {
                    first = j;
                    break;
                }
            }
            throw new ShapeMismatchException(
                $"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg {first} with shape {PyShape(shapes[first])} and arg {i} with shape {PyShape(shapes[i])}.",
                nameof(shapes), shapes);
        }
        return result;
    }

    // A shape as Python prints a tuple: (3,), (2, 3), ().
    private static string PyShape(Shape shape) => shape.Rank == 1 ? $"({shape.Dims[0]},)" : $"({string.Join(", ", shape.ToArray())})";

    /// <summary>
    /// <c>numpy.unravel_index(indices, shape, order)</c>: the flat <paramref name="indices"/> into an array of
    /// <paramref name="shape"/> as one index array per dimension (int64, in the indices' shape), for C (row-major) or
    /// F (column-major) order. Checking the bounds reads the indices (a lazy backend computes them).
    /// </summary>
    /// <exception cref="ArgumentException">An index is outside [0, size) (NumPy's ValueError, "index 7 is out of bounds for array
    /// with size 6"), or the order is neither C nor F.</exception>
    /// <exception cref="DTypeMismatchException">The indices are not integers (NumPy's TypeError, "only int indices permitted").</exception>
    public static NDArray[] UnravelIndex(NDArray indices, int[] shape, MemoryOrder order = MemoryOrder.C)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(shape);
        if (order is not (MemoryOrder.C or MemoryOrder.F)) throw new ArgumentException("only 'C' or 'F' order is permitted", nameof(order));
        if (!indices.DType.IsInteger() && indices.DType != DType.Bool) throw new DTypeMismatchException("only int indices permitted", nameof(indices));
        if (shape.Any(d => d < 0)) throw new ArgumentException("dimensions must be non-negative", nameof(shape));
        long size = shape.Aggregate(1L, (p, d) => p * d);
        NDArray flat = AsType(indices, DType.Int64);
        if (flat.Size > 0)
        {
            NDArray outside = LogicalOr(Less(flat, 0L), GreaterEqual(flat, size));
            if (Any(outside).Item<bool>())
            {
                long bad = GetItem(Ravel(flat), Argmax(Ravel(outside))).Item<long>();
                throw new ArgumentException($"index {bad} is out of bounds for array with size {size}", nameof(indices));
            }
        }
        var result = new NDArray[shape.Length];
        NDArray rest = flat;
        // C order: the last dimension varies fastest, so it is peeled off first
        for (int s = 0; s < shape.Length; s++)
        {
            int d = order == MemoryOrder.C ? shape.Length - 1 - s : s;
            result[d] = s == shape.Length - 1 ? rest : Remainder(rest, (long)shape[d]);
            if (s < shape.Length - 1) rest = FloorDivide(rest, (long)shape[d]);
        }
        return result;
    }

    /// <summary>
    /// <c>numpy.ravel_multi_index(multi_index, dims, mode, order)</c>: the flat indices (int64) of the coordinates in
    /// <paramref name="multiIndex"/> (one integer array per dimension, broadcast together) into an array of shape
    /// <paramref name="dims"/>, for C or F order. <paramref name="mode"/> is NumPy's: <see cref="ClipMode.Raise"/> refuses a
    /// coordinate outside its dimension (reading the coordinates: a lazy backend computes them), <see cref="ClipMode.Wrap"/>
    /// wraps it around, <see cref="ClipMode.Clip"/> clips it to the dimension.
    /// </summary>
    /// <exception cref="ArgumentException">The number of index arrays is not the number of dimensions, a coordinate is outside
    /// its dimension with <see cref="ClipMode.Raise"/>, or an order other than C or F (NumPy's ValueErrors and messages).</exception>
    /// <exception cref="DTypeMismatchException">A coordinate array is not of integers (NumPy's TypeError).</exception>
    public static NDArray RavelMultiIndex(NDArray[] multiIndex, int[] dims, ClipMode mode = ClipMode.Raise, MemoryOrder order = MemoryOrder.C)
    {
        ArgumentNullException.ThrowIfNull(multiIndex);
        ArgumentNullException.ThrowIfNull(dims);
        if (!Enum.IsDefined(mode)) throw new ArgumentException($"clipmode must be one of 'clip', 'raise', or 'wrap' (got {(int)mode})", nameof(mode));
        if (order is not (MemoryOrder.C or MemoryOrder.F)) throw new ArgumentException("only 'C' or 'F' order is permitted", nameof(order));
        if (multiIndex.Length != dims.Length) throw new ArgumentException($"parameter multi_index must be a sequence of length {dims.Length}", nameof(multiIndex));
        if (dims.Any(d => d < 0)) throw new ArgumentException("dimensions must be non-negative", nameof(dims));
        if (dims.Length == 0) return Full(new Shape(), 0L, DType.Int64);   // NumPy's ravel_multi_index((), ()) is 0
        NDArray? flat = null;
        long stride = 1;
        for (int s = 0; s < dims.Length; s++)
        {
            int d = order == MemoryOrder.C ? dims.Length - 1 - s : s;
            NDArray c = multiIndex[d] ?? throw new ArgumentNullException(nameof(multiIndex), $"index array {d} is null");
            if (!c.DType.IsInteger()) throw new DTypeMismatchException("only int indices permitted", nameof(multiIndex));
            c = AsType(c, DType.Int64);
            long n = dims[d];
            switch (mode)
            {
                case ClipMode.Raise:
                    if (c.Size > 0 && Any(LogicalOr(Less(c, 0L), GreaterEqual(c, n))).Item<bool>())
                    {
                        throw new ArgumentException("invalid entry in coordinates array", nameof(multiIndex));
                    }
                    break;
                case ClipMode.Wrap:
                    c = n == 0 ? c : Remainder(c, n);
                    break;
                default:
                    c = Clip(c, 0L, Math.Max(n - 1, 0));
                    break;
            }
            NDArray term = stride == 1 ? c : Multiply(c, stride);
            flat = flat is null ? term : Add(flat, term);
            stride *= n;
        }
        return flat!;
    }
}
