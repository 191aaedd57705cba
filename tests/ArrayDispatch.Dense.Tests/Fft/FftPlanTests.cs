using System.Numerics;
using ArrayDispatch.Dense.Fft;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Fft;

/// <summary>The plans against the definition of the DFT, for every kind of length: radix stages, small generic primes and Bluestein.</summary>
public sealed class FftPlanTests
{
    private static Complex[] Forward(Complex[] x, bool inverse = false)
    {
        ComplexFftPlan plan = ComplexFftPlan.For(x.Length);
        var y = (Complex[])x.Clone();
        if (inverse) plan.Inverse(y, new Complex[plan.ScratchLength]); else plan.Forward(y, new Complex[plan.ScratchLength]);
        return y;
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)] [InlineData(7)] [InlineData(8)]
    [InlineData(12)] [InlineData(15)] [InlineData(16)] [InlineData(17)] [InlineData(30)] [InlineData(49)] [InlineData(60)]
    [InlineData(64)] [InlineData(97)] [InlineData(121)] [InlineData(143)] [InlineData(169)] [InlineData(210)] [InlineData(1000)]
    [InlineData(1024)] [InlineData(1031)] [InlineData(2 * 1031)]
    public void Forward_and_inverse_equal_the_definition(int n)
    {
        Complex[] x = NaiveDft.RandomComplex(new Random(n), n);
        NaiveDft.RelErr(Forward(x), NaiveDft.Transform(x)).ShouldBeLessThan(1e-13 * Math.Log2(n + 1) + 1e-15);
        NaiveDft.RelErr(Forward(x, inverse: true), NaiveDft.Transform(x, inverse: true)).ShouldBeLessThan(1e-13 * Math.Log2(n + 1) + 1e-15);
    }

    [Fact]
    public void Random_lengths_up_to_5000_match_the_definition()
    {
        Gen.Int[1, 5000].Sample(n =>
        {
            Complex[] x = NaiveDft.RandomComplex(new Random(n), n);
            NaiveDft.RelErr(Forward(x), NaiveDft.Transform(x)).ShouldBeLessThan(1e-12, $"length {n}");
        }, iter: 12, threads: 1);
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(6)] [InlineData(15)] [InlineData(16)] [InlineData(17)] [InlineData(34)] [InlineData(1000)] [InlineData(4099)] [InlineData(2 * 4099)]
    public void Real_transform_equals_the_first_half_of_the_complex_one_and_inverts(int n)
    {
        var random = new Random(n);
        double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        RealFftPlan plan = RealFftPlan.For(n);
        var spectrum = new Complex[plan.HalfLength];
        var scratch = new Complex[plan.ScratchLength];
        plan.Forward(x, spectrum, scratch);
        Complex[] full = Forward(x.Select(v => new Complex(v, 0)).ToArray());
        NaiveDft.RelErr(spectrum, full.AsSpan(0, plan.HalfLength)).ShouldBeLessThan(1e-13 * Math.Log2(n + 1) + 1e-15);
        var back = new double[n];
        plan.Inverse(spectrum, back, scratch);
        for (int i = 0; i < n; i++) (back[i] / n).ShouldBe(x[i], 1e-13 * Math.Log2(n + 1) + 1e-15);
    }

    [Fact]
    public void A_large_prime_length_uses_a_smooth_convolution_length()
    {
        Bluestein.SmoothAtLeast(2L * 1_000_003 - 1).ShouldBe(2_025_000);   // 2^3·3^4·5^5, not 2^21
        Bluestein.SmoothAtLeast(1).ShouldBe(1);
        Bluestein.SmoothAtLeast(7).ShouldBe(8);
    }

    [Fact]
    public void Plans_built_from_many_threads_at_once_are_one_plan_per_length_and_give_the_same_answers()
    {
        int[] lengths = [4111, 4127, 4129, 4133];   // primes no other test asks for, so the plans are built here
        Complex[][] inputs = lengths.Select(n => NaiveDft.RandomComplex(new Random(n), n)).ToArray();
        Complex[][] expected = inputs.Select(x => NaiveDft.Transform(x)).ToArray();
        var plans = new System.Collections.Concurrent.ConcurrentBag<(int, ComplexFftPlan)>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int which = i % lengths.Length;
            ComplexFftPlan plan = ComplexFftPlan.For(lengths[which]);
            plans.Add((which, plan));
            var y = (Complex[])inputs[which].Clone();
            plan.Forward(y, new Complex[plan.ScratchLength]);
            NaiveDft.RelErr(y, expected[which]).ShouldBeLessThan(1e-12);
        });
        foreach (var group in plans.GroupBy(p => p.Item1)) group.Select(p => p.Item2).Distinct().Count().ShouldBe(1);
    }
}
