using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// numpy.linalg's QR family on Gpu arrays, all on the device: qr (<see cref="GpuQr"/>), svd and svdvals
/// (<see cref="GpuSvd"/>), and what rests on them: lstsq, pinv, matrix_rank, norm (and so matrix_norm/vector_norm, which
/// the protocol composes from norm). Dense's argument rules and errors: stacks of matrices in the last two axes (lstsq:
/// one matrix), float32 computes in float32, bool and integers in float64, float16 is refused (except by norm, which
/// answers in float16 as NumPy), complex is declined by declaration.
/// </summary>
internal static class QrSvdHandlers
{
    private static readonly FunctionSupport s_real = new() { DTypes = DTypeSet.Real, Reason = "the Gpu has no complex linalg kernels yet" };

    public static void Register(IBackendBuilder backend, GpuDevice device)
    {
        _ = device;
        foreach (ArrayFunction f in (ArrayFunction[])[ArrayFunctions.Qr, ArrayFunctions.Svd, ArrayFunctions.Lstsq, ArrayFunctions.Pinv, ArrayFunctions.MatrixRank, ArrayFunctions.Norm])
        {
            backend.Declare(f, s_real);
        }
        backend.Implement(ArrayFunctions.Qr, (in QrArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.qr") ? Qr((GpuArray)args.X, args.Mode) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Svd, (in SvdArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.svd") ? Svd((GpuArray)args.X, args.FullMatrices, args.ComputeUV) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Lstsq, (in ToleranceArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.lstsq") ? Lstsq((GpuArray)args.X, args.B, args.Tolerance) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Pinv, (in ToleranceArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.pinv") ? Pinv((GpuArray)args.X, args.Tolerance) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.MatrixRank, (in ToleranceArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.matrix_rank") ? MatrixRank((GpuArray)args.X, args.Tolerance) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Norm, (in NormArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.norm") ? GpuNorm.Norm((GpuArray)args.X, args.Ord, args.Axis, args.KeepDims) : NotImplemented.Value);
    }

    // ---------------------------------------------------------------- input rules (Dense's LinalgInput)

    /// <summary>
    /// NumPy's linalg dtype for real inputs (the protocol's <see cref="LinalgRules.ResultType"/>: float32 when every input
    /// is float32, else float64; float16 refused with NumPy's message); complex inputs are declined, naming the dtype.
    /// </summary>
    public static DType ResultType(params ReadOnlySpan<GpuArray?> arrays)
    {
        foreach (GpuArray? a in arrays)
        {
            if (a is not null && a.DType.IsComplex()) throw GpuDTypes.Unsupported(a.DType, "linalg");
        }
        var inputs = new NDArray?[arrays.Length];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = arrays[i];
        return LinalgRules.ResultType(inputs);
    }

    /// <summary>The array in <paramref name="dtype"/>, C-contiguous (a new reference when it already is).</summary>
    public static GpuArray Prepare(GpuArray x, DType dtype) => x.DType == dtype ? GpuOps.Contiguous(x) : GpuOps.Convert(x, dtype);

    public static double Eps(DType dtype) => dtype == DType.Float32 ? 1.1920928955078125e-7 : 2.220446049250313e-16;

    /// <summary>Matrix <paramref name="index"/> of a C-contiguous stack whose matrices are rows × cols, as a view.</summary>
    public static GpuArray Matrix(GpuArray stack, int index, int rows, int cols) =>
        stack.View(new Shape(rows, cols), [cols, 1], stack.Offset + (long)index * rows * cols);

    /// <summary>Throws <see cref="LinAlgException"/> with <paramref name="message"/> when any element is NaN or infinite (LAPACK's failure, as Dense checks it).</summary>
    public static void RequireFinite(GpuArray x, string message)
    {
        if (x.Size == 0) return;
        using GpuArray flags = GpuOps.MapWith(UfuncKernels.Predicate<Ufuncs.IsFiniteOp>(x.DType), x, x.DType);
        using GpuArray ints = GpuOps.Convert(flags, DType.Int32);
        using GpuArray all = Reductions.Reduce(typeof(MinimumOp<>), ints, Axes.All, false);
        if (all.ToHost().ToContiguous<int>()[0] == 0) throw new LinAlgException(message);
    }

