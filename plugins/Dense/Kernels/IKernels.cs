namespace ArrayDispatch.Dense.Kernels;

// The kernel contracts the drivers in Elementwise run: one element at a time, and a contiguous span at a time (the
// vectorized form; TensorPrimitives where it has the operation). Operation structs (Ops/*.cs) are generic over the
// element type through their family interface (IFloatUnaryOp, INumericBinaryOp, ...), and adapters (Adapters.cs) turn a
// family operation into one of these kernels for one element type.

/// <summary>A unary kernel from <typeparamref name="T"/> to <typeparamref name="TOut"/>.</summary>
internal interface IUnaryKernel<T, TOut>
{
    static abstract TOut Apply(T x);

    static abstract void Apply(ReadOnlySpan<T> x, Span<TOut> destination);
}

/// <summary>A binary kernel from two <typeparamref name="T"/> to <typeparamref name="TOut"/>.</summary>
internal interface IBinaryKernel<T, TOut>
{
    static abstract TOut Apply(T x, T y);

    static abstract void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TOut> destination);

    static abstract void Apply(ReadOnlySpan<T> x, T y, Span<TOut> destination);

    static abstract void Apply(T x, ReadOnlySpan<T> y, Span<TOut> destination);
}
