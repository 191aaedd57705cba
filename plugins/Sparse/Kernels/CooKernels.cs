using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Kernels over coordinate lists.</summary>
internal static class CooKernels
{
    /// <summary>The row-major linear index of each entry, read from the coordinate buffers into a buffer from the allocator.</summary>
    public static SparseBuffer<long> LinearKeys(SparseBuffer<int>[] coords, int count, Shape shape)
    {
        long[] strides = shape.ContiguousStrides();
        SparseBuffer<long> keyBuffer = SparseBuffers.Allocate<long>(count, clear: true);
        Span<long> keys = keyBuffer.Span;
        for (int a = 0; a < coords.Length; a++)
        {
            ReadOnlySpan<int> c = coords[a].Span;
            long s = strides[a];
            for (int k = 0; k < count; k++) keys[k] += c[k] * s;
        }
        return keyBuffer;
    }

    /// <summary>Coordinates of linear keys in <paramref name="shape"/>, one buffer per axis from the allocator.</summary>
    public static SparseBuffer<int>[] Unravel(ReadOnlySpan<long> keys, Shape shape)
    {
        long[] strides = shape.ContiguousStrides();
        var coords = new SparseBuffer<int>[shape.Rank];
        for (int a = 0; a < shape.Rank; a++)
        {
            coords[a] = SparseBuffers.Allocate<int>(keys.Length);
            Span<int> c = coords[a].Span;
            long stride = strides[a], dim = shape.Dims[a];
            for (int k = 0; k < keys.Length; k++) c[k] = stride == 0 ? 0 : (int)(keys[k] / stride % dim);
        }
        return coords;
    }

    /// <summary>
    /// Sorts entries row-major and sums duplicates (a 0-d array's duplicates too), reading the buffers in place: null when
    /// they already are (sorted, unique), else new buffers from the allocator. The first value at a position is copied and
    /// the later ones added in storage order (SciPy's <c>sum_duplicates</c>: <c>add.reduceat</c>).
    /// </summary>
    public static (SparseBuffer<int>[] Coords, SparseBuffer Values)? Canonicalize(SparseBuffer<int>[] coords, SparseBuffer values, Shape shape) =>
        values.VisitValues<CanonicalizeFunction, (SparseBuffer<int>[], SparseBuffer)?>(new(coords, shape));

    private readonly struct CanonicalizeFunction(SparseBuffer<int>[] coords, Shape shape) : IValuesBufferFunction<(SparseBuffer<int>[], SparseBuffer)?>
    {
        public (SparseBuffer<int>[], SparseBuffer)? Number<T>(SparseBuffer<T> values) where T : unmanaged, INumberBase<T> => Canonicalize<T, NumberSum<T>>(coords, values, shape);

        public (SparseBuffer<int>[], SparseBuffer)? Bool(SparseBuffer<bool> values) => Canonicalize<bool, BoolOr>(coords, values, shape);
    }

    private static (SparseBuffer<int>[], SparseBuffer)? Canonicalize<T, TSum>(SparseBuffer<int>[] coords, SparseBuffer<T> valueBuffer, Shape shape)
        where T : unmanaged where TSum : ISum<T>
    {
        ReadOnlySpan<T> values = valueBuffer.Span;
        int n = values.Length;
        long[] strides = shape.ContiguousStrides();
        using SparseBuffer<long> keyBuffer = SparseBuffers.Allocate<long>(n, clear: true);
        Span<long> keys = keyBuffer.Span;
        for (int a = 0; a < coords.Length; a++)
        {
            ReadOnlySpan<int> c = coords[a].Span;
            long s = strides[a];
            for (int k = 0; k < n; k++) keys[k] += c[k] * s;
        }
        bool sorted = true;
        for (int k = 1; k < n && sorted; k++) sorted = keys[k] > keys[k - 1];
        if (sorted) return null;
        using SparseBuffer<int> permBuffer = SparseBuffers.Allocate<int>(n);
        Span<int> perm = permBuffer.Span;
        for (int k = 0; k < n; k++) perm[k] = k;
        keys.Sort(perm);
        int unique = 0;
        for (int k = 0; k < n; k++) if (k == 0 || keys[k] != keys[k - 1]) unique++;
        SparseBuffer<T> outValues = SparseBuffers.Allocate<T>(unique);
        Span<T> ov = outValues.Span;
        // The first value at a position is copied (0 + -0.0 would be +0.0), later ones added; the unique keys are
        // compacted in place (the write position never passes the read position).
        int w = -1;
        for (int k = 0; k < n; k++)
        {
            if (k == 0 || keys[k] != keys[w])
            {
                keys[++w] = keys[k];
                ov[w] = values[perm[k]];
            }
            else ov[w] = TSum.Add(ov[w], values[perm[k]]);
        }
        var outCoords = new SparseBuffer<int>[coords.Length];
        for (int a = 0; a < coords.Length; a++)
        {
            outCoords[a] = SparseBuffers.Allocate<int>(unique);
            Span<int> oc = outCoords[a].Span;
            long stride = strides[a], dim = shape.Dims[a];
            for (int u = 0; u < unique; u++) oc[u] = stride == 0 ? 0 : (int)(keys[u] / stride % dim);
        }
        GC.KeepAlive(coords);
        return (outCoords, outValues);
    }

    /// <summary>Sums values of equal keys in an array sorted by key, in a typed loop.</summary>
    public static T Sum<T>(ReadOnlySpan<T> values) where T : INumberBase<T>
    {
        T s = T.Zero;
        foreach (T v in values) s += v;
        return s;
    }
}
