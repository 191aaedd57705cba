using System.Numerics;

namespace ArrayDispatch.Scalars;

/// <summary>
/// The scalar meaning of NumPy's element-wise functions for a loop written once over any element type
/// (<c>where T : INumber&lt;T&gt;</c>): each method picks the integer rule (<see cref="IntegerArithmetic"/>) or the
/// floating-point rule (<see cref="FloatArithmetic"/>) for <c>T</c>, as NumPy's ufunc picks its loop by
/// dtype. A backend supplies only the loop (SIMD, sparse merge, device kernel) and calls these for the values.
/// </summary>
/// <remarks>
/// <para>
/// The choice is a chain of <c>typeof(T)</c> tests that the JIT folds per instantiation, and the <c>(T)(object)</c>
/// conversions between equal value types compile to nothing: there is no boxing and no branch left at run time.
/// Device kernels, which ILGPU compiles from IL and where such casts are not allowed, call the typed rules directly
/// from operator structs that are already split into integer and float families.
/// </para>
/// <para>
/// The f(0) facts a sparse backend needs follow from these values, and a sparse backend reads them by calling the rule
/// with a zero operand rather than keeping a table: e.g. <c>floor_divide(0, c)</c> is 0 for every integer <c>c</c> but NaN
/// for the float <c>c = 0</c>, and <c>power(0, 0)</c> is 1.
/// </para>
/// </remarks>
public static class ElementwiseRules
{
    /// <summary>NumPy's message when <c>power</c> meets a negative integer exponent (NumPy raises <c>ValueError</c>).</summary>
    public const string NegativeIntegerPowerMessage = "Integers to negative integer powers are not allowed.";

    /// <summary>
    /// NumPy's <c>TypeError</c> when a ufunc without a bool loop meets a bool array that its type resolver does not cast
    /// up: <c>sign</c> (<c>np.sign(True)</c> raises, where <c>np.abs(True)</c> answers).
    /// </summary>
    public static string NoBoolLoopMessage(string function) => $"ufunc '{function}' did not contain a loop with signature matching types bool";

