using System.Numerics;

namespace ArrayDispatch.Ufuncs;

#pragma warning disable CS1591 // each struct is the ufunc of the same name; the loops are the interface's

public readonly struct EqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x == y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x == y;
}

public readonly struct NotEqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x != y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x != y;
}

public readonly struct LessOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => !x & y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x < y;
}

public readonly struct LessEqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => !x | y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x <= y;
}

public readonly struct GreaterOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x & !y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x > y;
}

public readonly struct GreaterEqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x | !y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x >= y;
}

/// <summary><c>logical_and</c>: both operands as truth values (NaN is true, as in NumPy).</summary>
public readonly struct LogicalAndOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x & y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => (x != T.Zero) & (y != T.Zero);
}

public readonly struct LogicalOrOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x | y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => (x != T.Zero) | (y != T.Zero);
}

public readonly struct LogicalXorOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x ^ y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => (x != T.Zero) ^ (y != T.Zero);
}
