using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Simd;

namespace ArrayDispatch.Bench.Dense;

/// <summary>
/// <c>lanes [--reps N]</c>: the width-generic kernels at Vector256 and Vector512 in one process, calls alternating
/// (256, 512, 256, ...) so both widths see the same machine load; what the kernels' width choice is measured by.
/// One JSON line per kernel, size and width: median and min of the per-call times.
/// </summary>
internal static class LanesAB
{
    public static void Run(int reps)
    {
        var rng = new Random(1);
        // The plugin's native buffers are 64-byte aligned (NativePool), managed arrays' elements start 16 bytes into a
        // line: both alignments, since a misaligned 512-bit load always spans two cache lines.
        foreach (int misalign in new[] { 0, 2 })
        {
            string at = misalign == 0 ? "aligned64" : "offset16";
            foreach (int n in new[] { 2_048, 16_384, 10_000_000 })
            {
                (double[] x, int o) = Pinned(n, misalign, rng);
                int inner = Math.Max(1, 4_000_000 / n); // in-cache sizes repeat the call so one timing is ~1 ms
                Compare("pairwise_sum", $"{n} {at}", reps, inner,
                    () => PairwiseSum.Sum<Lanes256<double>, Vector256<double>, double>(x.AsSpan(o, n)),
                    () => PairwiseSum.Sum<Lanes512<double>, Vector512<double>, double>(x.AsSpan(o, n)));
            }
            foreach ((int rows, int cols) in new[] { (8, 512), (64, 4096), (3162, 3162) })
            {
                (double[] data, int o) = Pinned(rows * cols, misalign, rng);
                double[] acc = GC.AllocateArray<double>(cols + 16, pinned: true);
                int inner = Math.Max(1, 4_000_000 / (rows * cols));
                Compare("leading_rows_sum", $"{rows}x{cols} {at}", reps, inner,
                    () => { LeadingRows.Combine<double, SumReduction<double>, Lanes256<double>, Vector256<double>>(acc.AsSpan(o, cols), data, o, cols, rows); return acc[o]; },
                    () => { LeadingRows.Combine<double, SumReduction<double>, Lanes512<double>, Vector512<double>>(acc.AsSpan(o, cols), data, o, cols, rows); return acc[o]; });
            }
        }
    }

    // A pinned array and the index of its first 64-byte-aligned element plus misalign elements; filled with U[0, 1).
    private static unsafe (double[] Array, int Offset) Pinned(int n, int misalign, Random rng)
    {
        double[] x = GC.AllocateArray<double>(n + 16, pinned: true);
        fixed (double* p = x)
        {
            int o = (int)((64 - (nint)p % 64) % 64 / 8) + misalign;
            for (int i = 0; i < x.Length; i++) x[i] = rng.NextDouble();
            return (x, o);
        }
    }

    private static void Compare(string name, string size, int reps, int inner, Func<double> v256, Func<double> v512)
    {
        for (int i = 0; i < 20; i++) { v256(); v512(); }
        var t256 = new double[reps];
        var t512 = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            t256[r] = Time(v256, inner);
            t512[r] = Time(v512, inner);
        }
        Print(name, size, 256, t256);
        Print(name, size, 512, t512);
    }

    private static double Time(Func<double> run, int inner)
    {
        long t0 = Stopwatch.GetTimestamp();
        for (int i = 0; i < inner; i++) run();
        return Stopwatch.GetElapsedTime(t0).TotalSeconds / inner;
    }

    private static void Print(string name, string size, int width, double[] times)
    {
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"section\": \"lanes\", \"name\": \"{name}\", \"size\": \"{size}\", \"width\": {width}, \"median_s\": {times[times.Length / 2]:G6}, \"min_s\": {times[0]:G6}, \"reps\": {times.Length}, \"accelerated512\": {(Vector512.IsHardwareAccelerated ? "true" : "false")}}}"));
    }
}
