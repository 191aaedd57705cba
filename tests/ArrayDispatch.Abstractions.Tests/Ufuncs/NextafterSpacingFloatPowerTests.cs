using ArrayDispatch.Functions;
using ArrayDispatch.Ufuncs;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Ufuncs;

/// <summary>nextafter and spacing step by arithmetic alone (for device kernels); they must agree with the bit-level answer everywhere.</summary>
public sealed class NextafterSpacingFloatPowerTests
{
    private static IEnumerable<double> Doubles()
    {
        var rng = new Random(44);
        double[] special = [0.0, -0.0, 1, -1, 2, -2, 0.5, double.Epsilon, -double.Epsilon, 2 * double.Epsilon, 3 * double.Epsilon,
            2.2250738585072014E-308, -2.2250738585072014E-308, 4.450147717014403E-308, 2.2250738585072009E-308,
            double.MaxValue, -double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, 1e-300, 1e300];
        foreach (double s in special) yield return s;
        for (int i = 0; i < 20000; i++) yield return (rng.NextDouble() - 0.5) * Math.Pow(2, rng.Next(-1080, 1024));
    }

    [Fact]
    public void Nextafter_in_float64_is_the_neighbouring_bit_pattern()
    {
        foreach (double x in Doubles())
        {
            NextafterOp.Float(x, double.PositiveInfinity).ShouldBe(x == double.PositiveInfinity ? x : Math.BitIncrement(x), $"up from {x:R}");
            NextafterOp.Float(x, double.NegativeInfinity).ShouldBe(x == double.NegativeInfinity ? x : Math.BitDecrement(x), $"down from {x:R}");
        }
        NextafterOp.Float(1.0, 1.0).ShouldBe(1.0);
        double.IsNaN(NextafterOp.Float(double.NaN, 1.0)).ShouldBeTrue();
        double.IsNaN(NextafterOp.Float(1.0, double.NaN)).ShouldBeTrue();
    }

    [Fact]
    public void Nextafter_in_float32_is_the_neighbouring_bit_pattern()
    {
        foreach (double d in Doubles())
        {
            float x = (float)d;
            if (float.IsNaN(x)) continue;
            NextafterOp.Float(x, float.PositiveInfinity).ShouldBe(x == float.PositiveInfinity ? x : MathF.BitIncrement(x), $"up from {x:R}");
            NextafterOp.Float(x, float.NegativeInfinity).ShouldBe(x == float.NegativeInfinity ? x : MathF.BitDecrement(x), $"down from {x:R}");
        }
    }

    [Fact]
    public void Spacing_is_the_signed_distance_to_the_next_value_away_from_zero()
    {
        SpacingOp.Float(1.0).ShouldBe(Math.Pow(2, -52));
        SpacingOp.Float(-1.0).ShouldBe(-Math.Pow(2, -52));
        SpacingOp.Float(0.0).ShouldBe(double.Epsilon);
        SpacingOp.Float(-0.0).ShouldBe(double.Epsilon);
        SpacingOp.Float(double.MaxValue).ShouldBe(double.PositiveInfinity);
        double.IsNaN(SpacingOp.Float(double.PositiveInfinity)).ShouldBeTrue();
        SpacingOp.Float(1f).ShouldBe(MathF.Pow(2, -23));
    }

    [Theory]
    [InlineData(1.0, 2.0, 0x3c01)]
    [InlineData(1.0, 0.0, 0x3bff)]
    [InlineData(0.0, -1.0, 0x8001)]
    [InlineData(-0.0, 1.0, 0x0001)]
    [InlineData(65504.0, double.PositiveInfinity, 0x7c00)]
    [InlineData(0.0, -0.0, 0x0000)]   // NumPy's half loop answers x1 when the values are equal
    public void Nextafter_in_float16_steps_by_float16_spacing(double x, double y, int expected)
    {
        Float16Loops.Binary<NextafterOp>((Half)x, (Half)y).ShouldBe(BitConverter.UInt16BitsToHalf((ushort)expected));
    }

    [Theory]
    [InlineData(1.0, 9.765625E-4)]
    [InlineData(-1.0, 4.8828125E-4)]   // NumPy's npy_half_spacing: positive, the spacing below a negative power of two
    [InlineData(-2.0, 9.765625E-4)]
    [InlineData(0.0, 5.960464477539063E-8)]
    [InlineData(-65504.0, 32.0)]
    [InlineData(65504.0, double.PositiveInfinity)]
    public void Spacing_in_float16_follows_NumPy_s_half_loop(double x, double expected)
    {
        ((double)Float16Loops.Unary<SpacingOp>((Half)x)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(DType.Float32, DType.Float64)]
    [InlineData(DType.Float16, DType.Float64)]
    [InlineData(DType.Int8, DType.Float64)]
    [InlineData(DType.Bool, DType.Float64)]
    [InlineData(DType.Complex64, DType.Complex128)]
    public void Float_power_computes_in_double_precision_whatever_the_input(DType input, DType result)
    {
        Ufunc.TryGet(ArrayFunctions.FloatPower, out Ufunc? u).ShouldBeTrue();
        u.DoublePrecision.ShouldBeTrue();
        UfuncLoop loop = u.Resolve(input);
        loop.Result.ShouldBe(result);
    }

    [Theory]
    [InlineData(DType.Int8, DType.Float16)]
    [InlineData(DType.Int32, DType.Float64)]
    [InlineData(DType.Float32, DType.Float32)]
    public void Nextafter_takes_NumPy_s_float_loop_for_integers(DType input, DType result)
    {
        Ufunc.TryGet(ArrayFunctions.Nextafter, out Ufunc? u).ShouldBeTrue();
        u.Resolve(input).Result.ShouldBe(result);
    }
}
