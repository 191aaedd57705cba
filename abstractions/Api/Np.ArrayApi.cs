using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch;

// The array API standard's (and NumPy 2's) names that are compositions of catalogue functions. Composed here, in the
// protocol, every backend that has the functions composed serves the name without code of its own;
// ComposedFunctions lists what each one needs, and ArrayApiStandard which protocol member serves each standard name.
public static partial class Np
{
    /// <summary>
    /// An array with the shape (and dtype) of <paramref name="x"/> on its backend, values unspecified (the array API's
    /// <c>empty_like</c>). Composed from <c>full_like</c>, so the values happen to be zeros; do not rely on it.
    /// </summary>
    public static NDArray EmptyLike(NDArray x, DType? dtype = null) => LikeInKOrder(x, 0L, dtype);   // laid out as FullLike

    /// <summary>The last two axes swapped (the array API's <c>matrix_transpose</c>, NumPy 2's <c>matrix_transpose</c> and <c>x.mT</c>): a view where the backend has views.</summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> has fewer than two dimensions (NumPy's message).</exception>
    public static NDArray MatrixTranspose(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2) throw new ArgumentException($"Input array must be at least 2-dimensional, but it is {x.Rank}", nameof(x));
        return SwapAxes(x, -1, -2);
    }

    /// <summary>
    /// The arrays broadcast against each other (NumPy's <c>broadcast_arrays</c>): read-only views of the common shape;
    /// when every shape already is that shape the arrays come back as they are, as NumPy's.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The shapes do not broadcast together.</exception>
    public static NDArray[] BroadcastArrays(params NDArray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        Shape shape = Shape.Scalar;
        foreach (NDArray a in arrays)
        {
            ArgumentNullException.ThrowIfNull(a, nameof(arrays));
            if (!Shape.TryBroadcast(shape, a.Shape, out shape))
            {
                throw new ShapeMismatchException(
                    $"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between {string.Join(" and ", arrays.Select(x => x.Shape.ToString()))}",
                    nameof(arrays), arrays.Select(x => x.Shape).ToArray());
            }
        }
        if (arrays.All(a => a.Shape == shape)) return (NDArray[])arrays.Clone();
        int[] dims = shape.ToArray();
        return arrays.Select(a => BroadcastTo(a, dims)).ToArray();
    }

    /// <summary>The array split into its slices along <paramref name="axis"/>, each without that axis (the array API's <c>unstack</c>): views where the backend has views.</summary>
    /// <exception cref="AxisOutOfRangeException"><paramref name="axis"/> is outside the array's dimensions.</exception>
    public static NDArray[] Unstack(NDArray x, int axis = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        int ax = Shape.NormalizeAxis(axis, x.Rank);
        var result = new NDArray[x.Shape.Dims[ax]];
        for (int i = 0; i < result.Length; i++) result[i] = GetItem(x, AlongAxis(ax, i));
        return result;
    }

    /// <summary>
    /// The cumulative sum along <paramref name="axis"/> (the array API's <c>cumulative_sum</c>): <c>cumsum</c>'s values
    /// and dtype rule, and with <paramref name="includeInitial"/> a leading zero, so the axis grows by one. The axis may be
    /// left out only for a one-dimensional array.
    /// </summary>
    /// <exception cref="ArgumentException">No axis for an array of more than one dimension, or a 0-d array.</exception>
    public static NDArray CumulativeSum(NDArray x, int? axis = null, DType? dtype = null, bool includeInitial = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank == 0) throw new ArgumentException("cumulative_sum does not support zero-dimensional arrays", nameof(x));
        if (axis is null && x.Rank > 1) throw new ArgumentException("axis must be specified in cumulative_sum for more than one dimension", nameof(axis));
        int ax = Shape.NormalizeAxis(axis ?? 0, x.Rank);
        NDArray sums = Cumsum(x, ax, dtype);
        if (!includeInitial) return sums;
        int[] dims = sums.Shape.ToArray();
        dims[ax] = 1;
        return Concatenate([Zeros(dims, sums.DType, like: sums), sums], ax);
    }

    /// <summary>
    /// The <paramref name="n"/>-th discrete difference along <paramref name="axis"/> (NumPy's <c>diff</c>):
    /// <c>x[1:] - x[:-1]</c>, repeated; for bool arrays <c>x[1:] != x[:-1]</c>, as NumPy. <paramref name="prepend"/> and
    /// <paramref name="append"/> are joined to the array first; a scalar (or 0-d array) is broadcast to one slice along
    /// the axis, with its own dtype (<c>diff(float32, prepend=0)</c> is float64, as NumPy's).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="n"/> is negative, or <paramref name="a"/> is 0-d (NumPy's messages).</exception>
    public static NDArray Diff(NDArray a, int n = 1, int axis = -1, Operand? prepend = null, Operand? append = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (n == 0) return a;
        if (n < 0) throw new ArgumentException($"order must be non-negative but got {n}", nameof(n));
        if (a.Rank == 0) throw new ArgumentException("diff requires input that is at least one dimensional", nameof(a));
        int ax = Shape.NormalizeAxis(axis, a.Rank);
        if (prepend is not null || append is not null)
        {
            var parts = new List<NDArray>(3);
            if (prepend is { } p) parts.Add(Slab(a, ax, p));
            parts.Add(a);
            if (append is { } q) parts.Add(Slab(a, ax, q));
            a = Concatenate(parts.ToArray(), ax);
        }
        ArrayIndex[] upper = AlongAxis(ax, new Slice(1, null)), lower = AlongAxis(ax, new Slice(null, -1));
        for (int i = 0; i < n; i++)
        {
            a = a.DType == DType.Bool ? NotEqual(GetItem(a, upper), GetItem(a, lower)) : Subtract(GetItem(a, upper), GetItem(a, lower));
        }
        return a;
    }

    // diff's prepend/append value as an array to join: an array as it is, a scalar or 0-d array broadcast to one slice.
    private static NDArray Slab(NDArray a, int axis, Operand value)
    {
        int[] dims = a.Shape.ToArray();
        dims[axis] = 1;
        if (value.Array is { } array) return array.Rank == 0 ? BroadcastTo(array, dims) : array;
        return Full(dims, value.Scalar, like: a);
    }

    /// <summary>
    /// Picks values of <paramref name="arr"/> at <paramref name="indices"/> along <paramref name="axis"/> (NumPy's
    /// <c>take_along_axis</c>), the other axes broadcast between both: <c>TakeAlongAxis(a, Argsort(a, 1), 1)</c> sorts
    /// <c>a</c> along axis 1. With no axis the array is flattened and <paramref name="indices"/> must be 1-d. Composed
    /// from integer-array indexing, so a backend with <c>getitem</c> serves it.
    /// </summary>
    /// <exception cref="ArgumentException">The ranks differ, or the indices are not integers (NumPy's messages).</exception>
    public static NDArray TakeAlongAxis(NDArray arr, NDArray indices, int? axis)
    {
        ArgumentNullException.ThrowIfNull(arr);
        ArgumentNullException.ThrowIfNull(indices);
        if (!indices.DType.IsInteger()) throw new DTypeMismatchException("`indices` must be an integer array", nameof(indices));
        int ax;
        if (axis is null)
        {
            if (indices.Rank != 1) throw new ArgumentException("when axis=None, `indices` must have a single dimension.", nameof(indices));
            arr = Ravel(arr);
            ax = 0;
        }
        else
        {
            ax = Shape.NormalizeAxis(axis.Value, arr.Rank);
            if (indices.Rank != arr.Rank) throw new ArgumentException("`indices` and `arr` must have the same number of dimensions", nameof(indices));
        }
        int rank = arr.Rank;
        var index = new ArrayIndex[rank];
        for (int d = 0; d < rank; d++)
        {
            if (d == ax)
            {
                index[d] = indices;
                continue;
            }
            int[] dims = new int[rank];
            System.Array.Fill(dims, 1);
            dims[d] = arr.Shape.Dims[d];
            index[d] = Reshape(Arange(0L, (long)dims[d], 1L, DType.Int64, like: arr), dims);
        }
        return GetItem(arr, index);
    }

    /// <summary>The sorted unique values of the flattened array (the array API's <c>unique_values</c>).</summary>
    public static NDArray UniqueValues(NDArray x) => Unique(x, false, false, false, equalNan: false).Values;

    /// <summary>The sorted unique values and how often each occurs (the array API's <c>unique_counts</c>).</summary>
    public static UniqueCountsResult UniqueCounts(NDArray x)
    {
        UniqueResult r = Unique(x, false, false, true, equalNan: false);
        return new(r.Values, r.Counts!);
    }

    /// <summary>The sorted unique values and, in the input's shape, the index of each element's value (the array API's <c>unique_inverse</c>).</summary>
    public static UniqueInverseResult UniqueInverse(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        UniqueResult r = Unique(x, false, true, false, equalNan: false);
        return new(r.Values, Reshape(r.Inverse!, x.Shape.ToArray()));
    }

    /// <summary>
    /// The sorted unique values, the first index of each, the inverse indices in the input's shape and the counts (the
    /// array API's <c>unique_all</c>). Every NaN is a value of its own, as in the standard and NumPy 2.
    /// </summary>
    public static UniqueAllResult UniqueAll(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        UniqueResult r = Unique(x, true, true, true, equalNan: false);
        return new(r.Values, r.Indices!, Reshape(r.Inverse!, x.Shape.ToArray()), r.Counts!);
    }

    /// <summary>The vector dot product over <paramref name="axis"/> of each operand (the array API's <c>vecdot(x1, x2, axis=…)</c>), the first conjugated when complex.</summary>
    public static NDArray VecDot(NDArray a, NDArray b, int axis)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (axis != -1)
        {
            a = MoveAxis(a, [axis], [-1]);
            b = MoveAxis(b, [axis], [-1]);
        }
        return VecDot(a, b);
    }

    /// <summary>
    /// The array API's <c>from_dlpack</c>: <paramref name="source"/> (an array of any backend, or a
    /// <see cref="HostBuffer"/>) as an array of <paramref name="backend"/> (the default backend when null) that shares its
    /// memory when the memory allows. Shared, without a copy: a <see cref="HostBuffer"/>, and an array whose
    /// <see cref="NDArray.IsHostResident"/> is true (Dense, and any backend whose <see cref="NDArray.ToHost"/> exposes its
    /// storage), in any strides, when the target backend views host memory (Dense does; writes through either array are
    /// seen by both). Copied: a device array (Gpu copies it to the host), a lazy one (Chunked computes and assembles its
    /// chunks), a sparse one (Sparse fills in the zeros), and anything imported by a backend that keeps its own storage.
    /// <paramref name="copy"/> is the standard's: <see langword="true"/> always copies, <see langword="false"/> refuses
    /// to copy (the standard's <c>BufferError</c> as <see cref="NotSupportedException"/>), <see langword="null"/> shares
    /// when it can.
    /// </summary>
    /// <exception cref="NotSupportedException"><paramref name="copy"/> is false and the memory cannot be shared.</exception>
    public static NDArray FromDLPack(object source, bool? copy = null, string? backend = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        HostBuffer buffer;
        switch (source)
        {
            case HostBuffer b:
                buffer = b;
                break;
            case NDArray a:
                if (!a.IsHostResident && copy == false)
                {
                    throw new NotSupportedException($"from_dlpack(copy=False): the {a.Backend} array's memory is not host-resident, so it cannot be shared without a copy");
                }
                buffer = a.ToHost();
                break;
            default:
                throw new ArgumentException($"from_dlpack takes an array or a HostBuffer, not {source.GetType().Name}", nameof(source));
        }
        if (copy == true) return Array(buffer, backend);
        Dispatch.Placement placement = Place(backend, null).WithOption(SharedMemoryOption, true);
        NDArray result = Dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(buffer, null, false, placement));
        if (copy == false)
        {
            using HostBuffer exported = result.ToHost();
            if (!SharesStorage(exported, buffer))
            {
                throw new NotSupportedException($"from_dlpack(copy=False): backend '{result.Backend}' keeps its own storage, so the memory cannot be shared without a copy");
            }
        }
        return result;
    }

    /// <summary>Whether two buffers are over the same storage: the same .NET array, or the same native address.</summary>
    private static bool SharesStorage(HostBuffer a, HostBuffer b) =>
        a.IsNative ? b.IsNative && a.Address == b.Address : !b.IsNative && ReferenceEquals(a.Data, b.Data);

    /// <summary>
    /// The creation option a backend reads in <c>asarray</c> of a <see cref="HostBuffer"/>: <see langword="true"/> asks it
    /// to view the buffer's memory rather than copy it (<see cref="FromDLPack"/>). A backend that keeps its own storage
    /// ignores it and copies.
    /// </summary>
    public const string SharedMemoryOption = "share";

    /// <summary>The array API's <c>__array_namespace_info__()</c>: the protocol's capabilities, default dtypes and devices (backends).</summary>
    public static ArrayNamespaceInfo ArrayNamespaceInfo() => new();

    // An index that selects `item` at `axis` and everything before it.
    private static ArrayIndex[] AlongAxis(int axis, ArrayIndex item)
    {
        var index = new ArrayIndex[axis + 1];
        for (int i = 0; i < axis; i++) index[i] = ArrayIndex.All;
        index[axis] = item;
        return index;
    }

    public static partial class Linalg
    {
        /// <summary><c>linalg.matmul</c>: the same function as <see cref="Np.MatMul"/> (NumPy 2 aliases it).</summary>
        public static NDArray MatMul(NDArray a, NDArray b) => Np.MatMul(a, b);

        /// <summary><c>linalg.outer</c>: the same function as <see cref="Np.Outer"/>.</summary>
        public static NDArray Outer(NDArray a, NDArray b) => Np.Outer(a, b);

        /// <summary><c>linalg.tensordot</c>: the same function as <see cref="Np.Tensordot(NDArray, NDArray, int)"/>.</summary>
        public static NDArray Tensordot(NDArray a, NDArray b, int axes = 2) => Np.Tensordot(a, b, axes);

        /// <summary><c>linalg.tensordot</c> with explicit axes.</summary>
        public static NDArray Tensordot(NDArray a, NDArray b, int[] axesA, int[] axesB) => Np.Tensordot(a, b, axesA, axesB);

        /// <summary><c>linalg.vecdot</c>: the same function as <see cref="Np.VecDot(NDArray, NDArray, int)"/>.</summary>
        public static NDArray VecDot(NDArray a, NDArray b, int axis = -1) => Np.VecDot(a, b, axis);

        /// <summary><c>linalg.matrix_transpose</c>: the last two axes swapped, as <see cref="Np.MatrixTranspose"/>.</summary>
        public static NDArray MatrixTranspose(NDArray x) => Np.MatrixTranspose(x);

        /// <summary>
        /// <c>linalg.diagonal</c>: the diagonals of the matrices in the LAST two axes, at <paramref name="offset"/>, as the
        /// last axis (unlike <see cref="Np.Diagonal"/>, whose default axes are the first two).
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="x"/> has fewer than two dimensions.</exception>
        public static NDArray Diagonal(NDArray x, int offset = 0)
        {
            ArgumentNullException.ThrowIfNull(x);
            if (x.Rank < 2) throw new ArgumentException("diag requires an array of at least two dimensions", nameof(x));
            return Np.Diagonal(x.Rank == 2 ? x : MoveAxis(x, [-2, -1], [0, 1]), offset);
        }

        /// <summary>
        /// <c>linalg.trace</c>: the sums of the diagonals at <paramref name="offset"/> of the matrices in the last two axes,
        /// with <c>sum</c>'s dtype rule (or <paramref name="dtype"/>).
        /// </summary>
        public static NDArray Trace(NDArray x, int offset = 0, DType? dtype = null) => Sum(Diagonal(x, offset), -1, dtype: dtype);

        /// <summary>
        /// <c>linalg.cross</c>: the cross product of 3-element vectors along <paramref name="axis"/>, the other axes
        /// broadcast (the standard's version: only 3-vectors, one axis for both operands and the result).
        /// </summary>
        /// <exception cref="ArgumentException">A vector axis does not have length 3 (NumPy 2's message).</exception>
        public static NDArray Cross(NDArray x1, NDArray x2, int axis = -1)
        {
            ArgumentNullException.ThrowIfNull(x1);
            ArgumentNullException.ThrowIfNull(x2);
            int d1 = x1.Shape[axis], d2 = x2.Shape[axis];
            if (d1 != 3 || d2 != 3)
            {
                throw new ArgumentException($"Both input arrays must be (arrays of) 3-dimensional vectors, but they are {d1} and {d2} dimensional instead.", d1 != 3 ? nameof(x1) : nameof(x2));
            }
            NDArray a = MoveAxis(x1, [axis], [-1]), b = MoveAxis(x2, [axis], [-1]);
            NDArray A(int i) => GetItem(a, ArrayIndex.Ellipsis, i);
            NDArray B(int i) => GetItem(b, ArrayIndex.Ellipsis, i);
            NDArray c0 = Subtract(Multiply(A(1), B(2)), Multiply(A(2), B(1)));
            NDArray c1 = Subtract(Multiply(A(2), B(0)), Multiply(A(0), B(2)));
            NDArray c2 = Subtract(Multiply(A(0), B(1)), Multiply(A(1), B(0)));
            NDArray cp = Stack([c0, c1, c2], c0.Rank);
            return MoveAxis(cp, [-1], [axis]);
        }

        /// <summary>
        /// <c>linalg.matrix_norm</c>: the norm of each matrix in the last two axes; <paramref name="ord"/> is
        /// <c>"fro"</c> (the default), <c>"nuc"</c>, 1, -1, 2, -2, ∞ or -∞.
        /// </summary>
        public static NDArray MatrixNorm(NDArray x, bool keepDims = false, NormOrder ord = default)
        {
            ArgumentNullException.ThrowIfNull(x);
            return Norm(x, ord.IsDefault ? NormOrder.Frobenius : ord, Axes.Of(-2, -1), keepDims);
        }

        /// <summary>
        /// <c>linalg.vector_norm</c>: the p-norm over <paramref name="axis"/> (every axis by default, one axis, or several
        /// taken together as one vector); <paramref name="ord"/> is any real p, including 0 (the count of non-zeros) and
        /// ±∞; 2 by default.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="ord"/> is a matrix norm's name.</exception>
        public static NDArray VectorNorm(NDArray x, Axes axis = default, bool keepDims = false, NormOrder ord = default)
        {
            ArgumentNullException.ThrowIfNull(x);
            if (ord.Named is { } name) throw new ArgumentException($"Invalid norm order '{name}' for vectors", nameof(ord));
            NormOrder p = ord.IsDefault ? 2.0 : ord;
            int rank = x.Rank;
            int[] axes;
            if (axis.IsAll)
            {
                axes = Enumerable.Range(0, rank).ToArray();
            }
            else
            {
                axes = axis.Values.ToArray();
                for (int i = 0; i < axes.Length; i++) axes[i] = Shape.NormalizeAxis(axes[i], rank);
                if (axes.Distinct().Count() != axes.Length) throw new ArgumentException("repeated axis", nameof(axis));
                if (axes.Length == 1) return Norm(x, p, Axes.Of(axes[0]), keepDims);
            }
            // Several axes (or all): those axes, in the order given, become one axis at the end, as NumPy 2's reshape.
            int[] rest = Enumerable.Range(0, rank).Where(i => !axes.Contains(i)).ToArray();
            int[] dims = [.. rest.Select(i => x.Shape.Dims[i]), axes.Aggregate(1, (n, i) => n * x.Shape.Dims[i])];
            NDArray moved = axis.IsAll ? x : MoveAxis(x, axes, Enumerable.Range(rest.Length, axes.Length).ToArray());
            NDArray result = Norm(Reshape(moved, dims), p, Axes.Of(-1));
            if (!keepDims) return result;
            int[] kept = x.Shape.ToArray();
            foreach (int a in axes) kept[a] = 1;
            return Reshape(result, kept);
        }

        /// <summary>
        /// <c>linalg.matrix_power</c>: the square matrices in the last two axes to the integer power <paramref name="n"/>,
        /// by repeated squaring in NumPy's order (so floats round as NumPy's); 0 gives identities of the input's dtype, a
        /// negative power is the power of <see cref="Inv"/> (so an integer matrix answers in float64, as NumPy's).
        /// </summary>
        /// <exception cref="LinAlgException">The array is not a (stack of) square matrices (NumPy's messages).</exception>
        public static NDArray MatrixPower(NDArray a, int n)
        {
            ArgumentNullException.ThrowIfNull(a);
            Functions.LinalgRules.RequireSquareStack(a);
            if (n == 0) return CopyInCOrder(BroadcastTo(Eye(a.Shape[-1], dtype: a.DType, like: a), a.Shape.ToArray()));
            long power = n;
            if (power < 0)
            {
                a = Inv(a);
                power = -power;
            }
            if (power == 1) return a;
            if (power == 2) return Np.MatMul(a, a);
            if (power == 3) return Np.MatMul(Np.MatMul(a, a), a);
            NDArray? z = null, result = null;
            while (power > 0)
            {
                z = z is null ? a : Np.MatMul(z, z);
                long bit = power % 2;
                power /= 2;
                if (bit == 1) result = result is null ? z : Np.MatMul(result, z);
            }
            return result!;
        }
    }
}
