namespace ArrayDispatch.Gpu;

/// <summary>
/// An associative combine for reductions. Kernels seed each running value with <see cref="Seed"/> of its first element:
/// the identity combined with it where NumPy reduces from the identity (sum: 0 + -0.0 = 0.0; prod: (1+0j)(inf+0j) =
/// inf+nanj), the element itself otherwise (min, max).
/// </summary>
internal interface IGpuReduceOp<T> where T : unmanaged
{
    T Combine(T a, T b);

    T Seed(T first);
}

/// <summary>The ordering of <c>argmax</c>/<c>argmin</c>: whether a candidate replaces the current best.</summary>
internal interface IGpuArgOp<T> where T : unmanaged
{
    bool Better(T candidate, T current);
}
