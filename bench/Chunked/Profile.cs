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
        Time("x * 2.0 2000x2000", () => _ = big * 2.0);
        Time("x + 1.0 2000x2000", () => _ = big + 1.0);
    }

    private static void Time(string name, Action body)
    {
        body();
        var clock = Stopwatch.StartNew();
        int n = 0;
        do { body(); n++; } while (clock.Elapsed.TotalSeconds < 1 && n < 20);
        Console.Error.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds / n:F2} ms");
    }
}
