using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The SVD on the device. A tall (m ≥ n) matrix is first reduced by <see cref="GpuQr"/> to its n × n R; a wide one is
/// decomposed through its transpose. The core is one-sided (Hestenes) Jacobi on the rows of B = Rᵀ: each sweep visits
/// every pair of rows once in round-robin (circle) order, n/2 disjoint pairs per round rotated in parallel (three
/// kernels: partial dot products per row segment, the rotation of each pair, the rotation of every element of both
/// rows and of the accumulated rotations J), until no pair is further from orthogonal than √n·eps (at most
/// <see cref="MaxSweeps"/> sweeps). Then B = J·Rᵀ has orthogonal rows: the singular values are their norms, Vh = J and
/// U = Q·Yᵀ with Y the normalized rows; zero rows (rank-deficient input) are completed to an orthonormal Y by
/// Gram–Schmidt on unit vectors. Values are sorted descending on the device. The only reads back are one int per
/// sweep (whether any pair rotated) and, with vectors, the count of zero singular values: nothing else leaves the device.
/// </summary>
internal static class GpuSvd
{
    public const int MaxSweeps = 40;
    private const int Segment = 64;

    /// <summary>Sweeps run by the last decomposition on this thread (for tests and diagnostics).</summary>
    [ThreadStatic] public static int LastSweeps;

    /// <summary>The SVD of one matrix (a 2-D view, float32 or float64): U (m × m or m × k), s (k), Vh (n × n or k × n).</summary>
    public static (GpuArray? U, GpuArray S, GpuArray? Vh) Decompose(GpuArray a, bool full, bool computeUV)
    {
        int m = a.Shape[0], n = a.Shape[1], k = Math.Min(m, n);
        GpuRuntime rt = a.Runtime;
        if (k == 0)
        {
            GpuArray s0 = GpuOps.Empty(rt, new Shape(0), a.DType);
            if (!computeUV) return (null, s0, null);
            return (Creation.Eye(rt, m, full ? m : 0, 0, a.DType), s0, Creation.Eye(rt, full ? n : 0, n, 0, a.DType));
        }
        if (m >= n) return Tall(a, full, computeUV);
        using GpuArray? owned = a.IsContiguous ? null : GpuOps.Copy(a);
        using GpuArray at = GpuQr.Transposed(owned ?? a);
        (GpuArray? u, GpuArray s, GpuArray? vh) = Tall(at, full, computeUV);
        if (!computeUV) return (null, s, null);
        using (u) using (vh)
        {
            using GpuArray ut = GpuQr.Transposed(u!), vht = GpuQr.Transposed(vh!);
            return (GpuOps.Copy(vht), s, GpuOps.Copy(ut));
        }
    }

    private static (GpuArray? U, GpuArray S, GpuArray? Vh) Tall(GpuArray a, bool full, bool computeUV)
    {
        int m = a.Shape[0], n = a.Shape[1];
        using GpuQr.Factorization f = GpuQr.Factor(a, keepPanels: computeUV);
        using GpuArray r = GpuQr.R(f, n);
        using GpuArray rt = GpuQr.Transposed(r);
        using GpuArray b = GpuOps.Copy(rt);
        (GpuArray s, GpuArray? vh, GpuArray? y) = a.DType == DType.Float32
            ? Jacobi<float, Float32Element>(b, computeUV, 1.1920928955078125e-7)
            : Jacobi<double, Float64Element>(b, computeUV, 2.220446049250313e-16);
        if (!computeUV) return (null, s, null);
        try
        {
            using (y)
            {
                int qc = full ? m : n;
                GpuArray q = GpuQr.FormQ(f, qc);
                using GpuArray yt = GpuQr.Transposed(y!);
                if (qc == n)
                {
                    using (q) return (MatMul.Compute(q, yt), s, vh);
                }
                using GpuArray qn = GpuQr.Block(q, 0, 0, m, n);
                using GpuArray un = MatMul.Compute(qn, yt);
                GpuOps.CopyInto(un, qn);
                return (q, s, vh);
            }
        }
        catch
        {
            s.Dispose();
            vh?.Dispose();
            throw;
        }
    }

