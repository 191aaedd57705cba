using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    /// <summary>True when combining is element-wise addition, so <see cref="LeadingRows"/> may add several rows per pass.</summary>
    static virtual bool CombinesByAddition => false;
}

internal readonly struct SumReduction<T> : IReductionOp<T> where T : unmanaged, INumber<T>
{
    public static T? Identity => T.Zero;

    public static bool CombinesByAddition => true;

    // Float sums are pairwise as in NumPy (accuracy); integer sums are exact in any order.
    public static T Reduce(ReadOnlySpan<T> row)
    {
        if (typeof(T) == typeof(double))
        {
            double sum = PairwiseSum.Sum(MemoryMarshal.Cast<T, double>(row));
            return Unsafe.As<double, T>(ref sum);
        }
        if (typeof(T) == typeof(float))
        {
            float sum = PairwiseSum.Sum(MemoryMarshal.Cast<T, float>(row));
            return Unsafe.As<float, T>(ref sum);
        }
        return TensorPrimitives.Sum(row);
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

// Complex sums and products (complex64, complex128): the protocol's complex add and multiply loops. Sums are pairwise as
// NumPy's (blocks of 128 added in order, halves combined), so long rows keep their accuracy.
internal readonly struct ComplexSumReduction<T> : IReductionOp<T> where T : unmanaged, INumberBase<T>
{
    public static T? Identity => T.Zero;

    public static T Reduce(ReadOnlySpan<T> row)
    {
        if (row.Length <= 128)
        {
            T sum = T.Zero;
            foreach (T v in row) sum = Ufuncs.AddOp.Complex(sum, v);
            return sum;
        }
        int half = row.Length / 2 / 8 * 8;
        return Ufuncs.AddOp.Complex(Reduce(row[..half]), Reduce(row[half..]));
    }

    public static void Combine(Span<T> accumulator, ReadOnlySpan<T> row)
    {
        for (int i = 0; i < row.Length; i++) accumulator[i] = Ufuncs.AddOp.Complex(accumulator[i], row[i]);
    }
}

internal readonly struct ComplexProdReduction<T> : IReductionOp<T> where T : unmanaged, INumberBase<T>
{
    public static T? Identity => T.One;

    public static T Reduce(ReadOnlySpan<T> row)
    {
        T product = T.One;
        foreach (T v in row) product = Ufuncs.MultiplyOp.Complex(product, v);
        return product;
    }

    public static void Combine(Span<T> accumulator, ReadOnlySpan<T> row)
    {
        for (int i = 0; i < row.Length; i++) accumulator[i] = Ufuncs.MultiplyOp.Complex(accumulator[i], row[i]);
    }
}

// Complex max and min: NumPy's maximum/minimum loops folded over the row (lexicographic, NaN propagates); no identity.
internal readonly struct ComplexExtremeReduction<T, TOp> : IReductionOp<T> where T : unmanaged, INumberBase<T> where TOp : Ufuncs.IBinaryOp
{
    public static T? Identity => null;

    public static T Reduce(ReadOnlySpan<T> row)
    {
        T best = row[0];
        for (int i = 1; i < row.Length; i++) best = TOp.Complex(best, row[i]);
        return best;
    }

    public static void Combine(Span<T> accumulator, ReadOnlySpan<T> row)
    {
        for (int i = 0; i < row.Length; i++) accumulator[i] = TOp.Complex(accumulator[i], row[i]);
    }
}
