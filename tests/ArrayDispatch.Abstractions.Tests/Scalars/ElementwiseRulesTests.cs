using ArrayDispatch.Scalars;
using ArrayDispatch.Ufuncs;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Scalars;

/// <summary>The ops' integer and float loops give NumPy's values at its corners, and NaN rules of maximum/minimum vs fmax/fmin.</summary>
public sealed class ElementwiseRulesTests
{
    [Fact]
    public void Floor_divide_by_a_tenth_matches_NumPy_for_every_element_type_a_loop_is_written_for()
    {
        FloorDivideOp.Float(1.0, 0.1).ShouldBe(9.0);
        FloorDivideOp.Float(1f, 0.1f).ShouldBe(9f);
        RemainderOp.Float(1.0, 0.1).ShouldBe(0.09999999999999995);
        FloorDivideOp.Integer(-7L, 2L).ShouldBe(-4L);
        FloorDivideOp.Integer(-7, 2).ShouldBe(-4);
        RemainderOp.Integer(7, -2).ShouldBe(-1);
        FmodOp.Integer(-7, 2).ShouldBe(-1);
        FmodOp.Float(-7.0, 2.0).ShouldBe(-1.0);
    }

    [Fact]
    public void Integer_division_by_zero_and_minimum_by_minus_one_never_throw()
    {
        FloorDivideOp.Integer(long.MinValue, -1L).ShouldBe(long.MinValue);
        RemainderOp.Integer(long.MinValue, -1L).ShouldBe(0L);
        FloorDivideOp.Integer(9, 0).ShouldBe(0);
        RemainderOp.Integer(9L, 0L).ShouldBe(0L);
        ReciprocalOp.Integer(0L).ShouldBe(long.MinValue);
        ElementwiseRules.Absolute(long.MinValue).ShouldBe(long.MinValue);   // np.abs wraps; T.Abs throws
    }

    [Fact]
    public void Power_wraps_in_the_integer_loop_and_NumPys_refusal_of_negative_exponents_is_a_check_before_it()
    {
        PowerOp.Integer(2L, 10L).ShouldBe(1024L);
        PowerOp.Integer(3, 40).ShouldBe(unchecked((int)12157665459056928801UL));
        PowerOp.Float(2.0, -1.0).ShouldBe(0.5);
        Should.Throw<ArgumentException>(() => ElementwiseRules.ThrowIfNegativeIntegerExponent(-1L)).Message.ShouldStartWith(ElementwiseRules.NegativeIntegerPowerMessage);
        Should.NotThrow(() => ElementwiseRules.ThrowIfNegativeIntegerExponent(0));
    }

    [Fact]
    public void Absolute_of_negative_zero_is_positive_zero()
    {
        double.IsNegative(ElementwiseRules.Absolute(-0.0)).ShouldBeFalse();
        ElementwiseRules.Absolute(-2.5f).ShouldBe(2.5f);
        double.IsNaN(ElementwiseRules.Absolute(double.NaN)).ShouldBeTrue();
    }

    [Fact]
    public void Maximum_and_minimum_propagate_NaN_while_fmax_and_fmin_ignore_it()
    {
        double.IsNaN(Extrema.Maximum(double.NaN, 1.0)).ShouldBeTrue();
        double.IsNaN(Extrema.Maximum(1.0, double.NaN)).ShouldBeTrue();
        double.IsNaN(Extrema.Minimum(1.0, double.NaN)).ShouldBeTrue();
        Extrema.Fmax(double.NaN, 1.0).ShouldBe(1.0);
        Extrema.Fmax(1.0, double.NaN).ShouldBe(1.0);
        Extrema.Fmin(double.NaN, 2.0).ShouldBe(2.0);
        double.IsNaN(Extrema.Fmax(double.NaN, double.NaN)).ShouldBeTrue();
        Extrema.Maximum(3, 5).ShouldBe(5);
        Extrema.Minimum(3L, 5L).ShouldBe(3L);
    }

    // MemberData, not InlineData: xunit's analyzer counts 0.0 and -0.0 as duplicate rows.
    public static TheoryData<double, double, double, double> SignedZeros => new()
    {
        { 0.0, -0.0, 0.0, -0.0 },
        { -0.0, 0.0, 0.0, -0.0 },
        { -0.0, -0.0, -0.0, -0.0 },
        { 0.0, 0.0, 0.0, 0.0 },
    };

    [Theory, MemberData(nameof(SignedZeros))]
    public void Signed_zeros_order_as_IEEE_maximum_and_minimum_like_TensorPrimitives(double x, double y, double max, double min)
    {
        NumPyValue.ShouldMatch(Extrema.Maximum(x, y), max, $"maximum({x:R}, {y:R})");
        NumPyValue.ShouldMatch(Extrema.Minimum(x, y), min, $"minimum({x:R}, {y:R})");
        NumPyValue.ShouldMatch(Extrema.Fmax(x, y), max, $"fmax({x:R}, {y:R})");
        NumPyValue.ShouldMatch(Extrema.Fmin(x, y), min, $"fmin({x:R}, {y:R})");
        NumPyValue.ShouldMatch(Extrema.Maximum(x, y), Math.Max(x, y), "Math.Max (what TensorPrimitives.Max computes per element)");
        NumPyValue.ShouldMatch(Extrema.Minimum(x, y), Math.Min(x, y), "Math.Min (what TensorPrimitives.Min computes per element)");
    }

    [Fact]
    public void True_division_of_integers_runs_in_float64_and_keeps_a_float_dtype()
    {
        ElementwiseRules.FloatLoop(DType.Int64).ShouldBe(DType.Float64);
        ElementwiseRules.FloatLoop(DType.Int32).ShouldBe(DType.Float64);
        ElementwiseRules.FloatLoop(DType.Bool).ShouldBe(DType.Float64);
        ElementwiseRules.FloatLoop(DType.Float32).ShouldBe(DType.Float32);
    }
}
