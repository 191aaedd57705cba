using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Element-wise functions of n-d sparse arrays with NumPy broadcasting: each operand is broadcast to the result shape
/// (its entries repeated along stretched axes), then the sorted linear keys are merged as in <see cref="CsrMerge"/>.
/// Operands are read from their buffers in place; keys, values and results come from the allocator (native when large).
/// </summary>
internal static class CooMerge
{
    /// <summary>
    /// The entries of <paramref name="x"/> (canonicalised first, in place) broadcast to <paramref name="shape"/>, its
    /// values as <typeparamref name="T"/>: sorted unique keys and values, buffers the caller disposes (the values may be
    /// the array's own buffer when no axis stretches and no cast is needed: disposing leaves that alone).
    /// </summary>
    /// <remarks>
    /// The values are read after <see cref="CooArray.SumDuplicates"/>: read before, they were the duplicates' buffer,
    /// paired with the canonical coordinates (a silent wrong answer, or a buffer the canonicalisation gave back).
    /// </remarks>
    public static (SparseBuffer<long> Keys, SparseBuffer<T> Values) Broadcast<T>(CooArray x, Shape shape) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        x.SumDuplicates();
        SparseBuffer<T> values = ArrayOps.As<T>(x.ValueBuffer);
        int rank = shape.Rank, offset = rank - x.Rank, n = x.Nnz;
        long[] strides = shape.ContiguousStrides();
        SparseBuffer<int>[] coords = x.CoordBuffers;
        // The key of each entry from its own axes (a stretched axis has coordinate 0), and the axes it is repeated along.
        var stretched = new List<int>();
        long copies = 1;
        for (int a = 0; a < rank; a++)
        {
            int own = a < offset ? 1 : x.Shape.Dims[a - offset];
            if (own == shape.Dims[a]) continue;
            stretched.Add(a);
            copies = Math.Min(copies * shape.Dims[a], SparseValidation.MaxEntries + 1L);   // saturated: never past 2^62
        }
        int total = n == 0 ? 0 : SparseValidation.EntryCount(n * copies, $"broadcasting a sparse array of shape {x.Shape} with {n} stored entries to shape {shape}");
        if (n > 0 && total == 0)
        {
            // An empty result shape (an axis of length 0 stretched over): no entry survives the broadcast.
            values.Dispose();
            return (SparseBuffers.Allocate<long>(0), SparseBuffers.Allocate<T>(0));
        }
        SparseBuffer<long> baseKeys = SparseBuffers.Allocate<long>(n, clear: true);
        Span<long> bk = baseKeys.Span;
        for (int a = offset; a < rank; a++)
        {
            if (stretched.Contains(a)) continue;
            ReadOnlySpan<int> c = coords[a - offset].Span;
            long s = strides[a];
            for (int k = 0; k < n; k++) bk[k] += c[k] * s;
        }
        // Without stretching the keys keep the canonical (row-major) order of the entries.
        if (copies == 1 || n == 0) return (baseKeys, values);
        // Every entry at each combination of positions along the stretched axes, then one sort by key (keys are unique).
        var steps = new long[(int)copies];
        int count = 1;
        foreach (int a in stretched)
        {
            for (int c = count - 1; c >= 0; c--)
            {
                for (int t = shape.Dims[a] - 1; t >= 0; t--) steps[c * shape.Dims[a] + t] = steps[c] + t * strides[a];
            }
            count *= shape.Dims[a];
        }
        SparseBuffer<long> keyBuffer = SparseBuffers.Allocate<long>(total);
        SparseBuffer<T> valueBuffer = SparseBuffers.Allocate<T>(total);
        Span<long> keys = keyBuffer.Span;
        Span<T> outValues = valueBuffer.Span;
        ReadOnlySpan<T> v = values.Span;
        for (int k = 0, w = 0; k < n; k++)
        {
            for (int p = 0; p < steps.Length; p++, w++)
            {
                keys[w] = bk[k] + steps[p];
                outValues[w] = v[k];
            }
        }
        baseKeys.Dispose();
        values.Dispose();   // a cast copy (an array's own buffer is left alone)
        keys.Sort(outValues);
        return (keyBuffer, valueBuffer);
    }

    /// <summary>The union merge of two sorted key lists with <c>f</c>, keeping nonzero results, into buffers from the allocator.</summary>
    public static (SparseBuffer<long> Keys, SparseBuffer<TOut> Values) Merge<T, TOut, TM>(ReadOnlySpan<long> ak, ReadOnlySpan<T> av, ReadOnlySpan<long> bk, ReadOnlySpan<T> bv)
        where T : unmanaged where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
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
        SparseBuffer<long> keyBuffer = SparseBuffers.Allocate<long>(capacity);
        SparseBuffer<TOut> valueBuffer = SparseBuffers.Allocate<TOut>(capacity);
        Span<long> keys = keyBuffer.Span;
        Span<TOut> values = valueBuffer.Span;
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
        return Packed(keyBuffer, valueBuffer, w);
    }

    /// <summary><c>f(x, dense[key])</c> at the keys of a sparse operand (zero results dropped); <paramref name="dense"/> is C-ordered in the result shape.</summary>
    public static (SparseBuffer<long> Keys, SparseBuffer<TOut> Values) WithDense<T, TOut, TM>(ReadOnlySpan<long> keys, ReadOnlySpan<T> values, T[] dense, bool sparseLeft)
        where T : unmanaged where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        SparseBuffer<long> keyBuffer = SparseBuffers.Allocate<long>(keys.Length);
        SparseBuffer<TOut> valueBuffer = SparseBuffers.Allocate<TOut>(keys.Length);
        Span<long> outKeys = keyBuffer.Span;
        Span<TOut> outValues = valueBuffer.Span;
        int w = 0;
        for (int k = 0; k < keys.Length; k++)
        {
            TOut v = sparseLeft ? TM.Apply(values[k], dense[keys[k]]) : TM.Apply(dense[keys[k]], values[k]);
            if (Zero.Is(v)) continue;
            outKeys[w] = keys[k];
            outValues[w++] = v;
        }
        return Packed(keyBuffer, valueBuffer, w);
    }

    /// <summary>The first <paramref name="count"/> entries: the buffers themselves when full, else exact copies (the originals given back).</summary>
    private static (SparseBuffer<long>, SparseBuffer<TOut>) Packed<TOut>(SparseBuffer<long> keys, SparseBuffer<TOut> values, int count) where TOut : unmanaged
    {
        if (count == keys.Length) return (keys, values);
        SparseBuffer<long> k = SparseBuffers.CopyOf<long>(keys.Span[..count]);
        SparseBuffer<TOut> v = SparseBuffers.CopyOf<TOut>(values.Span[..count]);
        keys.Dispose();
        values.Dispose();
        return (k, v);
    }
}
