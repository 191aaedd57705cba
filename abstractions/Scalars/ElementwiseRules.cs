using System.Numerics;

namespace ArrayDispatch.Scalars;

/// <summary>
/// NumPy's element-wise rules that are not one op's scalar meaning: the loop dtype of float-only functions, the
/// messages NumPy raises, and the magnitude rule several ops share. The ops themselves, one per ufunc with a method per
/// loop, are in <see cref="Ufuncs"/> (e.g. <see cref="Ufuncs.FloorDivideOp"/>), built on the typed rules of
/// <see cref="IntegerArithmetic"/>, <see cref="FloatArithmetic"/> and <see cref="Extrema"/>.
/// </summary>
public static class ElementwiseRules
{
    /// <summary>NumPy's message when <c>power</c> meets a negative integer exponent (NumPy raises <c>ValueError</c>).</summary>
    public const string NegativeIntegerPowerMessage = "Integers to negative integer powers are not allowed.";

    /// <summary>
    /// NumPy's <c>TypeError</c> when a ufunc without a bool loop meets a bool array that its type resolver does not cast
    /// up: <c>sign</c> (<c>np.sign(True)</c> raises, where <c>np.abs(True)</c> answers).
    /// </summary>
    public static string NoBoolLoopMessage(string function) => $"ufunc '{function}' did not contain a loop with signature matching types bool";

    /// <summary>
    /// NumPy's <c>absolute</c>: the magnitude; for a signed integer's minimum value, which has no positive counterpart, the
    /// wrapped value (the minimum itself), as NumPy gives, where <c>T.Abs</c> would throw; +0 for -0; NaN stays NaN.
    /// </summary>
    /// <remarks>Written with comparisons only (no <c>IsNegative</c> bit test), so device kernels use it too.</remarks>
    public static T Absolute<T>(T x) where T : INumber<T> => x < T.Zero ? -x : x == T.Zero ? T.Zero : x;

    /// <summary>
    /// The dtype NumPy computes and returns true division (<c>divide</c>) and the other float-only functions in
    /// (<c>arctan2</c>, <c>hypot</c>, <c>sqrt</c>, …): a float dtype stays, integers and bool go to float64, so integer
    /// division by zero follows IEEE (<c>1 / 0 = inf</c>, <c>0 / 0 = nan</c>) and never throws.
    /// </summary>
    /// <remarks>This is true division's rule; NumPy's other float-only ufuncs pick the smallest float loop the input casts
    /// to safely (float16 for int8, float32 for int16).</remarks>
    public static DType FloatLoop(DType promoted) => promoted.IsInexact() ? promoted : DType.Float64;

    /// <summary>
    /// The float loop NumPy picks for its float-only ufuncs other than true division (<c>sqrt</c>, <c>exp</c>, <c>sin</c>,
    /// <c>arctan2</c>, <c>hypot</c>, …): the first of float16, float32, float64 that <paramref name="dtype"/> casts to
    /// safely, so bool, int8 and uint8 compute in float16, int16 and uint16 in float32, wider integers in float64; inexact
    /// dtypes keep their own.
    /// </summary>
    public static DType FloatFunctionLoop(DType dtype) =>
        dtype.IsInexact() ? dtype
        : DTypes.CanCast(dtype, DType.Float16, Casting.Safe) ? DType.Float16
        : DTypes.CanCast(dtype, DType.Float32, Casting.Safe) ? DType.Float32 : DType.Float64;

    /// <summary>Throws NumPy's refusal of a negative integer exponent when <paramref name="exponent"/> is one.</summary>
    /// <exception cref="ArgumentException"><paramref name="exponent"/> is negative (<see cref="NegativeIntegerPowerMessage"/>).</exception>
    public static void ThrowIfNegativeIntegerExponent<T>(T exponent) where T : IBinaryInteger<T>
    {
        if (IntegerArithmetic.RefusesExponent(exponent)) ThrowNegativeIntegerPower();
    }

    private static void ThrowNegativeIntegerPower() => throw new ArgumentException(NegativeIntegerPowerMessage, "x2");

}
