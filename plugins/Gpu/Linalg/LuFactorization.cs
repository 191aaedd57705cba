using System.Numerics;
using ArrayDispatch.Functions;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// LU with partial pivoting on the device, LAPACK's blocked getrf over a whole stack at once: for each panel of
/// <see cref="FactorizationBlocks.PanelWidth"/> columns the unblocked getf2 steps (pivot search, row interchange across
/// the whole row, scaling, rank-1 update inside the panel), then U12 = L11⁻¹A12 (substitution, one thread per column)
/// and the trailing update A22 −= L21·U12 through the plugin's matmul. On it: solve, inv, det and slogdet. Nothing of
/// the matrices goes to the host; only the per-matrix singular flags are downloaded (one int per matrix).
/// </summary>
internal static class LuFactorization
{
    /// <summary>Factors every n × n matrix of <paramref name="a"/> (count, n, n) in place: P·A = L·U, L unit lower below the diagonal, U on and above.</summary>
    /// <returns>The interchanges (count, n) int32 (row j was swapped with piv[j] at step j) and the singular flags (count) int32.</returns>
    public static (GpuArray Pivots, GpuArray Singular) Factor<T>(GpuArray a, int count, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GpuRuntime rt = a.Runtime;
        GpuArray piv = GpuOps.Empty(rt, new Shape(count, n), DType.Int32);
        GpuArray info = GpuOps.Empty(rt, new Shape(count), DType.Int32);
        Creation.FillWith(info, 0L);
        if (count == 0 || n == 0) return (piv, info);
        int nb = FactorizationBlocks.PanelWidth(rt), lanes = FactorizationBlocks.Lanes(rt);
        using GpuArray bestValue = GpuOps.Empty(rt, new Shape(count, lanes), a.DType);
        using GpuArray bestRow = GpuOps.Empty(rt, new Shape(count, lanes), DType.Int32);
        var partial = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<int>, long, long, long, long, long>(LuKernels.PivotPartial<T>);
        var select = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<int>, ArrayView<int>, ArrayView<int>, long, long, long, long, long>(LuKernels.PivotSelect<T>);
        var swap = rt.Kernels.Auto<ArrayView<T>, ArrayView<int>, long, long, long, long>(LuKernels.SwapRows<T>);
        var scale = rt.Kernels.Auto<ArrayView<T>, long, long, long, long>(LuKernels.ScaleColumn<T>);
        var rank1 = rt.Kernels.Auto<ArrayView<T>, long, long, long, long, long>(LuKernels.Rank1<T>);
        var solveBlock = rt.Kernels.Auto<ArrayView<T>, MatrixBlock, ArrayView<T>, MatrixBlock, int, long, long>(FactorizationKernels.SolveDiagonalBlock<T>);
        ArrayView<T> va = FactorizationBlocks.V<T>(a);
        ArrayView<int> vp = FactorizationBlocks.V<int>(piv), vi = FactorizationBlocks.V<int>(info);
        ArrayView<T> vbv = FactorizationBlocks.V<T>(bestValue);
        ArrayView<int> vbr = FactorizationBlocks.V<int>(bestRow);
        Index1D laneThreads = rt.Threads((long)count * lanes), matrixThreads = rt.Threads(count), rowThreads = rt.Threads((long)count * n);
        for (int k0 = 0; k0 < n; k0 += nb)
        {
            int kb = Math.Min(nb, n - k0), end = k0 + kb;
            for (int j = k0; j < end; j++)
            {
                partial(laneThreads, va, vbv, vbr, n, j, lanes, (long)count * lanes, laneThreads.X);
                select(matrixThreads, va, vbv, vbr, vp, vi, n, j, lanes, count, matrixThreads.X);
                swap(rowThreads, va, vp, n, j, (long)count * n, rowThreads.X);
                long below = (long)count * (n - j - 1);
                if (below == 0) continue;
                Index1D scaleThreads = rt.Threads(below);
                scale(scaleThreads, va, n, j, below, scaleThreads.X);
                long updates = below * (end - j - 1);
                if (updates == 0) continue;
                Index1D updateThreads = rt.Threads(updates);
                rank1(updateThreads, va, n, j, end, updates, updateThreads.X);
            }
            int rest = n - end;
            if (rest == 0) continue;
            // U12 = L11⁻¹ A12, then A22 -= L21 · U12.
            long columns = (long)count * rest;
            Index1D columnThreads = rt.Threads(columns);
            solveBlock(columnThreads, va, MatrixBlock.Of(n, n, k0, k0, kb, kb), va, MatrixBlock.Of(n, n, k0, end, kb, rest), 0, columns, columnThreads.X);
            FactorizationBlocks.SubtractProduct<T>(a, MatrixBlock.Of(n, n, end, end, rest, rest), a, MatrixBlock.Of(n, n, end, k0, rest, kb),
                a, MatrixBlock.Of(n, n, k0, end, kb, rest), count);
        }
        return (piv, info);
    }

