using System.Numerics;
using System.Numerics.Tensors;

namespace ArrayDispatch.Dense.Kernels;

// Adapters from operation families to kernels for one element type. Families with a vectorized form try it first and
// fall back to the element loop; the JIT specializes each adapter per (T, TOp), so the calls inline.

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

