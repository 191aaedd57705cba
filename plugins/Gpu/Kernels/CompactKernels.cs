using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Stream compaction for <c>nonzero</c>: with <c>ends</c> the inclusive running count of the flags, flag i's element
/// goes to position <c>ends[i] - 1</c>, so the kept indices come out in order without atomics; then each flat index is
/// unravelled into one coordinate per axis.
/// </summary>
internal static class CompactKernels
{
    public static void Scatter(Index1D i, ArrayView<byte> flags, ArrayView<long> ends, ArrayView<long> kept, long n, long threads)
    {
        for (long t = i; t < n; t += threads)
        {
            if (flags[t] != 0) kept[ends[t] - 1] = t;
        }
    }

    /// <summary>Row k of the (rank, count) result is the k-th coordinate: <c>(flat / inner[k]) % dims[k]</c>.</summary>
    public static void Unravel(Index1D i, ArrayView<long> flat, ArrayView<long> inner, ArrayView<long> dims, ArrayView<long> coordinates, long count, long total, long threads)
    {
        for (long t = i; t < total; t += threads)
        {
            long k = t / count;
            long j = t - k * count;
            coordinates[t] = flat[j] / inner[k] % dims[k];
        }
    }
}

/// <summary>
/// <c>searchsorted</c>: one binary search per needle over the sorted 1-d <c>a</c> in the dtype's sort order (NaN last,
/// NumPy's complex order): left finds the first element not before the needle, right the first after it.
/// </summary>
internal static class SearchKernels
{
    public static void Search<T, TOrder>(Index1D i, ArrayView<T> a, ArrayView<T> v, Layout lv, ArrayView<long> z, long n, int right, long count, long threads)
        where T : unmanaged where TOrder : struct, IGpuOrder<T>
    {
        for (long t = i; t < count; t += threads)
        {
            T needle = v[lv.Index(t)];
            long lo = 0, hi = n;
            while (lo < hi)
            {
                long mid = (lo + hi) >> 1;
                bool past = right != 0 ? !default(TOrder).After(a[mid], needle) : default(TOrder).After(needle, a[mid]);
                if (past) lo = mid + 1;
                else hi = mid;
            }
            z[t] = lo;
        }
    }
}

/// <summary><c>z[to[i]] = values[i]</c>: a permutation's inverse applied (unique's inverse indices).</summary>
internal static class PermuteKernels
{
    public static void Scatter(Index1D i, ArrayView<long> values, ArrayView<long> to, ArrayView<long> z, long n, long threads)
    {
        for (long t = i; t < n; t += threads) z[to[t]] = values[t];
    }
}
