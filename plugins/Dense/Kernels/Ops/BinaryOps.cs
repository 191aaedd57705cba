using System.Numerics;
using System.Numerics.Tensors;
using ArrayDispatch.Scalars;

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
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => Extrema.Maximum(x, y);
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Max(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Max(x, y, d); return true; }
}

public readonly struct MinimumOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => Extrema.Minimum(x, y);
    public static bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Min(x, y, d); return true; }
    public static bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Min(x, y, d); return true; }
}

/// <summary>NumPy's <c>floor_divide</c>; the scalar rule is the protocol's (<see cref="ElementwiseRules.FloorDivide{T}"/>).</summary>
public readonly struct FloorDivideOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => ElementwiseRules.FloorDivide(x, y);
}

/// <summary>NumPy's <c>remainder</c>; the scalar rule is the protocol's (<see cref="ElementwiseRules.Remainder{T}"/>).</summary>
public readonly struct RemainderOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => ElementwiseRules.Remainder(x, y);
}

/// <summary>NumPy's <c>power</c>; integer powers wrap and a negative integer exponent is refused (<see cref="ElementwiseRules.Power{T}"/>).</summary>
public readonly struct PowerOp : INumericBinaryOp
{
    public static T Apply<T>(T x, T y) where T : unmanaged, INumber<T> => ElementwiseRules.Power(x, y);
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
