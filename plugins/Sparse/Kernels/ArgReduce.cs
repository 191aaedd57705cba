namespace ArrayDispatch.Sparse.Kernels;

/// <summary>argmax/argmin with the implicit zeros: the first position of the extreme, NaN first (NumPy's rule).</summary>
internal static class ArgReduce
{
    /// <summary>Over one line of <paramref name="length"/> positions whose stored entries are at sorted <paramref name="positions"/>.</summary>
    public static long Line(ReadOnlySpan<long> positions, ReadOnlySpan<double> values, long length, bool max)
    {
        long bestPos = -1;
        double best = 0;
        for (int k = 0; k < positions.Length; k++)
        {
            double v = values[k];
            if (bestPos >= 0 && double.IsNaN(best)) break;
            if (bestPos < 0 || double.IsNaN(v) || (max ? v > best : v < best)) { best = v; bestPos = positions[k]; }
        }
        long zero = -1;
        if (positions.Length < length)
        {
            zero = 0;
            foreach (long p in positions) { if (p != zero) break; zero++; }
        }
        if (bestPos < 0) return zero;
        if (zero < 0 || double.IsNaN(best)) return bestPos;
        bool zeroWins = max ? 0 > best : 0 < best;
        if (zeroWins) return zero;
        return best == 0 ? Math.Min(bestPos, zero) : bestPos;
    }

    /// <summary>For each major line of a canonical compressed array.</summary>
    public static long[] Lines(int[] indptr, int[] indices, double[] values, int minor, bool max)
    {
        int lines = indptr.Length - 1;
        var result = new long[lines];
        var positions = new long[minor];
        for (int i = 0; i < lines; i++)
        {
            int start = indptr[i], n = indptr[i + 1] - start;
            for (int k = 0; k < n; k++) positions[k] = indices[start + k];
            result[i] = Line(positions.AsSpan(0, n), values.AsSpan(start, n), minor, max);
        }
        return result;
    }
}
