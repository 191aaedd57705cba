using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels.Ops;

// NumPy's binary ufuncs as operator structs; integer semantics follow NumPy (floor division, Python's modulo sign).
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
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (OpMath.IsFloat<T>()) return OpMath.F<T>(Math.Floor(OpMath.D(a) / OpMath.D(b)));
        if (b == T.Zero) return T.Zero;
        T q = a / b;
        return (a % b != T.Zero && (a < T.Zero) != (b < T.Zero)) ? q - T.One : q;
    }
}

internal readonly struct RemainderOp : IBinaryOp
{
    public static string Name => "remainder";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (!OpMath.IsFloat<T>() && b == T.Zero) return T.Zero;
        T r = a % b;
        return (r != T.Zero && (r < T.Zero) != (b < T.Zero)) ? r + b : r;
    }
}

internal readonly struct PowerOp : IBinaryOp
{
    public static string Name => "power";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T>
    {
        if (OpMath.IsFloat<T>()) return OpMath.F<T>(Math.Pow(OpMath.D(a), OpMath.D(b)));
        if (b < T.Zero) throw new ArgumentException("integers to negative integer powers are not allowed", "x2");
        T result = T.One, x = a;
        for (long e = long.CreateTruncating(b); e > 0; e >>= 1)
        {
            if ((e & 1) != 0) result *= x;
            x *= x;
        }
        return result;
    }
}

internal readonly struct MaximumOp : IBinaryOp
{
    public static string Name => "maximum";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => T.Max(a, b);
}

internal readonly struct MinimumOp : IBinaryOp
{
    public static string Name => "minimum";
    public static bool FloatResult => false;
    public static T Apply<T>(T a, T b) where T : unmanaged, INumber<T> => T.Min(a, b);
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
