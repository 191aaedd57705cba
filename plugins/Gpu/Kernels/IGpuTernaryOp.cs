namespace ArrayDispatch.Gpu;

/// <summary>An element-wise operator of three operands (<c>where</c>, <c>clip</c>).</summary>
internal interface IGpuTernaryOp<TA, T> where TA : unmanaged where T : unmanaged
{
    T Apply(TA a, T b, T c);
}