    // ---------------------------------------------------------------- qr

    public static QrResult Qr(GpuArray input, QrMode mode)
    {
        LinalgRules.RequireStack(input);
        using GpuArray x = Prepare(input, ResultType(input));
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        int k = Math.Min(m, n);
        int qc = mode switch { QrMode.Reduced => k, QrMode.Complete => m, QrMode.R => 0, _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown QR mode") };
        int rr = mode == QrMode.Complete ? m : k;
        GpuArray r = GpuOps.Empty(x.Runtime, LinalgRules.Join(batch, rr, n), x.DType);
        GpuArray? q = mode == QrMode.R ? null : GpuOps.Empty(x.Runtime, LinalgRules.Join(batch, m, qc), x.DType);
        try
        {
            for (int b = 0; b < count; b++)
            {
                using GpuArray a = Matrix(x, b, m, n);
                using GpuQr.Factorization f = GpuQr.Factor(a, keepPanels: q is not null);
                using (GpuArray rb = GpuQr.R(f, rr))
                using (GpuArray target = Matrix(r, b, rr, n))
                    GpuOps.CopyInto(rb, target);
                if (q is null) continue;
                using GpuArray qb = GpuQr.FormQ(f, qc);
                using GpuArray qt = Matrix(q, b, m, qc);
                GpuOps.CopyInto(qb, qt);
            }
            return new QrResult(q, r);
        }
        catch
        {
            r.Dispose();
            q?.Dispose();
            throw;
        }
    }

    // ---------------------------------------------------------------- svd

    public static SvdResult Svd(GpuArray input, bool full, bool computeUV)
    {
        LinalgRules.RequireStack(input);
        using GpuArray x = Prepare(input, ResultType(input));
        RequireFinite(x, "SVD did not converge");
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        int k = Math.Min(m, n), uc = full ? m : k, vr = full ? n : k;
        GpuRuntime rt = x.Runtime;
        GpuArray s = GpuOps.Empty(rt, LinalgRules.Join(batch, k), x.DType);
        GpuArray? u = computeUV ? GpuOps.Empty(rt, LinalgRules.Join(batch, m, uc), x.DType) : null;
        GpuArray? vh = computeUV ? GpuOps.Empty(rt, LinalgRules.Join(batch, vr, n), x.DType) : null;
        try
        {
            for (int b = 0; b < count; b++)
            {
                using GpuArray a = Matrix(x, b, m, n);
                var (ub, sb, vb) = GpuSvd.Decompose(a, full, computeUV);
                using (ub) using (sb) using (vb)
                {
                    using (GpuArray st = s.View(new Shape(k), [1], s.Offset + (long)b * k)) GpuOps.CopyInto(sb, st);
                    if (!computeUV) continue;
                    using (GpuArray ut = Matrix(u!, b, m, uc)) GpuOps.CopyInto(ub!, ut);
                    using (GpuArray vt = Matrix(vh!, b, vr, n)) GpuOps.CopyInto(vb!, vt);
                }
            }
            return new SvdResult(u, s, vh);
        }
        catch
        {
            s.Dispose();
            u?.Dispose();
            vh?.Dispose();
            throw;
        }
    }

    /// <summary>The singular values of every matrix of a prepared stack, as (count, k).</summary>
    internal static GpuArray SingularValues(GpuArray x, int count, int m, int n)
    {
        int k = Math.Min(m, n);
        GpuArray s = GpuOps.Empty(x.Runtime, new Shape(count, k), x.DType);
        for (int b = 0; b < count; b++)
        {
            using GpuArray a = Matrix(x, b, m, n);
            var (_, sb, _) = GpuSvd.Decompose(a, false, false);
            using (sb)
            using (GpuArray st = s.View(new Shape(k), [1], s.Offset + (long)b * k))
                GpuOps.CopyInto(sb, st);
        }
        return s;
    }

    // ---------------------------------------------------------------- lstsq, pinv, matrix_rank

    /// <summary>The minimum-norm least-squares solution through the SVD (itself through QR): x = Vhᵀ diag(1/s) Uᵀ b over the singular values above rcond·s[0] (NumPy's gelsd).</summary>
    public static LstsqResult Lstsq(GpuArray aInput, NDArray? bArg, double? rcondArg)
    {
        var bInput = (GpuArray)(bArg ?? throw new ArgumentNullException(nameof(bArg), "lstsq needs the right-hand side b"));
        if (aInput.Rank != 2) throw new LinAlgException($"{aInput.Rank}-dimensional array given. Array must be two-dimensional");
        if (bInput.Rank is not (1 or 2)) throw new LinAlgException($"{bInput.Rank}-dimensional array given. Array must be one or two-dimensional");
        if (bInput.Shape[0] != aInput.Shape[0]) throw new LinAlgException("Incompatible dimensions");
        DType t = ResultType(aInput, bInput);
        using GpuArray a = Prepare(aInput, t);
        using GpuArray b = Prepare(bInput, t);
        int m = a.Shape[0], n = a.Shape[1], k = Math.Min(m, n);
        bool vector = b.Rank == 1;
        int nrhs = vector ? 1 : b.Shape[1];
        if (k > 0) RequireFinite(a, "SVD did not converge in Linear Least Squares");
        double rcond = rcondArg ?? Eps(t) * Math.Max(m, n);
        if (rcond < 0) rcond = Eps(t);
        GpuRuntime rt = a.Runtime;
        var (u, s, vh) = GpuSvd.Decompose(a, false, true);
        using (u) using (vh)
        {
            try
            {
                int rank = (int)CountAbove(s, 1, k, rcond, relative: true).Single();
                using GpuArray b2 = b.View(new Shape(m, nrhs), [nrhs, 1], b.Offset);
                using GpuArray ut = GpuQr.Transposed(u!);
                using GpuArray utb = MatMul.Compute(ut, b2);
                ScaleRowsByInverse(utb, s, 0, rcond, relative: true);
                using GpuArray vht = GpuQr.Transposed(vh!);
                GpuArray x = MatMul.Compute(vht, utb);
                GpuArray residuals;
                if (rank == n && m > n)
                {
                    using GpuArray ax = MatMul.Compute(a, x);
                    using GpuArray r = GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.SubtractOp>(t), b2, ax, t);
                    using GpuArray r2 = GpuOps.MapWith(UfuncKernels.Unary<Ufuncs.SquareOp>(t), r, t);
                    residuals = Reductions.Reduce(typeof(SumOp<>), r2, Axes.Of(0), false);
                }
                else
                {
                    residuals = GpuOps.Empty(rt, new Shape(0), t);
                }
                if (vector)
                {
                    GpuArray matrix = x;
                    x = matrix.View(new Shape(n), [1], matrix.Offset);
                    matrix.Dispose();
                }
                return new LstsqResult(x, residuals, rank, s);
            }
            catch
            {
                s.Dispose();
                throw;
            }
        }
    }