    /// <summary>One-sided Jacobi on the rows of <paramref name="b"/> (n × n, contiguous; overwritten): s (sorted), and with vectors Vh = J and Y.</summary>
    private static (GpuArray S, GpuArray? Vh, GpuArray? Y) Jacobi<T, TE>(GpuArray b, bool withV, double eps) where T : unmanaged where TE : struct, IGpuElement<T>
    {
        GpuRuntime rt = b.Runtime;
        int n = b.Shape[0];
        long players = n + (n & 1), pairs = players / 2, rounds = players - 1;
        long segments = (n + Segment - 1) / Segment;
        using GpuArray v = withV ? Creation.Eye(rt, n, n, 0, b.DType) : GpuOps.Empty(rt, new Shape(1), b.DType);
        using GpuArray partials = GpuOps.Empty(rt, new Shape(checked((int)(pairs * segments * 3))), DType.Float64);
        using GpuArray rotations = GpuOps.Empty(rt, new Shape(checked((int)(pairs * 2))), DType.Float64);
        using GpuArray flag = GpuOps.Empty(rt, new Shape(1), DType.Int32);
        var kernels = rt.Kernels;
        var dots = kernels.Auto<ArrayView<T>, long, long, long, long, long, ArrayView<double>, long, long>(QrSvdKernels.JacobiDots<T, TE>);
        var angles = kernels.Auto<ArrayView<double>, long, long, long, long, long, double, ArrayView<double>, ArrayView<int>, long>(QrSvdKernels.JacobiAngles);
        var rotate = kernels.Auto<ArrayView<T>, ArrayView<T>, int, long, long, long, ArrayView<double>, long, long>(QrSvdKernels.JacobiRotate<T, TE>);
        ArrayView<T> bv = b.Storage.View<T>(), vv = v.Storage.View<T>();
        ArrayView<double> pv = partials.Storage.View<double>(), rv = rotations.Storage.View<double>();
        ArrayView<int> fv = flag.Storage.View<int>();
        double tolerance = Math.Max(1, Math.Sqrt(n)) * eps;
        long dotTotal = pairs * segments, rotateTotal = pairs * n;
        Index1D dotThreads = rt.Threads(dotTotal), angleThreads = rt.Threads(pairs), rotateThreads = rt.Threads(rotateTotal);
        int sweeps = 0;
        if (n > 1)
        {
            while (sweeps < MaxSweeps)
            {
                sweeps++;
                Creation.FillWith(flag, 0L);
                for (long round = 0; round < rounds; round++)
                {
                    dots(dotThreads, bv, n, players, round, Segment, segments, pv, dotTotal, dotThreads.X);
                    angles(angleThreads, pv, segments, pairs, n, players, round, tolerance, rv, fv, angleThreads.X);
                    rotate(rotateThreads, bv, vv, withV ? 1 : 0, n, players, round, rv, rotateTotal, rotateThreads.X);
                }
                if (flag.ToHost().ToContiguous<int>()[0] == 0) break;
            }
        }
        LastSweeps = sweeps;

        using GpuArray norms = GpuOps.Empty(rt, new Shape(n), DType.Float64);
        using GpuArray order = GpuOps.Empty(rt, new Shape(n), DType.Int32);
        Index1D rowThreads = rt.Threads(n);
        kernels.Auto<ArrayView<T>, long, ArrayView<double>, long>(QrSvdKernels.RowNorms<T, TE>)(rowThreads, bv, n, norms.Storage.View<double>(), rowThreads.X);
        kernels.Auto<ArrayView<double>, long, ArrayView<int>, long>(QrSvdKernels.RankDescending)(rowThreads, norms.Storage.View<double>(), n, order.Storage.View<int>(), rowThreads.X);
        GpuArray s = GpuOps.Empty(rt, new Shape(n), b.DType);
        GpuArray? vh = withV ? GpuOps.Empty(rt, new Shape(n, n), b.DType) : null;
        GpuArray? y = withV ? GpuOps.Empty(rt, new Shape(n, n), b.DType) : null;
        // Rows whose norm is at or below eps² of the largest (in practice: exactly zero) carry no direction.
        double cut = eps * eps;
        var dims = new GatherDims { N = n, K = n, Cut = cut, WithV = withV ? 1 : 0 };
        long gatherTotal = withV ? (long)n * n : n;
        Index1D gatherThreads = rt.Threads(gatherTotal);
        kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<double>, ArrayView<int>, ArrayView<T>, ArrayView<T>, ArrayView<T>, GatherDims, long, long>(QrSvdKernels.JacobiGather<T, TE>)(
            gatherThreads, bv, vv, norms.Storage.View<double>(), order.Storage.View<int>(), s.Storage.View<T>(),
            withV ? vh!.Storage.View<T>() : s.Storage.View<T>(), withV ? y!.Storage.View<T>() : s.Storage.View<T>(), dims, gatherTotal, gatherThreads.X);
        if (withV) Complete<T, TE>(y!, norms, order, cut);
        return (s, vh, y);
    }

