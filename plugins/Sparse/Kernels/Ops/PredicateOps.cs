using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels.Ops;

// Comparisons and logical functions: bool results.
internal readonly struct EqualOp : IPredicateOp
{
    public static string Name => "equal";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a == b;
}

internal readonly struct NotEqualOp : IPredicateOp
{
    public static string Name => "not_equal";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a != b;
}

internal readonly struct LessOp : IPredicateOp
{
    public static string Name => "less";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a < b;
}

internal readonly struct LessEqualOp : IPredicateOp
{
    public static string Name => "less_equal";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a <= b;
}

internal readonly struct GreaterOp : IPredicateOp
{
    public static string Name => "greater";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a > b;
}

internal readonly struct GreaterEqualOp : IPredicateOp
{
    public static string Name => "greater_equal";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a >= b;
}

internal readonly struct LogicalAndOp : IPredicateOp
{
    public static string Name => "logical_and";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a != T.Zero && b != T.Zero;
}

internal readonly struct LogicalOrOp : IPredicateOp
{
    public static string Name => "logical_or";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => a != T.Zero || b != T.Zero;
}

internal readonly struct LogicalXorOp : IPredicateOp
{
    public static string Name => "logical_xor";
    public static bool Apply<T>(T a, T b) where T : unmanaged, INumber<T> => (a != T.Zero) != (b != T.Zero);
}
