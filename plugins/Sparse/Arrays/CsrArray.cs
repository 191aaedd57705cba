using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse;

/// <summary>A 2-d sparse array in compressed sparse row format (SciPy's <c>csr_array</c>): fast row access, SpMV and SpGEMM.</summary>
public sealed class CsrArray : CompressedArray
{
    internal CsrArray(int[] indptr, int[] indices, Array values, Shape shape, bool sorted, bool canonical)
        : base(indptr, indices, values, shape, sorted, canonical)
    {
    }

    internal CsrArray(SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer values, Shape shape, bool sorted, bool canonical)
        : base(indptr, indices, values, shape, sorted, canonical)
    {
    }

    /// <summary>
    /// SciPy's <c>csr_array((data, indices, indptr), shape)</c>. Every entry of <paramref name="indptr"/> and
    /// <paramref name="indices"/> is checked; the arrays are copied (another array's <see cref="CompressedArray.Indices"/> and
    /// <see cref="CompressedArray.Indptr"/> views may be passed as they are).
    /// </summary>
    /// <exception cref="SparseIndexException">An index is outside the columns, or <paramref name="indptr"/> is not a valid row pointer.</exception>
    public static CsrArray FromCompressed(Array data, ReadOnlySpan<int> indices, ReadOnlySpan<int> indptr, Shape shape) =>
        FromChecked(data, indices, indptr, shape, rowMajor: true, (p, i, v) => new CsrArray(p, i, v, shape, false, false));

    /// <summary>SciPy's <c>csr_array((data, (row, col)), shape)</c>: duplicates are summed.</summary>
    /// <exception cref="SparseIndexException">A row or column index is outside the shape.</exception>
    public static CsrArray FromTriplets(Array data, ReadOnlySpan<int> row, ReadOnlySpan<int> col, Shape shape) => CooArray.FromTriplets(data, row, col, shape).ToCsr();

    /// <inheritdoc/>
    public override SparseFormat Format => SparseFormat.Csr;

    internal override int Major => Shape.Dims[0];

    internal override int Minor => Shape.Dims[1];

    /// <inheritdoc/>
    public override CooArray ToCoo()
    {
        SparseBuffer<int> rows = ExpandMajor();
        // Canonical storage is never modified in place, so the column and value buffers can be shared.
        return IsCanonical
            ? new CooArray([rows, IndicesBuffer], ValueBuffer, Shape, true)
            : new CooArray([rows, SparseBuffers.CopyOf<int>(IndicesBuffer.Span)], SparseBuffers.CopyOf(ValueBuffer), Shape, false);
    }

    /// <inheritdoc/>
    public override CsrArray ToCsr() => this;

    /// <inheritdoc/>
    public override CscArray ToCsc()
    {
        (SparseBuffer<int> p, SparseBuffer<int> i, SparseBuffer v) = CompressedKernels.Transpose(IndptrBuffer, IndicesBuffer, ValueBuffer, Minor);
        return new CscArray(p, i, v, Shape, true, IsCanonical);
    }

    /// <summary>The transpose as a CSC array sharing this array's storage (no copy).</summary>
    internal CscArray TransposeView() => new(IndptrBuffer, IndicesBuffer, ValueBuffer, new Shape(Shape.Dims[1], Shape.Dims[0]), HasSortedIndices, IsCanonical);
}
