using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Kernels over coordinate lists.</summary>
internal static class CooKernels
{
    /// <summary>The row-major linear index of each entry.</summary>
    public static long[] LinearKeys(int[][] coords, int count, Shape shape)
    {
        long[] strides = shape.ContiguousStrides();
        var keys = new long[count];
        for (int a = 0; a < coords.Length; a++)
        {
            int[] c = coords[a];
            long s = strides[a];
            for (int k = 0; k < count; k++) keys[k] += c[k] * s;
        }
        return keys;
    }

    /// <summary>Coordinates of sorted, unique linear keys.</summary>
    public static int[][] Unravel(long[] keys, int count, Shape shape)
    {
        long[] strides = shape.ContiguousStrides();
        var coords = new int[shape.Rank][];
        for (int a = 0; a < shape.Rank; a++) coords[a] = new int[count];
        for (int k = 0; k < count; k++)
        {
            long rest = keys[k];
            for (int a = 0; a < shape.Rank; a++)
            {
                long q = strides[a] == 0 ? 0 : rest / strides[a];
                coords[a][k] = (int)q;
                rest -= q * strides[a];
            }
        }
        return coords;
    }

    /// <summary>
    /// Sorts entries row-major and sums duplicates (arrays of rank 1 and above), reading the buffers in place: null when
    /// they already are (sorted, unique), else new buffers from the allocator. The order of the sort and of the sums is
    /// that of <see cref="Canonicalize(int[][], Array, Shape)"/>.
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

    /// <summary>Sorts entries row-major and sums duplicates.</summary>
    public static (int[][] Coords, Array Values) Canonicalize(int[][] coords, Array values, Shape shape)
    {
        int n = values.Length;
        if (shape.Rank == 0)
        {
            return n <= 1 ? (coords, values) : ([], SumAll(values));
        }
        long[] keys = LinearKeys(coords, n, shape);
        (long[] sortedKeys, Array sortedValues) = SortAndSum(keys, values);
        return (Unravel(sortedKeys, sortedKeys.Length, shape), sortedValues);
    }

    /// <summary>Sorts (key, value) pairs by key and sums values of equal keys; the keys come back unique and ascending.</summary>
    public static (long[] Keys, Array Values) SortAndSum(long[] keys, Array values)
    {
        int n = keys.Length;
        bool sorted = true;
        for (int k = 1; k < n && sorted; k++) sorted = keys[k] > keys[k - 1];
        if (sorted) return (keys, values);
        var perm = new int[n];
        for (int k = 0; k < n; k++) perm[k] = k;
        keys = (long[])keys.Clone();
        Array.Sort(keys, perm);
        Array permuted = ArrayOps.Gather(values, perm);
        int unique = 0;
        for (int k = 0; k < n; k++) if (k == 0 || keys[k] != keys[k - 1]) unique++;
        if (unique == n) return (keys, permuted);
        var outKeys = new long[unique];
        Array outValues = ArrayOps.Allocate(CooArray.DTypeOf(values), unique);
        int w = -1;
        for (int k = 0; k < n; k++)
        {
            if (k == 0 || keys[k] != keys[k - 1]) { w++; outKeys[w] = keys[k]; SetFrom(outValues, w, permuted, k); }
            else AddFrom(outValues, w, permuted, k);
        }
        return (outKeys, outValues);
    }

    /// <summary><c>dense[key(k)] += values[k]</c> (logical or for bool).</summary>
    // The first entry at a position is copied, not added to the buffer's zero: 0 + (-0.0) is +0.0, and a negative zero
    // part is a value NumPy's functions see (log(-1 - 0j) is -πj, log(-1 + 0j) is +πj). Duplicates are then added.

    private static Array SumAll(Array values)
    {
        Array result = ArrayOps.Allocate(CooArray.DTypeOf(values), 1);
        for (int k = 0; k < values.Length; k++) AddFrom(result, 0, values, k);
        return result;
    }

    private static void SetFrom(Array target, int i, Array source, int k) => Array.Copy(source, k, target, i, 1);

    /// <summary><c>target[i] += source[k]</c>; both arrays have the same element type.</summary>
    public static void AddFrom(Array target, int i, Array source, int k) => ArrayOps.Visit<AddFunction, bool>(target, new(i, source, k));

    private readonly struct AddFunction(int i, Array source, int k) : IValuesFunction<bool>
    {
        public bool Number<T>(T[] values) where T : unmanaged, INumberBase<T>
        {
            values[i] += ((T[])source)[k];     // integers wrap, as NumPy's sum of duplicates
            return true;
        }

        public bool Bool(bool[] values)
        {
            values[i] |= ((bool[])source)[k];
            return true;
        }
    }

    /// <summary>Sums values of equal keys in an array sorted by key, in a typed loop.</summary>
    public static T Sum<T>(ReadOnlySpan<T> values) where T : INumberBase<T>
    {
        T s = T.Zero;
        foreach (T v in values) s += v;
        return s;
    }
}
