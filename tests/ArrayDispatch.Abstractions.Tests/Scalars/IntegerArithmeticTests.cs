using ArrayDispatch.Scalars;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Scalars;

/// <summary>
/// The integer rules against NumPy 1.24's answers on int64/int32 arrays. NumPy answers every one of these inputs (at
/// most with a RuntimeWarning), so none of them may throw.
/// </summary>
public sealed class IntegerArithmeticTests
{
    [Theory]
    [InlineData(7L, 2L, 3L, 1L, 1L)]
    [InlineData(-7L, 2L, -4L, 1L, -1L)]
    [InlineData(7L, -2L, -4L, -1L, 1L)]
    [InlineData(-7L, -2L, 3L, -1L, -1L)]
    [InlineData(0L, 3L, 0L, 0L, 0L)]
    [InlineData(5L, 0L, 0L, 0L, 0L)]                                  // x // 0 == x % 0 == 0, with a warning only
    [InlineData(-5L, 0L, 0L, 0L, 0L)]
    [InlineData(long.MinValue, -1L, long.MinValue, 0L, 0L)]          // wraps; .NET's / and % throw here
    [InlineData(long.MinValue, 1L, long.MinValue, 0L, 0L)]
    [InlineData(long.MaxValue, -1L, -long.MaxValue, 0L, 0L)]
    public void Floor_divide_remainder_and_fmod_of_int64_match_NumPy(long x, long y, long quotient, long remainder, long fmod)
    {
        IntegerArithmetic.FloorDivide(x, y).ShouldBe(quotient, $"np.floor_divide({x}, {y})");
        IntegerArithmetic.Remainder(x, y).ShouldBe(remainder, $"np.remainder({x}, {y})");
        IntegerArithmetic.Fmod(x, y).ShouldBe(fmod, $"np.fmod({x}, {y})");
    }

    [Fact]
    public void Int32_minimum_floor_divided_by_minus_one_wraps_as_NumPy()
    {
        IntegerArithmetic.FloorDivide(int.MinValue, -1).ShouldBe(int.MinValue);
        IntegerArithmetic.Remainder(int.MinValue, -1).ShouldBe(0);
        IntegerArithmetic.FloorDivide(7, 0).ShouldBe(0);
        IntegerArithmetic.Remainder(-7, 2).ShouldBe(1);
    }

    [Theory]
    [InlineData(2L, 62L, 4611686018427387904L)]
    [InlineData(3L, 41L, -420491770248316829L)]                        // wraps, as NumPy's power does
    [InlineData(-1L, 3L, -1L)]
    [InlineData(-1L, 4L, 1L)]
    [InlineData(5L, 0L, 1L)]
    [InlineData(0L, 0L, 1L)]
    [InlineData(long.MinValue, 1L, long.MinValue)]
    public void Power_of_int64_matches_NumPy(long x, long y, long expected) =>
        IntegerArithmetic.Power(x, y).ShouldBe(expected, $"np.power({x}, {y})");

    [Fact]
    public void Power_of_int32_wraps_at_the_sign_bit() => IntegerArithmetic.Power(2, 31).ShouldBe(int.MinValue);

    [Fact]
    public void A_negative_exponent_is_refused_but_a_kernel_gets_an_answer_not_an_exception()
    {
        IntegerArithmetic.RefusesExponent(-1L).ShouldBeTrue();
        IntegerArithmetic.RefusesExponent(0L).ShouldBeFalse();
        IntegerArithmetic.Power(2L, -1L).ShouldBe(0L);
        IntegerArithmetic.Power(1L, -5L).ShouldBe(1L);
        IntegerArithmetic.Power(-1L, -3L).ShouldBe(-1L);
        IntegerArithmetic.Power(0L, -1L).ShouldBe(0L);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(-1, -1)]
    [InlineData(-3, 0)]
    [InlineData(1, 1)]
    [InlineData(0, int.MinValue)]                                    // NumPy's answer on x86-64
    public void Reciprocal_of_int32_truncates_and_gives_the_minimum_for_zero(int x, int expected) =>
        IntegerArithmetic.Reciprocal(x).ShouldBe(expected, $"np.reciprocal(np.int32({x}))");

    [Fact]
    public void Reciprocal_of_int64_zero_is_the_int64_minimum() => IntegerArithmetic.Reciprocal(0L).ShouldBe(long.MinValue);

    [Fact]
    public void Reciprocal_of_zero_in_narrow_and_unsigned_types_is_zero_as_NumPy_gives()
    {
        // NumPy 1.24 on x86-64: np.reciprocal(np.zeros(1, dt)) for int8, int16 and the unsigned types.
        IntegerArithmetic.Reciprocal((sbyte)0).ShouldBe((sbyte)0);
        IntegerArithmetic.Reciprocal((short)0).ShouldBe((short)0);
        IntegerArithmetic.Reciprocal((byte)0).ShouldBe((byte)0);
        IntegerArithmetic.Reciprocal((ushort)0).ShouldBe((ushort)0);
        IntegerArithmetic.Reciprocal(0u).ShouldBe(0u);
        IntegerArithmetic.Reciprocal(0ul).ShouldBe(0ul);
        IntegerArithmetic.Reciprocal((sbyte)-1).ShouldBe((sbyte)-1);
        IntegerArithmetic.Reciprocal((byte)1).ShouldBe((byte)1);
        IntegerArithmetic.Reciprocal((byte)255).ShouldBe((byte)0);
    }
}
