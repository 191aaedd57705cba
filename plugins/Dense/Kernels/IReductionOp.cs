using System.Numerics;
using System.Numerics.Tensors;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>A reduction over contiguous rows, and the element-wise combination of partial results (for reductions over leading axes).</summary>
internal interface IReductionOp<T> where T : unmanaged
{
    /// <summary>The result over no elements, or null when the reduction has none (min, max).</summary>
    static abstract T? Identity { get; }

    /// <summary>The reduction of a non-empty contiguous row.</summary>
    static abstract T Reduce(ReadOnlySpan<T> row);

    /// <summary><paramref name="accumulator"/>[i] = combine(<paramref name="accumulator"/>[i], <paramref name="row"/>[i]).</summary>
    static abstract void Combine(Span<T> accumulator, ReadOnlySpan<T> row);
}

internal readonly struct SumReduction<T> : IReductionOp<T> where T : unmanaged, INumber<T>
{
    public static T? Identity => T.Zero;

    public static T Reduce(ReadOnlySpan<T> row) => typeof(T) == typeof(double) || typeof(T) == typeof(float) ? Pairwise(row) : TensorPrimitives.Sum(row);

    // NumPy's pairwise summation: blocks of 128 summed directly (vectorized), halves summed recursively.
    private static T Pairwise(ReadOnlySpan<T> row)
    {
        if (row.Length <= 128) return TensorPrimitives.Sum(row);
        int half = (row.Length / 2) & ~7;
        return Pairwise(row[..half]) + Pairwise(row[half..]);
    }

    public static void Combine(Span<T> accumulator, ReadOnlySpan<T> row) => TensorPrimitives.Add(accumulator, row, accumulator);
}

internal readonly struct ProdReduction<T> : IReductionOp<T> where T : unmanaged, INumber<T>
{
    public static T? Identity => T.One;

    public static T Reduce(ReadOnlySpan<T> row) => TensorPrimitives.Product(row);

    public static void Combine(Span<T> accumulator, ReadOnlySpan<T> row) => TensorPrimitives.Multiply(accumulator, row, accumulator);
}

internal readonly struct MaxReduction<T> : IReductionOp<T> where T : unmanaged, INumber<T>
{
    public static T? Identity => null;

    public static T Reduce(ReadOnlySpan<T> row) => TensorPrimitives.Max(row);

    public static void Combine(Span<T> accumulator, ReadOnlySpan<T> row) => TensorPrimitives.Max(accumulator, row, accumulator);
}

internal readonly struct MinReduction<T> : IReductionOp<T> where T : unmanaged, INumber<T>
{
    public static T? Identity => null;

    public static T Reduce(ReadOnlySpan<T> row) => TensorPrimitives.Min(row);

    public static void Combine(Span<T> accumulator, ReadOnlySpan<T> row) => TensorPrimitives.Min(accumulator, row, accumulator);
}

internal readonly struct AnyReduction : IReductionOp<bool>
{
    public static bool? Identity => false;

    public static bool Reduce(ReadOnlySpan<bool> row) => row.Contains(true);

    public static void Combine(Span<bool> accumulator, ReadOnlySpan<bool> row)
    {
        for (int i = 0; i < row.Length; i++) accumulator[i] |= row[i];
    }
}

internal readonly struct AllReduction : IReductionOp<bool>
{
    public static bool? Identity => true;

    public static bool Reduce(ReadOnlySpan<bool> row) => !row.Contains(false);

    public static void Combine(Span<bool> accumulator, ReadOnlySpan<bool> row)
    {
        for (int i = 0; i < row.Length; i++) accumulator[i] &= row[i];
    }
}
