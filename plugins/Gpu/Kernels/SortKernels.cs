using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Bitonic sort of rows padded to a power of two, one launch per network step (log²(P)/2 launches): every step is a
/// coalesced, barrier-free pass of compare-exchanges, so it runs on any accelerator, including the CPU simulator.
/// NaN sorts last, as in NumPy; padding holds a value that sorts at or after everything (NaN, or the type's maximum).
/// </summary>
internal static class SortKernels
{
    public static void Fill<T>(Index1D i, ArrayView<T> x, Layout lx, ArrayView<T> work, long inner, long padded, T pad, long total, long threads)
        where T : unmanaged, INumber<T>
    {
        for (long t = i; t < total; t += threads)
        {
            long o = t / padded;
            long c = t - o * padded;
            work[t] = c < inner ? x[lx.Index(o * inner + c)] : pad;
        }
    }

    public static void Step<T>(Index1D i, ArrayView<T> work, long padded, long j, long k, long total, long threads)
        where T : unmanaged, INumber<T>
    {
        for (long t = i; t < total; t += threads)
        {
            long c = t & (padded - 1);
            long partner = c ^ j;
            if (partner <= c) continue;
            long other = t - c + partner;
            T a = work[t], b = work[other];
            bool ascending = (c & k) == 0;
            if (ascending ? After(a, b) : After(b, a))
            {
                work[t] = b;
                work[other] = a;
            }
        }
    }

    /// <summary>Whether <paramref name="a"/> sorts strictly after <paramref name="b"/> with NaN last.</summary>
    private static bool After<T>(T a, T b) where T : unmanaged, INumber<T> => !T.IsNaN(b) && (T.IsNaN(a) || a > b);
}
