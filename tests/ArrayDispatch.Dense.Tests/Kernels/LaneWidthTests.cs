using System.Runtime.Intrinsics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Simd;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Kernels;

/// <summary>
/// The width-generic reduction kernels through both lane widths, called directly (the entry points pick one width per
/// machine, so the other would go untested). Vector512 runs in software on machines without AVX-512, which is what lets
/// this test check the 512-bit source there too.
/// </summary>
public sealed class LaneWidthTests
{
    // Around the vector widths (4/8/16 lanes), the 1024-element block, and a length that is neither.
    public static TheoryData<int> Lengths => [0, 1, 3, 5, 7, 9, 15, 17, 31, 33, 63, 65, 1023, 1024, 1025, 4097, 1_000_003];

    [Theory, MemberData(nameof(Lengths))]
    public void Float64_pairwise_sum_in_both_widths_is_within_a_few_ulps_of_the_exact_sum(int n)
    {
        double[] data = Values(n, seed: n);
        double exact = (double)data.Sum(v => (decimal)v);
        double bound = 1e-14 * (data.Sum(Math.Abs) + 1);
        Math.Abs(PairwiseSum.Sum<Lanes256<double>, Vector256<double>, double>(data) - exact).ShouldBeLessThanOrEqualTo(bound, "Vector256");
        Math.Abs(PairwiseSum.Sum<Lanes512<double>, Vector512<double>, double>(data) - exact).ShouldBeLessThanOrEqualTo(bound, "Vector512");
    }

    [Theory, MemberData(nameof(Lengths))]
    public void Float32_pairwise_sum_in_both_widths_matches_a_float64_reference_within_float_precision(int n)
    {
        float[] data = Values(n, seed: n + 1).Select(v => (float)v).ToArray();
        double reference = data.Sum(v => (double)v);
        double bound = 4e-6 * (data.Sum(v => Math.Abs((double)v)) + 1);
        Math.Abs(PairwiseSum.Sum<Lanes256<float>, Vector256<float>, float>(data) - reference).ShouldBeLessThanOrEqualTo(bound, "Vector256");
        Math.Abs(PairwiseSum.Sum<Lanes512<float>, Vector512<float>, float>(data) - reference).ShouldBeLessThanOrEqualTo(bound, "Vector512");
    }

    [Fact]
    public void Pairwise_sum_of_random_lengths_agrees_between_widths_and_with_the_exact_sum()
    {
        Gen.Int[0, 5000].SelectMany(n => Gen.Double[-1e3, 1e3].Array[n]).Sample(data =>
        {
            double exact = (double)data.Sum(v => (decimal)v);
            double bound = 1e-14 * (data.Sum(Math.Abs) + 1);
            Math.Abs(PairwiseSum.Sum<Lanes256<double>, Vector256<double>, double>(data) - exact).ShouldBeLessThanOrEqualTo(bound, $"Vector256, n = {data.Length}");
            Math.Abs(PairwiseSum.Sum<Lanes512<double>, Vector512<double>, double>(data) - exact).ShouldBeLessThanOrEqualTo(bound, $"Vector512, n = {data.Length}");
        }, seed: "0N0XIzNsQ0O2", iter: 100, threads: 1);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(4, 9)]
    [InlineData(5, 15)]
    [InlineData(8, 17)]
    [InlineData(9, 33)]
    [InlineData(13, 1025)]
    [InlineData(7, 1_000_003)]
    public void Leading_rows_sum_in_both_widths_equals_the_row_by_row_sum(int rows, int cols)
    {
        var rng = new Random(rows * 31 + cols);
        // Integers exactly, and float64 eighths (exact at these magnitudes, so any addition order gives the same sum).
        long[] ints = new long[rows * cols + 3];
        for (int i = 0; i < ints.Length; i++) ints[i] = rng.Next(-1000, 1000);
        double[] doubles = ints.Select(v => v / 8.0).ToArray();
        // Rows start at offset 3 with a stride of cols, so the loads are unaligned and the offset is honoured.
        var expected = new long[cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++) expected[c] += ints[3 + r * cols + c];

        CombineLongs<Lanes256<long>, Vector256<long>>(ints, rows, cols).ShouldBe(expected, "Vector256");
        CombineLongs<Lanes512<long>, Vector512<long>>(ints, rows, cols).ShouldBe(expected, "Vector512");
        double[] expectedDoubles = expected.Select(v => v / 8.0).ToArray();
        CombineDoubles<Lanes256<double>, Vector256<double>>(doubles, rows, cols).ShouldBe(expectedDoubles, "Vector256");
        CombineDoubles<Lanes512<double>, Vector512<double>>(doubles, rows, cols).ShouldBe(expectedDoubles, "Vector512");
    }

    private static long[] CombineLongs<TL, TV>(long[] data, int rows, int cols) where TL : struct, ILanes<TV, long> where TV : struct
    {
        var acc = new long[cols];
        LeadingRows.Combine<long, SumReduction<long>, TL, TV>(acc, data, 3, cols, rows);
        return acc;
    }

    private static double[] CombineDoubles<TL, TV>(double[] data, int rows, int cols) where TL : struct, ILanes<TV, double> where TV : struct
    {
        var acc = new double[cols];
        LeadingRows.Combine<double, SumReduction<double>, TL, TV>(acc, data, 3, cols, rows);
        return acc;
    }

    private static double[] Values(int n, int seed)
    {
        var rng = new Random(seed);
        var data = new double[n];
        for (int i = 0; i < n; i++) data[i] = (rng.NextDouble() - 0.5) * 2e3;
        return data;
    }
}
