namespace ArrayDispatch.Dense.Kernels;

/// <summary>Integer-array selection (<c>take</c>, <c>repeat</c>, advanced indexing): slabs copied with <see cref="Array.Copy(Array, long, Array, long, long)"/>.</summary>
internal static class Gather
{
    /// <summary>Indices as int64 in [0, <paramref name="length"/>), negatives counted from the end.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of bounds (NumPy's IndexError).</exception>
    public static long[] Normalize(DenseArray indices, int length, int axis)
    {
        if (!indices.DType.IsInteger())
        {
            throw new ArgumentException("arrays used as indices must be of integer (or boolean) type", "indices");
        }
        long[] values = Copy.As(indices, DType.Int64).EnsureContiguous().AsSpan<long>().ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v < -length || v >= length) throw Errors.Index(v, axis, length);
            if (v < 0) values[i] = v + length;
        }
        return values;
    }

    /// <summary>NumPy's <c>take(x, indices, axis)</c>.</summary>
    public static DenseArray Take(DenseArray x, DenseArray indices, int axis)
    {
        int n = x.Shape.Dims[axis];
        long[] idx = Normalize(indices, n, axis);
        int[] toFront = [axis, .. Enumerable.Range(0, x.Rank).Where(i => i != axis)];
        DenseArray moved = axis == 0 && x.IsCContiguous ? x : Copy.Contiguous(Views.Transpose(x, toFront));
        int[] rest = moved.Shape.Dims[1..].ToArray();
        long slab = 1;
        foreach (int d in rest) slab *= d;
        int[] gatheredDims = [idx.Length, .. rest];
        DenseArray gathered = DenseArray.Create(x.DType, new Shape(gatheredDims));
        if (slab == 1) DenseArray.GatherStorage(moved, moved.Offset, n, idx, gathered, 0);
        else for (int i = 0; i < idx.Length; i++) DenseArray.CopyStorage(moved, moved.Offset + idx[i] * slab, gathered, i * slab, slab);
        int ni = indices.Rank;
        int[] shaped = [.. indices.Shape.Dims, .. rest];
        DenseArray result = Views.Reshape(gathered, new Shape(shaped));
        if (axis == 0) return result;
        // (I..., pre..., post...) -> (pre..., I..., post...)
        var perm = new List<int>();
        for (int i = 0; i < axis; i++) perm.Add(ni + i);
        for (int i = 0; i < ni; i++) perm.Add(i);
        for (int i = ni + axis; i < shaped.Length; i++) perm.Add(i);
        return Copy.Contiguous(Views.Transpose(result, perm.ToArray()));
    }
}
