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
