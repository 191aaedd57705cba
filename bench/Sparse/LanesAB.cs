using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using ArrayDispatch.Simd;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Benchmarks;

/// <summary>
/// <c>lanes</c>: <see cref="SpMM"/>'s rows at Vector256 and Vector512 in one process on one thread, calls alternating
/// (256, 512, 256, ...) so both widths see the same machine load: the csr @ dense row's matrix (1e5², 1e6 entries,
/// seed 4) times 1e5 × k float64 blocks. One JSON line per width and k: median and min per call.
/// </summary>
internal static class LanesAB
{
    public static int Run(int reps)
    {
        const int m = 100_000;
        var s = (CsrArray)SparseArrays.Random(m, m, 1e-4, seed: 4);
        double[] values = s.Values<double>().ToArray();
        int[] indptr = s.Indptr.ToArray(), indices = s.Indices.ToArray();
        var rng = new Random(3);
        foreach (int k in new[] { 8, 16, 32, 64, 100 })
        {
            var b = new double[m * k];
            for (int i = 0; i < b.Length; i++) b[i] = rng.NextDouble() - 0.5;
            var y = new double[m * k];
            Action v256 = () => SpMM.Rows<double, Lanes256<double>, Vector256<double>>(0, m, indptr, indices, values, b, k, y);
            Action v512 = () => SpMM.Rows<double, Lanes512<double>, Vector512<double>>(0, m, indptr, indices, values, b, k, y);
            for (int i = 0; i < 3; i++) { v256(); v512(); }
            var t256 = new double[reps];
            var t512 = new double[reps];
            for (int r = 0; r < reps; r++)
            {
                t256[r] = Time(v256);
                t512[r] = Time(v512);
            }
            Print($"{m}x{m} nnz={s.Nnz} @ {m}x{k}", 256, t256);
            Print($"{m}x{m} nnz={s.Nnz} @ {m}x{k}", 512, t512);
        }
        return 0;
    }

    private static double Time(Action run)
    {
        long t0 = Stopwatch.GetTimestamp();
        run();
        return Stopwatch.GetElapsedTime(t0).TotalSeconds;
    }

    private static void Print(string size, int width, double[] times)
    {
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"section\": \"lanes\", \"name\": \"spmm_rows\", \"size\": \"{size}\", \"width\": {width}, \"median_s\": {times[times.Length / 2]:G6}, \"min_s\": {times[0]:G6}, \"reps\": {times.Length}, \"accelerated512\": {(Vector512.IsHardwareAccelerated ? "true" : "false")}}}"));
    }
}
