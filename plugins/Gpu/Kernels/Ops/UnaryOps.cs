using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Gpu;

// Unary operators for every numeric dtype.

internal struct IdentityOp<T> : IGpuUnaryOp<T, T> where T : unmanaged
{
    public readonly T Apply(T x) => x;
}

internal struct LogicalNotOp<T> : IGpuUnaryOp<T, byte>, IGpuBoolResult where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => x == T.Zero ? (byte)1 : (byte)0;
}

/// <summary>A dtype conversion through the storage adapters (integers via <see cref="long"/>, uint64 unsigned, floats via <see cref="double"/>).</summary>
internal struct ConvertOp<TIn, TOut, EIn, EOut> : IGpuUnaryOp<TIn, TOut>
    where TIn : unmanaged where TOut : unmanaged
    where EIn : struct, IGpuElement<TIn> where EOut : struct, IGpuElement<TOut>
{
    public readonly TOut Apply(TIn x) => default(EIn).IsComplex ? default(EOut).FromParts(default(EIn).ToDouble(x), default(EIn).ToImaginary(x))
        : !default(EIn).IsInteger ? default(EOut).FromDouble(default(EIn).ToDouble(x))
        : default(EIn).IsUnsigned64 ? default(EOut).FromUInt64((ulong)default(EIn).ToInt64(x))
        : default(EOut).FromInt64(default(EIn).ToInt64(x));
}

/// <summary><c>x != 0</c>, as bool (for <c>any</c>, <c>all</c>, <c>count_nonzero</c>).</summary>
internal struct NotZeroOp<T> : IGpuUnaryOp<T, byte>, IGpuBoolResult where T : unmanaged, INumberBase<T>
{
    public readonly byte Apply(T x) => x != T.Zero ? (byte)1 : (byte)0;
}