    /// <summary>Replaces Y's rows for zero singular values (the last ones) by unit vectors orthogonalized against every row before them (two Gram–Schmidt passes).</summary>
    private static void Complete<T, TE>(GpuArray y, GpuArray norms, GpuArray order, double cut) where T : unmanaged where TE : struct, IGpuElement<T>
    {
        GpuRuntime rt = y.Runtime;
        int n = y.Shape[0];
        using GpuArray count = GpuOps.Empty(rt, new Shape(1), DType.Int32);
        rt.Kernels.Auto<ArrayView<double>, ArrayView<int>, long, double, ArrayView<int>>(QrSvdKernels.CountBelow)(
            1, norms.Storage.View<double>(), order.Storage.View<int>(), n, cut, count.Storage.View<int>());
        int below = count.ToHost().ToContiguous<int>()[0];
        if (below == 0) return;
        using GpuArray residual = GpuOps.Empty(rt, new Shape(n), DType.Float64);
        using GpuArray pick = GpuOps.Empty(rt, new Shape(1), DType.Int32);
        using GpuArray coefficients = GpuOps.Empty(rt, new Shape(n), DType.Float64);
        var kernels = rt.Kernels;
        ArrayView<T> yv = y.Storage.View<T>();
        ArrayView<double> res = residual.Storage.View<double>(), co = coefficients.Storage.View<double>();
        ArrayView<int> pk = pick.Storage.View<int>();
        Index1D threads = rt.Threads(n);
        for (long d = n - below; d < n; d++)
        {
            kernels.Auto<ArrayView<T>, long, long, ArrayView<double>, long>(QrSvdKernels.CompleteResidual<T, TE>)(threads, yv, n, d, res, threads.X);
            kernels.Auto<ArrayView<double>, long, ArrayView<int>>(QrSvdKernels.CompletePick)(1, res, n, pk);
            kernels.Auto<ArrayView<T>, long, long, ArrayView<int>, long>(QrSvdKernels.CompleteProject<T, TE>)(threads, yv, n, d, pk, threads.X);
            if (d > 0)
            {
                Index1D before = rt.Threads(d);
                kernels.Auto<ArrayView<T>, long, long, ArrayView<double>, long>(QrSvdKernels.CompleteCoefficients<T, TE>)(before, yv, n, d, co, before.X);
                kernels.Auto<ArrayView<T>, long, long, ArrayView<double>, long>(QrSvdKernels.CompleteReorthogonalize<T, TE>)(threads, yv, n, d, co, threads.X);
            }
            kernels.Auto<ArrayView<T>, long, long>(QrSvdKernels.CompleteNormalize<T, TE>)(1, yv, n, d);
        }
    }
}
