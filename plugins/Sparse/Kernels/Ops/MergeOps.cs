using System.Numerics;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Sparse.Kernels.Ops;

/// <summary>A binary function from <typeparamref name="T"/> operands to <typeparamref name="TOut"/>, as the merge kernels see it.</summary>
internal interface IMergeOp<T, TOut>
{
    static abstract TOut Apply(T a, T b);
}

// Adapters from the protocol's ufunc ops (ArrayDispatch.Ufuncs: the scalar meaning, one method per loop) to the merge
// kernels. Bools are merged as int 0/1 values (the kernels need number operations for zero tests), and their loop sees
// them as bools again.

/// <summary>The op's integer loop.</summary>
internal readonly struct IntegerLoop<TOp, T> : IMergeOp<T, T> where TOp : struct, IBinaryOp where T : unmanaged, IBinaryInteger<T>
{
    public static T Apply(T a, T b) => TOp.Integer(a, b);
}

/// <summary>The op's float loop.</summary>
internal readonly struct FloatLoop<TOp, T> : IMergeOp<T, T> where TOp : struct, IBinaryOp where T : unmanaged, IFloatingPointIeee754<T>
{
    // float16 runs NumPy's way, in float32 rounded once (Float16Loops).
    public static T Apply(T a, T b) => Float16Loops.Float<TOp, T>(a, b);
}

/// <summary>The op's complex loop (<see cref="ArrayDispatch.Complex64"/>, <see cref="System.Numerics.Complex"/>), with the protocol's branch cuts.</summary>
internal readonly struct ComplexLoop<TOp, T> : IMergeOp<T, T> where TOp : struct, IBinaryOp where T : unmanaged, INumberBase<T>
{
    public static T Apply(T a, T b) => TOp.Complex(a, b);
}

/// <summary>A comparison's complex loop (equality by both parts; the order comparisons lexicographic, as NumPy).</summary>
internal readonly struct CompareComplexLoop<TOp, T> : IMergeOp<T, bool> where TOp : struct, IComparisonOp where T : unmanaged, INumberBase<T>
{
    public static bool Apply(T a, T b) => TOp.Complex(a, b);
}

/// <summary>A unary op's complex loop; for the ufuncs with a real result the answer is the real part of the value.</summary>
internal readonly struct UnaryComplexLoop<TOp, T> : IMergeOp<T, T> where TOp : struct, IUnaryOp where T : unmanaged, INumberBase<T>
{
    public static T Apply(T a, T b) => TOp.Complex(a);
}

/// <summary>A predicate's complex loop.</summary>
internal readonly struct PredicateComplexLoop<TOp, T> : IMergeOp<T, bool> where TOp : struct, IPredicateOp where T : unmanaged, INumberBase<T>
{
    public static bool Apply(T a, T b) => TOp.Complex(a);
}

/// <summary>The op's bool loop on 0/1 ints.</summary>
internal readonly struct BoolLoop<TOp> : IMergeOp<int, int> where TOp : struct, IBinaryOp
{
    public static int Apply(int a, int b) => TOp.Bool(a != 0, b != 0) ? 1 : 0;
}

/// <summary>A comparison's loop (bools compare as their 0/1 values, which orders them as NumPy does).</summary>
internal readonly struct CompareLoop<TOp, T> : IMergeOp<T, bool> where TOp : struct, IComparisonOp where T : unmanaged, INumber<T>
{
    public static bool Apply(T a, T b) => TOp.Compare(a, b);
}

/// <summary>A unary op's integer loop (the second operand is unused).</summary>
internal readonly struct UnaryIntegerLoop<TOp, T> : IMergeOp<T, T> where TOp : struct, IUnaryOp where T : unmanaged, IBinaryInteger<T>
{
    public static T Apply(T a, T b) => TOp.Integer(a);
}

/// <summary>A unary op's float loop.</summary>
internal readonly struct UnaryFloatLoop<TOp, T> : IMergeOp<T, T> where TOp : struct, IUnaryOp where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Apply(T a, T b) => Float16Loops.Float<TOp, T>(a);
}

/// <summary>A unary op's bool loop on 0/1 ints.</summary>
internal readonly struct UnaryBoolLoop<TOp> : IMergeOp<int, int> where TOp : struct, IUnaryOp
{
    public static int Apply(int a, int b) => TOp.Bool(a != 0) ? 1 : 0;
}

/// <summary>A predicate's loop.</summary>
internal readonly struct PredicateLoop<TOp, T> : IMergeOp<T, bool> where TOp : struct, IPredicateOp where T : unmanaged, INumber<T>
{
    public static bool Apply(T a, T b) => TOp.Test(a);
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
