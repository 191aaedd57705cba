using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>The sizes of one batched matrix product <c>(M, K) @ (K, N)</c> and the tile side.</summary>
internal struct MatMulDims
{
    public int M;
    public int N;
    public int K;
    public int Tile;
}

/// <summary>
/// Tiled matrix product: each group computes a Tile x Tile block of C, staging Tile x Tile blocks of A and B in
/// (dynamic) shared memory, so each element of A and B is read from device memory K / Tile times instead of K times.
/// Grid z is the batch index; the batch offsets of A and B come from broadcast layouts over the batch shape.
/// </summary>
internal static class MatMulKernels
{
    public static void Tiled<T>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, MatMulDims d, Layout batchA, Layout batchB)
        where T : unmanaged, INumber<T>
    {
        ArrayView<T> shared = SharedMemory.GetDynamic<T>();
        int tile = d.Tile;
        int tx = Group.IdxX;
        int ty = Group.IdxY;
        int column = Grid.IdxX * tile + tx;
        int row = Grid.IdxY * tile + ty;
        int batch = Grid.IdxZ;
        long aBase = batchA.Index(batch) * d.M * (long)d.K;
        long bBase = batchB.Index(batch) * d.K * (long)d.N;
        long cBase = batch * (long)d.M * d.N;
        int bOffset = tile * tile;
        T acc = T.Zero;
        for (int k0 = 0; k0 < d.K; k0 += tile)
        {
            int ak = k0 + tx;
            int bk = k0 + ty;
            shared[ty * tile + tx] = row < d.M && ak < d.K ? a[aBase + (long)row * d.K + ak] : T.Zero;
            shared[bOffset + ty * tile + tx] = bk < d.K && column < d.N ? b[bBase + (long)bk * d.N + column] : T.Zero;
            Group.Barrier();
            for (int k = 0; k < tile; k++) acc += shared[ty * tile + k] * shared[bOffset + k * tile + tx];
            Group.Barrier();
        }
        if (row < d.M && column < d.N) c[cBase + (long)row * d.N + column] = acc;
    }

    /// <summary>
    /// One output per thread (grid-stride), no shared memory and no barriers: used on ILGPU's CPU accelerator, where a
    /// group barrier costs a host thread synchronisation (a 128 x 128 product took 70 s tiled, well under a second here).
    /// </summary>
    public static void Simple<T>(Index1D i, ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, MatMulDims d, Layout batchA, Layout batchB, long total, long threads)
        where T : unmanaged, INumber<T>
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
