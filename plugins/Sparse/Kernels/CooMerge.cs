using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Element-wise functions of n-d sparse arrays with NumPy broadcasting: each operand is broadcast to the result shape
/// (its entries repeated along stretched axes), then the sorted linear keys are merged as in <see cref="CsrMerge"/>.
/// </summary>
internal static class CooMerge
{
    /// <summary>The entries of <paramref name="x"/> broadcast to <paramref name="shape"/>: sorted unique keys and values.</summary>
    public static (long[] Keys, T[] Values) Broadcast<T>(CooArray x, T[] values, Shape shape)
    {
        x.SumDuplicates();
        int rank = shape.Rank, offset = rank - x.Rank;
        int n = values.Length;
        var coords = new List<int[]>(rank);
        int[][] held = x.Coords;   // read once: each read of native coordinates is a copy
        for (int a = 0; a < rank; a++) coords.Add(a < offset ? new int[n] : held[a - offset]);
        T[] current = values;
        for (int a = 0; a < rank; a++)
        {
            int own = a < offset ? 1 : x.Shape.Dims[a - offset];
            int target = shape.Dims[a];
            if (own == target) continue;
            // Repeat every entry 'target' times along axis a.
            int m = current.Length;
            SparseValidation.EntryCount((long)m * target, $"broadcasting a sparse array of shape {x.Shape} with {x.Nnz} stored entries to shape {shape}");
            var next = new T[m * target];
            for (int b = 0; b < rank; b++)
            {
                int[] old = coords[b];
                var rep = new int[next.Length];
                for (int k = 0; k < m; k++)
                {
                    for (int t = 0; t < target; t++) rep[(long)k * target + t] = b == a ? t : old[k];
                }
                coords[b] = rep;
            }
            for (int k = 0; k < m; k++) next.AsSpan(k * target, target).Fill(current[k]);
            current = next;
        }
        long[] keys = CooKernels.LinearKeys([.. coords], current.Length, shape);
        (long[] sortedKeys, Array sortedValues) = CooKernels.SortAndSum(keys, current);
        return (sortedKeys, (T[])sortedValues);
    }

    /// <summary>The union merge of two sorted key lists with <c>f</c>, keeping nonzero results.</summary>
    public static (long[] Keys, TOut[] Values) Merge<T, TOut, TM>(long[] ak, T[] av, long[] bk, T[] bv)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        // The union's size first (each list is below 2^31 entries, their sum may not be).
        long union = 0;
        for (int ia = 0, ib = 0; ia < ak.Length || ib < bk.Length; union++)
        {
            long ja = ia < ak.Length ? ak[ia] : long.MaxValue, jb = ib < bk.Length ? bk[ib] : long.MaxValue;
            if (ja <= jb) ia++;
            if (jb <= ja) ib++;
        }
        int capacity = SparseValidation.EntryCount(union, "an element-wise function of two sparse arrays (the union of their entries)");
        var keys = new long[capacity];
        var values = new TOut[capacity];
        int ka = 0, kb = 0, w = 0;
        while (ka < ak.Length || kb < bk.Length)
        {
            long ja = ka < ak.Length ? ak[ka] : long.MaxValue;
            long jb = kb < bk.Length ? bk[kb] : long.MaxValue;
            TOut v;
            long j;
            if (ja == jb) { v = TM.Apply(av[ka++], bv[kb++]); j = ja; }
            else if (ja < jb) { v = TM.Apply(av[ka++], default); j = ja; }
            else { v = TM.Apply(default, bv[kb++]); j = jb; }
            if (Zero.Is(v)) continue;
            keys[w] = j;
            values[w++] = v;
        }
        return (keys.AsSpan(0, w).ToArray(), values.AsSpan(0, w).ToArray());
    }

    /// <summary><c>f(x, dense[key])</c> at the keys of a sparse operand (zero results dropped); <paramref name="dense"/> is C-ordered in the result shape.</summary>
    public static (long[] Keys, TOut[] Values) WithDense<T, TOut, TM>(long[] keys, T[] values, T[] dense, bool sparseLeft)
        where T : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        var outKeys = new long[keys.Length];
        var outValues = new TOut[keys.Length];
        int w = 0;
        for (int k = 0; k < keys.Length; k++)
        {
            TOut v = sparseLeft ? TM.Apply(values[k], dense[keys[k]]) : TM.Apply(dense[keys[k]], values[k]);
            if (Zero.Is(v)) continue;
            outKeys[w] = keys[k];
            outValues[w++] = v;
        }
        return (outKeys.AsSpan(0, w).ToArray(), outValues.AsSpan(0, w).ToArray());
    }
}
