using System.Numerics;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Dense.Kernels;

// Adapters from the protocol's ufunc ops (ArrayDispatch.Ufuncs: the scalar meaning, one method per loop) to this
// backend's kernels for one element type. The element form calls the op's loop; the span forms try the vectorized
// specialisation (DenseSimd) and fall back to the element loop. The JIT specialises each adapter per (T, TOp), so the
// op call inlines and the DenseSimd type tests fold away. Float16 runs NumPy's way, in float32 rounded once (Float16Loops).

internal readonly struct BoolLoop<TOp> : IBinaryKernel<BoolLoop<TOp>, bool, bool> where TOp : IBinaryOp
{
    public static bool Apply(bool x, bool y) => TOp.Bool(x, y);
}

internal readonly struct IntegerLoop<T, TOp> : IBinaryKernel<IntegerLoop<T, TOp>, T, T> where T : unmanaged, IBinaryInteger<T> where TOp : IBinaryOp
{
    public static T Apply(T x, T y) => TOp.Integer(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!DenseSimd.TryBinary<TOp, T>(x, y, d)) KernelLoops.Each<IntegerLoop<T, TOp>, T, T>(x, y, d);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        if (!DenseSimd.TryBinary<TOp, T>(x, y, d)) KernelLoops.Each<IntegerLoop<T, TOp>, T, T>(x, y, d);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!DenseSimd.TryBinary<TOp, T>(x, y, d)) KernelLoops.Each<IntegerLoop<T, TOp>, T, T>(x, y, d);
    }
}

internal readonly struct FloatLoop<T, TOp> : IBinaryKernel<FloatLoop<T, TOp>, T, T> where T : unmanaged, IFloatingPointIeee754<T> where TOp : IBinaryOp
{
    public static T Apply(T x, T y) => Float16Loops.Float<TOp, T>(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!DenseSimd.TryBinary<TOp, T>(x, y, d)) KernelLoops.Each<FloatLoop<T, TOp>, T, T>(x, y, d);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        if (!DenseSimd.TryBinary<TOp, T>(x, y, d)) KernelLoops.Each<FloatLoop<T, TOp>, T, T>(x, y, d);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!DenseSimd.TryBinary<TOp, T>(x, y, d)) KernelLoops.Each<FloatLoop<T, TOp>, T, T>(x, y, d);
    }
}

internal readonly struct CompareLoop<T, TOp> : IBinaryKernel<CompareLoop<T, TOp>, T, bool> where T : unmanaged, INumber<T> where TOp : IComparisonOp
{
    public static bool Apply(T x, T y) => TOp.Compare(x, y);
}

internal readonly struct BoolCompareLoop<TOp> : IBinaryKernel<BoolCompareLoop<TOp>, bool, bool> where TOp : IComparisonOp
{
    public static bool Apply(bool x, bool y) => TOp.Bool(x, y);
}

internal readonly struct UnaryBoolLoop<TOp> : IUnaryKernel<UnaryBoolLoop<TOp>, bool, bool> where TOp : IUnaryOp
{
    public static bool Apply(bool x) => TOp.Bool(x);
}

internal readonly struct UnaryIntegerLoop<T, TOp> : IUnaryKernel<UnaryIntegerLoop<T, TOp>, T, T> where T : unmanaged, IBinaryInteger<T> where TOp : IUnaryOp
{
    public static T Apply(T x) => TOp.Integer(x);

    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        if (!DenseSimd.TryUnary<TOp, T>(x, d)) KernelLoops.Each<UnaryIntegerLoop<T, TOp>, T, T>(x, d);
    }
}

internal readonly struct UnaryFloatLoop<T, TOp> : IUnaryKernel<UnaryFloatLoop<T, TOp>, T, T> where T : unmanaged, IFloatingPointIeee754<T> where TOp : IUnaryOp
{
    public static T Apply(T x) => Float16Loops.Float<TOp, T>(x);

    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        if (!DenseSimd.TryUnary<TOp, T>(x, d)) KernelLoops.Each<UnaryFloatLoop<T, TOp>, T, T>(x, d);
    }
}

internal readonly struct PredicateLoop<T, TOp> : IUnaryKernel<PredicateLoop<T, TOp>, T, bool> where T : unmanaged, INumber<T> where TOp : IPredicateOp
{
    public static bool Apply(T x) => TOp.Test(x);
}

internal readonly struct BoolPredicateLoop<TOp> : IUnaryKernel<BoolPredicateLoop<TOp>, bool, bool> where TOp : IPredicateOp
{
    public static bool Apply(bool x) => TOp.Bool(x);
}

// The complex loops (complex64 and complex128): the op's Complex method; add, subtract and negative run on the parts
// with TensorPrimitives (DenseSimd.TryComplex*).

internal readonly struct ComplexLoop<T, TOp> : IBinaryKernel<ComplexLoop<T, TOp>, T, T> where T : unmanaged, INumberBase<T> where TOp : IBinaryOp
{
    public static T Apply(T x, T y) => TOp.Complex(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!DenseSimd.TryComplexBinary<TOp, T>(x, y, d)) KernelLoops.Each<ComplexLoop<T, TOp>, T, T>(x, y, d);
    }
}

internal readonly struct ComplexCompareLoop<T, TOp> : IBinaryKernel<ComplexCompareLoop<T, TOp>, T, bool> where T : unmanaged, INumberBase<T> where TOp : IComparisonOp
{
    public static bool Apply(T x, T y) => TOp.Complex(x, y);
}

internal readonly struct UnaryComplexLoop<T, TOp> : IUnaryKernel<UnaryComplexLoop<T, TOp>, T, T> where T : unmanaged, INumberBase<T> where TOp : IUnaryOp
{
    public static T Apply(T x) => TOp.Complex(x);

    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        if (!DenseSimd.TryComplexUnary<TOp, T>(x, d)) KernelLoops.Each<UnaryComplexLoop<T, TOp>, T, T>(x, d);
    }
}

internal readonly struct ComplexPredicateLoop<T, TOp> : IUnaryKernel<ComplexPredicateLoop<T, TOp>, T, bool> where T : unmanaged, INumberBase<T> where TOp : IPredicateOp
{
    public static bool Apply(T x) => TOp.Complex(x);
}
