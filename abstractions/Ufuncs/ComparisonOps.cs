using System.Numerics;
using static ArrayDispatch.Ufuncs.ComplexFunctions;

namespace ArrayDispatch.Ufuncs;

#pragma warning disable CS1591 // each struct is the ufunc of the same name; the loops are the interface's

public readonly struct EqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x == y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x == y;
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => Re(x) == Re(y) && Im(x) == Im(y);
}

public readonly struct NotEqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x != y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x != y;
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => Re(x) != Re(y) || Im(x) != Im(y);
}

public readonly struct LessOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => !x & y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x < y;
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => Less(Widen(x), Widen(y));
}

public readonly struct LessEqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => !x | y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x <= y;
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => LessEqual(Widen(x), Widen(y));
}

public readonly struct GreaterOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x & !y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x > y;
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => Less(Widen(y), Widen(x));
}

public readonly struct GreaterEqualOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x | !y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => x >= y;
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => LessEqual(Widen(y), Widen(x));
}

/// <summary><c>logical_and</c>: both operands as truth values (NaN is true, as in NumPy).</summary>
public readonly struct LogicalAndOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x & y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => (x != T.Zero) & (y != T.Zero);
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => !T.IsZero(x) & !T.IsZero(y);
}

public readonly struct LogicalOrOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x | y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => (x != T.Zero) | (y != T.Zero);
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => !T.IsZero(x) | !T.IsZero(y);
}

public readonly struct LogicalXorOp : IComparisonOp
{
    public static bool Bool(bool x, bool y) => x ^ y;
    public static bool Compare<T>(T x, T y) where T : unmanaged, INumber<T> => (x != T.Zero) ^ (y != T.Zero);
    public static bool Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => !T.IsZero(x) ^ !T.IsZero(y);
}
