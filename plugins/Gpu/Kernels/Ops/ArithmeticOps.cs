using System.Numerics;

namespace ArrayDispatch.Gpu;

// Binary arithmetic. One struct per operator; the generic Binary kernel is specialised per (dtype, operator).

internal struct AddOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => x + y;
}

internal struct SubtractOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => x - y;
}

internal struct MultiplyOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => x * y;
}

internal struct DivideOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y) => x / y;
}

/// <summary>Python's floor division on integers; division by zero gives 0, as NumPy does (with a warning there).</summary>
internal struct FloorDivideIntOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y)
    {
        if (y == T.Zero) return T.Zero;
        T q = x / y;
        return (x % y != T.Zero && (x < T.Zero) != (y < T.Zero)) ? q - T.One : q;
    }
}

internal struct FloorDivideFloatOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y)
    {
        if (y == T.Zero) return x / y;
        T r = x % y;
        T q = (x - r) / y;
        if (r != T.Zero && (r < T.Zero) != (y < T.Zero)) q -= T.One;
        if (q == T.Zero) return q;
        T f = T.Floor(q);
        return q - f > T.One / (T.One + T.One) ? f + T.One : f;
    }
}

/// <summary>Python's modulo on integers (the sign of the divisor); modulo zero gives 0 as in NumPy.</summary>
internal struct RemainderIntOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y)
    {
        if (y == T.Zero) return T.Zero;
        T r = x % y;
        return r != T.Zero && (r < T.Zero) != (y < T.Zero) ? r + y : r;
    }
}

internal struct RemainderFloatOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y)
    {
        T r = x % y;
        if (r != T.Zero && (r < T.Zero) != (y < T.Zero)) r += y;
        return r;
    }
}

/// <summary>Integer power by squaring; a negative exponent gives 0 (NumPy raises on the host; a kernel cannot).</summary>
internal struct PowerIntOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y)
    {
        if (y < T.Zero) return x == T.One ? T.One : T.Zero;
        T result = T.One;
        T b = x;
        T e = y;
        while (e > T.Zero)
        {
            if ((e & T.One) != T.Zero) result *= b;
            b *= b;
            e >>= 1;
        }
        return result;
    }
}

internal struct PowerFloatOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y) => T.Pow(x, y);
}

/// <summary>NumPy's <c>maximum</c>: NaN if either is NaN.</summary>
internal struct MaximumOp<T> : IGpuBinaryOp<T, T>, IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => T.IsNaN(x) ? x : T.IsNaN(y) ? y : x > y ? x : y;
    public readonly T Combine(T a, T b) => Apply(a, b);
}

/// <summary>NumPy's <c>minimum</c>: NaN if either is NaN.</summary>
internal struct MinimumOp<T> : IGpuBinaryOp<T, T>, IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => T.IsNaN(x) ? x : T.IsNaN(y) ? y : x < y ? x : y;
    public readonly T Combine(T a, T b) => Apply(a, b);
}

internal struct Arctan2Op<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y) => T.Atan2(x, y);
}

/// <summary>Scaled <c>hypot</c> (ILGPU 1.5.3 cannot compile <c>double.Hypot</c>).</summary>
internal struct HypotOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y)
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

internal struct SumOp<T> : IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Combine(T a, T b) => a + b;
}

internal struct ProdOp<T> : IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Combine(T a, T b) => a * b;
}

internal struct ArgMaxOp<T> : IGpuArgOp<T> where T : unmanaged, INumber<T>
{
    public readonly bool Better(T candidate, T current) => !T.IsNaN(current) && (T.IsNaN(candidate) || candidate > current);
}

internal struct ArgMinOp<T> : IGpuArgOp<T> where T : unmanaged, INumber<T>
{
    public readonly bool Better(T candidate, T current) => !T.IsNaN(current) && (T.IsNaN(candidate) || candidate < current);
}
