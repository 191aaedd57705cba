using System.Numerics;
using ArrayDispatch.Dense;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Bench.Dense;

/// <summary>
/// Issue #13's measurements, as numpy_anchors.py's complex section builds them (same sizes and names): complex128
/// element-wise and matmul, and the narrow integer dtypes (uint8, int16), where SIMD width pays most.
/// </summary>
public sealed class ComplexWorkload : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());
    private readonly Random _random = new(42);

    public const int N = 10_000_000, M = 1024;

    private DenseArray Complex(params int[] shape)
    {
        var data = new Complex[shape.Aggregate(1, (a, b) => a * b)];
        for (int i = 0; i < data.Length; i++) data[i] = new Complex(_random.NextDouble() - 0.5, _random.NextDouble() - 0.5);
        return DenseArray.From(data, shape);
    }

    private DenseArray Narrow<T>(int n) where T : unmanaged, INumber<T>
    {
        var data = new T[n];
        for (int i = 0; i < n; i++) data[i] = T.CreateTruncating(_random.Next(0, 100));
        return DenseArray.From(data, n);
    }

    /// <summary>(section, name, size, call) for every measurement.</summary>
    public IEnumerable<(string Section, string Name, string Size, Func<object> Run)> Cases()
    {
        DenseArray a = Complex(N), b = Complex(N), c = Complex(N);
        string n = N.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return ("complex", "add_c128_alloc", n, () => Np.Add(a, b));
        yield return ("complex", "add_c128_out", n, () => Np.Add(a, b, c));
        yield return ("complex", "multiply_c128_alloc", n, () => Np.Multiply(a, b));
        yield return ("complex", "multiply_c128_out", n, () => Np.Multiply(a, b, c));
        DenseArray u8a = Narrow<byte>(N), u8b = Narrow<byte>(N), u8c = Narrow<byte>(N);
        yield return ("complex", "add_u8_alloc", n, () => Np.Add(u8a, u8b));
        yield return ("complex", "add_u8_out", n, () => Np.Add(u8a, u8b, u8c));
        DenseArray i16a = Narrow<short>(N), i16b = Narrow<short>(N);
        yield return ("complex", "add_i16_alloc", n, () => Np.Add(i16a, i16b));
        yield return ("complex", "multiply_i16_alloc", n, () => Np.Multiply(i16a, i16b));
        DenseArray p = Complex(M, M), q = Complex(M, M);
        yield return ("complex", "matmul_c128", $"{M}x{M}", () => Np.MatMul(p, q));
        NDArray p64 = p.AsType(DType.Complex64), q64 = q.AsType(DType.Complex64);
        yield return ("complex", "matmul_c64", $"{M}x{M}", () => Np.MatMul(p64, q64));
    }

    public void Dispose() => _host.Dispose();
}
