using System.Numerics;

namespace ArrayDispatch.Scalars;

/// <summary>
/// NumPy's element-wise <c>maximum</c>/<c>minimum</c>, which propagate NaN, and <c>fmax</c>/<c>fmin</c>, which ignore it.
/// Generic over every numeric type: for integers <c>T.IsNaN</c> is constant false and the tests fold away.
/// </summary>
/// <remarks>
/// .NET's <c>Math.Max</c> also propagates NaN, but ILGPU maps it to the device's <c>fmax</c>, which ignores NaN; these
/// are written with comparisons so a device kernel gives NumPy's answer too. When the two compare equal (as +0 and -0 do)
/// the second operand is returned, as NumPy's x86-64 loops return it.
/// </remarks>
public static class Extrema
{
    /// <summary>NumPy's <c>maximum</c>: the larger, or NaN when either is NaN (the first NaN when both are).</summary>
    public static T Maximum<T>(T x, T y) where T : INumber<T> => T.IsNaN(x) ? x : T.IsNaN(y) ? y : x > y ? x : y;

    /// <summary>NumPy's <c>minimum</c>: the smaller, or NaN when either is NaN (the first NaN when both are).</summary>
    public static T Minimum<T>(T x, T y) where T : INumber<T> => T.IsNaN(x) ? x : T.IsNaN(y) ? y : x < y ? x : y;

    /// <summary>NumPy's <c>fmax</c>: the larger, ignoring a NaN operand; NaN only when both are NaN.</summary>
    public static T Fmax<T>(T x, T y) where T : INumber<T> => T.IsNaN(y) ? x : T.IsNaN(x) ? y : x > y ? x : y;

    /// <summary>NumPy's <c>fmin</c>: the smaller, ignoring a NaN operand; NaN only when both are NaN.</summary>
    public static T Fmin<T>(T x, T y) where T : INumber<T> => T.IsNaN(y) ? x : T.IsNaN(x) ? y : x < y ? x : y;
}
