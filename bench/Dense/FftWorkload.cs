using System.Numerics;
using ArrayDispatch.Dense;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Bench.Dense;

/// <summary>The numpy.fft measurements of issue #14, as numpy_anchors.py's fft section builds them (same sizes and names).</summary>
public sealed class FftWorkload : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());
    private readonly Random _random = new(42);

    private DenseArray Complex(params int[] shape)
    {
        var data = new Complex[shape.Aggregate(1, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = new Complex(_random.NextDouble() - 0.5, _random.NextDouble() - 0.5);
        return DenseArray.From(data, shape);
    }

    /// <summary>(section, name, size, call) for every measurement.</summary>
    public IEnumerable<(string Section, string Name, string Size, Func<object> Run)> Cases()
    {
        DenseArray pow2 = Complex(1 << 20);
        yield return ("fft", "fft_c128", "1048576", () => Np.FFT.Fft(pow2));
        DenseArray prime = Complex(1_000_003);
        yield return ("fft", "fft_c128_prime", "1000003", () => Np.FFT.Fft(prime));
        DenseArray real = DenseArray.From(Enumerable.Range(0, 1 << 20).Select(_ => _random.NextDouble() - 0.5).ToArray(), 1 << 20);
        yield return ("fft", "rfft_f64", "1048576", () => Np.FFT.Rfft(real));
        DenseArray square = Complex(2048, 2048);
        yield return ("fft", "fft2_c128", "2048x2048", () => Np.FFT.Fft2(square));
    }

    public void Dispose() => _host.Dispose();
}
