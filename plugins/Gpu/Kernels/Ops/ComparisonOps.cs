using System.Numerics;

namespace ArrayDispatch.Gpu;

// Comparisons and logical operators: bool results, stored as bytes 0/1.

internal struct WhereOp<T> : IGpuTernaryOp<byte, T> where T : unmanaged
{
    public readonly T Apply(byte condition, T x, T y) => condition != 0 ? x : y;
}

/// <summary><c>clip(a, lo, hi)</c> as <c>minimum(maximum(a, lo), hi)</c>, so NaN propagates as in NumPy.</summary>
internal struct ClipOp<T> : IGpuTernaryOp<T, T> where T : unmanaged, INumber<T>
{
    public readonly T Apply(T a, T lo, T hi) => default(MinimumOp<T>).Apply(default(MaximumOp<T>).Apply(a, lo), hi);
}
