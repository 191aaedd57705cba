using System.Numerics;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>The order argmax/argmin use: NaN first, then <see cref="Greater"/> (never called with a NaN).</summary>
internal interface IValueOrder<T>
{
    static abstract bool IsNaN(T x);

    static abstract bool Greater(T x, T y);
}

/// <summary>The order of real numbers, in their own type (so 64-bit integers compare exactly).</summary>
internal readonly struct RealOrder<T> : IValueOrder<T> where T : INumber<T>
{
    public static bool IsNaN(T x) => T.IsNaN(x);

    public static bool Greater(T x, T y) => x > y;
}

/// <summary>NumPy's order of complex numbers: lexicographic by (real, imag); a NaN in either part makes the value NaN.</summary>
internal readonly struct ComplexOrder<T> : IValueOrder<T> where T : INumberBase<T>
{
    public static bool IsNaN(T x) => double.IsNaN(ComplexFunctions.Re(x)) || double.IsNaN(ComplexFunctions.Im(x));

    public static bool Greater(T x, T y)
    {
        double xr = ComplexFunctions.Re(x), yr = ComplexFunctions.Re(y);
        return xr > yr || (xr == yr && ComplexFunctions.Im(x) > ComplexFunctions.Im(y));
    }
}

/// <summary>argmax/argmin with the implicit zeros: the first position of the extreme, NaN first (NumPy's rule), in an <see cref="IValueOrder{T}"/>.</summary>
internal static class ArgReduce
{
    /// <summary>Over one line of <paramref name="length"/> positions whose stored entries are at sorted <paramref name="positions"/>.</summary>
    /// <remarks>In the values' own type (double for floats, long/ulong for integers, Complex for complex), so 64-bit integers compare exactly.</remarks>
    public static long Line<T, TOrder>(ReadOnlySpan<long> positions, ReadOnlySpan<T> values, long length, bool max)
        where T : INumberBase<T> where TOrder : IValueOrder<T>
    {
        long bestPos = -1;
        T best = T.Zero;
        for (int k = 0; k < positions.Length; k++)
        {
            T v = values[k];
            if (bestPos >= 0 && TOrder.IsNaN(best)) break;
            if (bestPos < 0 || TOrder.IsNaN(v) || (max ? TOrder.Greater(v, best) : TOrder.Greater(best, v))) { best = v; bestPos = positions[k]; }
        }
        long zero = -1;
        if (positions.Length < length)
        {
            zero = 0;
            foreach (long p in positions) { if (p != zero) break; zero++; }
        }
        if (bestPos < 0) return zero;
        if (zero < 0 || TOrder.IsNaN(best)) return bestPos;
        bool zeroWins = max ? TOrder.Greater(T.Zero, best) : TOrder.Greater(best, T.Zero);
        if (zeroWins) return zero;
        return T.IsZero(best) ? Math.Min(bestPos, zero) : bestPos;
    }

    /// <summary>For each major line of a canonical compressed array.</summary>
    public static long[] Lines<T, TOrder>(ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, ReadOnlySpan<T> values, int minor, bool max)
        where T : INumberBase<T> where TOrder : IValueOrder<T>
    {
        int lines = indptr.Length - 1;
        var result = new long[lines];
        var positions = new long[minor];
        for (int i = 0; i < lines; i++)
        {
            int start = indptr[i], n = indptr[i + 1] - start;
            for (int k = 0; k < n; k++) positions[k] = indices[start + k];
            result[i] = Line<T, TOrder>(positions.AsSpan(0, n), values.Slice(start, n), minor, max);
        }
        return result;
    }
}
