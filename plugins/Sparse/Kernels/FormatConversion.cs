namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Format conversions that need more than a counting sort.</summary>
internal static class FormatConversion
{
    /// <summary>
    /// COO to CSR. A canonical COO (row-major, no duplicates) is already in CSR order: the row pointer is a histogram of
    /// the rows, and the column and value arrays are shared (canonical storage is never modified in place). Otherwise a stable counting sort on the rows, then each
    /// row is sorted and its duplicates summed.
    /// </summary>
    public static CsrArray CooToCsr(CooArray coo)
    {
        int rows = coo.Shape.Dims[0];
        SparseBuffer<int> r = coo.CoordBuffers[0], c = coo.CoordBuffers[1];
        if (coo.IsCanonical)
        {
            SparseBuffer<int> indptrBuffer = SparseBuffers.Allocate<int>(rows + 1, clear: true);
            Span<int> indptr = indptrBuffer.Span;
            foreach (int i in r.Span) indptr[i + 1]++;
            for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
            return new CsrArray(indptrBuffer, c, coo.ValueBuffer, coo.Shape, true, true);
        }
        (SparseBuffer<int> p, SparseBuffer<int> idx, SparseBuffer v) = CompressedKernels.FromCoordinates(r, c, coo.ValueBuffer, rows);
        var result = new CsrArray(p, idx, v, coo.Shape, false, false);
        result.SumDuplicates();
        return result;
    }
}
