using System.Numerics;

namespace ArrayDispatch.Scalars;

/// <summary>
/// NumPy's element-wise <c>maximum</c>/<c>minimum</c>, which propagate NaN, and <c>fmax</c>/<c>fmin</c>, which ignore it.
/// Generic over every numeric type: for integers <c>T.IsNaN</c> is constant false and the tests fold away.
/// </summary>
/// <remarks>
/// <para>
/// .NET's <c>Math.Max</c> also propagates NaN, but ILGPU maps it to the device's <c>fmax</c>, which ignores NaN; these
/// are written with comparisons and arithmetic only, so a device kernel gives the same answer as a host loop.
/// </para>
/// <para>
/// Signed zeros follow IEEE 754-2019's <c>maximum</c>/<c>minimum</c>: +0 is the larger of ±0. That is what
/// <c>TensorPrimitives.Max</c>/<c>Min</c> (the vectorized loops of the Dense backend) compute, so every loop of every
/// backend agrees. NumPy leaves it unspecified: its x86-64 loops return the second operand when the two compare equal
/// (<c>np.maximum(0.0, -0.0)</c> is -0.0 there, +0.0 here).
/// </para>
/// </remarks>
public static class Extrema
{
    /// <summary>NumPy's <c>maximum</c>: the larger, or NaN when either is NaN (the first NaN when both are).</summary>
    public static T Maximum<T>(T x, T y) where T : INumber<T> => T.IsNaN(x) ? x : T.IsNaN(y) ? y : Larger(x, y);

    /// <summary>NumPy's <c>minimum</c>: the smaller, or NaN when either is NaN (the first NaN when both are).</summary>
    public static T Minimum<T>(T x, T y) where T : INumber<T> => T.IsNaN(x) ? x : T.IsNaN(y) ? y : Smaller(x, y);

    /// <summary>NumPy's <c>fmax</c>: the larger, ignoring a NaN operand; NaN only when both are NaN.</summary>
    public static T Fmax<T>(T x, T y) where T : INumber<T> => T.IsNaN(y) ? x : T.IsNaN(x) ? y : Larger(x, y);

    /// <summary>NumPy's <c>fmin</c>: the smaller, ignoring a NaN operand; NaN only when both are NaN.</summary>
    public static T Fmin<T>(T x, T y) where T : INumber<T> => T.IsNaN(y) ? x : T.IsNaN(x) ? y : Smaller(x, y);

    // For two zeros, x + y is -0 only when both are -0, and -((-x) - y) is +0 only when both are +0: the IEEE answers,
    // without a sign-bit test (which ILGPU cannot compile for floats, and 1 / x would throw for integer zeros).
    private static T Larger<T>(T x, T y) where T : INumber<T> => x > y ? x : x < y ? y : x == T.Zero ? x + y : x;

    private static T Smaller<T>(T x, T y) where T : INumber<T> => x < y ? x : x > y ? y : x == T.Zero ? -(-x - y) : x;
}
