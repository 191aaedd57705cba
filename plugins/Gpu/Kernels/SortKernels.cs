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
        where T : unmanaged
    {
        for (long t = i; t < total; t += threads)
        {
            long o = t / padded;
            long c = t - o * padded;
            work[t] = c < inner ? x[lx.Index(o * inner + c)] : pad;
        }
    }

    public static void Step<T, TOrder>(Index1D i, ArrayView<T> work, long padded, long j, long k, long total, long threads)
        where T : unmanaged where TOrder : struct, IGpuOrder<T>
    {
        for (long t = i; t < total; t += threads)
        {
            long c = t & (padded - 1);
            long partner = c ^ j;
            if (partner <= c) continue;
            long other = t - c + partner;
            T a = work[t], b = work[other];
            bool ascending = (c & k) == 0;
            if (ascending ? default(TOrder).After(a, b) : default(TOrder).After(b, a))
            {
                work[t] = b;
                work[other] = a;
            }
        }
    }

    /// <summary>Fills padded rows of (value, index) pairs; a padding pair's index is at or past <c>inner</c>, which sorts it last.</summary>
    public static void FillPairs<T>(Index1D i, ArrayView<T> x, Layout lx, ArrayView<T> work, ArrayView<long> index, long inner, long padded, long total, long threads)
        where T : unmanaged
    {
        for (long t = i; t < total; t += threads)
        {
            long o = t / padded;
            long c = t - o * padded;
            work[t] = c < inner ? x[lx.Index(o * inner + c)] : default;
            index[t] = c;
        }
    }

    /// <summary>
    /// One network step over (value, index) pairs: values in the order (reversed for <c>descending</c>), equal or
    /// unordered values by index, so the argsort is stable as NumPy's <c>kind='stable'</c> (and Dense's); padding last.
    /// </summary>
    public static void StepPairs<T, TOrder>(Index1D i, ArrayView<T> work, ArrayView<long> index, long padded, long j, long k, long inner, int descending, long total, long threads)
        where T : unmanaged where TOrder : struct, IGpuOrder<T>
    {
        for (long t = i; t < total; t += threads)
        {
            long c = t & (padded - 1);
            long partner = c ^ j;
            if (partner <= c) continue;
            long other = t - c + partner;
            T a = work[t], b = work[other];
            long ia = index[t], ib = index[other];
            bool ascending = (c & k) == 0;
            if (ascending ? PairAfter<T, TOrder>(a, ia, b, ib, inner, descending) : PairAfter<T, TOrder>(b, ib, a, ia, inner, descending))
            {
                work[t] = b;
                work[other] = a;
                index[t] = ib;
                index[other] = ia;
            }
        }
    }

    private static bool PairAfter<T, TOrder>(T a, long ia, T b, long ib, long inner, int descending)
        where T : unmanaged where TOrder : struct, IGpuOrder<T>
    {
        if (ia >= inner || ib >= inner) return ia > ib;
        if (descending != 0 ? default(TOrder).After(b, a) : default(TOrder).After(a, b)) return true;
        if (descending != 0 ? default(TOrder).After(a, b) : default(TOrder).After(b, a)) return false;
        return ia > ib;
    }
}

/// <summary>The order a sort uses: whether <c>a</c> sorts strictly after <c>b</c>.</summary>
internal interface IGpuOrder<T> where T : unmanaged
{
    bool After(T a, T b);
}

/// <summary>Numbers, NaN last.</summary>
internal struct RealOrder<T> : IGpuOrder<T> where T : unmanaged, INumber<T>
{
    public readonly bool After(T a, T b) => !T.IsNaN(b) && (T.IsNaN(a) || a > b);
}

/// <summary>complex64/complex128 in NumPy's order (the protocol's <c>ComplexFunctions.SortCompare</c>: real part, then imaginary part, the NaN classes last).</summary>
internal struct ComplexOrder<T> : IGpuOrder<T> where T : unmanaged, INumberBase<T>
{
    public readonly bool After(T a, T b) => Ufuncs.ComplexFunctions.SortCompare(Ufuncs.ComplexFunctions.Widen(a), Ufuncs.ComplexFunctions.Widen(b)) > 0;
}
