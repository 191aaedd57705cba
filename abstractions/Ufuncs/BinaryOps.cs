using System.Numerics;
using ArrayDispatch.Scalars;
using static ArrayDispatch.Ufuncs.ComplexFunctions;

namespace ArrayDispatch.Ufuncs;

#pragma warning disable CS1591 // each struct is the ufunc of the same name; the loops are the interface's

/// <summary><c>add</c>; on bools NumPy's loop is <c>or</c>.</summary>
public readonly struct AddOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x | y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x + y;
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => x + y;
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => x + y;
}

/// <summary><c>subtract</c>; NumPy refuses bools (the declaration carries its message).</summary>
public readonly struct SubtractOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x - y;
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => x - y;
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => x - y;
}

/// <summary><c>multiply</c>; on bools NumPy's loop is <c>and</c>.</summary>
public readonly struct MultiplyOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x & y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x * y;
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => x * y;
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => Narrow<T>(Multiply(Widen(x), Widen(y)));
}

/// <summary><c>divide</c> (true division): integers and bools compute in float64, so <c>1 / 0</c> is <c>inf</c>.</summary>
public readonly struct DivideOp : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => x / y;
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => Narrow<T>(Divide(Widen(x), Widen(y)));
}

/// <summary><c>floor_divide</c>: <see cref="IntegerArithmetic.FloorDivide{T}"/> (// 0 is 0, MinValue // -1 wraps) and <see cref="FloatArithmetic.FloorDivide{T}"/> (from <c>fmod</c>, as NumPy).</summary>
public readonly struct FloorDivideOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => IntegerArithmetic.FloorDivide(x, y);
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => FloatArithmetic.FloorDivide(x, y);
}

/// <summary><c>remainder</c>: the sign of the divisor; integer % 0 is 0.</summary>
public readonly struct RemainderOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => IntegerArithmetic.Remainder(x, y);
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => FloatArithmetic.Remainder(x, y);
}

/// <summary>
/// <c>power</c>: integer powers wrap (<see cref="IntegerArithmetic.Power{T}"/>); a negative integer exponent is refused
/// before the loop runs (<see cref="BinaryUfunc.RefusesNegativeIntegerOperand"/>), so the loop itself never raises.
/// </summary>
public readonly struct PowerOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => IntegerArithmetic.Power(x, y);
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => T.Pow(x, y);
    // complex64 in float32 arithmetic, as NumPy's nc_powf (an overflowing product is inf there, and the next NaN)
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> =>
        Narrow<T>(ComplexKind<T>.Value == 1 ? PowerSingle(Widen(x), Widen(y)) : Power(Widen(x), Widen(y)));
}

/// <summary><c>maximum</c>: NaN propagates; on bools <c>or</c>.</summary>
public readonly struct MaximumOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x | y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x > y ? x : y;
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => Extrema.Maximum(x, y);
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => IsNaN(Widen(x)) || GreaterEqual(Widen(x), Widen(y)) ? x : y;   // NaN propagates from either side
}

/// <summary><c>minimum</c>: NaN propagates; on bools <c>and</c>.</summary>
public readonly struct MinimumOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x & y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x < y ? x : y;
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => Extrema.Minimum(x, y);
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => IsNaN(Widen(x)) || LessEqual(Widen(x), Widen(y)) ? x : y;
}

/// <summary><c>arctan2</c>.</summary>
public readonly struct Arctan2Op : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan2(x, y);
}

/// <summary><c>hypot</c>, scaled so that no intermediate overflows (written out: ILGPU cannot compile <c>double.Hypot</c>).</summary>
public readonly struct HypotOp : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T ax = T.Abs(x);
        T ay = T.Abs(y);
        if (T.IsInfinity(ax) || T.IsInfinity(ay)) return T.PositiveInfinity;
        if (T.IsNaN(ax) || T.IsNaN(ay)) return ax + ay;
        T big = ax > ay ? ax : ay;
        T small = ax > ay ? ay : ax;
        if (big == T.Zero) return T.Zero;
        T r = small / big;
        return big * T.Sqrt(T.One + r * r);
    }
}

/// <summary>
/// <c>logaddexp</c>: <c>log(exp(x) + exp(y))</c> without overflow, as NumPy's <c>npy_logaddexp</c>: the larger operand
/// plus <c>log1p(exp(-|x - y|))</c>; equal operands (including equal infinities) give <c>x + log 2</c>.
/// </summary>
public readonly struct LogaddexpOp : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x == y) return x + T.Log(T.One + T.One);   // log 2 (inf + log 2 = inf for equal infinities); no constant conversion, which device kernels cannot compile
        T d = x - y;
        if (T.IsNaN(d)) return d;
        return d > T.Zero ? x + FloatFunctions.Log1p(T.Exp(-d)) : y + FloatFunctions.Log1p(T.Exp(d));
    }
}

/// <summary><c>logaddexp2</c>: <c>log2(2**x + 2**y)</c> without overflow, as NumPy's <c>npy_logaddexp2</c>.</summary>
public readonly struct Logaddexp2Op : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x == y) return x + T.One;   // log2(2 * 2**x); also inf + 1 = inf for equal infinities
        T d = x - y;
        if (T.IsNaN(d)) return d;
        T ln2 = T.Log(T.One + T.One);
        return d > T.Zero ? x + FloatFunctions.Log1p(T.Exp2(-d)) / ln2 : y + FloatFunctions.Log1p(T.Exp2(d)) / ln2;
    }
}

/// <summary><c>fmod</c>: C's remainder, with the sign of the dividend; integer fmod by 0 is 0, as NumPy's.</summary>
public readonly struct FmodOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => IntegerArithmetic.Fmod(x, y);
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => FloatArithmetic.Fmod(x, y);
}

/// <summary><c>fmax</c>: the larger, ignoring a NaN operand (NaN only when both are); on bools <c>or</c>.</summary>
public readonly struct FmaxOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x | y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x > y ? x : y;
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => Extrema.Fmax(x, y);
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => IsNaN(Widen(y)) || GreaterEqual(Widen(x), Widen(y)) ? x : y;   // NaN only when both are
}

/// <summary><c>fmin</c>: the smaller, ignoring a NaN operand; on bools <c>and</c>.</summary>
public readonly struct FminOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x & y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x < y ? x : y;
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => Extrema.Fmin(x, y);
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => IsNaN(Widen(y)) || LessEqual(Widen(x), Widen(y)) ? x : y;
}

/// <summary><c>copysign</c>: the magnitude of <c>x</c> with the sign of <c>y</c> (its sign bit, so <c>-0.0</c> counts).</summary>
public readonly struct CopysignOp : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => T.CopySign(x, y);
}

/// <summary><c>bitwise_and</c> (on bools, <c>and</c>).</summary>
public readonly struct BitwiseAndOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x & y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x & y;
}

/// <summary><c>bitwise_or</c> (on bools, <c>or</c>).</summary>
public readonly struct BitwiseOrOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x | y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x | y;
}

/// <summary><c>bitwise_xor</c> (on bools, <c>xor</c>).</summary>
public readonly struct BitwiseXorOp : IBinaryOp
{
    public static bool Bool(bool x, bool y) => x ^ y;
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x ^ y;
}
