using ArrayDispatch.Interchange;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse;

/// <summary>
/// An n-dimensional sparse array in coordinate format (pydata/sparse's <c>COO</c>, SciPy's <c>coo_array</c>): for each
/// stored entry, one coordinate per axis and its value.
/// </summary>
public sealed class CooArray : SparseArray
{
    private SparseBuffer<int>[] _coords;
    private SparseBuffer _values;
    private bool _canonical;

    internal CooArray(int[][] coords, Array values, Shape shape, bool canonical)
        : this(Array.ConvertAll(coords, c => new SparseBuffer<int>(c)), SparseBuffer.Wrap(values), shape, canonical)
    {
    }

    /// <summary>An array over the buffers (not copied): it takes a reference to each, given back by <see cref="SparseArray.Dispose"/>.</summary>
    internal CooArray(SparseBuffer<int>[] coords, SparseBuffer values, Shape shape, bool canonical) : base(shape, DTypeOf(values.ElementType))
    {
        _coords = coords;
        _values = values;
        foreach (SparseBuffer<int> c in coords) c.AddReference();
        values.AddReference();
        _canonical = canonical || values.Length <= 1;
    }

    private protected override void ReleaseStorage()
    {
        foreach (SparseBuffer<int> c in _coords) c.Release();
        _values.Release();
    }

