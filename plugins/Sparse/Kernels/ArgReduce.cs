using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>argmax/argmin with the implicit zeros: the first position of the extreme, NaN first (NumPy's rule).</summary>
internal static class ArgReduce
{
    /// <summary>Over one line of <paramref name="length"/> positions whose stored entries are at sorted <paramref name="positions"/>.</summary>
    /// <remarks>In the values' own type (double for floats, long/ulong for integers), so 64-bit integers compare exactly.</remarks>
    public static long Line<T>(ReadOnlySpan<long> positions, ReadOnlySpan<T> values, long length, bool max) where T : INumber<T>
    {
        long bestPos = -1;
        T best = T.Zero;
        for (int k = 0; k < positions.Length; k++)
        {
            T v = values[k];
            if (bestPos >= 0 && T.IsNaN(best)) break;
            if (bestPos < 0 || T.IsNaN(v) || (max ? v > best : v < best)) { best = v; bestPos = positions[k]; }
        }
        long zero = -1;
        if (positions.Length < length)
        {
            zero = 0;
            foreach (long p in positions) { if (p != zero) break; zero++; }
        }
        if (bestPos < 0) return zero;
        if (zero < 0 || T.IsNaN(best)) return bestPos;
        bool zeroWins = max ? T.Zero > best : T.Zero < best;
        if (zeroWins) return zero;
        return best == T.Zero ? Math.Min(bestPos, zero) : bestPos;
    }

    /// <summary>For each major line of a canonical compressed array.</summary>
    public static long[] Lines<T>(int[] indptr, int[] indices, T[] values, int minor, bool max) where T : INumber<T>
    {
        int lines = indptr.Length - 1;
        var result = new long[lines];
        var positions = new long[minor];
        for (int i = 0; i < lines; i++)
        {
            int start = indptr[i], n = indptr[i + 1] - start;
            for (int k = 0; k < n; k++) positions[k] = indices[start + k];
            result[i] = Line<T>(positions.AsSpan(0, n), values.AsSpan(start, n), minor, max);
        }
        return result;
    }
}
