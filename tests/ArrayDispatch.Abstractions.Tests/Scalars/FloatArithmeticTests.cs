using ArrayDispatch.Scalars;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Scalars;

/// <summary>
/// The float rules against NumPy 1.24's answers (<c>np.floor_divide</c>, <c>np.remainder</c>, <c>np.fmod</c> on float64
/// and float32 scalars), hard-coded here; each value was read from NumPy, not derived from the code under test.
/// </summary>
public sealed class FloatArithmeticTests
{
    [Theory]
    [InlineData(1.0, 0.1, 9.0, 0.09999999999999995)]                 // floor(1.0 / 0.1) would be 10
    [InlineData(-1.0, 0.1, -10.0, 5.551115123125783e-17)]
    [InlineData(0.3, 0.1, 2.0, 0.09999999999999998)]
    [InlineData(-7.5, 2.0, -4.0, 0.5)]
    [InlineData(7.5, 2.0, 3.0, 1.5)]
    [InlineData(1.0, 0.0, double.PositiveInfinity, double.NaN)]
    [InlineData(-1.0, 0.0, double.NegativeInfinity, double.NaN)]
    [InlineData(5.0, -0.0, double.NegativeInfinity, double.NaN)]
    [InlineData(0.0, 0.0, double.NaN, double.NaN)]
    [InlineData(-0.0, 1.0, -0.0, 0.0)]                                // a zero remainder takes the divisor's sign
    [InlineData(2.0, -1.0, -2.0, -0.0)]
    [InlineData(-2.0, 1.0, -2.0, 0.0)]
    [InlineData(0.5, 1.0, 0.0, 0.5)]
    [InlineData(0.0, -1.0, -0.0, -0.0)]                               // a zero quotient takes the sign of x / y
    [InlineData(-1.0, double.PositiveInfinity, -1.0, double.PositiveInfinity)]
    [InlineData(1.0, double.NegativeInfinity, -1.0, double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity, 1.0, double.NaN, double.NaN)]
    [InlineData(double.NaN, 1.0, double.NaN, double.NaN)]
    public void Floor_divide_and_remainder_of_floats_match_NumPy(double x, double y, double quotient, double remainder)
    {
        NumPyValue.ShouldMatch(FloatArithmetic.FloorDivide(x, y), quotient, $"np.floor_divide({x:R}, {y:R})");
        NumPyValue.ShouldMatch(FloatArithmetic.Remainder(x, y), remainder, $"np.remainder({x:R}, {y:R})");
    }

    [Fact]
    public void Floor_divide_by_a_tenth_in_float32_is_computed_in_float32_as_NumPy()
    {
        NumPyValue.ShouldMatch(FloatArithmetic.FloorDivide(1f, 0.1f), 9f, "np.floor_divide(np.float32(1), np.float32(0.1))");
        NumPyValue.ShouldMatch(FloatArithmetic.Remainder(1f, 0.1f), 0.09999998658895493f, "np.remainder(np.float32(1), np.float32(0.1))");
    }

    [Theory]
    [InlineData(7.5, -2.0, 1.5)]
    [InlineData(-7.5, 2.0, -1.5)]
    [InlineData(-7.0, 0.0, double.NaN)]
    public void Fmod_of_floats_takes_the_sign_of_the_dividend(double x, double y, double expected) =>
        NumPyValue.ShouldMatch(FloatArithmetic.Fmod(x, y), expected, $"np.fmod({x:R}, {y:R})");

    [Theory]
    [InlineData(0.0, double.PositiveInfinity)]
    [InlineData(-0.0, double.NegativeInfinity)]
    [InlineData(4.0, 0.25)]
    public void Reciprocal_of_floats_is_one_over_x(double x, double expected) =>
        NumPyValue.ShouldMatch(FloatArithmetic.Reciprocal(x), expected, $"np.reciprocal({x:R})");
}
