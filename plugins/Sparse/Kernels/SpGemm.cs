using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Sparse × sparse by Gustavson's row-by-row algorithm, in two parallel passes over row blocks as SciPy's
/// <c>csr_matmat</c> does serially: a symbolic pass counts each row's distinct columns, then a numeric pass accumulates
/// straight into the result, so nothing of the output's size is allocated besides the result. Columns within a row come
/// out in first-touch order (unsorted, as in SciPy).
/// </summary>
internal static class SpGemm
{
    /// <remarks>
    /// The inputs are buffers (a lambda cannot capture spans; each block takes its spans); the result's buffers come from
    /// <see cref="SparseBuffers.Allocate{T}"/>, so a large product is native.
    /// </remarks>
    public static (SparseBuffer<int> Indptr, SparseBuffer<int> Indices, SparseBuffer<T> Values) Multiply<T>(
        int rows, int cols, SparseBuffer<int> ap, SparseBuffer<int> ai, SparseBuffer<T> av, SparseBuffer<int> bp, SparseBuffer<int> bi, SparseBuffer<T> bv)
        where T : unmanaged, INumberBase<T>
    {
        int blocks = Blocks.Count(rows);
        SparseBuffer<int> indptrBuffer = SparseBuffers.Allocate<int>(rows + 1, clear: true);
        Parallel.For(0, blocks, Blocks.Options, () => NewMarks(cols), (blk, _, mark) =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            ReadOnlySpan<int> aptr = ap.Span, aidx = ai.Span, bptr = bp.Span, bidx = bi.Span;
            Span<int> indptr = indptrBuffer.Span;
            for (int i = start; i < end; i++)
            {
                int count = 0;
                for (int k = aptr[i]; k < aptr[i + 1]; k++)
                {
                    int j = aidx[k];
                    for (int t = bptr[j], tEnd = bptr[j + 1]; t < tEnd; t++)
                    {
                        int c = bidx[t];
                        if (mark[c] == i) continue;
                        mark[c] = i;
                        count++;
                    }
                }
                indptr[i + 1] = count;
            }
            return mark;
        }, _ => { });
        int nnz = SparseValidation.CumulativeCounts(indptrBuffer.Span, $"sparse @ sparse of shapes ({rows}, {bp.Length - 1}) and ({bp.Length - 1}, {cols})");
        SparseBuffer<int> indices = SparseBuffers.Allocate<int>(nnz);
        SparseBuffer<T> values = SparseBuffers.Allocate<T>(nnz);
        Parallel.For(0, blocks, Blocks.Options, () => NewMarks(cols), (blk, _, slots) =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            // Spans in locals rather than captured variables, so the JIT keeps them in registers in the inner loop.
            ReadOnlySpan<int> aptr = ap.Span, aidx = ai.Span, bptr = bp.Span, bidx = bi.Span, indptr = indptrBuffer.Span;
            Span<int> idx = indices.Span;
            ReadOnlySpan<T> aval = av.Span, bval = bv.Span;
            Span<T> val = values.Span;
            for (int i = start; i < end; i++)
            {
                int rowStart = indptr[i], w = rowStart;
                for (int k = aptr[i]; k < aptr[i + 1]; k++)
                {
                    int j = aidx[k];
                    T a = aval[k];
                    for (int t = bptr[j], tEnd = bptr[j + 1]; t < tEnd; t++)
                    {
                        int c = bidx[t];
                        int slot = slots[c];
                        // A slot inside this row's written range that holds c is c's accumulator; anything else is stale.
                        if ((uint)(slot - rowStart) < (uint)(w - rowStart) && idx[slot] == c) val[slot] += a * bval[t];
                        else
                        {
                            slots[c] = w;
                            idx[w] = c;
                            val[w++] = a * bval[t];
                        }
                    }
                }
            }
            return slots;
        }, _ => { });
        return (indptrBuffer, indices, values);
    }

    private static int[] NewMarks(int cols)
    {
        var marks = new int[cols];
        Array.Fill(marks, -1);
        return marks;
    }
}
