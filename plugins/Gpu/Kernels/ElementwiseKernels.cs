using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The element-wise kernel shapes: one generic kernel per operator shape, specialised by ILGPU per closed operator.
/// Inputs and output are addressed through <see cref="Layout"/>, so strided views, broadcasting and <c>out=</c> views
/// need no copies.
/// </summary>
internal static class ElementwiseKernels
{
    // Grid-stride loops: thread i handles i, i + threads, … . The launch uses about as many threads as the device runs at
    // once (Accelerator.MaxNumThreads), passed as <c>threads</c>, so the CPU simulator, where each thread costs microseconds, is not flooded, and
    // arrays above 2^31 elements work.

    public static void Unary<TIn, TOut, TOp>(Index1D i, ArrayView<TIn> x, Layout lx, ArrayView<TOut> z, Layout lz, long n, long threads)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuUnaryOp<TIn, TOut>
    {
        for (long k = i; k < n; k += threads) z[lz.Index(k)] = default(TOp).Apply(x[lx.Index(k)]);
    }

    public static void Binary<TIn, TOut, TOp>(Index1D i, ArrayView<TIn> x, Layout lx, ArrayView<TIn> y, Layout ly, ArrayView<TOut> z, Layout lz, long n, long threads)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuBinaryOp<TIn, TOut>
    {
        for (long k = i; k < n; k += threads) z[lz.Index(k)] = default(TOp).Apply(x[lx.Index(k)], y[ly.Index(k)]);
    }

    public static void Ternary<TA, T, TOp>(Index1D i, ArrayView<TA> a, Layout la, ArrayView<T> b, Layout lb, ArrayView<T> c, Layout lc, ArrayView<T> z, long n, long threads)
        where TA : unmanaged where T : unmanaged where TOp : struct, IGpuTernaryOp<TA, T>
    {
        for (long k = i; k < n; k += threads) z[k] = default(TOp).Apply(a[la.Index(k)], b[lb.Index(k)], c[lc.Index(k)]);
    }
}
