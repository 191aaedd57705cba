using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse.Tests.Infrastructure;

/// <summary>Dense views of results for assertions.</summary>
public static class Values
{
    /// <summary>The elements of any array (sparse ones densified) as C-ordered doubles.</summary>
    public static double[] Of(NDArray x) => Of(x.ToHost());

    public static double[] Of(HostBuffer b) => b.DType switch
    {
        DType.Float64 => b.ToContiguous<double>(),
        DType.Float32 => b.ToContiguous<float>().Select(v => (double)v).ToArray(),
        DType.Int64 => b.ToContiguous<long>().Select(v => (double)v).ToArray(),
        DType.Int32 => b.ToContiguous<int>().Select(v => (double)v).ToArray(),
        _ => b.ToContiguous<bool>().Select(v => v ? 1.0 : 0.0).ToArray(),
    };

    /// <summary>A random dense matrix with about <paramref name="density"/> nonzeros, fixed seed.</summary>
    public static double[] RandomDense(int rows, int cols, double density, int seed)
    {
        var rng = new Random(seed);
        var a = new double[rows * cols];
        for (int i = 0; i < a.Length; i++) if (rng.NextDouble() < density) a[i] = Math.Round(rng.NextDouble() * 10 - 5, 3);
        return a;
    }

    public static void ShouldBeClose(double[] actual, double[] expected, double tolerance = 1e-12, string? context = null)
    {
        if (actual.Length != expected.Length) throw new Xunit.Sdk.XunitException($"{context}: {actual.Length} values, expected {expected.Length}");
        for (int i = 0; i < actual.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) && double.IsNaN(a)) continue;
            if (e == a) continue;
            if (Math.Abs(a - e) > tolerance + tolerance * Math.Abs(e))
            {
                throw new Xunit.Sdk.XunitException($"{context}: element {i} is {a}, expected {e} (tolerance {tolerance})");
            }
        }
    }

    public static double[] MatMul(double[] a, int m, int k, double[] b, int n)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++) for (int t = 0; t < k; t++) for (int j = 0; j < n; j++) c[i * n + j] += a[i * k + t] * b[t * n + j];
        return c;
    }
}
