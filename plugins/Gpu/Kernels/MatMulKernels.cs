using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>The sizes of one batched matrix product <c>(M, K) @ (K, N)</c> </summary>
internal struct MatMulDims
{
    public int M;
    public int N;
    public int K;
}

/// <summary>The barrier-free matrix product for ILGPU's CPU accelerator (GPUs use <see cref="BlockedMatMulKernel"/>).</summary>
internal static class MatMulKernels
{
    /// <summary>
    /// One output per thread (grid-stride), no shared memory and no barriers: used on ILGPU's CPU accelerator, where a
    /// group barrier costs a host thread synchronisation (a 128 x 128 product took 70 s tiled, well under a second here).
    /// </summary>
    public static void Simple<T>(Index1D i, ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, MatMulDims d, Layout batchA, Layout batchB, long total, long threads)
        where T : unmanaged, INumberBase<T>
    {
        long mn = (long)d.M * d.N;
        for (long index = i; index < total; index += threads)
        {
            long batch = index / mn;
            long rest = index - batch * mn;
            long row = rest / d.N;
            long column = rest - row * d.N;
            long aBase = batchA.Index(batch) * d.M * (long)d.K + row * d.K;
            long bBase = batchB.Index(batch) * d.K * (long)d.N + column;
            T acc = T.Zero;
            for (int k = 0; k < d.K; k++) acc += a[aBase + k] * b[bBase + (long)k * d.N];
            c[index] = acc;
        }
    }
}
