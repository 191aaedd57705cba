using System.Numerics;
using System.Numerics.Tensors;

namespace ArrayDispatch.Dense.Kernels;

// Adapters from operation families to kernels for one element type. The loops here are the scalar fallbacks; the JIT
// specializes each adapter per (T, TOp), so the calls inline.

internal readonly struct NumericUnary<T, TOp> : IUnaryKernel<T, T> where T : unmanaged, INumber<T> where TOp : INumericUnaryOp
{
    public static T Apply(T x) => TOp.Apply(x);

    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        if (TOp.TryApply(x, d)) return;
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i]);
    }
}

internal readonly struct FloatUnary<T, TOp> : IUnaryKernel<T, T> where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatUnaryOp
{
    public static T Apply(T x) => TOp.Apply(x);

    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        if (TOp.TryApply(x, d)) return;
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i]);
    }
}

internal readonly struct Predicate<T, TOp> : IUnaryKernel<T, bool> where T : unmanaged, INumber<T> where TOp : IPredicateOp
{
    public static bool Apply(T x) => TOp.Apply(x);

    public static void Apply(ReadOnlySpan<T> x, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i]);
    }
}

internal readonly struct Identity<T> : IUnaryKernel<T, T>
{
    public static T Apply(T x) => x;

    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => x.CopyTo(d);
}

internal readonly struct Convert<TFrom, TTo> : IUnaryKernel<TFrom, TTo> where TFrom : unmanaged, INumber<TFrom> where TTo : unmanaged, INumber<TTo>
{
    public static TTo Apply(TFrom x) => TTo.CreateTruncating(x);

    public static void Apply(ReadOnlySpan<TFrom> x, Span<TTo> d) => TensorPrimitives.ConvertTruncating(x, d);
}

internal readonly struct ToBool<T> : IUnaryKernel<T, bool> where T : unmanaged, INumber<T>
{
    public static bool Apply(T x) => x != T.Zero;

    public static void Apply(ReadOnlySpan<T> x, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = x[i] != T.Zero;
    }
}

internal readonly struct FromBool<T> : IUnaryKernel<bool, T> where T : unmanaged, INumber<T>
{
    public static T Apply(bool x) => x ? T.One : T.Zero;

    public static void Apply(ReadOnlySpan<bool> x, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = x[i] ? T.One : T.Zero;
    }
}

internal readonly struct NumericBinary<T, TOp> : IBinaryKernel<T, T> where T : unmanaged, INumber<T> where TOp : INumericBinaryOp
{
    public static T Apply(T x, T y) => TOp.Apply(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (TOp.TryApply(x, y, d)) return;
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y[i]);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        if (TOp.TryApply(x, y, d)) return;
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (TOp.TryApply(x, y, d)) return;
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x, y[i]);
    }
}

internal readonly struct FloatBinary<T, TOp> : IBinaryKernel<T, T> where T : unmanaged, IFloatingPointIeee754<T> where TOp : IFloatBinaryOp
{
    public static T Apply(T x, T y) => TOp.Apply(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        if (TOp.TryApply(x, y, d)) return;
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y[i]);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        if (TOp.TryApply(x, y, d)) return;
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x, y[i]);
    }
}

internal readonly struct Compare<T, TOp> : IBinaryKernel<T, bool> where T : unmanaged, INumber<T> where TOp : ICompareOp
{
    public static bool Apply(T x, T y) => TOp.Apply(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y[i]);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x, y[i]);
    }
}

internal readonly struct IntegerBinary<T, TOp> : IBinaryKernel<T, T> where T : unmanaged, IBinaryInteger<T> where TOp : IIntegerBinaryOp
{
    public static T Apply(T x, T y) => TOp.Apply(x, y);

    public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y[i]);
    }

    public static void Apply(ReadOnlySpan<T> x, T y, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y);
    }

    public static void Apply(T x, ReadOnlySpan<T> y, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x, y[i]);
    }
}

internal readonly struct Logical<TOp> : IBinaryKernel<bool, bool> where TOp : ILogicalOp
{
    public static bool Apply(bool x, bool y) => TOp.Apply(x, y);

    public static void Apply(ReadOnlySpan<bool> x, ReadOnlySpan<bool> y, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y[i]);
    }

    public static void Apply(ReadOnlySpan<bool> x, bool y, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x[i], y);
    }

    public static void Apply(bool x, ReadOnlySpan<bool> y, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = TOp.Apply(x, y[i]);
    }
}
