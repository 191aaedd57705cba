using System.Numerics;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>Searching and sorting kernels on contiguous rows. NaN sorts last, as in NumPy.</summary>
internal static class Search
{
    /// <summary>NumPy's order of complex values: by real part, then imaginary part, NaN parts last (<see cref="Ufuncs.ComplexFunctions.SortCompare"/>).</summary>
    public static int CompareComplex<T>(T a, T b) where T : INumberBase<T> =>
        Ufuncs.ComplexFunctions.SortCompare(Ufuncs.ComplexFunctions.Widen(a), Ufuncs.ComplexFunctions.Widen(b));

    /// <summary>Sorts each complex row in place, in NumPy's order.</summary>
    public static void SortComplexRows<T>(Span<T> data, int length, bool descending) where T : unmanaged, INumberBase<T> =>
        SortRows(data, length, descending, CompareComplex);

    /// <summary>The stable argsort of each complex row, in NumPy's order.</summary>
    public static long[] ArgsortComplexRows<T>(ReadOnlySpan<T> data, int length, bool descending) where T : unmanaged, INumberBase<T> =>
        ArgsortRows(data, length, descending, CompareComplex);

    /// <summary>The indices of the true (non-zero) elements, one array per axis, in C order.</summary>
    public static long[][] Nonzero(DenseArray x)
    {
        DenseArray flags = Copy.As(x, DType.Bool).EnsureContiguous();
        ReadOnlySpan<bool> f = flags.AsSpan<bool>();
        int count = 0;
        foreach (bool b in f) if (b) count++;
        int rank = x.Rank;
        var result = new long[rank][];
        for (int k = 0; k < rank; k++) result[k] = new long[count];
        long[] strides = x.Shape.ContiguousStrides();
        int at = 0;
        for (int i = 0; i < f.Length; i++)
        {
            if (!f[i]) continue;
            long rem = i;
            for (int k = 0; k < rank; k++)
            {
                result[k][at] = rem / strides[k];
                rem %= strides[k];
            }
            at++;
        }
        return result;
    }

    /// <summary>NumPy's total order: NaN after everything.</summary>
    public static int CompareNaNLast<T>(T a, T b) where T : INumber<T>
    {
        bool na = T.IsNaN(a), nb = T.IsNaN(b);
        if (na || nb) return na == nb ? 0 : na ? 1 : -1;
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /// <summary>Sorts each row of <paramref name="data"/> (length <paramref name="length"/>) in place, NaN last.</summary>
    public static void SortRows<T>(Span<T> data, int length, bool descending) where T : unmanaged, INumber<T> =>
        SortRows(data, length, descending, CompareNaNLast);

    /// <summary>The stable argsort of each row, NaN last.</summary>
    public static long[] ArgsortRows<T>(ReadOnlySpan<T> data, int length, bool descending) where T : unmanaged, INumber<T> =>
        ArgsortRows(data, length, descending, CompareNaNLast);

    // One sort and one stable argsort for every element order (real numbers NaN last, complex numbers NumPy's way).
    private static void SortRows<T>(Span<T> data, int length, bool descending, Comparison<T> compare)
    {
        if (length == 0) return;
        for (int start = 0; start < data.Length; start += length)
        {
            Span<T> row = data.Slice(start, length);
            row.Sort(compare);
            if (descending) row.Reverse();
        }
    }

    /// <summary>The stable argsort of each row in the order of <paramref name="compare"/>.</summary>
    internal static long[] ArgsortRows<T>(ReadOnlySpan<T> data, int length, bool descending, Comparison<T> compare)
    {
        var result = new long[data.Length];
        if (length == 0) return result;
        var keys = new T[length];
        var order = new int[length];
        Comparison<int> cmp = descending
            ? (a, b) => { int c = compare(keys[b], keys[a]); return c != 0 ? c : a.CompareTo(b); }
            : (a, b) => { int c = compare(keys[a], keys[b]); return c != 0 ? c : a.CompareTo(b); };
        for (int start = 0; start < data.Length; start += length)
        {
            data.Slice(start, length).CopyTo(keys);
            for (int i = 0; i < length; i++) order[i] = i;
            Array.Sort(order, cmp);
            for (int i = 0; i < length; i++) result[start + i] = order[i];
        }
        return result;
    }

    /// <summary>The insertion points of <paramref name="values"/> into sorted <paramref name="sorted"/>.</summary>
    public static long[] SearchSorted<T>(ReadOnlySpan<T> sorted, ReadOnlySpan<T> values, bool right) where T : unmanaged, INumber<T> =>
        SearchSorted(sorted, values, right, CompareNaNLast);

    /// <summary>The insertion points of <paramref name="values"/> into <paramref name="sorted"/>, sorted in the order of <paramref name="compare"/>.</summary>
    public static long[] SearchSorted<T>(ReadOnlySpan<T> sorted, ReadOnlySpan<T> values, bool right, Comparison<T> compare)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            T v = values[i];
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                int c = compare(sorted[mid], v);
                if (right ? c <= 0 : c < 0) lo = mid + 1;
                else hi = mid;
            }
            result[i] = lo;
        }
        return result;
    }
}
