using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse;

/// <summary>
/// The shared storage of <see cref="CsrArray"/> and <see cref="CscArray"/>: for each major line (a row of CSR, a column
/// of CSC) the range <c>Indptr[i]..Indptr[i + 1]</c> of <see cref="Indices"/> (minor positions) and values.
/// </summary>
public abstract class CompressedArray : SparseArray
{
    private SparseBuffer<int> _indices;
    private SparseBuffer _values;
    private SparseBuffer<int> _indptr;

    private protected CompressedArray(int[] indptr, int[] indices, Array values, Shape shape, bool sorted, bool canonical)
        : this(new SparseBuffer<int>(indptr), new SparseBuffer<int>(indices), SparseBuffer.Wrap(values), shape, sorted, canonical)
    {
    }

    /// <summary>An array over the buffers (not copied): it takes a reference to each, given back by <see cref="SparseArray.Dispose"/>.</summary>
    private protected CompressedArray(SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer values, Shape shape, bool sorted, bool canonical)
        : base(shape, CooArray.DTypeOf(values.ElementType))
    {
        _indptr = indptr;
        _indices = indices;
        _values = values;
        indptr.AddReference();
        indices.AddReference();
        values.AddReference();
        HasSortedIndices = sorted || canonical;
        _canonical = canonical;
    }

    private bool _canonical;

    /// <summary>
    /// Where each major line's entries start (<c>Indptr[i]..Indptr[i + 1]</c> of <see cref="Indices"/> and the values);
    /// one more entry than there are lines. A view of the array's storage, not a copy: valid while the array is
    /// reachable and not disposed.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    public ReadOnlySpan<int> Indptr => IndptrBuffer.Span;

    /// <summary>The minor position of each stored entry (columns of CSR, rows of CSC); a view of the storage, not a copy.</summary>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    public ReadOnlySpan<int> Indices => IndicesBuffer.Span;

    /// <summary>The buffer behind <see cref="Indptr"/>, for the plugin's kernels (never handed out).</summary>
    internal SparseBuffer<int> IndptrBuffer
    {
        get
        {
            ThrowIfDisposed();
            return _indptr;
        }
    }

    /// <summary>The buffer behind <see cref="Indices"/>, for the plugin's kernels (never handed out).</summary>
    internal SparseBuffer<int> IndicesBuffer
    {
        get
        {
            ThrowIfDisposed();
            return _indices;
        }
    }

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
    private protected override void ReleaseStorage()
    {
        _indptr.Release();
        _indices.Release();
        _values.Release();
    }

    /// <summary>Replaces the storage (after an in-place canonicalisation): takes the new buffers, releases the old.</summary>
    private void Replace(SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer values)
    {
        indptr.AddReference();
        indices.AddReference();
        values.AddReference();
        ReleaseStorage();
        _indptr = indptr;
        _indices = indices;
        _values = values;
    }

    /// <inheritdoc/>
    public override int Nnz => IndptrBuffer.Span[^1];

    /// <summary>Whether the indices are sorted within each line (SciPy's <c>has_sorted_indices</c>).</summary>
    public bool HasSortedIndices { get; private set; }

    /// <inheritdoc/>
    public override bool IsCanonical => _canonical;

    /// <summary>The number of major lines: rows for CSR, columns for CSC.</summary>
    internal abstract int Major { get; }

    /// <summary>The length of each line: columns for CSR, rows for CSC.</summary>
    internal abstract int Minor { get; }

    /// <summary>Sorts each line's indices and sums duplicates, in place (SciPy's <c>sum_duplicates</c>).</summary>
    public CompressedArray SumDuplicates()
    {
        if (_canonical) return this;
        (SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer values) = CompressedKernels.Canonicalize(IndptrBuffer, IndicesBuffer, ValueBuffer);
        Replace(indptr, indices, values);
        HasSortedIndices = true;
        _canonical = true;
        return this;
    }

