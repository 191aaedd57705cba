using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Sparse × sparse (Gustavson's row-by-row algorithm with a dense accumulator, as SciPy's <c>csr_matmat</c>), in parallel
/// over row blocks. Each block writes its rows into its own buffers (together one temporary of the output's size), then
/// the blocks are copied into the result. Columns within a row come out in first-touch order (unsorted, as in SciPy).
/// </summary>
internal static class SpGemm
{
    public static (int[] Indptr, int[] Indices, T[] Values) Multiply<T>(
        int rows, int cols, int[] ap, int[] ai, T[] av, int[] bp, int[] bi, T[] bv) where T : unmanaged, INumber<T>
    {
        int blocks = Blocks.Count(rows);
        var blockIndices = new int[blocks][];
        var blockValues = new T[blocks][];
        var rowCounts = new int[rows + 1];
        Parallel.For(0, blocks, Blocks.Options, () => new Accumulator<T>(cols), (blk, _, acc) =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            // Locals rather than captured variables, so the JIT keeps them in registers in the inner loop.
            int[] aptr = ap, aidx = ai, bptr = bp, bidx = bi, slots = acc.Slot;
            T[] aval = av, bval = bv;
            long estimate = 0;
            for (int i = start; i < end; i++)
            {
                for (int k = aptr[i]; k < aptr[i + 1]; k++) estimate += bptr[aidx[k] + 1] - bptr[aidx[k]];
            }
            var idx = GC.AllocateUninitializedArray<int>((int)Math.Min(estimate, Array.MaxLength));
            var val = GC.AllocateUninitializedArray<T>(idx.Length);
            int w = 0;
            for (int i = start; i < end; i++)
            {
                int rowStart = w;
                for (int k = aptr[i]; k < aptr[i + 1]; k++)
                {
                    int j = aidx[k];
                    T a = aval[k];
                    int tEnd = bptr[j + 1];
                    for (int t = bptr[j]; t < tEnd; t++)
                    {
                        int c = bidx[t];
                        int slot = slots[c];
                        if (slot >= rowStart && slot < w && idx[slot] == c) val[slot] += a * bval[t];
                        else
                        {
                            slots[c] = w;
                            idx[w] = c;
                            val[w++] = a * bval[t];
                        }
                    }
                }
                rowCounts[i + 1] = w - rowStart;
            }
            blockIndices[blk] = idx;
            blockValues[blk] = val;
            return acc;
        }, _ => { });
        for (int i = 0; i < rows; i++) rowCounts[i + 1] += rowCounts[i];
        int[] indptr = rowCounts;
        var indices = GC.AllocateUninitializedArray<int>(indptr[rows]);
        var values = GC.AllocateUninitializedArray<T>(indptr[rows]);
        Parallel.For(0, blocks, Blocks.Options, blk =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            int length = indptr[end] - indptr[start];
            Array.Copy(blockIndices[blk], 0, indices, indptr[start], length);
            Array.Copy(blockValues[blk], 0, values, indptr[start], length);
        });
        return (indptr, indices, values);
    }

    /// <summary>Per-worker state: for each column, where it was last written in the block buffer.</summary>
    private sealed class Accumulator<T>(int cols)
    {
        public int[] Slot { get; } = CreateSlots(cols);

        private static int[] CreateSlots(int cols)
        {
            var slots = new int[cols];
            Array.Fill(slots, -1);
            return slots;
        }
    }
}
