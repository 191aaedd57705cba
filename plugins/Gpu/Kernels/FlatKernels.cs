using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The element-wise fast path: every operand is C-contiguous in the result's order (step 1) or a single broadcast
/// element (step 0), so element <c>k</c> is at index <c>k</c> (or 0) and no <see cref="Layout"/> division runs per
/// element. Views arrive already offset. A grid-stride loop covers any size with a launch of about one device-full of
/// threads, and each iteration issues four independent, coalesced loads per operand before any store: a GPU hides
/// memory latency with bytes in flight, and one 4-byte load per thread at a time leaves an SM well short of what HBM
/// needs (about 15 KB in flight per SM on an H100), so the four-way unrolling is what lets float32 reach copy bandwidth.
/// </summary>
internal static class FlatKernels
{
    public static void Unary<TIn, TOut, TOp>(Index1D i, ArrayView<TIn> x, ArrayView<TOut> z, long n, long threads)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuUnaryOp<TIn, TOut>
    {
        long k = i;
        for (; k + 3 * threads < n; k += 4 * threads)
        {
            TIn x0 = x[k], x1 = x[k + threads], x2 = x[k + 2 * threads], x3 = x[k + 3 * threads];
            z[k] = default(TOp).Apply(x0);
            z[k + threads] = default(TOp).Apply(x1);
            z[k + 2 * threads] = default(TOp).Apply(x2);
            z[k + 3 * threads] = default(TOp).Apply(x3);
        }
        for (; k < n; k += threads) z[k] = default(TOp).Apply(x[k]);
    }

    /// <summary><paramref name="xStep"/>/<paramref name="yStep"/> are 1 for a contiguous operand, 0 for a broadcast scalar (read once).</summary>
    public static void Binary<TIn, TOut, TOp>(Index1D i, ArrayView<TIn> x, long xStep, ArrayView<TIn> y, long yStep, ArrayView<TOut> z, long n, long threads)
        where TIn : unmanaged where TOut : unmanaged where TOp : struct, IGpuBinaryOp<TIn, TOut>
    {
        bool xs = xStep == 0, ys = yStep == 0;
        TIn xv = x[0], yv = y[0];
        long k = i;
        for (; k + 3 * threads < n; k += 4 * threads)
        {
            long k1 = k + threads, k2 = k + 2 * threads, k3 = k + 3 * threads;
            TIn x0 = xs ? xv : x[k], x1 = xs ? xv : x[k1], x2 = xs ? xv : x[k2], x3 = xs ? xv : x[k3];
            TIn y0 = ys ? yv : y[k], y1 = ys ? yv : y[k1], y2 = ys ? yv : y[k2], y3 = ys ? yv : y[k3];
            z[k] = default(TOp).Apply(x0, y0);
            z[k1] = default(TOp).Apply(x1, y1);
            z[k2] = default(TOp).Apply(x2, y2);
            z[k3] = default(TOp).Apply(x3, y3);
        }
        for (; k < n; k += threads) z[k] = default(TOp).Apply(xs ? xv : x[k], ys ? yv : y[k]);
    }

    /// <summary>Steps as in <see cref="Binary"/>, packed as bit 0 (a), 1 (b), 2 (c): set when that operand is contiguous.</summary>
    public static void Ternary<TA, T, TOp>(Index1D i, ArrayView<TA> a, ArrayView<T> b, ArrayView<T> c, ArrayView<T> z, int contiguous, long n, long threads)
        where TA : unmanaged where T : unmanaged where TOp : struct, IGpuTernaryOp<TA, T>
    {
        bool ac = (contiguous & 1) != 0, bc = (contiguous & 2) != 0, cc = (contiguous & 4) != 0;
        TA av = a[0];
        T bv = b[0], cv = c[0];
        long k = i;
        for (; k + 1 * threads < n; k += 2 * threads)
        {
            long k1 = k + threads;
            TA a0 = ac ? a[k] : av, a1 = ac ? a[k1] : av;
            T b0 = bc ? b[k] : bv, b1 = bc ? b[k1] : bv;
            T c0 = cc ? c[k] : cv, c1 = cc ? c[k1] : cv;
            z[k] = default(TOp).Apply(a0, b0, c0);
            z[k1] = default(TOp).Apply(a1, b1, c1);
        }
        for (; k < n; k += threads) z[k] = default(TOp).Apply(ac ? a[k] : av, bc ? b[k] : bv, cc ? c[k] : cv);
    }
}