    /// <summary>
    /// Builds an array from coordinates (<c>coords[axis][k]</c> is axis <c>axis</c> of entry <c>k</c>) and values.
    /// Every coordinate is checked; duplicates are allowed and summed by <see cref="SumDuplicates"/>. The arrays are copied.
    /// </summary>
    /// <exception cref="SparseIndexException">A coordinate is outside its axis; the message names the axis, position and value.</exception>
    /// <exception cref="ShapeMismatchException">The arrays' lengths or count do not fit the shape.</exception>
    public static CooArray FromCoordinates(Array values, int[][] coords, Shape shape)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(coords);
        _ = DTypeOf(values);
        if (coords.Length != shape.Rank)
        {
            throw new ShapeMismatchException($"{coords.Length} coordinate arrays given for shape {shape} of rank {shape.Rank}", "coords", shape);
        }
        for (int axis = 0; axis < coords.Length; axis++)
        {
            ArgumentNullException.ThrowIfNull(coords[axis], $"coords[{axis}]");
            SparseValidation.CheckIndices(coords[axis], values.Length, shape.Dims[axis], axis, coords.Length == 2 ? (axis == 0 ? "row" : "col") : $"coords[{axis}]");
        }
        // Copies from the allocator: large arrays are native from the start.
        var copy = Array.ConvertAll(coords, c => SparseBuffers.CopyOf<int>(c));
        return new CooArray(copy, SparseBuffers.CopyOf(SparseBuffer.Wrap(values)), shape, IsSorted(coords, values.Length, shape, unique: true));
    }

    /// <summary>SciPy's <c>coo_array((data, (row, col)), shape)</c>: a 2-d array from triplets, every index checked.</summary>
    /// <exception cref="SparseIndexException">A row or column index is outside the shape.</exception>
    public static CooArray FromTriplets(Array data, ReadOnlySpan<int> row, ReadOnlySpan<int> col, Shape shape) => FromCoordinates(data, [row.ToArray(), col.ToArray()], shape);

    /// <inheritdoc/>
    public override SparseFormat Format => SparseFormat.Coo;

    /// <inheritdoc/>
    public override int Nnz => (int)_values.Length;

    /// <inheritdoc/>
    internal override SparseBuffer ValueBuffer
    {
        get
        {
            ThrowIfDisposed();
            return _values;
        }
    }

    /// <inheritdoc/>
    public override bool IsCanonical => _canonical;

    /// <summary>The coordinates of the stored entries along <paramref name="axis"/>.</summary>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    public ReadOnlySpan<int> Coordinates(int axis) => CoordBuffers[Shape.NormalizeAxis(axis)].Span;

    /// <summary>The buffers behind <see cref="Coordinates"/>, one per axis (for the plugin's kernels; never handed out).</summary>
    internal SparseBuffer<int>[] CoordBuffers
    {
        get
        {
            ThrowIfDisposed();
            return _coords;
        }
    }

    /// <summary>Sorts the entries in row-major order and sums duplicates, in place (SciPy's <c>sum_duplicates</c>).</summary>
    public CooArray SumDuplicates()
    {
        if (_canonical) return this;
        SparseBuffer<int>[] buffers;
        SparseBuffer valueBuffer;
        if (CooKernels.Canonicalize(CoordBuffers, ValueBuffer, Shape) is { } canonical) (buffers, valueBuffer) = canonical;
        else
        {
            _canonical = true;
            return this;
        }
        foreach (SparseBuffer<int> c in buffers) c.AddReference();
        valueBuffer.AddReference();
        ReleaseStorage();
        _coords = buffers;
        _values = valueBuffer;
        _canonical = true;
        return this;
    }

    /// <inheritdoc/>
    public override CooArray ToCoo() => this;

    /// <inheritdoc/>
    public override CsrArray ToCsr()
    {
        Require2D(Shape, "CSR");
        return FormatConversion.CooToCsr(this);
    }

    /// <inheritdoc/>
    public override CscArray ToCsc()
    {
        Require2D(Shape, "CSC");
        using var swapped = new CooArray([CoordBuffers[1], CoordBuffers[0]], ValueBuffer, new Shape(Shape.Dims[1], Shape.Dims[0]), false);
        using CsrArray transposed = FormatConversion.CooToCsr(swapped);
        return transposed.TransposeView();
    }

    /// <summary>
    /// Dense results of at least this many bytes that leave the plugin (<see cref="SparseArray.ToHost"/>) are written into a
    /// native buffer from the protocol's pool, the 1 MB at which Dense keeps its arrays native: the caller's copy of it
    /// (Dense's <c>asarray</c>) gives it back at once instead of leaving a large managed array to the GC, and it may hold
    /// more than 2^31 elements. Smaller ones stay in .NET arrays, which cost less to make than a rent and a finalizer.
    /// </summary>
    internal const long NativeThresholdBytes = SparseBuffers.NativeThresholdBytes;

    /// <summary>
    /// Every element in a new C-contiguous buffer; duplicates are summed. <paramref name="native"/>: a buffer of at least
    /// <see cref="NativeThresholdBytes"/> is native (for buffers handed out); the plugin's own readers, which want a .NET
    /// array, pass false.
    /// </summary>
    internal HostBuffer Densify(bool native = false)
    {
        long size = Shape.Size;
        bool toNative = native && size * DType.ItemSize() >= NativeThresholdBytes;
        if (!toNative && size > Array.MaxLength)
        {
            throw new InvalidOperationException($"a dense array of shape {Shape} has {size} elements, more than one .NET array holds ({Array.MaxLength})");
        }
        // Duplicates summed first (in their order, as SciPy's toarray), then one typed write per entry: a copy, so a
        // negative zero stays negative.
        SparseBuffer<int>[] coords = CoordBuffers;
        SparseBuffer values = ValueBuffer;
        bool temporary = false;
        if (!_canonical && CooKernels.Canonicalize(coords, values, Shape) is { } canonical)
        {
            (coords, values) = canonical;
            temporary = true;
        }
        HostBuffer result = values.Visit<Scatter, HostBuffer>(new(coords, Shape.ContiguousStrides(), DType, Shape, size, toNative));
        GC.KeepAlive(coords);
        GC.KeepAlive(values);
        if (temporary)
        {
            // The canonical copies were this call's alone (no array adopted them).
            foreach (SparseBuffer<int> c in coords) c.Dispose();
            values.Dispose();
        }
        return result;
    }

    /// <summary>
    /// Writes unique entries into a zeroed buffer: a native one the returned host buffer owns (its Dispose gives it back
    /// to the pool), or a .NET array.
    /// </summary>
    private readonly unsafe struct Scatter(SparseBuffer<int>[] coords, long[] strides, DType dtype, Shape shape, long size, bool native) : IBufferFunction<HostBuffer>
    {
        public HostBuffer Visit<T>(SparseBuffer<T> values) where T : unmanaged
        {
            if (native)
            {
                var buffer = new Memory.NativeBuffer<T>(size, clear: true);
                Into(values.Span, buffer.Pointer);
                return new HostBuffer((nint)buffer.Pointer, size, dtype, shape, strides, 0, buffer);
            }
            var dense = new T[size];
            fixed (T* p = dense) Into(values.Span, p);
            return new HostBuffer(dense, dtype, shape, strides);
        }

        private void Into<T>(ReadOnlySpan<T> values, T* dense) where T : unmanaged
        {
            if (coords.Length == 2)
            {
                ReadOnlySpan<int> rows = coords[0].Span, cols = coords[1].Span;
                long s0 = strides[0], s1 = strides[1];
                for (int k = 0; k < values.Length; k++) dense[rows[k] * s0 + cols[k] * s1] = values[k];
                return;
            }
            // Any rank: the linear keys axis by axis (one span per axis), then one write per entry.
            using SparseBuffer<long> keyBuffer = SparseBuffers.Allocate<long>(values.Length, clear: true);
            Span<long> keys = keyBuffer.Span;
            for (int a = 0; a < coords.Length; a++)
            {
                ReadOnlySpan<int> c = coords[a].Span;
                long stride = strides[a];
                for (int k = 0; k < keys.Length; k++) keys[k] += c[k] * stride;
            }
            for (int k = 0; k < values.Length; k++) dense[keys[k]] = values[k];
        }
    }

    internal static bool IsSorted(int[][] coords, int n, Shape shape, bool unique)
    {
        if (coords.Length == 0) return n <= 1;
        long[] strides = shape.ContiguousStrides();
        long previous = -1;
        for (int k = 0; k < n; k++)
        {
            long key = 0;
            for (int a = 0; a < coords.Length; a++) key += coords[a][k] * strides[a];
            if (key < previous || (unique && key == previous)) return false;
            previous = key;
        }
        return true;
    }

    // By the exact element type: the runtime lets a uint[] pass as an int[] (and ulong[] as long[]) in a type test.
    internal static DType DTypeOf(Array values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return DTypeOf(values.GetType().GetElementType()!, values.GetType().Name);
    }

    /// <summary>The dtype whose .NET type is <paramref name="element"/> (a sparse dtype).</summary>
    internal static DType DTypeOf(Type element, string? typeName = null)
    {
        foreach (DType d in DTypes.All)
        {
            if (d.ClrType() == element) return SparseDTypes.Require(d);
        }
        throw new DTypeMismatchException($"sparse arrays hold values of bool or a numeric dtype (int8 … uint64, float16, float32, float64, complex64, complex128), not {typeName ?? element.Name}", "data");
    }
}