    /// <summary>NumPy's <c>floor_divide</c>: <see cref="IntegerArithmetic.FloorDivide{T}"/> or <see cref="FloatArithmetic.FloorDivide{T}"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not the element type of a real dtype.</exception>
    public static T FloorDivide<T>(T x, T y) where T : INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)FloatArithmetic.FloorDivide((double)(object)x, (double)(object)y);
        if (typeof(T) == typeof(float)) return (T)(object)FloatArithmetic.FloorDivide((float)(object)x, (float)(object)y);
        if (typeof(T) == typeof(long)) return (T)(object)IntegerArithmetic.FloorDivide((long)(object)x, (long)(object)y);
        if (typeof(T) == typeof(int)) return (T)(object)IntegerArithmetic.FloorDivide((int)(object)x, (int)(object)y);
        if (typeof(T) == typeof(Half)) return (T)(object)FloatArithmetic.FloorDivide((Half)(object)x, (Half)(object)y);
        if (typeof(T) == typeof(sbyte)) return (T)(object)IntegerArithmetic.FloorDivide((sbyte)(object)x, (sbyte)(object)y);
        if (typeof(T) == typeof(short)) return (T)(object)IntegerArithmetic.FloorDivide((short)(object)x, (short)(object)y);
        if (typeof(T) == typeof(byte)) return (T)(object)IntegerArithmetic.FloorDivide((byte)(object)x, (byte)(object)y);
        if (typeof(T) == typeof(ushort)) return (T)(object)IntegerArithmetic.FloorDivide((ushort)(object)x, (ushort)(object)y);
        if (typeof(T) == typeof(uint)) return (T)(object)IntegerArithmetic.FloorDivide((uint)(object)x, (uint)(object)y);
        if (typeof(T) == typeof(ulong)) return (T)(object)IntegerArithmetic.FloorDivide((ulong)(object)x, (ulong)(object)y);
        return Unsupported<T>("floor_divide");
    }

    /// <summary>NumPy's <c>remainder</c>: <see cref="IntegerArithmetic.Remainder{T}"/> or <see cref="FloatArithmetic.Remainder{T}"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not the element type of a real dtype.</exception>
    public static T Remainder<T>(T x, T y) where T : INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)FloatArithmetic.Remainder((double)(object)x, (double)(object)y);
        if (typeof(T) == typeof(float)) return (T)(object)FloatArithmetic.Remainder((float)(object)x, (float)(object)y);
        if (typeof(T) == typeof(long)) return (T)(object)IntegerArithmetic.Remainder((long)(object)x, (long)(object)y);
        if (typeof(T) == typeof(int)) return (T)(object)IntegerArithmetic.Remainder((int)(object)x, (int)(object)y);
        if (typeof(T) == typeof(Half)) return (T)(object)FloatArithmetic.Remainder((Half)(object)x, (Half)(object)y);
        if (typeof(T) == typeof(sbyte)) return (T)(object)IntegerArithmetic.Remainder((sbyte)(object)x, (sbyte)(object)y);
        if (typeof(T) == typeof(short)) return (T)(object)IntegerArithmetic.Remainder((short)(object)x, (short)(object)y);
        if (typeof(T) == typeof(byte)) return (T)(object)IntegerArithmetic.Remainder((byte)(object)x, (byte)(object)y);
        if (typeof(T) == typeof(ushort)) return (T)(object)IntegerArithmetic.Remainder((ushort)(object)x, (ushort)(object)y);
        if (typeof(T) == typeof(uint)) return (T)(object)IntegerArithmetic.Remainder((uint)(object)x, (uint)(object)y);
        if (typeof(T) == typeof(ulong)) return (T)(object)IntegerArithmetic.Remainder((ulong)(object)x, (ulong)(object)y);
        return Unsupported<T>("remainder");
    }

    /// <summary>NumPy's <c>fmod</c>: <see cref="IntegerArithmetic.Fmod{T}"/> or <see cref="FloatArithmetic.Fmod{T}"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not the element type of a real dtype.</exception>
    public static T Fmod<T>(T x, T y) where T : INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)FloatArithmetic.Fmod((double)(object)x, (double)(object)y);
        if (typeof(T) == typeof(float)) return (T)(object)FloatArithmetic.Fmod((float)(object)x, (float)(object)y);
        if (typeof(T) == typeof(long)) return (T)(object)IntegerArithmetic.Fmod((long)(object)x, (long)(object)y);
        if (typeof(T) == typeof(int)) return (T)(object)IntegerArithmetic.Fmod((int)(object)x, (int)(object)y);
        if (typeof(T) == typeof(Half)) return (T)(object)FloatArithmetic.Fmod((Half)(object)x, (Half)(object)y);
        if (typeof(T) == typeof(sbyte)) return (T)(object)IntegerArithmetic.Fmod((sbyte)(object)x, (sbyte)(object)y);
        if (typeof(T) == typeof(short)) return (T)(object)IntegerArithmetic.Fmod((short)(object)x, (short)(object)y);
        if (typeof(T) == typeof(byte)) return (T)(object)IntegerArithmetic.Fmod((byte)(object)x, (byte)(object)y);
        if (typeof(T) == typeof(ushort)) return (T)(object)IntegerArithmetic.Fmod((ushort)(object)x, (ushort)(object)y);
        if (typeof(T) == typeof(uint)) return (T)(object)IntegerArithmetic.Fmod((uint)(object)x, (uint)(object)y);
        if (typeof(T) == typeof(ulong)) return (T)(object)IntegerArithmetic.Fmod((ulong)(object)x, (ulong)(object)y);
        return Unsupported<T>("fmod");
    }

    /// <summary>
    /// NumPy's <c>power</c>: <see cref="IntegerArithmetic.Power{T}"/> (wrapping) or the IEEE <c>pow</c> of
    /// <typeparamref name="T"/>; a negative integer exponent is refused as NumPy refuses it.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is an integer type and <paramref name="y"/> is negative
    /// (<see cref="NegativeIntegerPowerMessage"/>).</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not the element type of a real dtype.</exception>
    public static T Power<T>(T x, T y) where T : INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)double.Pow((double)(object)x, (double)(object)y);
        if (typeof(T) == typeof(float)) return (T)(object)float.Pow((float)(object)x, (float)(object)y);
        if (typeof(T) == typeof(long)) return (T)(object)CheckedIntegerPower((long)(object)x, (long)(object)y);
        if (typeof(T) == typeof(int)) return (T)(object)CheckedIntegerPower((int)(object)x, (int)(object)y);
        if (typeof(T) == typeof(Half)) return (T)(object)Half.Pow((Half)(object)x, (Half)(object)y);
        if (typeof(T) == typeof(sbyte)) return (T)(object)CheckedIntegerPower((sbyte)(object)x, (sbyte)(object)y);
        if (typeof(T) == typeof(short)) return (T)(object)CheckedIntegerPower((short)(object)x, (short)(object)y);
        if (typeof(T) == typeof(byte)) return (T)(object)CheckedIntegerPower((byte)(object)x, (byte)(object)y);
        if (typeof(T) == typeof(ushort)) return (T)(object)CheckedIntegerPower((ushort)(object)x, (ushort)(object)y);
        if (typeof(T) == typeof(uint)) return (T)(object)CheckedIntegerPower((uint)(object)x, (uint)(object)y);
        if (typeof(T) == typeof(ulong)) return (T)(object)CheckedIntegerPower((ulong)(object)x, (ulong)(object)y);
        return Unsupported<T>("power");
    }

    /// <summary>NumPy's <c>reciprocal</c>: <see cref="IntegerArithmetic.Reciprocal{T}"/> or <see cref="FloatArithmetic.Reciprocal{T}"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not the element type of a real dtype.</exception>
    public static T Reciprocal<T>(T x) where T : INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)FloatArithmetic.Reciprocal((double)(object)x);
        if (typeof(T) == typeof(float)) return (T)(object)FloatArithmetic.Reciprocal((float)(object)x);
        if (typeof(T) == typeof(long)) return (T)(object)IntegerArithmetic.Reciprocal((long)(object)x);
        if (typeof(T) == typeof(int)) return (T)(object)IntegerArithmetic.Reciprocal((int)(object)x);
        if (typeof(T) == typeof(Half)) return (T)(object)FloatArithmetic.Reciprocal((Half)(object)x);
        if (typeof(T) == typeof(sbyte)) return (T)(object)IntegerArithmetic.Reciprocal((sbyte)(object)x);
        if (typeof(T) == typeof(short)) return (T)(object)IntegerArithmetic.Reciprocal((short)(object)x);
        if (typeof(T) == typeof(byte)) return (T)(object)IntegerArithmetic.Reciprocal((byte)(object)x);
        if (typeof(T) == typeof(ushort)) return (T)(object)IntegerArithmetic.Reciprocal((ushort)(object)x);
        if (typeof(T) == typeof(uint)) return (T)(object)IntegerArithmetic.Reciprocal((uint)(object)x);
        if (typeof(T) == typeof(ulong)) return (T)(object)IntegerArithmetic.Reciprocal((ulong)(object)x);
        return Unsupported<T>("reciprocal");
    }

    /// <summary>
    /// NumPy's <c>absolute</c>: the magnitude; for a signed integer's minimum value, which has no positive counterpart, the
    /// wrapped value (the minimum itself), as NumPy gives, where <c>T.Abs</c> would throw; +0 for -0; NaN stays NaN.
    /// </summary>
    /// <remarks>Written with comparisons only (no <c>IsNegative</c> bit test), so device kernels use it too.</remarks>
    public static T Absolute<T>(T x) where T : INumber<T> => x < T.Zero ? -x : x == T.Zero ? T.Zero : x;

    /// <summary>NumPy's <c>maximum</c> (<see cref="Extrema.Maximum{T}"/>): NaN propagates.</summary>
    public static T Maximum<T>(T x, T y) where T : INumber<T> => Extrema.Maximum(x, y);

    /// <summary>NumPy's <c>minimum</c> (<see cref="Extrema.Minimum{T}"/>): NaN propagates.</summary>
    public static T Minimum<T>(T x, T y) where T : INumber<T> => Extrema.Minimum(x, y);

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

    private static T CheckedIntegerPower<T>(T x, T y) where T : IBinaryInteger<T>
    {
        ThrowIfNegativeIntegerExponent(y);
        return IntegerArithmetic.Power(x, y);
    }

    private static void ThrowNegativeIntegerPower() => throw new ArgumentException(NegativeIntegerPowerMessage, "x2");

    private static T Unsupported<T>(string function) =>
        throw new NotSupportedException($"'{function}' has no loop for the .NET type '{typeof(T).Name}'; supported: sbyte, short, int, long, byte, ushort, uint, ulong, Half, float, double");
}
