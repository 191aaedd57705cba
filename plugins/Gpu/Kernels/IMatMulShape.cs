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
