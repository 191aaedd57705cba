using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Element-wise functions of two CSR arrays of the same shape with canonical rows: a union merge per row that evaluates
/// <c>f</c> with implicit zeros and stores only nonzero results. Two parallel passes over row blocks (union sizes from the
/// indices, then fill) write straight into the result, so no temporary of the output's size is made.
/// </summary>
internal static class CsrMerge
{
    public static (int[] Indptr, int[] Indices, TOut[] Values) Merge<T, TOut, TM>(
        int rows, int[] ap, int[] ai, T[] av, int[] bp, int[] bi, T[] bv, bool sparseResult = false)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        if (sparseResult) return MergeOnePass<T, TOut, TM>(rows, ap, ai, av, bp, bi, bv);
        // Pass 1 reads only the indices: the size of each row's union (an upper bound once zero results are dropped).
        var bound = new int[rows + 1];
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, block =>
        {
            (int start, int end) = Blocks.Range(block, rows);
            for (int i = start; i < end; i++) bound[i + 1] = UnionSize(ai, ap[i], ap[i + 1], bi, bp[i], bp[i + 1]);
        });
        for (int i = 0; i < rows; i++) bound[i + 1] += bound[i];
        int[] indices = GC.AllocateUninitializedArray<int>(bound[rows]);
        TOut[] values = GC.AllocateUninitializedArray<TOut>(bound[rows]);
        // Pass 2 evaluates f and writes each row at its bound; rows that lost zero results are compacted afterwards.
        var count = new int[rows + 1];
        int dropped = 0;
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, block =>
        {
            (int start, int end) = Blocks.Range(block, rows);
            int lost = 0;
            for (int i = start; i < end; i++)
            {
                count[i + 1] = MergeRow<T, TOut, TM>(ap[i], ap[i + 1], ai, av, bp[i], bp[i + 1], bi, bv, indices, values, bound[i]);
                lost += bound[i + 1] - bound[i] - count[i + 1];
            }
            if (lost > 0) Interlocked.Add(ref dropped, lost);
        });
        if (dropped == 0) return (bound, indices, values);
        for (int i = 0; i < rows; i++) count[i + 1] += count[i];
        for (int i = 0; i < rows; i++)
        {
            int length = count[i + 1] - count[i];
            if (count[i] == bound[i]) continue;
            Array.Copy(indices, bound[i], indices, count[i], length);
            Array.Copy(values, bound[i], values, count[i], length);
        }
        return (count, indices.AsSpan(0, count[rows]).ToArray(), values.AsSpan(0, count[rows]).ToArray());
    }

    /// <summary>
    /// One pass for functions whose result is expected to be much sparser than the union (multiply, logical_and): each
    /// row is written at <c>ap[i] + bp[i]</c> in buffers of nnz(A) + nnz(B) entries that are never zeroed (only written
    /// parts are touched), then the few results are gathered. Reads A and B once, as SciPy's csr_binop_csr does.
    /// </summary>
    private static (int[] Indptr, int[] Indices, TOut[] Values) MergeOnePass<T, TOut, TM>(
        int rows, int[] ap, int[] ai, T[] av, int[] bp, int[] bi, T[] bv)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        long bound = (long)ap[rows] + bp[rows];
        int[] indices = GC.AllocateUninitializedArray<int>((int)Math.Min(bound, Array.MaxLength));
        TOut[] values = GC.AllocateUninitializedArray<TOut>(indices.Length);
        var indptr = new int[rows + 1];
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, block =>
        {
            (int start, int end) = Blocks.Range(block, rows);
            for (int i = start; i < end; i++)
            {
                indptr[i + 1] = MergeRow<T, TOut, TM>(ap[i], ap[i + 1], ai, av, bp[i], bp[i + 1], bi, bv, indices, values, ap[i] + bp[i]);
            }
        });
        for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
        var outIndices = new int[indptr[rows]];
        var outValues = new TOut[indptr[rows]];
        for (int i = 0; i < rows; i++)
        {
            int length = indptr[i + 1] - indptr[i];
            if (length == 0) continue;
            Array.Copy(indices, ap[i] + bp[i], outIndices, indptr[i], length);
            Array.Copy(values, ap[i] + bp[i], outValues, indptr[i], length);
        }
        return (indptr, outIndices, outValues);
    }

    private static int UnionSize(int[] ai, int ka, int ea, int[] bi, int kb, int eb)
    {
        int n = 0;
        while (ka < ea && kb < eb)
        {
            int ja = ai[ka], jb = bi[kb];
            ka += ja <= jb ? 1 : 0;
            kb += jb <= ja ? 1 : 0;
            n++;
        }
        return n + (ea - ka) + (eb - kb);
    }

    private static int MergeRow<T, TOut, TM>(int ka, int ea, int[] ai, T[] av, int kb, int eb, int[] bi, T[] bv, int[] oi, TOut[] ov, int w)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        int start = w;
        while (ka < ea && kb < eb)
        {
            int ja = ai[ka], jb = bi[kb];
            TOut v;
            int j;
            if (ja == jb) { v = TM.Apply(av[ka++], bv[kb++]); j = ja; }
            else if (ja < jb) { v = TM.Apply(av[ka++], default); j = ja; }
            else { v = TM.Apply(default, bv[kb++]); j = jb; }
            if (Zero.Is(v)) continue;
            oi[w] = j;
            ov[w++] = v;
        }
        for (; ka < ea; ka++)
        {
            TOut v = TM.Apply(av[ka], default);
            if (Zero.Is(v)) continue;
            oi[w] = ai[ka];
            ov[w++] = v;
        }
        for (; kb < eb; kb++)
        {
            TOut v = TM.Apply(default, bv[kb]);
            if (Zero.Is(v)) continue;
            oi[w] = bi[kb];
            ov[w++] = v;
        }
        return w - start;
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
