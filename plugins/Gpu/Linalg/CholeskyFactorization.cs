using System.Numerics;
using ArrayDispatch.Functions;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The lower Cholesky factor on the device, blocked right-looking (LAPACK's potrf) over a whole stack: per panel the
/// diagonal block (one thread per matrix), the panel below it (one thread per row) and the trailing update
/// A22 −= L21·L21ᵀ through the plugin's matmul (the full product: the upper half it also computes is never read and is
/// zeroed at the end). Only the per-matrix failure flags are downloaded.
/// </summary>
internal static class CholeskyFactorization
{
    /// <summary>Replaces every n × n matrix of <paramref name="a"/> (count, n, n; its lower triangle read) by its lower factor.</summary>
    /// <exception cref="LinAlgException">A matrix is not positive definite (Dense's and NumPy's "Matrix is not positive definite").</exception>
    public static void Factor<T>(GpuArray a, int count, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count == 0 || n == 0) return;
        GpuRuntime rt = a.Runtime;
        int nb = FactorizationBlocks.PanelWidth(rt);
        using GpuArray info = GpuOps.Empty(rt, new Shape(count), DType.Int32);
        Creation.FillWith(info, 0L);
        var diagonal = rt.Kernels.Auto<ArrayView<T>, ArrayView<int>, long, long, long, long, long>(CholeskyKernels.DiagonalBlock<T>);
        var below = rt.Kernels.Auto<ArrayView<T>, long, long, long, long, long>(CholeskyKernels.PanelBelow<T>);
        ArrayView<T> va = FactorizationBlocks.V<T>(a);
        Index1D matrixThreads = rt.Threads(count);
        for (int k0 = 0; k0 < n; k0 += nb)
        {
            int kb = Math.Min(nb, n - k0), end = k0 + kb, rest = n - end;
            diagonal(matrixThreads, va, FactorizationBlocks.V<int>(info), n, k0, kb, count, matrixThreads.X);
            if (rest == 0) continue;
            long rows = (long)count * rest;
            Index1D rowThreads = rt.Threads(rows);
            below(rowThreads, va, n, k0, kb, rows, rowThreads.X);
            MatrixBlock l21 = MatrixBlock.Of(n, n, end, k0, rest, kb);
            FactorizationBlocks.SubtractProduct<T>(a, MatrixBlock.Of(n, n, end, end, rest, rest), a, l21, a, l21, count, transposeRight: true);
        }
        if (FactorizationBlocks.Flags(info).Any(f => f != 0)) throw new LinAlgException("Matrix is not positive definite");
        FactorizationBlocks.ZeroUpper<T>(a, n);
    }
}
