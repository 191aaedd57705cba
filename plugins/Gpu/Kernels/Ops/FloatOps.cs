using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Gpu;

// Unary math functions of float32/float64; integer inputs are converted to float64 first, as NumPy's loops do.

internal struct SqrtOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Sqrt(x); }

internal struct ReciprocalOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => FloatArithmetic.Reciprocal(x); }

internal struct ExpOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Exp(x); }

internal struct Expm1Op<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    // exp(x) - 1 loses every digit for tiny x; Kahan's correction keeps them.
    public readonly T Apply(T x)
    {
        T u = T.Exp(x);
        if (u == T.One) return x;
        T um1 = u - T.One;
        if (um1 == -T.One || T.IsInfinity(u)) return um1;
        return um1 * x / T.Log(u);
    }
}

internal struct LogOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Log(x); }

internal struct Log1pOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    // log(1 + x) with the classic correction: exact for tiny x, where 1 + x rounds.
    public readonly T Apply(T x)
    {
        T u = T.One + x;
        if (u == T.One) return x;
        return T.Log(u) * x / (u - T.One);
    }
}

internal struct Log2Op<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Log2(x); }

internal struct Log10Op<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Log10(x); }

internal struct SinOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Sin(x); }

internal struct CosOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Cos(x); }

internal struct TanOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Tan(x); }

internal struct ArcsinOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Asin(x); }

internal struct ArccosOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Acos(x); }

internal struct ArctanOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Atan(x); }

internal struct SinhOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Sinh(x); }

internal struct CoshOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Cosh(x); }

internal struct TanhOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Tanh(x); }

internal struct ArcsinhOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Asinh(x); }

internal struct ArccoshOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Acosh(x); }

internal struct ArctanhOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Atanh(x); }

internal struct FloorOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Floor(x); }

internal struct CeilOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Ceiling(x); }

internal struct TruncOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Truncate(x); }

/// <summary>Round half to even, as NumPy's <c>rint</c>.</summary>
internal struct RintOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T> { public readonly T Apply(T x) => T.Round(x); }
