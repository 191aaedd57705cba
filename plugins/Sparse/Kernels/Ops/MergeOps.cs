using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels.Ops;

/// <summary>A binary function from <typeparamref name="T"/> operands to <typeparamref name="TOut"/>, as the merge kernels see it.</summary>
internal interface IMergeOp<T, TOut>
{
    static abstract TOut Apply(T a, T b);
}

/// <summary>An <see cref="IBinaryOp"/> on <typeparamref name="T"/>.</summary>
internal readonly struct Arith<TOp, T> : IMergeOp<T, T> where TOp : struct, IBinaryOp where T : unmanaged, INumber<T>
{
    public static T Apply(T a, T b) => TOp.Apply(a, b);
}

/// <summary>An <see cref="IPredicateOp"/> on <typeparamref name="T"/>.</summary>
internal readonly struct Pred<TOp, T> : IMergeOp<T, bool> where TOp : struct, IPredicateOp where T : unmanaged, INumber<T>
{
    public static bool Apply(T a, T b) => TOp.Apply(a, b);
}

/// <summary>An operation with its operands swapped (a scalar on the left).</summary>
internal readonly struct Swapped<TM, T, TOut> : IMergeOp<T, TOut> where TM : struct, IMergeOp<T, TOut>
{
    public static TOut Apply(T a, T b) => TM.Apply(b, a);
}

/// <summary>Zero tests for result values.</summary>
internal static class Zero
{
    public static bool Is<T>(T value) => EqualityComparer<T>.Default.Equals(value, default!);
}
