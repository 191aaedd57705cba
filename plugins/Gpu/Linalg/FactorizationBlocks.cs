using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Host-side steps of the blocked factorizations, each a few launches over the whole stack: the trailing update
/// <c>C -= A·B</c> through the plugin's matmul (<see cref="MatMul"/>: the register-blocked kernel on GPUs), the blocked
/// triangular solves, identity stacks and the small helpers. Work arrays are C-contiguous (count, rows, cols) stacks
/// at offset 0 of their own buffer.
/// </summary>
internal static class FactorizationBlocks
{
    /// <summary>
    /// The panel width of the blocked factorizations: 64 columns on a GPU (the matmul of the trailing update dominates),
    /// 4 on ILGPU's CPU accelerator so the tests' small matrices run several panels.
    /// </summary>
    public static int PanelWidth(GpuRuntime rt) => rt.Info.Kind == GpuAcceleratorKind.Cpu ? 4 : 64;

    /// <summary>Threads that share one column scan (pivot search, norms): few on the CPU accelerator, where each thread costs ~1 µs.</summary>
    public static int Lanes(GpuRuntime rt) => rt.Info.Kind == GpuAcceleratorKind.Cpu ? 4 : 128;

    public static ArrayView<T> V<T>(GpuArray a) where T : unmanaged => a.Storage.View<T>();

    /// <summary>A contiguous (count, rows, cols) copy of <paramref name="block"/> of <paramref name="a"/>.</summary>
    public static GpuArray Copy<T>(GpuArray a, MatrixBlock block, int count) where T : unmanaged
    {
        GpuRuntime rt = a.Runtime;
        GpuArray z = GpuOps.Empty(rt, new Shape(count, checked((int)block.Rows), checked((int)block.Cols)), a.DType);
        if (z.Size == 0) return z;
        Index1D threads = rt.Threads(z.Size);
        rt.Kernels.Auto<ArrayView<T>, MatrixBlock, ArrayView<T>, long, long>(FactorizationKernels.CopyBlock<T>)(threads, V<T>(a), block, V<T>(z), z.Size, threads.X);
        return z;
    }

    /// <summary>
    /// <c>target[dst] -= left[lb] · right[rb]</c> (or <c>· right[rb]ᵀ</c>) for every matrix: both operand blocks are
    /// copied contiguous, multiplied by the plugin's matmul and subtracted in place.
    /// </summary>
    public static void SubtractProduct<T>(GpuArray target, MatrixBlock dst, GpuArray left, MatrixBlock lb, GpuArray right, MatrixBlock rb, int count, bool transposeRight = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (dst.Rows == 0 || dst.Cols == 0 || count == 0) return;
        GpuRuntime rt = target.Runtime;
        using GpuArray l = Copy<T>(left, lb, count);
        using GpuArray r = Copy<T>(right, rb, count);
        using GpuArray rOperand = transposeRight ? TransposedView(r) : r.View(r.Shape, [.. r.StrideSpan], 0);
        using GpuArray product = MatMul.Compute(l, rOperand);
        Index1D threads = rt.Threads(product.Size);
        rt.Kernels.Auto<ArrayView<T>, MatrixBlock, ArrayView<T>, long, long>(FactorizationKernels.SubtractBlock<T>)(threads, V<T>(target), dst, V<T>(product), product.Size, threads.X);
    }

    /// <summary>A view of <paramref name="x"/> with its last two axes swapped (no copy).</summary>
    public static GpuArray TransposedView(GpuArray x)
    {
        int[] dims = x.Shape.ToArray();
        long[] strides = [.. x.StrideSpan];
        (dims[^1], dims[^2]) = (dims[^2], dims[^1]);
        (strides[^1], strides[^2]) = (strides[^2], strides[^1]);
        return x.View(new Shape(dims), strides, x.Offset);
    }

