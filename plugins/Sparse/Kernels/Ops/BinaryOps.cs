using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Sparse.Kernels.Ops;

// NumPy's binary ufuncs as operator structs; the scalar rules are the protocol's (ArrayDispatch.Scalars), these supply names.
internal readonly struct AddOp : IBinaryOp
{
    public static string Name => "add";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a + b;
}

internal readonly struct SubtractOp : IBinaryOp
{
    public static string Name => "subtract";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a - b;
}

internal readonly struct MultiplyOp : IBinaryOp
{
    public static string Name => "multiply";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a * b;
}

internal readonly struct DivideOp : IBinaryOp
{
    public static string Name => "divide";
    public static bool FloatResult => true;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a / b;
}

internal readonly struct FloorDivideOp : IBinaryOp
{
    public static string Name => "floor_divide";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => ElementwiseRules.FloorDivide(a, b);
}

internal readonly struct RemainderOp : IBinaryOp
{
    public static string Name => "remainder";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => ElementwiseRules.Remainder(a, b);
}

internal readonly struct PowerOp : IBinaryOp
{
    public static string Name => "power";
    public static bool FloatResult => false;

    // NumPy's refusal of a negative integer exponent is made once, up front, on the exponent's values and only when the
    // result has elements (ElementwiseEngine.Arithmetic); the element rule is then the one that never throws, so the
    // f(0, c) probe of an empty result answers where NumPy answers.
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(long)) return (T)(object)IntegerArithmetic.Power((long)(object)a, (long)(object)b);
        if (typeof(T) == typeof(int)) return (T)(object)IntegerArithmetic.Power((int)(object)a, (int)(object)b);
        return ElementwiseRules.Power(a, b);
    }
}

internal readonly struct MaximumOp : IBinaryOp
{
    public static string Name => "maximum";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => Extrema.Maximum(a, b);
}

internal readonly struct MinimumOp : IBinaryOp
{
    public static string Name => "minimum";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => Extrema.Minimum(a, b);
}

internal readonly struct Arctan2Op : IBinaryOp
{
    public static string Name => "arctan2";
    public static bool FloatResult => true;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => OpMath.F<T>(Math.Atan2(OpMath.D(a), OpMath.D(b)));
}

internal readonly struct HypotOp : IBinaryOp
{
    public static string Name => "hypot";
    public static bool FloatResult => true;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => OpMath.F<T>(double.Hypot(OpMath.D(a), OpMath.D(b)));
}
