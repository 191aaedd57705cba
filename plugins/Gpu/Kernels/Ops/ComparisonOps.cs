using System.Numerics;

namespace ArrayDispatch.Gpu;

// Comparisons and logical operators: bool results, stored as bytes 0/1.

internal struct EqualOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x == y ? (byte)1 : (byte)0;
}

internal struct NotEqualOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x != y ? (byte)1 : (byte)0;
}

internal struct LessOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x < y ? (byte)1 : (byte)0;
}

internal struct LessEqualOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x <= y ? (byte)1 : (byte)0;
}

internal struct GreaterOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x > y ? (byte)1 : (byte)0;
}

internal struct GreaterEqualOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x >= y ? (byte)1 : (byte)0;
}

internal struct LogicalAndOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x != T.Zero && y != T.Zero ? (byte)1 : (byte)0;
}

internal struct LogicalOrOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => x != T.Zero || y != T.Zero ? (byte)1 : (byte)0;
}

internal struct LogicalXorOp<T> : IGpuBinaryOp<T, byte> where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => (x != T.Zero) != (y != T.Zero) ? (byte)1 : (byte)0;
}

internal struct BitwiseAndOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y) => x & y;
}

internal struct BitwiseOrOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y) => x | y;
}

internal struct BitwiseXorOp<T> : IGpuBinaryOp<T, T> where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y) => x ^ y;
}

internal struct WhereOp<T> : IGpuTernaryOp<byte, T> where T : unmanaged
{
    public readonly T Apply(byte condition, T x, T y) => condition != 0 ? x : y;
}

/// <summary><c>clip(a, lo, hi)</c> as <c>minimum(maximum(a, lo), hi)</c>, so NaN propagates as in NumPy.</summary>
internal struct ClipOp<T> : IGpuTernaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T a, T lo, T hi) => default(MinimumOp<T>).Apply(default(MaximumOp<T>).Apply(a, lo), hi);
}
