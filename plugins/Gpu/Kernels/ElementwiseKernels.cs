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
    public static void Unary<TIn, TOut, TOp>(Index1D i, ArrayView<TIn> x, Layout lx, ArrayView<TOut> z, Layout lz)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuUnaryOp<TIn, TOut>
    {
        z[lz.Index(i)] = default(TOp).Apply(x[lx.Index(i)]);
    }

    public static void Binary<TIn, TOut, TOp>(Index1D i, ArrayView<TIn> x, Layout lx, ArrayView<TIn> y, Layout ly, ArrayView<TOut> z, Layout lz)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuBinaryOp<TIn, TOut>
    {
        z[lz.Index(i)] = default(TOp).Apply(x[lx.Index(i)], y[ly.Index(i)]);
    }

    public static void Ternary<TA, T, TOp>(Index1D i, ArrayView<TA> a, Layout la, ArrayView<T> b, Layout lb, ArrayView<T> c, Layout lc, ArrayView<T> z)
        where TA : unmanaged where T : unmanaged where TOp : struct, IGpuTernaryOp<TA, T>
    {
        z[i] = default(TOp).Apply(a[la.Index(i)], b[lb.Index(i)], c[lc.Index(i)]);
    }
}
