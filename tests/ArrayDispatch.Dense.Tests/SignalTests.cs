using System.Numerics;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// np.convolve and np.correlate past the fixtures' sizes: memory bounded whatever the lengths (the window matrix is
/// built in blocks), kernels cut into passes, integers exact, and NumPy's answers where the shorter sequence holds
/// non-finite values or the longer is correlate's second argument.
/// </summary>
public sealed class SignalTests
{
    // NumPy's definition, summed directly: c[i] = Σ_j a[i - j]·v[j] over the j with both indices inside.
    private static double ConvolveAt(double[] a, double[] v, long i)
    {
        double sum = 0;
        for (long j = Math.Max(0, i - a.Length + 1); j <= Math.Min(i, v.Length - 1); j++) sum += a[i - j] * v[j];
        return sum;
    }

    private static long ConvolveAt(long[] a, long[] v, long i)
    {
        long sum = 0;
        for (long j = Math.Max(0, i - a.Length + 1); j <= Math.Min(i, v.Length - 1); j++) sum = unchecked(sum + a[i - j] * v[j]);
        return sum;
    }

    private static double[] Normal(int n, int seed)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1)];
    }

    [Fact]
    public async Task Convolving_a_2e6_signal_with_a_3e3_kernel_holds_a_few_MB_beyond_inputs_and_output()
    {
        // The window matrix of all outputs at once was (2e6 + 3e3 - 1) × 3e3 float64 plus as many int64 indices: 96 GB.
        using var host = TestHost.Create(new DensePlugin());
        double[] a = Normal(2_000_000, 1), v = Normal(3_000, 2);
        long peak = 0;
        using var done = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                peak = Math.Max(peak, DenseStorage.LiveBytes);
                await Task.Delay(1);
            }
        });
        long before = DenseStorage.LiveBytes;
        NDArray same = Np.Convolve(DenseArray.From(a), DenseArray.From(v), "same");
        done.Cancel();
        await sampler;

        same.Shape.ShouldBe(new Shape(2_000_000));
        double[] c = same.ToArray<double>();
        const int start = (3_000 - 1) / 2;                   // 'same' is the full convolution from (m - 1) / 2 on
        foreach (int k in new[] { 0, 1, 700, 1_499, 1_500, 2_999, 3_000, 1_000_000, 1_234_567, 1_998_500, 1_999_998, 1_999_999 })
        {
            c[k].ShouldBe(ConvolveAt(a, v, start + k), 1e-9, $"output {k}");
        }
        (peak - before).ShouldBeLessThan(1L << 30, "native bytes held during the call beyond those held before it");
    }

    [Fact]
    public void A_kernel_longer_than_one_pass_sums_its_passes_exactly_for_integers()
    {
        // 9000 > 4096: three passes of 3000 added up; int64 values beyond 2^53 (a float round trip would round them) and
        // sums that wrap as NumPy's int64 does.
        using var host = TestHost.Create(new DensePlugin());
        var rng = new Random(3);
        long[] a = [.. Enumerable.Range(0, 12_000).Select(_ => rng.NextInt64(-(1L << 60), 1L << 60))];
        long[] v = [.. Enumerable.Range(0, 9_000).Select(_ => rng.NextInt64(-3, 4))];
        foreach (string mode in new[] { "full", "same", "valid" })
        {
            NDArray c = Np.Convolve(DenseArray.From(a), DenseArray.From(v), mode);
            c.DType.ShouldBe(DType.Int64);
            long[] values = c.ToArray<long>();
            int start = mode switch { "full" => 0, "same" => (9_000 - 1) / 2, _ => 9_000 - 1 };
            values.Length.ShouldBe(mode switch { "full" => 20_999, "same" => 12_000, _ => 3_001 });
            foreach (int k in new[] { 0, 1, 2_000, values.Length / 2, values.Length - 2, values.Length - 1 })
            {
                values[k].ShouldBe(ConvolveAt(a, v, start + k), $"{mode} output {k}");
            }
        }
    }

    [Fact]
    public void Long_float_kernels_match_the_direct_sum_in_every_mode_either_way_round()
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] a = Normal(5_000, 4), v = Normal(4_500, 5);
        double[] full = [.. Enumerable.Range(0, a.Length + v.Length - 1).Select(i => ConvolveAt(a, v, i))];
        foreach ((string mode, int start, int length) in new[] { ("full", 0, 9_499), ("same", 2_249, 5_000), ("valid", 4_499, 501) })
        {
            double[] forward = Np.Convolve(DenseArray.From(a), DenseArray.From(v), mode).ToArray<double>();
            double[] backward = Np.Convolve(DenseArray.From(v), DenseArray.From(a), mode).ToArray<double>();
            forward.Length.ShouldBe(length);
            for (int k = 0; k < length; k++)
            {
                forward[k].ShouldBe(full[start + k], 1e-10, $"{mode} output {k}");
                backward[k].ShouldBe(forward[k], 1e-10, $"{mode} output {k}, inputs swapped");
            }
        }
    }

    [Fact]
    public void Non_finite_values_of_the_shorter_sequence_reach_only_the_outputs_whose_windows_hold_them()
    {
        // The end outputs add fewer products; multiplying the missing ones as zeros gave 0·inf = nan there.
        using var host = TestHost.Create(new DensePlugin());
        Np.Convolve(DenseArray.From(new[] { 1.0, 2, 3, 4 }), DenseArray.From(new[] { double.PositiveInfinity, 1.0 })).ToArray<double>()
            .ShouldBe([double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity, 4.0]);   // np.convolve([1., 2, 3, 4], [inf, 1.])
        Np.Correlate(DenseArray.From(new[] { 1.0, 2, 3, 4, 5 }), DenseArray.From(new[] { double.NaN, 1.0, 2.0 }), "full").ToArray<double>()
            .ShouldBe([2.0, 5.0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]);
        Np.Correlate(DenseArray.From(new[] { 1.0, 2, 3, 4, 5 }), DenseArray.From(new[] { double.NaN, 1.0, 2.0 }), "same").ToArray<double>()
            .ShouldBe([5.0, double.NaN, double.NaN, double.NaN, double.NaN]);
    }

    [Fact]
    public void Correlate_same_with_the_longer_sequence_second_is_cut_as_NumPy_cuts_it()
    {
        // NumPy cuts 'same' from the correlation with the longer sequence first, then reverses: for an even shorter
        // length one output further right than cutting c(a, v) itself ([20, 30, 40, 0, 1, 2] before).
        using var host = TestHost.Create(new DensePlugin());
        Np.Correlate(DenseArray.From(new[] { 1.0, 2, 3, 4 }), DenseArray.From(new[] { 1.0, 0, 0, 0, 0, 10 }), "same").ToArray<double>()
            .ShouldBe([30.0, 40, 0, 1, 2, 3]);                                       // np.correlate([1., 2, 3, 4], [1., 0, 0, 0, 0, 10], 'same')
        Np.Correlate(DenseArray.From(new[] { Complex.ImaginaryOne, 2, 3, 4 }), DenseArray.From(new Complex[] { 1, 0, 0, 0, 0, 10 * Complex.ImaginaryOne }), "same")
            .ToArray<Complex>().ShouldBe([-30 * Complex.ImaginaryOne, -40 * Complex.ImaginaryOne, 0, Complex.ImaginaryOne, 2, 3]);
    }

    [Fact]
    public void Small_integer_dtypes_wrap_and_bool_is_or_of_ands_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray wrapped = Np.Convolve(DenseArray.From(new sbyte[] { 1, 2 }), DenseArray.From(new sbyte[] { 100, 100 }));   // np.convolve(int8 [1, 2], int8 [100, 100])
        wrapped.DType.ShouldBe(DType.Int8);
        wrapped.ToArray<sbyte>().ShouldBe(new sbyte[] { 100, 44, -56 });
        NDArray logical = Np.Convolve(DenseArray.From(new[] { true, false }), DenseArray.From(new[] { true, true }));
        logical.DType.ShouldBe(DType.Bool);
        logical.ToArray<bool>().ShouldBe([true, true, false]);
    }
}
