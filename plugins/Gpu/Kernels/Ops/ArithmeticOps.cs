using System.Numerics;
using ArrayDispatch.Scalars;

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

// The scalar rules are the protocol's (ArrayDispatch.Scalars): these structs only bind them to the kernels' operator shape.
// ILGPU compiles those generic static methods like the structs' own bodies (they use operators and static interface
// members only), and none of them throws, so no input can end a kernel thread.

/// <summary>NumPy's <c>floor_divide</c> of integers: // 0 gives 0, MinValue // -1 wraps to MinValue.</summary>
internal struct FloorDivideIntOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y) => IntegerArithmetic.FloorDivide(x, y);
}

/// <summary>NumPy's <c>floor_divide</c> of floats, from <c>fmod</c> as <c>npy_divmod</c> computes it.</summary>
internal struct FloorDivideFloatOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y) => FloatArithmetic.FloorDivide(x, y);
}

/// <summary>NumPy's <c>remainder</c> of integers (the sign of the divisor): % 0 and % -1 give 0.</summary>
internal struct RemainderIntOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y) => IntegerArithmetic.Remainder(x, y);
}

/// <summary>NumPy's <c>remainder</c> of floats (the sign of the divisor, a zero remainder signed like it).</summary>
internal struct RemainderFloatOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y) => FloatArithmetic.Remainder(x, y);
}

/// <summary>
/// NumPy's integer <c>power</c>, wrapping. The handler refuses a negative exponent before launching, as NumPy does; the
/// kernel itself cannot raise and would give the truncated real power.
/// </summary>
internal struct PowerIntOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y) => IntegerArithmetic.Power(x, y);
}

internal struct PowerFloatOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y) => T.Pow(x, y);
}

/// <summary>NumPy's <c>maximum</c>: NaN if either is NaN.</summary>
internal struct MaximumOp<T> : IGpuBinaryOp<T, T>, IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => Extrema.Maximum(x, y);
    public readonly T Combine(T a, T b) => Extrema.Maximum(a, b);
}

/// <summary>NumPy's <c>minimum</c>: NaN if either is NaN.</summary>
internal struct MinimumOp<T> : IGpuBinaryOp<T, T>, IGpuReduceOp<T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x, T y) => Extrema.Minimum(x, y);
    public readonly T Combine(T a, T b) => Extrema.Minimum(a, b);
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
