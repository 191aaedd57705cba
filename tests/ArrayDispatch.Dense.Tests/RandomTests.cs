using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Seeded random draws: reproducible, in range, with the distribution's moments.</summary>
public sealed class RandomTests
{
    [Fact]
    public void The_same_seed_gives_the_same_array_and_a_longer_draw_extends_a_shorter_one()
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] a = Np.Random.Sample(1001, Np.Random.DefaultRng(7)).ToArray<double>();
        double[] b = Np.Random.Sample(1001, Np.Random.DefaultRng(7)).ToArray<double>();
        double[] shorter = Np.Random.Sample(13, Np.Random.DefaultRng(7)).ToArray<double>();
        b.ShouldBe(a);
        shorter.ShouldBe(a[..13]);
        Np.Random.Sample(1001, Np.Random.DefaultRng(8)).ToArray<double>().ShouldNotBe(a);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-3.0, 5.0)]
    public void Uniform_draws_stay_in_range_with_the_mean_and_variance_of_the_distribution(double low, double high)
    {
        using var host = TestHost.Create(new DensePlugin());
        const int n = 400_000;
        double[] v = Np.Random.Uniform(low, high, n, Np.Random.DefaultRng(11)).ToArray<double>();
        v.ShouldAllBe(x => x >= low && x < high);
        double mean = v.Average(), variance = v.Sum(x => (x - mean) * (x - mean)) / n;
        double width = high - low;
        // Standard error of the mean is width/sqrt(12 n) ≈ 4.6e-4·width: 6 of them.
        mean.ShouldBe((low + high) / 2, 6 * width / Math.Sqrt(12.0 * n));
        variance.ShouldBe(width * width / 12, 0.01 * width * width / 12);
        // Every lane of the generator takes part: each residue class mod 16 has the same mean.
        for (int lane = 0; lane < 16; lane++)
            v.Where((_, i) => i % 16 == lane).Average().ShouldBe((low + high) / 2, 12 * width / Math.Sqrt(12.0 * n / 16));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 16)]
    [InlineData(12345, 1000)]
    [InlineData(ulong.MaxValue, 37)]
    public void A_uniform_draw_is_sixteen_scalar_xoshiro_streams_interleaved_whatever_the_vector_path(ulong seed, int n)
    {
        // Element i is the next output of lane i mod 16, lane j a xoshiro256** stream seeded from positions 4j..4j+3 of
        // the seed's SplitMix64 sequence: the scalar generator reproduces every value, so AVX-512 and AVX2 machines agree.
        var values = new double[n];
        ArrayDispatch.Dense.Kernels.UniformFill.Fill(values, seed, -1.0, 4.0);
        var lanes = new ArrayDispatch.Dense.Kernels.DenseRandom[ArrayDispatch.Dense.Kernels.UniformFill.Lanes];
        for (int j = 0; j < lanes.Length; j++) lanes[j] = new ArrayDispatch.Dense.Kernels.DenseRandom(seed + (ulong)(4 * j) * 0x9E3779B97F4A7C15UL);
        for (int i = 0; i < n; i++)
        {
            ulong bits = lanes[i % lanes.Length].Next();
            double expected = -1.0 + 4.0 * (BitConverter.UInt64BitsToDouble(0x3FF0000000000000UL | (bits >> 12)) - 1.0);
            values[i].ShouldBe(expected);
        }
    }

    [Fact]
    public void Lanes_are_uncorrelated_neighbours()
    {
        // Neighbouring elements come from different lanes: their correlation is that of independent draws (|r| < 6 / sqrt(n)).
        var v = new double[1 << 20];
        ArrayDispatch.Dense.Kernels.UniformFill.Fill(v, 99, 0.0, 1.0);
        for (int lag = 1; lag <= 16; lag++)
        {
            int m = v.Length - lag;
            double sxy = 0;
            for (int i = 0; i < m; i++) sxy += (v[i] - 0.5) * (v[i + lag] - 0.5);
            double r = sxy / m / (1.0 / 12);
            Math.Abs(r).ShouldBeLessThan(6 / Math.Sqrt(m), $"lag {lag}");
        }
    }

    [Fact]
    public void Float32_draws_are_float32_and_in_range()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Random.Sample((30, 7), Np.Random.DefaultRng(3), DType.Float32);
        x.DType.ShouldBe(DType.Float32);
        x.Shape.ShouldBe(new Shape(30, 7));
        x.ToArray<float>().ShouldAllBe(v => v >= 0f && v <= 1f);
    }
}
