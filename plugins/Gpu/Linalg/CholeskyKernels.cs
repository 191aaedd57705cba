using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>The two small steps of the blocked Cholesky panel (the trailing update is a matmul): the diagonal block and the panel below it.</summary>
internal static class CholeskyKernels
{
    /// <summary>
    /// One thread per matrix: the lower factor of the kb × kb diagonal block at (k0, k0), in place, reading its lower
    /// triangle (Dense's managed potrf order). A diagonal that is not positive (or NaN) sets <c>info[b]</c> and stops that matrix.
    /// </summary>
    public static void DiagonalBlock<T>(Index1D t, ArrayView<T> a, ArrayView<int> info, long n, long k0, long kb, long count, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long b = t; b < count; b += threads)
        {
            long origin = b * n * n + k0 * n + k0;
            bool failed = info[b] != 0;
            for (long i = 0; i < kb && !failed; i++)
            {
                for (long j = 0; j <= i; j++)
                {
                    T s = a[origin + i * n + j];
                    for (long p = 0; p < j; p++) s -= a[origin + i * n + p] * a[origin + j * n + p];
                    if (i == j)
                    {
                        if (!(s > T.Zero))
                        {
                            failed = true;
                            break;
                        }
                        a[origin + i * n + i] = T.Sqrt(s);
                    }
                    else
                    {
                        a[origin + i * n + j] = s / a[origin + j * n + j];
                    }
                }
            }
            if (failed) info[b] = 1;
        }
    }

    /// <summary>L21 = A21 · L11⁻ᵀ in place, one thread per (matrix, row below the block): forward substitution along the row.</summary>
    public static void PanelBelow<T>(Index1D t, ArrayView<T> a, long n, long k0, long kb, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long rows = n - k0 - kb;
        for (long e = t; e < total; e += threads)
        {
            long i = k0 + kb + e % rows, b = e / rows;
            long row = b * n * n + i * n + k0, diagonal = b * n * n + k0 * n + k0;
            for (long j = 0; j < kb; j++)
            {
                T s = a[row + j];
                for (long p = 0; p < j; p++) s -= a[row + p] * a[diagonal + j * n + p];
                a[row + j] = s / a[diagonal + j * n + j];
            }
        }
    }
}
