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
    public static (int[] Indptr, int[] Indices, T[] Values) Multiply<T>(
        int rows, int cols, int[] ap, int[] ai, T[] av, int[] bp, int[] bi, T[] bv) where T : unmanaged, INumberBase<T>
    {
        int blocks = Blocks.Count(rows);
        var indptr = new int[rows + 1];
        Parallel.For(0, blocks, Blocks.Options, () => NewMarks(cols), (blk, _, mark) =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            int[] aptr = ap, aidx = ai, bptr = bp, bidx = bi;
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
        for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
        int[] indices = GC.AllocateUninitializedArray<int>(indptr[rows]);
        T[] values = GC.AllocateUninitializedArray<T>(indptr[rows]);
        Parallel.For(0, blocks, Blocks.Options, () => NewMarks(cols), (blk, _, slots) =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            // Locals rather than captured variables, so the JIT keeps them in registers in the inner loop.
            int[] aptr = ap, aidx = ai, bptr = bp, bidx = bi, idx = indices;
            T[] aval = av, bval = bv, val = values;
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
        return (indptr, indices, values);
    }

    private static int[] NewMarks(int cols)
    {
        var marks = new int[cols];
        Array.Fill(marks, -1);
        return marks;
    }
}