    /// <summary>The Moore–Penrose pseudo-inverse (..., n, m): Vhᵀ diag(1/s) Uᵀ, singular values at or below rcond·s[0] (default 1e-15) counting as zero.</summary>
    public static GpuArray Pinv(GpuArray input, double? rcondArg)
    {
        if (LinalgRules.IsEmptyPinv(input, out Shape empty)) return GpuOps.Empty(input.Runtime, empty, input.DType);
        double rcond = rcondArg ?? 1e-15;
        using GpuArray x = Prepare(input, ResultType(input));
        RequireFinite(x, "SVD did not converge");
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        GpuArray result = GpuOps.Empty(x.Runtime, LinalgRules.Join(batch, n, m), x.DType);
        try
        {
            for (int b = 0; b < count; b++)
            {
                using GpuArray a = Matrix(x, b, m, n);
                var (u, s, vh) = GpuSvd.Decompose(a, false, true);
                using (u) using (s) using (vh)
                {
                    using GpuArray utView = GpuQr.Transposed(u!);
                    using GpuArray ut = GpuOps.Copy(utView);
                    ScaleRowsByInverse(ut, s, 0, rcond, relative: true);
                    using GpuArray vht = GpuQr.Transposed(vh!);
                    using GpuArray p = MatMul.Compute(vht, ut);
                    using GpuArray target = Matrix(result, b, n, m);
                    GpuOps.CopyInto(p, target);
                }
            }
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>The number of singular values above tol (default s[0]·max(m, n)·eps) per matrix, int64; below two dimensions, 1 unless all zero.</summary>
    public static GpuArray MatrixRank(GpuArray input, double? tol)
    {
        LinalgRules.RequireSingularValuesForDefaultTolerance(input, tol);
        DType t = ResultType(input);
        GpuRuntime rt = input.Runtime;
        if (input.Rank < 2)
        {
            if (input.Size == 0) return Creation.Full(rt, Shape.Scalar, DType.Int64, 0L);
            using GpuArray flags = GpuOps.Map(typeof(NotZeroOp<>), input, input.DType);
            using GpuArray any = Reductions.Reduce(typeof(MaximumOp<>), flags, Axes.All, false);
            return GpuOps.Convert(any, DType.Int64);
        }
        using GpuArray x = Prepare(input, t);
        RequireFinite(x, "SVD did not converge");
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        int k = Math.Min(m, n);
        using GpuArray s = SingularValues(x, count, m, n);
        GpuArray ranks = GpuOps.Empty(rt, new Shape(batch), DType.Int64);
        LaunchCountAbove(s, count, k, tol ?? Math.Max(m, n) * Eps(t), relative: tol is null, ranks);
        return ranks;
    }

    // ---------------------------------------------------------------- small launches

    private static void ScaleRowsByInverse(GpuArray x, GpuArray s, long sOffset, double cut, bool relative)
    {
        if (x.Size == 0) return;
        GpuRuntime rt = x.Runtime;
        long total = x.Size, cols = x.Shape[1];
        Index1D threads = rt.Threads(total);
        if (x.DType == DType.Float32)
        {
            rt.Kernels.Auto<ArrayView<float>, long, ArrayView<float>, long, double, int, long, long>(QrSvdKernels.ScaleRowsByInverse<float, Float32Element>)(
                threads, x.Storage.View<float>(), cols, s.Storage.View<float>().SubView(s.Offset), sOffset, cut, relative ? 1 : 0, total, threads.X);
        }
        else
        {
            rt.Kernels.Auto<ArrayView<double>, long, ArrayView<double>, long, double, int, long, long>(QrSvdKernels.ScaleRowsByInverse<double, Float64Element>)(
                threads, x.Storage.View<double>(), cols, s.Storage.View<double>().SubView(s.Offset), sOffset, cut, relative ? 1 : 0, total, threads.X);
        }
    }

    private static void LaunchCountAbove(GpuArray s, int count, int k, double cut, bool relative, GpuArray ranks)
    {
        if (count == 0) return;
        GpuRuntime rt = s.Runtime;
        Index1D threads = rt.Threads(count);
        if (s.DType == DType.Float32)
        {
            rt.Kernels.Auto<ArrayView<float>, long, long, double, int, ArrayView<long>, long>(QrSvdKernels.CountAbove<float, Float32Element>)(
                threads, s.Storage.View<float>().SubView(s.Offset), k, count, cut, relative ? 1 : 0, ranks.Storage.View<long>(), threads.X);
        }
        else
        {
            rt.Kernels.Auto<ArrayView<double>, long, long, double, int, ArrayView<long>, long>(QrSvdKernels.CountAbove<double, Float64Element>)(
                threads, s.Storage.View<double>().SubView(s.Offset), k, count, cut, relative ? 1 : 0, ranks.Storage.View<long>(), threads.X);
        }
    }

    /// <summary>The counts of <see cref="LaunchCountAbove"/>, downloaded (lstsq returns its rank as an int).</summary>
    private static long[] CountAbove(GpuArray s, int count, int k, double cut, bool relative)
    {
        using GpuArray ranks = GpuOps.Empty(s.Runtime, new Shape(count), DType.Int64);
        LaunchCountAbove(s, count, k, cut, relative, ranks);
        return ranks.ToHost().ToContiguous<long>();
    }
}