    /// <summary>Checks sortedness and duplicates once, so that arrays built unsorted but found canonical are marked so.</summary>
    internal void RefreshCanonicalFlag()
    {
        if (_canonical) return;
        _canonical = CompressedKernels.IsCanonical(IndptrBuffer.Span, IndicesBuffer.Span);
        if (_canonical) HasSortedIndices = true;
    }

    /// <summary>SciPy's <c>str</c> of a CSR/CSC array (see <see cref="SparseArray.ToString(string?, IFormatProvider?)"/>).</summary>
    internal string StoredEntriesText(string? format)
    {
        const int MaxPrint = 50;                         // SciPy's spmatrix.maxprint
        using SparseBuffer<int> majorBuffer = ExpandMajor();
        SparseBuffer<int> minorBuffer = IndicesBuffer;
        SparseBuffer values = ValueBuffer;
        bool rowMajor = Format == SparseFormat.Csr;
        var lines = new List<string>();
        void Add(int k)
        {
            string value = values.VisitValues<ScalarText, string>(new(k, format));
            int major = majorBuffer.Span[k], minor = minorBuffer.Span[k];
            lines.Add(rowMajor ? $"  ({major}, {minor})\t{value}" : $"  ({minor}, {major})\t{value}");
        }
        if (Nnz <= MaxPrint)
        {
            for (int k = 0; k < Nnz; k++) Add(k);
        }
        else
        {
            for (int k = 0; k < MaxPrint / 2; k++) Add(k);
            lines.Add("  :\t:");
            for (int k = Nnz - (MaxPrint - MaxPrint / 2); k < Nnz; k++) Add(k);
        }
        return string.Join('\n', lines);
    }

    /// <summary>NumPy's str of value <c>k</c> as a scalar (a 0-d array prints as its scalar does).</summary>
    private readonly struct ScalarText(int k, string? format) : IValuesBufferFunction<string>
    {
        public string Number<T>(SparseBuffer<T> values) where T : unmanaged, System.Numerics.INumberBase<T> => Printing.ArrayPrinter.Format(Interchange.HostBuffer.FromContiguous(new[] { values.Span[k] }, Shape.Scalar), format);

        public string Bool(SparseBuffer<bool> values) => values.Span[k] ? "True" : "False";
    }

    /// <summary>The major position of each entry in storage order (rows of CSR, columns of CSC), from the allocator.</summary>
    internal SparseBuffer<int> ExpandMajor()
    {
        SparseBuffer<int> majors = SparseBuffers.Allocate<int>(Nnz);
        Span<int> m = majors.Span;
        ReadOnlySpan<int> indptr = IndptrBuffer.Span;
        for (int i = 0; i < Major; i++) m[indptr[i]..indptr[i + 1]].Fill(i);
        return majors;
    }

    /// <summary>
    /// Builds a CSR (<paramref name="rowMajor"/>) or CSC array from SciPy's <c>(data, indices, indptr)</c> after checking
    /// every entry; the arrays are copied and the canonical flag is computed.
    /// </summary>
    private protected static TArray FromChecked<TArray>(Array data, ReadOnlySpan<int> indices, ReadOnlySpan<int> indptr, Shape shape, bool rowMajor, Func<SparseBuffer<int>, SparseBuffer<int>, SparseBuffer, TArray> make)
        where TArray : CompressedArray
    {
        ArgumentNullException.ThrowIfNull(data);
        Require2D(shape, rowMajor ? "CSR" : "CSC");
        _ = CooArray.DTypeOf(data);
        int major = shape.Dims[rowMajor ? 0 : 1], minor = shape.Dims[rowMajor ? 1 : 0];
        SparseValidation.CheckCompressed(indptr, indices, data.Length, major, minor, rowMajor ? 1 : 0);
        TArray result = make(SparseBuffers.CopyOf(indptr), SparseBuffers.CopyOf(indices), SparseBuffers.CopyOf(SparseBuffer.Wrap(data)));
        result.RefreshCanonicalFlag();
        return result;
    }
}
