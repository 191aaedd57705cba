namespace ArrayDispatch.Dense.Kernels;

// The kernel contracts the drivers in Elementwise run: one element at a time, and a contiguous span at a time (the
// vectorized form; TensorPrimitives where it has the operation). Operation structs (Ops/*.cs) are generic over the
// element type through their family interface (IFloatUnaryOp, INumericBinaryOp, ...), and adapters (Adapters.cs) turn a
// family operation into one of these kernels for one element type. The span forms default to the element loop over
// TSelf (the JIT specialises it per kernel, so the element call inlines); kernels with a vectorized form override them.

/// <summary>A unary kernel from <typeparamref name="T"/> to <typeparamref name="TOut"/>.</summary>
internal interface IUnaryKernel<TSelf, T, TOut> where TSelf : IUnaryKernel<TSelf, T, TOut>
{
    static abstract TOut Apply(T x);

    static virtual void Apply(ReadOnlySpan<T> x, Span<TOut> destination) => KernelLoops.Each<TSelf, T, TOut>(x, destination);
}

/// <summary>A binary kernel from two <typeparamref name="T"/> to <typeparamref name="TOut"/>.</summary>
internal interface IBinaryKernel<TSelf, T, TOut> where TSelf : IBinaryKernel<TSelf, T, TOut>
{
    static abstract TOut Apply(T x, T y);

    static virtual void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TOut> destination) => KernelLoops.Each<TSelf, T, TOut>(x, y, destination);

    static virtual void Apply(ReadOnlySpan<T> x, T y, Span<TOut> destination) => KernelLoops.Each<TSelf, T, TOut>(x, y, destination);

    static virtual void Apply(T x, ReadOnlySpan<T> y, Span<TOut> destination) => KernelLoops.Each<TSelf, T, TOut>(x, y, destination);
}

/// <summary>The element-at-a-time loops behind the kernels' span forms (the scalar fallback of vectorized kernels too).</summary>
internal static class KernelLoops
{
    public static void Each<K, T, TOut>(ReadOnlySpan<T> x, Span<TOut> d) where K : IUnaryKernel<K, T, TOut>
    {
        for (int i = 0; i < d.Length; i++) d[i] = K.Apply(x[i]);
    }

    public static void Each<K, T, TOut>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TOut> d) where K : IBinaryKernel<K, T, TOut>
    {
        for (int i = 0; i < d.Length; i++) d[i] = K.Apply(x[i], y[i]);
    }

    public static void Each<K, T, TOut>(ReadOnlySpan<T> x, T y, Span<TOut> d) where K : IBinaryKernel<K, T, TOut>
    {
        for (int i = 0; i < d.Length; i++) d[i] = K.Apply(x[i], y);
    }

    public static void Each<K, T, TOut>(T x, ReadOnlySpan<T> y, Span<TOut> d) where K : IBinaryKernel<K, T, TOut>
    {
        for (int i = 0; i < d.Length; i++) d[i] = K.Apply(x, y[i]);
    }
}
