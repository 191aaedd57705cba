namespace ArrayDispatch.Gpu;

/// <summary>GPUs: 256 threads, a 128 x 128 block of C, K slabs of 8.</summary>
internal struct MatMulShape16 : IMatMulShape
{
    public readonly int Group => 16;

    public readonly int Depth => 8;
}
