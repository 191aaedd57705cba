using Shouldly;

namespace ArrayDispatch.Abstractions.Tests.Scalars;

/// <summary>Compares a float result with NumPy's the way NumPy's own tests do: NaN equals NaN, and the sign of a zero counts.</summary>
internal static class NumPyValue
{
    public static void ShouldMatch(double actual, double expected, string call)
    {
        if (double.IsNaN(expected))
        {
            double.IsNaN(actual).ShouldBeTrue($"{call}: NumPy gives nan, got {actual:R}");
            return;
        }
        actual.ShouldBe(expected, $"{call}: NumPy gives {expected:R}, got {actual:R}");
        double.IsNegative(actual).ShouldBe(double.IsNegative(expected), $"{call}: NumPy gives {expected:R}, got {actual:R} (sign of zero)");
    }

    public static void ShouldMatch(float actual, float expected, string call)
    {
        if (float.IsNaN(expected))
        {
            float.IsNaN(actual).ShouldBeTrue($"{call}: NumPy gives nan, got {actual:R}");
            return;
        }
        actual.ShouldBe(expected, $"{call}: NumPy gives {expected:R}, got {actual:R}");
        float.IsNegative(actual).ShouldBe(float.IsNegative(expected), $"{call}: NumPy gives {expected:R}, got {actual:R} (sign of zero)");
    }
}
