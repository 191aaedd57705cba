using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Blocked inclusive scan (cumsum, cumprod: the kernels take the reduction op, <c>SumOp</c> or <c>ProdOp</c>, as their combine) of <c>outer</c> rows of <c>inner</c> elements (the scanned axis last in a strided
/// layout): each row is cut into <c>segments</c> runs of <c>length</c>; one thread per run sums it, the run sums are
/// scanned (recursively, the same way), then one thread per run rescans it from its prefix. Two reads and one write
/// per element, all runs in parallel, no barriers (so it also runs well on the CPU simulator).
/// </summary>
internal static class ScanKernels
{
    public static void SegmentSum<T, TOp>(Index1D t, ArrayView<T> x, Layout lx, ArrayView<T> sums, long inner, long segments, long length)
        where T : unmanaged where TOp : struct, IGpuReduceOp<T>
    {
        long o = t / segments;
        long s = t - o * segments;
        long start = s * length;
        long end = start + length < inner ? start + length : inner;
        long first = o * inner;
        // Every run holds at least one element (segments = ceil(inner / length)).
        T acc = x[lx.Index(first + start)];
        for (long k = start + 1; k < end; k++) acc = default(TOp).Combine(acc, x[lx.Index(first + k)]);
        sums[t] = acc;
    }

    /// <summary>Writes the inclusive scan of each run into <paramref name="z"/> (dense rows), starting from the scanned run sums before it.</summary>
    public static void SegmentScan<T, TOp>(Index1D t, ArrayView<T> x, Layout lx, ArrayView<T> z, ArrayView<T> prefix, int usePrefix, long inner, long segments, long length)
        where T : unmanaged where TOp : struct, IGpuReduceOp<T>
    {
        long o = t / segments;
        long s = t - o * segments;
        long start = s * length;
        long end = start + length < inner ? start + length : inner;
        long first = o * inner;
        T head = x[lx.Index(first + start)];
        // NumPy's accumulate starts from the first element itself, not from the identity: cumsum([-0.0]) is [-0.0] and
        // cumprod([inf+0j]) is [inf+0j] (where sum and prod give 0.0 and inf+nanj).
        T acc = usePrefix != 0 && s > 0 ? default(TOp).Combine(prefix[o * segments + s - 1], head) : head;
        z[first + start] = acc;
        for (long k = start + 1; k < end; k++)
        {
            acc = default(TOp).Combine(acc, x[lx.Index(first + k)]);
            z[first + k] = acc;
        }
    }

    /// <summary>
    /// float16 cumsum and cumprod, one thread per row in order: NumPy's float16 <c>add.accumulate</c> and
    /// <c>multiply.accumulate</c> round every running value to float16 (the float32 result of the two, rounded once),
    /// which a blocked scan's regrouping would not reproduce.
    /// </summary>
    public static void RowScanHalf(Index1D o, ArrayView<HalfBits> x, Layout lx, ArrayView<HalfBits> z, long inner, int product)
    {
        long first = o * inner;
        if (inner == 0) return;
        // The first element as it is (accumulate does not start from the identity: cumsum of float16 -0.0 is -0.0).
        HalfBits head = x[lx.Index(first)];
        z[first] = head;
        float acc = HalfBits.ToSingle(head);
        for (long k = 1; k < inner; k++)
        {
            float v = HalfBits.ToSingle(x[lx.Index(first + k)]);
            HalfBits rounded = HalfBits.FromDouble(product != 0 ? acc * v : acc + v);
            z[first + k] = rounded;
            acc = HalfBits.ToSingle(rounded);
        }
    }
}
