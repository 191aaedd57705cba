namespace ArrayDispatch.Gpu;

/// <summary>
/// The geometry of <see cref="BlockedMatMulKernel"/> as a type argument, so ILGPU specialises the kernel with constant
/// sizes: a <see cref="Group"/> x <see cref="Group"/> thread group computing an 8·Group square of C, walking K in slabs
/// of <see cref="Depth"/> = Group / 2 (which keeps four loads per thread and slab).
/// </summary>
internal interface IMatMulShape
{
    int Group { get; }

    int Depth { get; }
}

/// <summary>GPUs: 256 threads, a 128 x 128 block of C, K slabs of 8.</summary>
internal struct MatMulShape16 : IMatMulShape
{
    public readonly int Group => 16;

    public readonly int Depth => 8;
}

/// <summary>ILGPU's CPU accelerator (groups of at most 16 threads): a 32 x 32 block, K slabs of 2; used by tests.</summary>
internal struct MatMulShape4 : IMatMulShape
{
    public readonly int Group => 4;

    public readonly int Depth => 2;
}