    /// <summary>Throws NumPy's (and Dense's) <c>LinAlgError: Singular matrix</c> when any matrix of the stack is singular.</summary>
    public static void ThrowIfSingular(GpuArray info)
    {
        if (info.Size > 0 && FactorizationBlocks.Flags(info).Any(f => f != 0)) throw new LinAlgException("Singular matrix");
    }

    /// <summary>
    /// Solves A X = B for every matrix: <paramref name="a"/> (count, n, n) is factored in place, <paramref name="b"/>
    /// (count, n, k) becomes X. Singular matrices throw <see cref="LinAlgException"/> ("Singular matrix").
    /// </summary>
    public static void Solve<T>(GpuArray a, GpuArray b, int count, int n, int k) where T : unmanaged, IFloatingPointIeee754<T>
    {
        (GpuArray piv, GpuArray info) = Factor<T>(a, count, n);
        using (piv)
        using (info)
        {
            ThrowIfSingular(info);
            if (count == 0 || n == 0 || k == 0) return;
            GpuRuntime rt = a.Runtime;
            long columns = (long)count * k;
            Index1D threads = rt.Threads(columns);
            rt.Kernels.Auto<ArrayView<T>, ArrayView<int>, long, long, long, long>(LuKernels.PermuteRows<T>)(
                threads, FactorizationBlocks.V<T>(b), FactorizationBlocks.V<int>(piv), n, k, columns, threads.X);
            FactorizationBlocks.SolveTriangular<T>(a, b, count, n, k, upper: false);
            FactorizationBlocks.SolveTriangular<T>(a, b, count, n, k, upper: true);
        }
    }

    /// <summary>sign, log|det| and det of every matrix of <paramref name="a"/> (count, n, n), factored in place; each (count).</summary>
    public static (GpuArray Sign, GpuArray Log, GpuArray Det) Slogdet<T>(GpuArray a, int count, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GpuRuntime rt = a.Runtime;
        var shape = new Shape(count);
        if (n == 0)
        {
            // The empty matrix: det 1 (sign 1, log 0), as NumPy.
            return (Creation.Full(rt, shape, a.DType, 1L), Creation.Full(rt, shape, a.DType, 0L), Creation.Full(rt, shape, a.DType, 1L));
        }
        (GpuArray piv, GpuArray info) = Factor<T>(a, count, n);
        using (piv)
        using (info)
        {
            GpuArray sign = GpuOps.Empty(rt, shape, a.DType), log = GpuOps.Empty(rt, shape, a.DType), det = GpuOps.Empty(rt, shape, a.DType);
            if (count == 0) return (sign, log, det);
            Index1D threads = rt.Threads(count);
            rt.Kernels.Auto<ArrayView<T>, ArrayView<int>, ArrayView<T>, ArrayView<T>, ArrayView<T>, long, long, long>(LuKernels.LogDet<T>)(
                threads, FactorizationBlocks.V<T>(a), FactorizationBlocks.V<int>(piv), FactorizationBlocks.V<T>(sign), FactorizationBlocks.V<T>(log),
                FactorizationBlocks.V<T>(det), n, count, threads.X);
            return (sign, log, det);
        }
    }
}
