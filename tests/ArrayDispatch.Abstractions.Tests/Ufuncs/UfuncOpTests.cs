using ArrayDispatch.Ufuncs;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Ufuncs;

/// <summary>The ops' scalar meaning: NumPy's values, and no input that throws.</summary>
public sealed class UfuncOpTests
{
    private static readonly double Ln2 = Math.Log(2);

    [Fact]
    public void Logaddexp_does_not_overflow_where_exp_does()
    {
        LogaddexpOp.Float(1000.0, 1000.0).ShouldBe(1000.0 + Ln2);
        LogaddexpOp.Float(1000.0, -1000.0).ShouldBe(1000.0);
        LogaddexpOp.Float(-1000.0, -999.0).ShouldBe(-999.0 + Math.Log(1 + Math.Exp(-1.0)), 1e-12);
        LogaddexpOp.Float(0f, 0f).ShouldBe((float)Ln2, 1e-7f);
    }

    [Fact]
    public void Logaddexp_at_infinities_and_NaN_matches_NumPy()
    {
        LogaddexpOp.Float(double.PositiveInfinity, double.PositiveInfinity).ShouldBe(double.PositiveInfinity);
        LogaddexpOp.Float(double.NegativeInfinity, double.NegativeInfinity).ShouldBe(double.NegativeInfinity);
        LogaddexpOp.Float(double.PositiveInfinity, double.NegativeInfinity).ShouldBe(double.PositiveInfinity);
        LogaddexpOp.Float(double.NegativeInfinity, 3.0).ShouldBe(3.0);
        double.IsNaN(LogaddexpOp.Float(double.NaN, 1.0)).ShouldBeTrue();
    }

    [Fact]
    public void Logaddexp_is_symmetric_and_agrees_with_the_naive_formula_where_that_is_exact_enough()
    {
        var random = new Random(25);
        for (int i = 0; i < 1000; i++)
        {
            double x = random.NextDouble() * 40 - 20, y = random.NextDouble() * 40 - 20;
            double v = LogaddexpOp.Float(x, y);
            v.ShouldBe(LogaddexpOp.Float(y, x));
            v.ShouldBe(Math.Log(Math.Exp(x) + Math.Exp(y)), 1e-12 * Math.Max(1, Math.Abs(v)));
            v.ShouldBeGreaterThanOrEqualTo(Math.Max(x, y));
        }
    }

    [Fact]
    public void Integer_loops_wrap_and_never_throw()
    {
        FloorDivideOp.Integer(long.MinValue, -1L).ShouldBe(long.MinValue);
        RemainderOp.Integer(5, 0).ShouldBe(0);
        NegativeOp.Integer(int.MinValue).ShouldBe(int.MinValue);
        AbsOp.Integer(long.MinValue).ShouldBe(long.MinValue);
        Should.NotThrow(() => PowerOp.Integer(2L, -1L));   // refused before the loop runs (BinaryUfunc.RefusesNegativeIntegerOperand)
        MultiplyOp.Integer(int.MaxValue, 2).ShouldBe(-2);
    }

    [Fact]
    public void Bool_loops_are_NumPys()
    {
        AddOp.Bool(true, true).ShouldBeTrue();
        MultiplyOp.Bool(true, false).ShouldBeFalse();
        MaximumOp.Bool(false, true).ShouldBeTrue();
        MinimumOp.Bool(false, true).ShouldBeFalse();
        LessOp.Bool(false, true).ShouldBeTrue();
        GreaterEqualOp.Bool(false, true).ShouldBeFalse();
        InvertOp.Bool(true).ShouldBeFalse();
    }

    [Fact]
    public void Expm1_and_log1p_keep_the_digits_of_tiny_arguments()
    {
        Expm1Op.Float(1e-10).ShouldBe(1.00000000005e-10, 1e-24);
        Log1pOp.Float(1e-10).ShouldBe(9.9999999995e-11, 1e-24);
        Expm1Op.Float(1e-5f).ShouldBe(1.00000500e-5f, 1e-11f);
    }
}
