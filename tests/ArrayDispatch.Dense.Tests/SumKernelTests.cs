using ArrayDispatch.Testing;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>The blocked pairwise sum and the four-rows-per-pass axis-0 sum agree with exact references.</summary>
public sealed class SumKernelTests
{
    // Lengths around the 1024-element block and vector widths, up to a few blocks.
    private static readonly Gen<double[]> s_rows = Gen.Int[0, 5000].SelectMany(n => Gen.Double[-1e3, 1e3].Array[n]);

    [Fact]
    public void Float64_sum_is_within_a_few_ulps_of_the_exactly_rounded_sum()
    {
        using var host = TestHost.Create(new DensePlugin());
        s_rows.Sample(data =>
        {
            double exact = (double)data.Sum(v => (decimal)v);
            double sum = Np.Sum(DenseArray.From(data, [data.Length])).ToArray<double>()[0];
            double scale = data.Sum(Math.Abs) + 1;
            Math.Abs(sum - exact).ShouldBeLessThanOrEqualTo(1e-14 * scale, $"n = {data.Length}");
        }, seed: "0N0XIzNsQ0O2", iter: 150, threads: 1);
    }

    [Fact]
    public void Float64_sum_of_ten_million_ones_and_a_tenth_stays_pairwise_accurate()
    {
        using var host = TestHost.Create(new DensePlugin());
        // 0.1 is inexact: a sequential sum drifts by ~1e-9 relative here, a pairwise one stays near 1e-15.
        var data = new double[10_000_003];
        Array.Fill(data, 0.1);
        double sum = Np.Sum(DenseArray.From(data, [data.Length])).ToArray<double>()[0];
        Math.Abs(sum - 1_000_000.3).ShouldBeLessThan(1e-6);
    }

    [Fact]
    public void Float32_sum_matches_a_float64_reference_within_float_precision()
    {
        using var host = TestHost.Create(new DensePlugin());
        Gen.Int[0, 5000].SelectMany(n => Gen.Float[-10, 10].Array[n]).Sample(data =>
        {
            double reference = data.Sum(v => (double)v);
            float sum = Np.Sum(DenseArray.From(data, [data.Length])).ToArray<float>()[0];
            double scale = data.Sum(v => Math.Abs((double)v)) + 1;
            Math.Abs(sum - reference).ShouldBeLessThanOrEqualTo(4e-6 * scale, $"n = {data.Length}");
        }, seed: "0N0XIzNsQ0O2", iter: 100, threads: 1);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(4, 4)]
    [InlineData(9, 13)]
    [InlineData(700, 1500)]
    [InlineData(1031, 2053)]
    public void Sum_over_axis_0_equals_the_row_by_row_sum(int rows, int cols)
    {
        using var host = TestHost.Create(new DensePlugin());
        var rng = new Random(rows * 31 + cols);
        long[] ints = new long[rows * cols];
        for (int i = 0; i < ints.Length; i++) ints[i] = rng.Next(-1000, 1000);
        double[] doubles = ints.Select(v => v / 8.0).ToArray();
        var expected = new long[cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) expected[c] += ints[r * cols + c];

        Np.Sum(DenseArray.From(ints, [rows, cols]), 0).ToArray<long>().ShouldBe(expected);
        // Eighths are exact in float64 at these magnitudes, so any summation order gives the same result.
        Np.Sum(DenseArray.From(doubles, [rows, cols]), 0).ToArray<double>().ShouldBe(expected.Select(v => v / 8.0).ToArray());
        Np.Sum(DenseArray.From(doubles, [rows, 1, cols]), new[] { 0, 1 }).ToArray<double>().ShouldBe(expected.Select(v => v / 8.0).ToArray());
    }
}
