using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Element-wise functions of two CSR arrays of the same shape with canonical rows: a union merge per row that evaluates
/// <c>f</c> with implicit zeros and stores only nonzero results. Two parallel passes over row blocks (count, then fill)
/// write straight into the result, so no temporary of the output's size is made.
/// </summary>
internal static class CsrMerge
{
    public static (int[] Indptr, int[] Indices, TOut[] Values) Merge<T, TOut, TM>(
        int rows, int[] ap, int[] ai, T[] av, int[] bp, int[] bi, T[] bv)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        var indptr = new int[rows + 1];
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, block =>
        {
            (int start, int end) = Blocks.Range(block, rows);
            for (int i = start; i < end; i++)
            {
                indptr[i + 1] = MergeRow<T, TOut, TM>(ap[i], ap[i + 1], ai, av, bp[i], bp[i + 1], bi, bv, null, null, 0);
            }
        });
        for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
        var indices = new int[indptr[rows]];
        var values = new TOut[indptr[rows]];
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, block =>
        {
            (int start, int end) = Blocks.Range(block, rows);
            for (int i = start; i < end; i++)
            {
                MergeRow<T, TOut, TM>(ap[i], ap[i + 1], ai, av, bp[i], bp[i + 1], bi, bv, indices, values, indptr[i]);
            }
        });
        return (indptr, indices, values);
    }

    private static int MergeRow<T, TOut, TM>(int ka, int ea, int[] ai, T[] av, int kb, int eb, int[] bi, T[] bv, int[]? oi, TOut[]? ov, int w)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        int count = 0;
        while (ka < ea || kb < eb)
        {
            int ja = ka < ea ? ai[ka] : int.MaxValue;
            int jb = kb < eb ? bi[kb] : int.MaxValue;
            TOut v;
            int j;
            if (ja == jb) { v = TM.Apply(av[ka++], bv[kb++]); j = ja; }
            else if (ja < jb) { v = TM.Apply(av[ka++], default); j = ja; }
            else { v = TM.Apply(default, bv[kb++]); j = jb; }
            if (Zero.Is(v)) continue;
            if (oi is not null) { oi[w + count] = j; ov![w + count] = v; }
            count++;
        }
        return count;
    }

    /// <summary>
    /// <c>f(a[i, j], d[i, j])</c> at the stored entries of <paramref name="ap"/> (a zero-annihilating <c>f</c> such as
    /// multiply), with <paramref name="dense"/> C-ordered of the same shape; zero results are dropped.
    /// </summary>
    public static (int[] Indptr, int[] Indices, TOut[] Values) WithDense<T, TOut, TM>(int rows, int cols, int[] ap, int[] ai, T[] av, T[] dense)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        var indptr = new int[rows + 1];
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, block =>
        {
            (int start, int end) = Blocks.Range(block, rows);
            for (int i = start; i < end; i++)
            {
                int c = 0;
                long row = (long)i * cols;
                for (int k = ap[i]; k < ap[i + 1]; k++) if (!Zero.Is(TM.Apply(av[k], dense[row + ai[k]]))) c++;
                indptr[i + 1] = c;
            }
        });
        for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
        var indices = new int[indptr[rows]];
        var values = new TOut[indptr[rows]];
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, block =>
        {
            (int start, int end) = Blocks.Range(block, rows);
            for (int i = start; i < end; i++)
            {
                int w = indptr[i];
                long row = (long)i * cols;
                for (int k = ap[i]; k < ap[i + 1]; k++)
                {
                    TOut v = TM.Apply(av[k], dense[row + ai[k]]);
                    if (Zero.Is(v)) continue;
                    indices[w] = ai[k];
                    values[w++] = v;
                }
            }
        });
        return (indptr, indices, values);
    }
}
