using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse;

/// <summary>A 2-d sparse array in compressed sparse column format (SciPy's <c>csc_array</c>): fast column access.</summary>
public sealed class CscArray : CompressedArray
{
    internal CscArray(int[] indptr, int[] indices, Array values, Shape shape, bool sorted, bool canonical)
        : base(indptr, indices, values, shape, sorted, canonical)
    {
    }

    internal CscArray(SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer values, Shape shape, bool sorted, bool canonical)
        : base(indptr, indices, values, shape, sorted, canonical)
    {
    }

    /// <summary>
    /// SciPy's <c>csc_array((data, indices, indptr), shape)</c>: <paramref name="indices"/> are row positions, column by
    /// column. Every entry is checked; the arrays are copied (another array's <see cref="CompressedArray.Indices"/> and
    /// <see cref="CompressedArray.Indptr"/> views may be passed as they are).
    /// </summary>
    /// <exception cref="SparseIndexException">An index is outside the rows, or <paramref name="indptr"/> is not a valid column pointer.</exception>
    public static CscArray FromCompressed(Array data, ReadOnlySpan<int> indices, ReadOnlySpan<int> indptr, Shape shape) =>
        FromChecked(data, indices, indptr, shape, rowMajor: false, (p, i, v) => new CscArray(p, i, v, shape, false, false));

    /// <inheritdoc/>
    public override SparseFormat Format => SparseFormat.Csc;

    internal override int Major => Shape.Dims[1];

    internal override int Minor => Shape.Dims[0];

    /// <inheritdoc/>
    public override CooArray ToCoo()
    {
        SumDuplicates();
        SparseBuffer<int> cols = ExpandMajor();
        // Entries are column-major here; COO's canonical order is row-major, so the result is sorted by COO itself.
        return new CooArray([SparseBuffers.CopyOf<int>(IndicesBuffer.Span), cols], SparseBuffers.CopyOf(ValueBuffer), Shape, false).SumDuplicates();
    }

    /// <inheritdoc/>
    public override CsrArray ToCsr()
    {
        (SparseBuffer<int> p, SparseBuffer<int> i, SparseBuffer v) = CompressedKernels.Transpose(IndptrBuffer, IndicesBuffer, ValueBuffer, Minor);
        return new CsrArray(p, i, v, Shape, true, IsCanonical);
    }

    /// <inheritdoc/>
    public override CscArray ToCsc() => this;

    /// <summary>The transpose as a CSR array sharing this array's storage (no copy).</summary>
    internal CsrArray TransposeView() => new(IndptrBuffer, IndicesBuffer, ValueBuffer, new Shape(Shape.Dims[1], Shape.Dims[0]), HasSortedIndices, IsCanonical);
}
