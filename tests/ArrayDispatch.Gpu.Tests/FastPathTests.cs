namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The bandwidth paths: flat element-wise kernels (contiguous operands and broadcast scalars, four-way unrolled
/// grid-stride loops with ragged tails), unrolled multi-pass reductions and argmax/argmin, and float64 exp.
/// </summary>
public sealed class FastPathTests : GpuTestBase
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4099)]          // several unrolled iterations per thread plus a ragged tail
    public void Multiply_ByScalarOnEitherSide_AndAddContiguous_MatchPlainLoops(int n)
    {
        double[] a = Doubles(n, n), b = Doubles(n, n + 1);
        using GpuArray x = Gpu(a), y = Gpu(b);

        using var right = (GpuArray)Np.Multiply(x, 2.5);
        using var left = (GpuArray)Np.Subtract(2.5, x);
        using var sum = (GpuArray)Np.Add(x, y);

        ShouldBeClose(right.ToArray<double>(), [.. a.Select(v => v * 2.5)], 0);
        ShouldBeClose(left.ToArray<double>(), [.. a.Select(v => 2.5 - v)], 0);
        ShouldBeClose(sum.ToArray<double>(), [.. a.Zip(b, (p, q) => p + q)], 0);
    }

    [Fact]
    public void Flat_OffsetContiguousSlice_AndZeroDimOperand_ReadTheRightElements()
    {
        double[] a = Doubles(300, 3);
        using GpuArray x = Gpu(a);
        using var tail = (GpuArray)x[new Slice(100, null)];          // contiguous, offset 100
        using GpuArray scalar = Gpu(new[] { 4.0, 5.0 });
        using var second = (GpuArray)scalar[1];                        // 0-d view at offset 1

        using var z = (GpuArray)Np.Multiply(tail, second);
        using var e = (GpuArray)Np.Exp(tail);

        ShouldBeClose(z.ToArray<double>(), [.. a.Skip(100).Select(v => v * 5.0)], 0);
        ShouldBeClose(e.ToArray<double>(), [.. a.Skip(100).Select(Math.Exp)], 1e-15);
    }

    [Fact]
    public void Out_AliasingAnInput_IsElementwiseSafe()
    {
        double[] a = Doubles(1000, 4);
        using GpuArray x = Gpu(a);

        Np.Multiply(x, x, x);

        ShouldBeClose(x.ToArray<double>(), [.. a.Select(v => v * v)], 0);
    }

    [Fact]
    public void Where_AllFlatOperands_WithScalarBranches()
    {
        double[] a = Doubles(999, 5);
        using GpuArray x = Gpu(a);
        using var positive = (GpuArray)Np.Greater(x, 0.0);

        using var z = (GpuArray)Np.Where(positive, x, 0.0);

        ShouldBeClose(z.ToArray<double>(), [.. a.Select(v => v > 0 ? v : 0)], 0);
    }

    [Fact]
    public void Exp_Float64_IsWithinTwoUlpOfSystemMath_AcrossTheRange()
    {
        var random = new Random(42);
        for (int i = 0; i < 200_000; i++)
        {
            double v = (random.NextDouble() * 2 - 1) * (i % 3 == 0 ? 745 : i % 3 == 1 ? 30 : 1e-3);
            double expected = Math.Exp(v), actual = Float64Math.Exp(v);
            if (expected == 0 || double.IsInfinity(expected)) { actual.ShouldBe(expected, $"exp({v:R})"); continue; }
            double ulp = Math.BitIncrement(Math.Abs(expected)) - Math.Abs(expected);
            Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(2 * ulp, $"exp({v:R})");
        }
    }

    [Theory]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(0.0, 1.0)]
    [InlineData(709.78, 1.7928227943945155e308)]
    [InlineData(710.0, double.PositiveInfinity)]
    [InlineData(-745.0, 4.9406564584124654e-324)]
    [InlineData(-740.0, 4.2e-322)]
    [InlineData(-800.0, 0.0)]
    public void Exp_Float64_EdgeCases(double x, double expected)
    {
        double actual = Float64Math.Exp(x);
        if (double.IsNaN(expected)) double.IsNaN(actual).ShouldBeTrue();
        else if (expected == 0 || double.IsInfinity(expected) || expected < 1e-300) actual.ShouldBe(Math.Exp(x));
        else actual.ShouldBe(expected, expected * 1e-15);
    }

    [Fact]
    public void Exp_Float64_OnTheDevice_MatchesSystemMath_WithSpecialValues()
    {
        double[] a = [.. Doubles(500, 9, -50, 50), double.NaN, double.PositiveInfinity, double.NegativeInfinity, 800, -800, -744];
        using GpuArray x = Gpu(a);

        using var z = (GpuArray)Np.Exp(x);

        ShouldBeClose(z.ToArray<double>(), [.. a.Select(Math.Exp)], 1e-15);
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(20_011)]
    public void ArgmaxArgmin_LongVector_SeveralCombinePasses_FirstOccurrence(int n)
    {
        double[] a = Doubles(n, n, -1, 1);
        a[n - 3] = 7; a[n / 3] = 7; a[n / 2] = -7; a[n - 1] = -7;
        using GpuArray x = Gpu(a);

        ((GpuArray)Np.Argmax(x)).Item<long>().ShouldBe(n / 3);
        ((GpuArray)Np.Argmin(x)).Item<long>().ShouldBe(n / 2);
    }

    [Fact]
    public void Argmax_NaNLateInALongVector_Wins()
    {
        double[] a = Doubles(6000, 1);
        a[5997] = double.NaN; a[5999] = double.NaN; a[10] = 100;
        using GpuArray x = Gpu(a);

        ((GpuArray)Np.Argmax(x)).Item<long>().ShouldBe(5997L);
    }

    [Fact]
    public void ArgmaxPerRow_OfAWideMatrix()
    {
        const int rows = 3, cols = 3000;
        double[] a = Doubles(rows * cols, 2);
        for (int r = 0; r < rows; r++) a[r * cols + 1000 * r + 5] = 50;
        using GpuArray x = Gpu(a, rows, cols);

        ((GpuArray)Np.Argmax(x, 1)).ToArray<long>().ShouldBe([5L, 1005, 2005]);
    }

    [Fact]
    public void SumMax_LongFloat32Vector_MatchHost()
    {
        float[] a = [.. Doubles(10_007, 6, 0, 1).Select(v => (float)v)];
        using var x = (GpuArray)Np.AsArray(a, backend: "Gpu");

        ((GpuArray)Np.Sum(x)).Item<float>().ShouldBe(a.Sum(), 1e-2f);
        ((GpuArray)Np.Max(x)).Item<float>().ShouldBe(a.Max());
    }

    [Fact]
    public void Integer_reciprocal_keeps_the_dtype_and_matches_Dense_including_zero()
    {
        long[] values = [2, 1, -1, 0, 3];
        using GpuArray x = Gpu(values);
        using var r = (GpuArray)Np.Reciprocal(x);
        r.DType.ShouldBe(DType.Int64);
        // np.reciprocal(np.array([2, 1, -1, 0, 3])) -> [0, 1, -1, iinfo(int64).min, 0]
        r.ToArray<long>().ShouldBe([0, 1, -1, long.MinValue, 0]);
    }

    [Fact]
    public void Bool_reciprocal_answers_in_int8_as_NumPy()
    {
        using GpuArray x = Gpu(new[] { true, false, true });
        // np.reciprocal(np.array([True, False, True])) -> int8 [1, 0, 1]
        using var r = (GpuArray)Np.Reciprocal(x);
        r.DType.ShouldBe(DType.Int8);
        r.ToArray<sbyte>().ShouldBe(new sbyte[] { 1, 0, 1 });
    }
}
