using ArrayDispatch.Ufuncs;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Ufuncs;

/// <summary>The integer ufuncs' corner values, each checked against NumPy 1.24 on x86-64.</summary>
public sealed class IntegerOpsTests
{
    [Theory]
    [InlineData(12L, 18L, 6L)]
    [InlineData(-12L, 18L, 6L)]
    [InlineData(-12L, -18L, 6L)]
    [InlineData(0L, -7L, 7L)]
    [InlineData(0L, 0L, 0L)]
    [InlineData(long.MinValue, 0L, long.MinValue)]   // |min| wraps to itself, as NumPy gives
    [InlineData(long.MinValue, -1L, 1L)]             // no trap on min % -1
    [InlineData(-1L, long.MinValue, 1L)]
    public void Gcd_is_Euclid_on_the_magnitudes(long x, long y, long expected) => GcdOp.Integer(x, y).ShouldBe(expected);

    [Fact]
    public void Gcd_and_lcm_of_narrow_and_unsigned_types_wrap_as_NumPy()
    {
        GcdOp.Integer((sbyte)-128, (sbyte)0).ShouldBe((sbyte)-128);
        LcmOp.Integer((sbyte)-128, (sbyte)3).ShouldBe((sbyte)-128);
        LcmOp.Integer((sbyte)4, (sbyte)-6).ShouldBe((sbyte)12);
        LcmOp.Integer((sbyte)0, (sbyte)0).ShouldBe((sbyte)0);
        LcmOp.Integer((byte)200, (byte)3).ShouldBe((byte)88);          // 600 mod 256
        GcdOp.Integer(ulong.MaxValue, 3ul).ShouldBe(3ul);
        LcmOp.Integer(long.MinValue, -1L).ShouldBe(long.MinValue);       // |min| · 1 wraps
    }

    [Fact]
    public void Shifts_past_the_width_or_negative_give_zero_or_the_sign()
    {
        LeftShiftOp.Integer((sbyte)1, (sbyte)7).ShouldBe((sbyte)-128);
        LeftShiftOp.Integer((sbyte)1, (sbyte)8).ShouldBe((sbyte)0);
        LeftShiftOp.Integer((sbyte)1, (sbyte)-1).ShouldBe((sbyte)0);
        LeftShiftOp.Integer(1L, 63L).ShouldBe(long.MinValue);
        RightShiftOp.Integer((sbyte)-8, (sbyte)9).ShouldBe((sbyte)-1);
        RightShiftOp.Integer((sbyte)-8, (sbyte)-1).ShouldBe((sbyte)-1);
        RightShiftOp.Integer((sbyte)-8, (sbyte)2).ShouldBe((sbyte)-2);
        RightShiftOp.Integer((byte)200, (byte)9).ShouldBe((byte)0);
        RightShiftOp.Integer(ulong.MaxValue, 63ul).ShouldBe(1ul);
    }

    [Fact]
    public void Float16_loops_compute_in_float32_and_round_once()
    {
        // np.expm1(np.float16(10)) is 22032: in float16 steps the (e^x - 1)·x of the accurate formula overflows.
        Float16Loops.Unary<Expm1Op>((Half)10).ShouldBe((Half)22032);
        Float16Loops.Binary<HypotOp>((Half)60000, (Half)60000).ShouldBe(Half.PositiveInfinity);
        Float16Loops.Binary<LogaddexpOp>((Half)11, (Half)11).ShouldBe((Half)11.695);
    }
}
