namespace ArrayDispatch.Gpu;

/// <summary>An associative combine for reductions; kernels seed with the first element, so no identity is needed.</summary>
internal interface IGpuReduceOp<T> where T : unmanaged
{
    T Combine(T a, T b);
}

/// <summary>The ordering of <c>argmax</c>/<c>argmin</c>: whether a candidate replaces the current best.</summary>
internal interface IGpuArgOp<T> where T : unmanaged
{
    bool Better(T candidate, T current);
}
