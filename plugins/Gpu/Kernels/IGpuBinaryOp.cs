namespace ArrayDispatch.Gpu;

/// <summary>An element-wise operator of two operands of the same type.</summary>
internal interface IGpuBinaryOp<TIn, TOut> where TIn : unmanaged where TOut : unmanaged
{
    TOut Apply(TIn x, TIn y);
}
