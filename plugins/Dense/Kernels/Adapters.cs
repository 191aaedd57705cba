using System.Numerics;
using System.Numerics.Tensors;

namespace ArrayDispatch.Dense.Kernels;

// Adapters from operation families to kernels for one element type. Families with a vectorized form try it first and
// fall back to the element loop; the JIT specializes each adapter per (T, TOp), so the calls inline.

internal readonly struct NumericUnary<T, TOp> : IUnaryKernel<NumericUnary<T, TOp>, T, T> where T : unmanaged, INumber<T> where TOp : INumericUnaryOp
{
    public static T Apply(T x) => TOp.Apply(x);

    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        if (!TOp.TryApply(x, d)) KernelLoops.Each<NumericUnary<T, TOp>, T, T>(x, d);
    }
}

internal readonly struct FloatUnary<T, TOp> : IUnaryKernel<FloatUnary<T, TOp>, T, T> where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatUnaryOp
{
    public static T Apply(T x) => TOp.Apply(x);

    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        if (!TOp.TryApply(x, d)) KernelLoops.Each<FloatUnary<T, TOp>, T, T>(x, d);
    }
}

internal readonly struct Predicate<T, TOp> : IUnaryKernel<Predicate<T, TOp>, T, bool> where T : unmanaged, INumber<T> where TOp : IPredicateOp
{
    public static bool Apply(T x) => TOp.Apply(x);
}

internal readonly struct Identity<T> : IUnaryKernel<Identity<T>, T, T>
{
    public static T Apply(T x) => x;

    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => x.CopyTo(d);
}

// NumPy's unsafe cast (the protocol's Casts); vectorized where it is plain truncation.
internal readonly struct Convert<TFrom, TTo> : IUnaryKernel<Convert<TFrom, TTo>, TFrom, TTo> where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
{
    public static TTo Apply(TFrom x) => ArrayDispatch.Scalars.Casts.Convert<TFrom, TTo>(x);

    public static void Apply(ReadOnlySpan<TFrom> x, Span<TTo> d)
    {
        if (ArrayDispatch.Scalars.Casts.IsPlainTruncation<TFrom, TTo>()) TensorPrimitives.ConvertTruncating(x, d);
        else KernelLoops.Each<Convert<TFrom, TTo>, TFrom, TTo>(x, d);
    }
}

internal readonly struct ToBool<T> : IUnaryKernel<ToBool<T>, T, bool> where T : unmanaged, INumberBase<T>
{
    public static bool Apply(T x) => !T.IsZero(x);
}

internal readonly struct FromBool<T> : IUnaryKernel<FromBool<T>, bool, T> where T : unmanaged, INumberBase<T>
{
    public static T Apply(bool x) => x ? T.One : T.Zero;
}

internal readonly struct NumericBinary<T, TOp> : IBinaryKernel<NumericBinary<T, TOp>, T, T> where T : unmanaged, INumber<T> where TOp : INumericBinaryOp
{
    public static T Apply(T x, T y) => TOp.Apply(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!TOp.TryApply(x, y, d)) KernelLoops.Each<NumericBinary<T, TOp>, T, T>(x, y, d);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        if (!TOp.TryApply(x, y, d)) KernelLoops.Each<NumericBinary<T, TOp>, T, T>(x, y, d);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!TOp.TryApply(x, y, d)) KernelLoops.Each<NumericBinary<T, TOp>, T, T>(x, y, d);
    }
}

internal readonly struct FloatBinary<T, TOp> : IBinaryKernel<FloatBinary<T, TOp>, T, T> where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatBinaryOp
{
    public static T Apply(T x, T y) => TOp.Apply(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (!TOp.TryApply(x, y, d)) KernelLoops.Each<FloatBinary<T, TOp>, T, T>(x, y, d);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        if (!TOp.TryApply(x, y, d)) KernelLoops.Each<FloatBinary<T, TOp>, T, T>(x, y, d);
    }
}

internal readonly struct Compare<T, TOp> : IBinaryKernel<Compare<T, TOp>, T, bool> where T : unmanaged, INumber<T> where TOp : ICompareOp
{
    public static bool Apply(T x, T y) => TOp.Apply(x, y);
}

internal readonly struct IntegerBinary<T, TOp> : IBinaryKernel<IntegerBinary<T, TOp>, T, T> where T : unmanaged, IBinaryInteger<T> where TOp : IIntegerBinaryOp
{
    public static T Apply(T x, T y) => TOp.Apply(x, y);
}

internal readonly struct Logical<TOp> : IBinaryKernel<Logical<TOp>, bool, bool> where TOp : ILogicalOp
{
    public static bool Apply(bool x, bool y) => TOp.Apply(x, y);
}
