using System.Diagnostics;
using ArrayDispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Bench;

/// <summary>Times the chunk backend's own operations that the seed's SVD and the big reduction are made of.</summary>
internal static class Profile
{
    public static void Run()
    {
        var rng = Np.Random.DefaultRng(0);
        Time("random 1000x1000", () => Np.Random.Sample((1000, 1000), rng, backend: "Dense"));
        NDArray a = Np.Random.Sample((1000, 1000), rng, backend: "Dense");
        NDArray tall = Np.Random.Sample((5000, 1000), rng, backend: "Dense");
        Time("qr 1000x1000", () => Np.Linalg.Qr(a));
        Time("qr 5000x1000", () => Np.Linalg.Qr(tall));
        Time("svd 1000x1000", () => Np.Linalg.Svd(a, false));
        Time("matmul 1000", () => a.MatMul(a));
        Time("concatenate 5x(1000x1000)", () => Np.Concatenate([a, a, a, a, a], 0));
        NDArray big = Np.Random.Sample((2000, 2000), rng, backend: "Dense");
        Time("random 2000x2000", () => Np.Random.Sample((2000, 2000), rng, backend: "Dense"));
        Time("sum 2000x2000", () => Np.Sum(big, Axes.All, true));
        Time("sum 2000x2000 axis=(0, 1)", () => Np.Sum(big, Axes.Of(0, 1), true));
        // A random chunk drawn into a reused buffer and summed, against the same drawn and summed a block of rows at a time
        // in one cache-sized buffer (what a reduction fused with a blocked random chunk does).
        NDArray chunk = Np.Zeros(new Shape(2000, 2000));
        Time("random 2000x2000 into out + sum", () => Np.Sum(Draw(new Shape(2000, 2000), chunk), Axes.All, true));
        foreach (int rows in new[] { 16, 64, 256 })
        {
            NDArray tile = Np.Zeros(new Shape(rows, 2000));
            Time($"random + sum in {rows}-row blocks", () =>
            {
                NDArray? partial = null;
                for (int r = 0; r < 2000; r += rows)
                {
                    NDArray part = Np.Sum(Draw(new Shape(rows, 2000), tile), Axes.All, true);
                    partial = partial is null ? part : partial + part;
                }
            });
        }
        NDArray t16 = Np.Zeros(new Shape(16, 2000));
        Time("125 draws of 16x2000", () => { for (int k = 0; k < 125; k++) Draw(new Shape(16, 2000), t16); });
        Time("125 sums of 16x2000", () => { for (int k = 0; k < 125; k++) Np.Sum(t16, Axes.All, true); });
        NDArray one = Np.Sum(t16, Axes.All, true);
        Time("125 adds of (1, 1)", () => { for (int k = 0; k < 125; k++) _ = one + one; });
        Time("x * 2.0 2000x2000", () => _ = big * 2.0);
        Time("x + 1.0 2000x2000", () => _ = big + 1.0);
    }

    private static NDArray Draw(Shape shape, NDArray output) =>
        Np.Dispatcher.Create(ArrayFunctions.Random, new RandomArgs(RandomDistribution.Uniform, shape, 0, 1, 7, DType.Float64, Out: output));

    private static void Time(string name, Action body)
    {
        body();
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        int n = 0;
        do { body(); n++; } while (clock.Elapsed.TotalSeconds < 1 && n < 20);
        process.Refresh();
        // CPU time of all threads per call: less sensitive than wall time to other load on a shared machine.
        Console.Error.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds / n:F2} ms (cpu {(process.TotalProcessorTime - cpu0).TotalMilliseconds / n:F2} ms)");
    }
}
