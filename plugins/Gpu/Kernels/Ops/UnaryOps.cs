using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Gpu;

// Unary operators for every numeric dtype.

internal struct IdentityOp<T> : IGpuUnaryOp<T, T> where T : unmanaged
{
    public readonly T Apply(T x) => x;
}

internal struct NegativeOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x) => -x;
}

internal struct AbsOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x) => ElementwiseRules.Absolute(x);
}

/// <summary>NumPy's <c>sign</c>: -1, 0 or 1, NaN for NaN (<c>T.Sign</c> throws on NaN, which ILGPU cannot compile).</summary>
internal struct SignOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x) => x > T.Zero ? T.One : x < T.Zero ? -T.One : x;
}

internal struct SquareOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T x) => x * x;
}

/// <summary>Integer reciprocal, truncating as NumPy does; 1/0 gives the dtype's minimum, NumPy's answer on x86-64.</summary>
internal struct ReciprocalIntOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x) => IntegerArithmetic.Reciprocal(x);
}

internal struct InvertOp<T> : IGpuUnaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x) => ~x;
}

internal struct LogicalNotOp<T> : IGpuUnaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => x == T.Zero ? (byte)1 : (byte)0;
}

internal struct IsNaNOp<T> : IGpuUnaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => T.IsNaN(x) ? (byte)1 : (byte)0;
}

internal struct IsInfOp<T> : IGpuUnaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => T.IsInfinity(x) ? (byte)1 : (byte)0;
}

internal struct IsFiniteOp<T> : IGpuUnaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => T.IsFinite(x) ? (byte)1 : (byte)0;
}

/// <summary>A dtype conversion through the storage adapters (integers via <see cref="long"/>, floats via <see cref="double"/>).</summary>
internal struct ConvertOp<TIn, TOut, EIn, EOut> : IGpuUnaryOp<TIn, TOut>
    where TIn : unmanaged where TOut : unmanaged
    where EIn : struct, IGpuElement<TIn> where EOut : struct, IGpuElement<TOut>
{
    public readonly TOut Apply(TIn x) => default(EIn).IsInteger
        ? default(EOut).FromInt64(default(EIn).ToInt64(x))
        : default(EOut).FromDouble(default(EIn).ToDouble(x));
}

/// <summary><c>x != 0</c>, as bool (for <c>any</c>, <c>all</c>, <c>count_nonzero</c>).</summary>
internal struct NotZeroOp<T> : IGpuUnaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => x != T.Zero ? (byte)1 : (byte)0;
}
