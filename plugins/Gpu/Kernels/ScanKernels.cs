using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Blocked inclusive scan (cumsum) of <c>outer</c> rows of <c>inner</c> elements (the scanned axis last in a strided
/// layout): each row is cut into <c>segments</c> runs of <c>length</c>; one thread per run sums it, the run sums are
/// scanned (recursively, the same way), then one thread per run rescans it from its prefix. Two reads and one write
/// per element, all runs in parallel, no barriers (so it also runs well on the CPU simulator).
/// </summary>
internal static class ScanKernels
{
    public static void SegmentSum<T>(Index1D t, ArrayView<T> x, Layout lx, ArrayView<T> sums, long inner, long segments, long length)
        where T : unmanaged, INumberBase<T>
    {
        long o = t / segments;
        long s = t - o * segments;
        long start = s * length;
        long end = start + length < inner ? start + length : inner;
        long first = o * inner;
        T acc = T.Zero;
        for (long k = start; k < end; k++) acc += x[lx.Index(first + k)];
        sums[t] = acc;
    }

    /// <summary>Writes the inclusive scan of each run into <paramref name="z"/> (dense rows), starting from the scanned run sums before it.</summary>
    public static void SegmentScan<T>(Index1D t, ArrayView<T> x, Layout lx, ArrayView<T> z, ArrayView<T> prefix, int usePrefix, long inner, long segments, long length)
        where T : unmanaged, INumberBase<T>
    {
        long o = t / segments;
        long s = t - o * segments;
        long start = s * length;
        long end = start + length < inner ? start + length : inner;
        long first = o * inner;
        T acc = usePrefix != 0 && s > 0 ? prefix[o * segments + s - 1] : T.Zero;
        for (long k = start; k < end; k++)
        {
            acc += x[lx.Index(first + k)];
            z[first + k] = acc;
        }
    }

    /// <summary>
    /// float16 cumsum, one thread per row in order: NumPy's float16 <c>add.accumulate</c> rounds every running sum to
    /// float16 (the float32 sum of the two, rounded once), which a blocked scan's regrouping would not reproduce.
    /// </summary>
    public static void RowScanHalf(Index1D o, ArrayView<HalfBits> x, Layout lx, ArrayView<HalfBits> z, long inner)
    {
        long first = o * inner;
        float acc = 0;
        for (long k = 0; k < inner; k++)
        {
            HalfBits rounded = HalfBits.FromDouble(acc + HalfBits.ToSingle(x[lx.Index(first + k)]));
            z[first + k] = rounded;
            acc = HalfBits.ToSingle(rounded);
        }
    }
}
