using System.Numerics;
using System.Numerics.Tensors;

namespace ArrayDispatch.Dense.Kernels.Ops;

#pragma warning disable CS1591 // the operation structs are named after the NumPy function they compute

public readonly struct AddOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x + y;
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Add(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Add(x, y, d); return true; }
    public static bool TryApply<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Add(y, x, d); return true; }
}

public readonly struct SubtractOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x - y;
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Subtract(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Subtract(x, y, d); return true; }
    public static bool TryApply<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Subtract(x, y, d); return true; }
}

public readonly struct MultiplyOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x * y;
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Multiply(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Multiply(x, y, d); return true; }
    public static bool TryApply<T>(T x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Multiply(y, x, d); return true; }
}

public readonly struct MaximumOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => T.IsNaN(x) ? x : T.IsNaN(y) ? y : x >= y ? x : y;
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Max(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Max(x, y, d); return true; }
}

public readonly struct MinimumOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => T.IsNaN(x) ? x : T.IsNaN(y) ? y : x <= y ? x : y;
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Min(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Min(x, y, d); return true; }
}

/// <summary>Python's floor division; integer division by zero gives 0 as in NumPy (which also only warns).</summary>
public readonly struct FloorDivideOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)FloatMath.FloorDivide((double)(object)x, (double)(object)y);
        if (typeof(T) == typeof(float)) return (T)(object)(float)FloatMath.FloorDivide((float)(object)x, (float)(object)y);
        if (y == T.Zero) return T.Zero;
        if (y == -T.One) return -x;
        T q = x / y;
        if ((x % y != T.Zero) && ((x < T.Zero) != (y < T.Zero))) q -= T.One;
        return q;
    }
}

/// <summary>Python's modulo (the sign of the divisor); integer modulo by zero gives 0 as in NumPy.</summary>
public readonly struct RemainderOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)FloatMath.Remainder((double)(object)x, (double)(object)y);
        if (typeof(T) == typeof(float)) return (T)(object)(float)FloatMath.Remainder((float)(object)x, (float)(object)y);
        if (y == T.Zero || y == -T.One) return T.Zero;
        T r = x % y;
        if (r != T.Zero && ((r < T.Zero) != (y < T.Zero))) r += y;
        return r;
    }
}

public readonly struct PowerOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T>
    {
        if (typeof(T) == typeof(double)) return (T)(object)Math.Pow((double)(object)x, (double)(object)y);
        if (typeof(T) == typeof(float)) return (T)(object)MathF.Pow((float)(object)x, (float)(object)y);
        if (y < T.Zero) throw new ArgumentException("Integers to negative integer powers are not allowed.");
        T result = T.One, b = x;
        while (y != T.Zero)
        {
            if (T.IsOddInteger(y)) result *= b;
            y /= T.CreateTruncating(2);
            if (y != T.Zero) b *= b;
        }
        return result;
    }
}

public readonly struct DivideOp : IFloatBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => x / y;
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> { TensorPrimitives.Divide(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> { TensorPrimitives.Divide(x, y, d); return true; }
}

public readonly struct Arctan2Op : IFloatBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan2(x, y);
}

public readonly struct HypotOp : IFloatBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => T.Hypot(x, y);
}

public readonly struct EqualOp : ICompareOp
{
    public static bool Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x == y;
}

public readonly struct NotEqualOp : ICompareOp
{
    public static bool Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x != y;
}

public readonly struct LessOp : ICompareOp
{
    public static bool Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x < y;
}

public readonly struct LessEqualOp : ICompareOp
{
    public static bool Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x <= y;
}

public readonly struct GreaterOp : ICompareOp
{
    public static bool Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x > y;
}

public readonly struct GreaterEqualOp : ICompareOp
{
    public static bool Apply<T>(T x, T y) where T : unmanaged, INumber<T> => x >= y;
}

public readonly struct BitwiseAndOp : IIntegerBinaryOp, ILogicalOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x & y;
    public static bool Apply(bool x, bool y) => x & y;
}

public readonly struct BitwiseOrOp : IIntegerBinaryOp, ILogicalOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x | y;
    public static bool Apply(bool x, bool y) => x | y;
}

public readonly struct BitwiseXorOp : IIntegerBinaryOp, ILogicalOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> => x ^ y;
    public static bool Apply(bool x, bool y) => x ^ y;
}

/// <summary>NumPy's float divmod (npy_divmod): the floor quotient and the remainder with the divisor's sign.</summary>
internal static class FloatMath
{
    public static double FloorDivide(double a, double b)
    {
        if (b == 0) return a / b;
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && (b < 0) != (mod < 0)) div -= 1.0;
        if (div == 0) return Math.CopySign(0.0, a / b);
        double floor = Math.Floor(div);
        return div - floor > 0.5 ? floor + 1.0 : floor;
    }

    public static double Remainder(double a, double b)
    {
        if (b == 0) return a % b;
        double mod = a % b;
        if (mod != 0) return (b < 0) != (mod < 0) ? mod + b : mod;
        return Math.CopySign(0.0, b);
    }
}
