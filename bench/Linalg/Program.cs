using System.Diagnostics;
using System.Globalization;
using ArrayDispatch.Bench.Linalg;
using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Functions;
using BenchmarkDotNet.Running;

// `--quick [filter]`: Stopwatch medians as JSON lines named like numpy_anchors.py (section "linalg");
// otherwise BenchmarkDotNet (`--filter *Gemm*` etc.).
if (args.Length > 0 && args[0] == "--quick")
{
    string filter = args.Length > 1 ? args[1] : "";
    QuickBench.Run(filter);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(LinalgBenchmarks).Assembly).Run(args);

namespace ArrayDispatch.Bench.Linalg
{
    internal static class QuickBench
    {
        public static void Run(string filter)
        {
            Console.Error.WriteLine($"BLAS: {LinalgKernels.BlasLibrary}");
            bool envManaged = LinalgKernels.ForceManaged;
            foreach (bool managed in new[] { false, true })
            {
                if (managed ? LinalgKernels.Native is null && !envManaged : envManaged) continue;
                if (managed && Environment.GetEnvironmentVariable("LINALG_BENCH_NATIVE_ONLY") == "1") continue;
                LinalgKernels.ForceManaged = managed;
                string impl = managed ? "managed" : LinalgKernels.BlasLibrary;
                foreach (int n in new[] { 512, 1024, 2048 })
                {
                    Gemm<double>(n, impl, filter, managed);
                    Gemm<float>(n, impl, filter, managed);
                }
                // Inputs and outputs are allocated once, outside the timed calls: NumPy's malloc hands the same blocks
                // back call after call, while fresh managed arrays pay first-touch page faults on these VMs (the cost of
                // allocating results is measured in bench/Dense, add_alloc against add_out).
                Case($"svd_1000x1000", impl, filter, managed ? 1 : 3, Svd(1000, 1000));
                Case("svd_500x500", impl, filter, 1, Svd(500, 500));
                Case($"svd_2000x500", impl, filter, managed ? 1 : 3, Svd(2000, 500));
                double[] a = Rand(1000 * 1000, 1), b = Rand(1000, 2);
                for (int i = 0; i < 1000; i++) a[i * 1000 + i] += 30;
                double[] x = new double[1000], inv = new double[1000 * 1000], q = new double[1000 * 1000], r = new double[1000 * 1000];
                Case("solve_1000", impl, filter, 3, () => LinalgKernels.Solve(1000, 1, a, b, x));
                Case("inv_1000", impl, filter, 3, () => LinalgKernels.Inverse(1000, a, inv));
                Case("qr_1000", impl, filter, 3, () => LinalgKernels.Qr(1000, 1000, a, q, r, QrMode.Reduced));
                double[] tall = Rand(5000 * 1000, 9), tq = new double[5000 * 1000], tr = new double[1000 * 1000];
                Case("qr_5000x1000", impl, filter, 3, () => LinalgKernels.Qr(5000, 1000, tall, tq, tr, QrMode.Reduced));
                // The row-major <-> column-major conversion around LAPACK calls (VectorOps.Transpose).
                Case("transpose_5000x1000", impl, filter, 5, () => VectorOps.Transpose(5000, 1000, tall, tq));
                Case("qr_r_5000x1000", impl, filter, 3, () => LinalgKernels.Qr(5000, 1000, tall, tq, tr, QrMode.R));
                double[] sym = Rand(500 * 500, 6);
                for (int i = 0; i < 500; i++) for (int j = 0; j < i; j++) sym[j * 500 + i] = sym[i * 500 + j];
                Case("eigh_500", impl, filter, 1, () => LinalgKernels.Eigh(500, sym, new double[500], new double[500 * 500], true));
                Case("lstsq_1000x500", impl, filter, 1, () => LinalgKernels.Lstsq(1000, 500, 1, Rand(500 * 1000, 7), Rand(1000, 8), new double[500], new double[500], -1.0));
            }
        }

        private static Action Svd(int m, int n)
        {
            double[] a = Rand(m * n, 3);
            int k = Math.Min(m, n);
            double[] s = new double[k], u = new double[m * k], vt = new double[k * n];
            return () => LinalgKernels.Svd(m, n, a, s, u, vt, false, true);
        }

        private static void Gemm<T>(int n, string impl, string filter, bool managed) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
        {
            T[] a = Array.ConvertAll(Rand(n * n, 4), T.CreateTruncating), b = Array.ConvertAll(Rand(n * n, 5), T.CreateTruncating), c = new T[n * n];
            string dt = typeof(T) == typeof(double) ? "float64" : "float32";
            double s = Case($"matmul_{n}_{dt}", impl, filter, managed && n >= 2048 ? 2 : 5,
                () => LinalgKernels.Gemm(false, false, n, n, n, T.One, a, n, b, n, T.Zero, c, n));
            if (s > 0) Console.Error.WriteLine($"  {2.0 * n * n * n / s / 1e9:F1} GFLOP/s");
        }

        private static double Case(string name, string impl, string filter, int reps, Action body)
        {
            if (!name.Contains(filter, StringComparison.Ordinal)) return 0;
            body();
            var times = new List<double>();
            for (int i = 0; i < reps; i++)
            {
                var sw = Stopwatch.StartNew();
                body();
                times.Add(sw.Elapsed.TotalSeconds);
            }
            times.Sort();
            double median = times[times.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"section\": \"linalg\", \"name\": \"{name}\", \"impl\": \"{impl}\", \"median_s\": {median:G6}, \"reps\": {reps}}}"));
            return median;
        }

        internal static double[] Rand(int len, int seed)
        {
            var r = new Random(seed);
            var a = new double[len];
            for (int i = 0; i < len; i++) a[i] = r.NextDouble() * 2 - 1;
            return a;
        }
    }
}
