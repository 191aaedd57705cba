using ArrayDispatch.Functions;
using CsCheck;

namespace ArrayDispatch.Gpu.Tests;

public sealed class ElementwiseTests : GpuTestBase
{
    [Fact]
    public void Add_Broadcasting_MatchesPlainLoop()
    {
        double[] a = Doubles(12, 1), b = Doubles(4, 2);
        using GpuArray x = Gpu(a, 3, 4), y = Gpu(b, 4);

        using var z = (GpuArray)(x + y);

        z.Shape.ShouldBe(new Shape(3, 4));
        ShouldBeClose(z.ToArray<double>(), Enumerable.Range(0, 12).Select(i => a[i] + b[i % 4]).ToArray());
    }

    [Fact]
    public void Subtract_OnTransposedAndSlicedViews_ReadsThroughStrides()
    {
        double[] a = Doubles(12, 3);
        using GpuArray x = Gpu(a, 3, 4);
        using var t = (GpuArray)x.T;                    // (4, 3), strides (1, 4)
        using var s = (GpuArray)x[.., new Slice(null, null, 2)];   // (3, 2), every other column

        using var d = (GpuArray)(t[..3, ..2] - s);     // (3, 2)

        var expected = new double[6];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 2; j++) expected[i * 2 + j] = a[j * 4 + i] - a[i * 4 + 2 * j];
        }
        ShouldBeClose(d.ToArray<double>(), expected);
    }

    [Fact]
    public void Scalars_FollowNep50_WeakPromotion()
    {
        using GpuArray i32 = Gpu(new[] { 1, 2, 3 });

        using var plusInt = (GpuArray)(i32 + 1);
        using var plusFloat = (GpuArray)(i32 * 1.5);
        using var f32 = (GpuArray)Np.AsArray(new[] { 1f, 2f }, backend: "Gpu");
        using var f32Plus = (GpuArray)(f32 + 0.5);

        plusInt.DType.ShouldBe(DType.Int32);
        plusInt.ToArray<int>().ShouldBe([2, 3, 4]);
        plusFloat.DType.ShouldBe(DType.Float64);
        plusFloat.ToArray<double>().ShouldBe([1.5, 3.0, 4.5]);
        f32Plus.DType.ShouldBe(DType.Float32);
        f32Plus.ToArray<float>().ShouldBe([1.5f, 2.5f]);
    }

    [Fact]
    public void Divide_Integers_GivesFloat64()
    {
        using GpuArray x = Gpu(new long[] { 1, 7, -7 }), y = Gpu(new long[] { 2, 2, 2 });

        using var z = (GpuArray)Np.Divide(x, y);

        z.DType.ShouldBe(DType.Float64);
        z.ToArray<double>().ShouldBe([0.5, 3.5, -3.5]);
    }

    [Fact]
    public void FloorDivideAndRemainder_UsePythonSigns()
    {
        using GpuArray x = Gpu(new long[] { 7, -7, 7, -7, 5 }), y = Gpu(new long[] { 2, 2, -2, -2, 0 });
        using GpuArray fx = Gpu(new[] { 7.5, -7.5, 7.5, -7.5 }), fy = Gpu(new[] { 2.0, 2, -2, -2 });

        ((GpuArray)Np.FloorDivide(x, y)).ToArray<long>().ShouldBe([3L, -4, -4, 3, 0]);
        ((GpuArray)Np.Remainder(x, y)).ToArray<long>().ShouldBe([1L, 1, -1, -1, 0]);
        ((GpuArray)Np.FloorDivide(fx, fy)).ToArray<double>().ShouldBe([3.0, -4, -4, 3]);
        ((GpuArray)Np.Remainder(fx, fy)).ToArray<double>().ShouldBe([1.5, 0.5, -0.5, -1.5]);
    }

    [Fact]
    public void Power_IntegersAndFloats()
    {
        using GpuArray x = Gpu(new long[] { 2, 3, -2 }), e = Gpu(new long[] { 10, 3, 3 });
        using GpuArray f = Gpu(new[] { 2.0, 9.0 });

        ((GpuArray)Np.Power(x, e)).ToArray<long>().ShouldBe([1024L, 27, -8]);
        ShouldBeClose(((GpuArray)Np.Power(f, 0.5)).ToArray<double>(), [Math.Sqrt(2), 3.0]);
    }

    [Fact]
    public void MaximumMinimum_PropagateNaN()
    {
        using GpuArray x = Gpu(new[] { 1.0, double.NaN, 3.0 }), y = Gpu(new[] { 2.0, 0.0, double.NaN });

        ShouldBeClose(((GpuArray)Np.Maximum(x, y)).ToArray<double>(), [2.0, double.NaN, double.NaN]);
        ShouldBeClose(((GpuArray)Np.Minimum(x, y)).ToArray<double>(), [1.0, double.NaN, double.NaN]);
    }

    [Fact]
    public void Comparisons_ReturnBool()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2.0, double.NaN }), y = Gpu(new[] { 2.0, 2.0, double.NaN });

        using var less = (GpuArray)Np.Less(x, y);

        less.DType.ShouldBe(DType.Bool);
        less.ToArray<bool>().ShouldBe([true, false, false]);
        ((GpuArray)Np.Equal(x, y)).ToArray<bool>().ShouldBe([false, true, false]);
        ((GpuArray)Np.NotEqual(x, y)).ToArray<bool>().ShouldBe([true, false, true]);
        ((GpuArray)Np.GreaterEqual(x, 2.0)).ToArray<bool>().ShouldBe([false, true, false]);
    }

    [Fact]
    public void LogicalAndBitwise_OnBoolAndIntegers()
    {
        using GpuArray p = Gpu(new[] { true, true, false }), q = Gpu(new[] { true, false, false });
        using GpuArray i = Gpu(new[] { 12, 10 }), j = Gpu(new[] { 10, 6 });

        ((GpuArray)Np.LogicalXor(p, q)).ToArray<bool>().ShouldBe([false, true, false]);
        ((GpuArray)(p + q)).ToArray<bool>().ShouldBe([true, true, false]);
        ((GpuArray)Np.BitwiseAnd(i, j)).ToArray<int>().ShouldBe([8, 2]);
        ((GpuArray)Np.BitwiseXor(i, j)).ToArray<int>().ShouldBe([6, 12]);
        ((GpuArray)Np.Invert(p)).ToArray<bool>().ShouldBe([false, false, true]);
        Should.Throw<DTypeMismatchException>(() => Np.BitwiseAnd(Gpu(new[] { 1.0 }), Gpu(new[] { 1.0 })))
            .Message.ShouldBe("ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
    }

    private static readonly Dictionary<string, (Func<double, double> Expected, double Lo, double Hi)> s_math = new()
    {
        ["sqrt"] = (Math.Sqrt, 0.1, 9),
        ["exp"] = (Math.Exp, -3, 3),
        ["expm1"] = (x => Math.Exp(x) - 1, -1, 1),
        ["log"] = (Math.Log, 0.1, 9),
        ["log1p"] = (x => Math.Log(1 + x), -0.5, 3),
        ["log2"] = (Math.Log2, 0.1, 9),
        ["log10"] = (Math.Log10, 0.1, 9),
        ["sin"] = (Math.Sin, -3, 3),
        ["cos"] = (Math.Cos, -3, 3),
        ["tan"] = (Math.Tan, -1, 1),
        ["arcsin"] = (Math.Asin, -0.9, 0.9),
        ["arccos"] = (Math.Acos, -0.9, 0.9),
        ["arctan"] = (Math.Atan, -3, 3),
        ["sinh"] = (Math.Sinh, -2, 2),
        ["cosh"] = (Math.Cosh, -2, 2),
        ["tanh"] = (Math.Tanh, -2, 2),
        ["arcsinh"] = (Math.Asinh, -2, 2),
        ["arccosh"] = (Math.Acosh, 1.1, 5),
        ["arctanh"] = (Math.Atanh, -0.9, 0.9),
        ["floor"] = (Math.Floor, -3, 3),
        ["ceil"] = (Math.Ceiling, -3, 3),
        ["trunc"] = (Math.Truncate, -3, 3),
        ["rint"] = (Math.Round, -3, 3),
        ["negative"] = (x => -x, -3, 3),
        ["abs"] = (Math.Abs, -3, 3),
        ["sign"] = (x => Math.Sign(x), -3, 3),
        ["square"] = (x => x * x, -3, 3),
        ["reciprocal"] = (x => 1 / x, 0.5, 3),
    };

    public static TheoryData<string> MathFunctions => new(s_math.Keys);

    [Theory]
    [MemberData(nameof(MathFunctions))]
    public void UnaryMath_Float64_MatchesSystemMath(string name)
    {
        (Func<double, double> expected, double lo, double hi) = s_math[name];
        FunctionCatalog.TryGet(name, out ArrayFunction function).ShouldBeTrue();
        double[] a = Doubles(200, name.Length, lo, hi);
        using GpuArray x = Gpu(a);

        using var z = (GpuArray)Np.Dispatcher.Invoke((ArrayFunction<UnaryArgs, NDArray>)function, new UnaryArgs(x));

        z.DType.ShouldBe(DType.Float64);
        ShouldBeClose(z.ToArray<double>(), a.Select(expected).ToArray(), 1e-12, name);
    }

    [Fact]
    public void UnaryMath_Float32_StaysFloat32_AndIntegersGoToFloat64()
    {
        using var f = (GpuArray)Np.AsArray(new[] { 1f, 4f, 9f }, backend: "Gpu");
        using GpuArray i = Gpu(new[] { 1, 4, 9 });

        using var sf = (GpuArray)Np.Sqrt(f);
        using var si = (GpuArray)Np.Sqrt(i);

        sf.DType.ShouldBe(DType.Float32);
        sf.ToArray<float>().ShouldBe([1f, 2f, 3f]);
        si.DType.ShouldBe(DType.Float64);
        si.ToArray<double>().ShouldBe([1.0, 2, 3]);
    }

    [Fact]
    public void Predicates_FlagNaNAndInfinity()
    {
        using GpuArray x = Gpu(new[] { 1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity });

        ((GpuArray)Np.IsNaN(x)).ToArray<bool>().ShouldBe([false, true, false, false]);
        ((GpuArray)Np.IsInf(x)).ToArray<bool>().ShouldBe([false, false, true, true]);
        ((GpuArray)Np.IsFinite(x)).ToArray<bool>().ShouldBe([true, false, false, false]);
    }

    [Fact]
    public void Arctan2AndHypot_Float64()
    {
        double[] a = Doubles(50, 8), b = Doubles(50, 9);
        using GpuArray x = Gpu(a), y = Gpu(b);

        ShouldBeClose(((GpuArray)Np.Arctan2(x, y)).ToArray<double>(), a.Zip(b, Math.Atan2).ToArray());
        ShouldBeClose(((GpuArray)Np.Hypot(x, y)).ToArray<double>(), a.Zip(b, (p, q) => Math.Sqrt(p * p + q * q)).ToArray());
    }

    [Fact]
    public void Where_PicksByCondition_WithBroadcastScalar()
    {
        using GpuArray c = Gpu(new[] { true, false, true }), x = Gpu(new[] { 1.0, 2, 3 });

        using var z = (GpuArray)Np.Where(c, x, -1.0);

        z.ToArray<double>().ShouldBe([1.0, -1, 3]);
    }

    [Fact]
    public void Clip_BoundsValues_AndPropagatesNaN()
    {
        using GpuArray x = Gpu(new[] { -5.0, 0.5, 5.0, double.NaN });

        ShouldBeClose(((GpuArray)Np.Clip(x, 0.0, 1.0)).ToArray<double>(), [0.0, 0.5, 1.0, double.NaN]);
    }

    [Fact]
    public void Out_WritesIntoTheGivenArray()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2, 3 }), y = Gpu(new[] { 10.0, 20, 30 }), o = Gpu(new double[3]);

        NDArray result = Np.Add(x, y, o);

        result.ShouldBeSameAs(o);
        o.ToArray<double>().ShouldBe([11.0, 22, 33]);
    }

    [Fact]
    public void BoolSubtract_IsRefusedAsInNumPy()
    {
        using GpuArray p = Gpu(new[] { true });

        Should.Throw<DTypeMismatchException>(() => Np.Subtract(p, p)).Message.ShouldStartWith("numpy boolean subtract");
    }

    [Fact]
    public void AddProperty_AnyShapesThatBroadcast_MatchesHost()
    {
        CsCheck.Gen.Select(CsCheck.Gen.Int[1, 6], CsCheck.Gen.Int[1, 6], CsCheck.Gen.Int[0, 1000])
            .Sample((rows, cols, seed) =>
            {
                double[] a = Doubles(rows * cols, seed), b = Doubles(cols, seed + 1);
                using GpuArray x = Gpu(a, rows, cols), y = Gpu(b, 1, cols);
                using var z = (GpuArray)Np.Multiply(x, y);
                double[] expected = Enumerable.Range(0, rows * cols).Select(i => a[i] * b[i % cols]).ToArray();
                ShouldBeClose(z.ToArray<double>(), expected);
            }, iter: 20, seed: "0N0XIzNsQ0O2");
    }
}
