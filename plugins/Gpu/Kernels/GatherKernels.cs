using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>The geometry of a gather: the source seen as (outer, length, inner), <c>Count</c> indices taken along the middle axis.</summary>
internal readonly struct GatherShape(long count, long length, long inner)
{
    public readonly long Count = count;
    public readonly long Length = length;
    public readonly long Inner = inner;
}

/// <summary>
/// NumPy's <c>take</c> along one axis: output element (p, j, q) is source element (p, idx[j], q), the source read
/// through its <see cref="Layout"/> (any strided view, no copy first). Negative indices count from the end; an index
/// out of range is not read, and the smallest position j holding one is recorded with an atomic min, so the host
/// reports the first bad index as NumPy does after one 8-byte download.
/// </summary>
internal static class GatherKernels
{
    public static void Take<T>(Index1D i, ArrayView<T> x, Layout lx, ArrayView<long> indices, ArrayView<T> z, ArrayView<long> firstBad, GatherShape shape, long total, long threads)
        where T : unmanaged
    {
        for (long o = i; o < total; o += threads)
        {
            long q = o % shape.Inner;
            long pj = o / shape.Inner;
            long j = pj % shape.Count;
            long p = pj / shape.Count;
            long k = indices[j];
            if (k < 0) k += shape.Length;
            if (k < 0 || k >= shape.Length)
            {
                Atomic.Min(ref firstBad[0], j);
                continue;
            }
            z[o] = x[lx.Index((p * shape.Length + k) * shape.Inner + q)];
        }
    }
}
