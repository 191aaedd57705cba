namespace ArrayDispatch.Gpu;

/// <summary>ILGPU's CPU accelerator (groups of at most 16 threads): a 32 x 32 block, K slabs of 2; used by tests.</summary>
internal struct MatMulShape4 : IMatMulShape
{
    public readonly int Group => 4;

    public readonly int Depth => 2;
}