    /// <summary>
    /// Solves <c>T X = B</c> in place for every matrix: T (count, n, n) unit lower (<paramref name="upper"/> false, the
    /// L of an LU) or upper with its diagonal (the U), B (count, n, k). Blocked: the diagonal block by substitution, one
    /// thread per column, then the rows still to solve updated by one matmul per block.
    /// </summary>
    public static void SolveTriangular<T>(GpuArray factor, GpuArray b, int count, int n, int k, bool upper)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (count == 0 || n == 0 || k == 0) return;
        GpuRuntime rt = b.Runtime;
        int nb = PanelWidth(rt);
        var diagonal = rt.Kernels.Auto<ArrayView<T>, MatrixBlock, ArrayView<T>, MatrixBlock, int, long, long>(FactorizationKernels.SolveDiagonalBlock<T>);
        long columns = (long)count * k;
        Index1D threads = rt.Threads(columns);
        int blocks = (n + nb - 1) / nb;
        for (int step = 0; step < blocks; step++)
        {
            int k0 = upper ? (blocks - 1 - step) * nb : step * nb;
            int kb = Math.Min(nb, n - k0);
            diagonal(threads, V<T>(factor), MatrixBlock.Of(n, n, k0, k0, kb, kb), V<T>(b), MatrixBlock.Of(n, k, k0, 0, kb, k), upper ? 1 : 0, columns, threads.X);
            if (upper && k0 > 0)
            {
                // B[:k0] -= U[:k0, k0:k0+kb] · X[k0:k0+kb]
                SubtractProduct<T>(b, MatrixBlock.Of(n, k, 0, 0, k0, k), factor, MatrixBlock.Of(n, n, 0, k0, k0, kb), b, MatrixBlock.Of(n, k, k0, 0, kb, k), count);
            }
            else if (!upper && k0 + kb < n)
            {
                // B[k0+kb:] -= L[k0+kb:, k0:k0+kb] · X[k0:k0+kb]
                int rest = n - k0 - kb;
                SubtractProduct<T>(b, MatrixBlock.Of(n, k, k0 + kb, 0, rest, k), factor, MatrixBlock.Of(n, n, k0 + kb, k0, rest, kb), b, MatrixBlock.Of(n, k, k0, 0, kb, k), count);
            }
        }
    }

    /// <summary>A (count, n, n) stack of identity matrices.</summary>
    public static GpuArray Identity<T>(GpuRuntime rt, DType dtype, int count, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GpuArray z = GpuOps.Empty(rt, new Shape(count, n, n), dtype);
        if (z.Size == 0) return z;
        Index1D threads = rt.Threads(z.Size);
        rt.Kernels.Auto<ArrayView<T>, long, long, long>(FactorizationKernels.Identity<T>)(threads, V<T>(z), n, z.Size, threads.X);
        return z;
    }

    /// <summary>Zeroes the strict upper triangle of each n × n matrix of <paramref name="a"/>.</summary>
    public static void ZeroUpper<T>(GpuArray a, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Size == 0) return;
        Index1D threads = a.Runtime.Threads(a.Size);
        a.Runtime.Kernels.Auto<ArrayView<T>, long, long, long>(FactorizationKernels.ZeroUpper<T>)(threads, V<T>(a), n, a.Size, threads.X);
    }

    /// <summary>Whether any matrix of the (count, …) stack <paramref name="a"/> holds a NaN or an infinity (one small download).</summary>
    public static bool AnyNonFinite<T>(GpuArray a, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Size == 0) return false;
        GpuRuntime rt = a.Runtime;
        using GpuArray flags = GpuOps.Empty(rt, new Shape(count), DType.Int32);
        Creation.FillWith(flags, 0L);
        Index1D threads = rt.Threads(a.Size);
        rt.Kernels.Auto<ArrayView<T>, ArrayView<int>, long, long, long>(FactorizationKernels.NonFinite<T>)(threads, V<T>(a), V<int>(flags), a.Size / count, a.Size, threads.X);
        return Flags(flags).Any(f => f != 0);
    }

    /// <summary>The int32 flags of a small device array, downloaded.</summary>
    public static int[] Flags(GpuArray flags) => Transfers.Download(flags).ToContiguous<int>();
}
