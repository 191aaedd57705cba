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
        // Every lane of the generator takes part: each residue class mod 4 has the same mean.
        for (int lane = 0; lane < 4; lane++)
            v.Where((_, i) => i % 4 == lane).Average().ShouldBe((low + high) / 2, 12 * width / Math.Sqrt(12.0 * n / 4));
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
