namespace ArrayDispatch.Gpu;

// The operator shapes the generic kernels take. ILGPU specialises a kernel per closed operator struct, so
// Binary<double, double, AddOp<double>> compiles to a plain add: no virtual calls, no boxing.

/// <summary>An element-wise operator of one operand.</summary>
internal interface IGpuUnaryOp<TIn, TOut> where TIn : unmanaged where TOut : unmanaged
{
    TOut Apply(TIn x);
}
