using System.Numerics;
using System.Numerics.Tensors;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Dense.Kernels.Ops;

#pragma warning disable CS1591 // the operation structs are named after the NumPy function they compute

public readonly struct NegativeOp : INumericUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => -x;
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Negate(x, d); return true; }
}

public readonly struct PositiveOp : INumericUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => x;
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, INumber<T> { x.CopyTo(d); return true; }
}

public readonly struct AbsOp : INumericUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => ElementwiseRules.Absolute(x);
}

public readonly struct SquareOp : INumericUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => x * x;
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, INumber<T> { TensorPrimitives.Multiply(x, x, d); return true; }
}

/// <summary>NumPy's integer <c>reciprocal</c>, truncating; 0 gives the dtype's minimum (<see cref="IntegerArithmetic.Reciprocal{T}"/>).</summary>
public readonly struct IntegerReciprocalOp : INumericUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => ElementwiseRules.Reciprocal(x);
}

public readonly struct SignOp : INumericUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => x > T.Zero ? T.One : x < T.Zero ? -T.One : x;
}

public readonly struct SqrtOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sqrt(x);
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> { TensorPrimitives.Sqrt(x, d); return true; }
}

public readonly struct ReciprocalOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => FloatArithmetic.Reciprocal(x);
}

public readonly struct ExpOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Exp(x);
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> { TensorPrimitives.Exp(x, d); return true; }
}

public readonly struct Expm1Op : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(Expm1(double.CreateTruncating(x)));

    // exp(x) - 1 without cancellation near 0 (Kahan's trick).
    private static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        return double.IsInfinity(u) ? u : um1 * x / Math.Log(u);
    }
}

public readonly struct LogOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log(x);
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> { TensorPrimitives.Log(x, d); return true; }
}

public readonly struct Log1pOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(Log1p(double.CreateTruncating(x)));

    // log(1 + x) without cancellation near 0 (Goldberg's trick).
    private static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        return double.IsInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1.0);
    }
}

public readonly struct Log2Op : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log2(x);
}

public readonly struct Log10Op : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log10(x);
}

public readonly struct SinOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sin(x);
}

public readonly struct CosOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cos(x);
}

public readonly struct TanOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tan(x);
}

public readonly struct ArcsinOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asin(x);
}

public readonly struct ArccosOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acos(x);
}

public readonly struct ArctanOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan(x);
}

public readonly struct SinhOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sinh(x);
}

public readonly struct CoshOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cosh(x);
}

public readonly struct TanhOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(x);
}

public readonly struct ArcsinhOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asinh(x);
}

public readonly struct ArccoshOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acosh(x);
}

public readonly struct ArctanhOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atanh(x);
}

public readonly struct FloorOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Floor(x);
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> { TensorPrimitives.Floor(x, d); return true; }
}

public readonly struct CeilOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Ceiling(x);
    public static bool TryApply<T>(ReadOnlySpan<T> x, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T> { TensorPrimitives.Ceiling(x, d); return true; }
}

public readonly struct TruncOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Truncate(x);
}

public readonly struct RintOp : IFloatUnaryOp
{
    public static T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Round(x, MidpointRounding.ToEven);
}

public readonly struct IsNaNOp : IPredicateOp
{
    public static bool Apply<T>(T x) where T : unmanaged, INumber<T> => T.IsNaN(x);
}

public readonly struct IsInfOp : IPredicateOp
{
    public static bool Apply<T>(T x) where T : unmanaged, INumber<T> => T.IsInfinity(x);
}

public readonly struct IsFiniteOp : IPredicateOp
{
    public static bool Apply<T>(T x) where T : unmanaged, INumber<T> => T.IsFinite(x);
}
