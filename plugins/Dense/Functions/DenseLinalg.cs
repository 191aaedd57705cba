using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// numpy.linalg for dense arrays, over stacks of matrices (the last two axes), on <see cref="LinalgKernels"/> (native
/// BLAS/LAPACK when loaded, managed otherwise). float32 inputs compute in float32; bool and integers in float64.
/// Each handler declines unless every relevant array is a <see cref="DenseArray"/>.
/// </summary>
public static partial class DenseLinalg
{
    [Implements("linalg.svd")]
    public static DispatchResult<SvdResult> Svd(in SvdArgs args, ReadOnlySpan<Type> types)
    {
        LinalgRules.RequireStack(args.X);
        if (args.X.DType.IsComplex()) return ComplexSvd(args.X, args.FullMatrices, args.ComputeUV);
        DenseArray x = LinalgInput.Prepare(args.X, LinalgInput.ResultType(args.X));
        return x.DType == DType.Float32 ? SvdOf<float>(x, args.FullMatrices, args.ComputeUV) : SvdOf<double>(x, args.FullMatrices, args.ComputeUV);
    }

    private static SvdResult SvdOf<T>(DenseArray x, bool full, bool computeUV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        int k = Math.Min(m, n), uc = full ? m : k, vr = full ? n : k;
        ReadOnlySpan<T> a = x.AsSpan<T>();
        T[] s = new T[count * k];
        T[] u = computeUV ? new T[count * m * uc] : [];
        T[] vt = computeUV ? new T[count * vr * n] : [];
        for (int b = 0; b < count; b++)
        {
            LinalgKernels.Svd(m, n, a.Slice(b * m * n, m * n), s.AsSpan(b * k, k),
                computeUV ? u.AsSpan(b * m * uc, m * uc) : default, computeUV ? vt.AsSpan(b * vr * n, vr * n) : default, full, computeUV);
        }
        DenseArray sv = LinalgInput.Wrap(s, LinalgRules.Join(batch, k));
        return computeUV
            ? new SvdResult(LinalgInput.Wrap(u, LinalgRules.Join(batch, m, uc)), sv, LinalgInput.Wrap(vt, LinalgRules.Join(batch, vr, n)))
            : new SvdResult(null, sv, null);
    }

    [Implements("linalg.qr")]
    public static DispatchResult<QrResult> Qr(in QrArgs args, ReadOnlySpan<Type> types)
    {
        LinalgRules.RequireStack(args.X);
        if (args.X.DType.IsComplex()) return ComplexQr(args.X, args.Mode);
        DenseArray x = LinalgInput.Prepare(args.X, LinalgInput.ResultType(args.X));
        return x.DType == DType.Float32 ? QrOf<float, RealQr<float>>(x, args.Mode) : QrOf<double, RealQr<double>>(x, args.Mode);
    }

    /// <summary>A QR kernel of one m×n matrix (LAPACK's shapes for NumPy's modes), real or complex.</summary>
    internal interface IQrOp<T> where T : unmanaged
    {
        static abstract void Run(int m, int n, ReadOnlySpan<T> a, Span<T> q, Span<T> r, QrMode mode);
    }

    private readonly struct RealQr<T> : IQrOp<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static void Run(int m, int n, ReadOnlySpan<T> a, Span<T> q, Span<T> r, QrMode mode) => LinalgKernels.Qr(m, n, a, q, r, mode);
    }

    /// <summary>QR of every matrix of a contiguous stack of <typeparamref name="T"/> (real or complex), in NumPy's modes.</summary>
    internal static QrResult QrOf<T, TOp>(DenseArray x, QrMode mode) where T : unmanaged where TOp : struct, IQrOp<T>
    {
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        int k = Math.Min(m, n);
        int qc = mode switch { QrMode.Reduced => k, QrMode.Complete => m, _ => 0 };
        int rr = mode == QrMode.Complete ? m : k;
        ReadOnlySpan<T> a = x.AsSpan<T>();
        T[] q = new T[count * m * qc], r = new T[count * rr * n];
        for (int b = 0; b < count; b++)
            TOp.Run(m, n, a.Slice(b * m * n, m * n), q.AsSpan(b * m * qc, m * qc), r.AsSpan(b * rr * n, rr * n), mode);
        GC.KeepAlive(x);
        DenseArray rArr = LinalgInput.Wrap(r, LinalgRules.Join(batch, rr, n));
        return new QrResult(mode == QrMode.R ? null : LinalgInput.Wrap(q, LinalgRules.Join(batch, m, qc)), rArr);
    }

    [Implements("linalg.cholesky")]
    public static DispatchResult<NDArray> Cholesky(in HermitianArgs args, ReadOnlySpan<Type> types)
    {
        // upper=True: U = L'^H with L' the lower factor of A^H, whose lower triangle is A's upper triangle conjugated
        // (LAPACK's potrf with UPLO='U' on A), on every path the lower factor takes.
        if (!args.Upper) return LowerCholesky(args.X);
        LinalgRules.RequireSquareStack(args.X);
        return ConjugateTranspose(LowerCholesky(ConjugateTranspose(args.X)));
    }

    private static NDArray LowerCholesky(NDArray x)
    {
        if (x.DType.IsComplex())
        {
            LinalgRules.RequireSquareStack(x);
            return ComplexCholesky(x);
        }
        LinalgRules.RequireSquareStack(x);
        DenseArray real = LinalgInput.Prepare(x, LinalgInput.ResultType(x));
        return real.DType == DType.Float32 ? Square<float, CholeskyOp<float>>(real) : Square<double, CholeskyOp<double>>(real);
    }

    /// <summary>
    /// The conjugate transpose of each matrix of a square stack, contiguous: its lower triangle is the input's upper
    /// triangle conjugated, so the lower-triangle kernels read the upper triangle through it (UPLO='U', upper=True).
    /// The conjugation flips the sign of the diagonal's imaginary parts, which Hermitian kernels do not read.
    /// </summary>
    private static DenseArray ConjugateTranspose(NDArray input)
    {
        var x = (DenseArray)input;
        int[] perm = new int[x.Rank];
        for (int i = 0; i < perm.Length; i++) perm[i] = i;
        (perm[^1], perm[^2]) = (perm[^2], perm[^1]);
        DenseArray t = Views.Transpose(x, perm);
        return x.DType.IsComplex()
            ? Copy.Contiguous((DenseArray)DenseUfuncs.Call(ArrayFunctions.Conj, new UnaryArgs(t)))
            : Copy.Contiguous(t);
    }

    [Implements("linalg.inv")]
    public static DispatchResult<NDArray> Inv(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (args.X.DType.IsComplex())
        {
            LinalgRules.RequireSquareStack(args.X);
            return ComplexInverse(args.X);
        }
        LinalgRules.RequireSquareStack(args.X);
        DenseArray x = LinalgInput.Prepare(args.X, LinalgInput.ResultType(args.X));
        return x.DType == DType.Float32 ? Square<float, InverseOp<float>>(x) : Square<double, InverseOp<double>>(x);
    }

    [Implements("linalg.det")]
    public static DispatchResult<NDArray> Det(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        var (sign, log) = SlogdetOf(args.X);
        if (sign.DType.IsComplex())
        {
            // sign · exp(log|det|), as NumPy's det of complex matrices
            var det = (DenseArray)DenseUfuncs.Call(ArrayFunctions.Multiply, new BinaryArgs(sign, DenseUfuncs.Call(ArrayFunctions.Exp, new UnaryArgs(log))));
            return Copy.As(det, sign.DType);
        }
        return sign.DType == DType.Float32 ? DetFrom<float>(sign, log) : DetFrom<double>(sign, log);
    }

    private static DenseArray DetFrom<T>(DenseArray sign, DenseArray log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> s = sign.AsSpan<T>(), l = log.AsSpan<T>();
        T[] det = new T[s.Length];
        for (int i = 0; i < det.Length; i++) det[i] = s[i] * T.Exp(l[i]);
        return LinalgInput.Wrap(det, sign.Shape);
    }

    [Implements("linalg.slogdet")]
    public static DispatchResult<SlogdetResult> Slogdet(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        var (sign, log) = SlogdetOf(args.X);
        return new SlogdetResult(sign, log);
    }

    private static (DenseArray Sign, DenseArray Log) SlogdetOf(NDArray input)
    {
        LinalgRules.RequireSquareStack(input);
        if (input.DType.IsComplex()) return ComplexSlogdet(input);
        DenseArray x = LinalgInput.Prepare(input, LinalgInput.ResultType(input));
        return x.DType == DType.Float32 ? SlogdetOf<float>(x) : SlogdetOf<double>(x);
    }

    private static (DenseArray, DenseArray) SlogdetOf<T>(DenseArray x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (batch, count, n, _) = LinalgRules.Split(x.Shape);
        ReadOnlySpan<T> a = x.AsSpan<T>();
        T[] sign = new T[count], log = new T[count];
        for (int b = 0; b < count; b++) (sign[b], log[b]) = LinalgKernels.Slogdet(n, a.Slice(b * n * n, n * n));
        Shape shape = new(batch);
        return (LinalgInput.Wrap(sign, shape), LinalgInput.Wrap(log, shape));
    }

    [Implements("linalg.eig")]
    public static DispatchResult<EigResult> Eig(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        var (w, v) = EigOf(args.X, true);
        return new EigResult(w, v!);
    }

    [Implements("linalg.eigvals")]
    public static DispatchResult<NDArray> Eigvals(in ArrayArgs args, ReadOnlySpan<Type> types) =>
        EigOf(args.X, false).W;

    [Implements("linalg.eigh")]
    public static DispatchResult<EighResult> Eigh(in HermitianArgs args, ReadOnlySpan<Type> types)
    {
        var (w, v) = EighOf(args.X, args.Upper, true);
        return new EighResult(w, v!);
    }

    [Implements("linalg.eigvalsh")]
    public static DispatchResult<NDArray> Eigvalsh(in HermitianArgs args, ReadOnlySpan<Type> types)
    {
        return EighOf(args.X, args.Upper, false).W;
    }

    // UPLO='U': A^H holds A's upper triangle (conjugated) in its lower one and is the same Hermitian matrix, so the
    // lower-triangle kernels (LAPACK's and the managed ones) answer for it unchanged.
    private static (DenseArray W, DenseArray? V) EighOf(NDArray input, bool upper, bool computeV)
    {
        if (upper)
        {
            LinalgRules.RequireSquareStack(input);
            input = ConjugateTranspose(input);
        }
        if (!input.DType.IsComplex()) return Eigen<SymmetricEigen>(input, computeV);
        LinalgRules.RequireSquareStack(input);
        return ComplexEigh(input, computeV);
    }

    // NumPy's eig: a real result when every matrix of a real stack has a real spectrum, else complex (complex64 for
    // float32 input, complex128 otherwise), from the complex Schur form; complex input always answers complex.
    private static (DenseArray W, DenseArray? V) EigOf(NDArray input, bool computeV)
    {
        LinalgRules.RequireSquareStack(input);
        if (!input.DType.IsComplex())
        {
            DenseArray x = LinalgInput.Prepare(input, LinalgInput.ResultType(input));
            var real = x.DType == DType.Float32 ? TryRealEig<float>(x, computeV) : TryRealEig<double>(x, computeV);
            if (real is { } r) return r;
        }
        return ComplexEig(input, computeV);
    }

    private static (DenseArray W, DenseArray? V)? TryRealEig<T>(DenseArray x, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (batch, count, n, _) = LinalgRules.Split(x.Shape);
        ReadOnlySpan<T> a = x.AsSpan<T>();
        T[] w = new T[count * n], v = computeV ? new T[count * n * n] : [];
        for (int b = 0; b < count; b++)
        {
            if (!LinalgKernels.TryEig(n, a.Slice(b * n * n, n * n), w.AsSpan(b * n, n), computeV ? v.AsSpan(b * n * n, n * n) : default, computeV, out _)) return null;
        }
        return (LinalgInput.Wrap(w, LinalgRules.Join(batch, n)), computeV ? LinalgInput.Wrap(v, LinalgRules.Join(batch, n, n)) : null);
    }

    private static (DenseArray W, DenseArray? V) ComplexEig(NDArray input, bool computeV)
    {
        DType t = ComplexLinalg.ResultType(input);
        var (batch, count, n, _) = LinalgRules.Split(input.Shape);
        System.Numerics.Complex[] a = ComplexLinalg.Values(input);
        foreach (System.Numerics.Complex c in a)
        {
            if (!System.Numerics.Complex.IsFinite(c)) throw new LinAlgException("Array must not contain infs or NaNs");
        }
        var w = new System.Numerics.Complex[count * n];
        var v = computeV ? new System.Numerics.Complex[count * n * n] : [];
        for (int b = 0; b < count; b++)
            ComplexLinalg.Eig(n, a.AsSpan(b * n * n, n * n), w.AsSpan(b * n, n), computeV ? v.AsSpan(b * n * n, n * n) : default, computeV);
        return (ComplexLinalg.Wrap(w, LinalgRules.Join(batch, n), t), computeV ? ComplexLinalg.Wrap(v, LinalgRules.Join(batch, n, n), t) : null);
    }

    private static (DenseArray W, DenseArray? V) Eigen<TKernel>(NDArray input, bool computeV) where TKernel : struct, IEigenKernel
    {
        LinalgRules.RequireSquareStack(input);
        DenseArray x = LinalgInput.Prepare(input, LinalgInput.ResultType(input));
        return x.DType == DType.Float32 ? Eigen<TKernel, float>(x, computeV) : Eigen<TKernel, double>(x, computeV);
    }

    private static (DenseArray, DenseArray?) Eigen<TKernel, T>(DenseArray x, bool computeV) where TKernel : struct, IEigenKernel where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (batch, count, n, _) = LinalgRules.Split(x.Shape);
        ReadOnlySpan<T> a = x.AsSpan<T>();
        T[] w = new T[count * n], v = computeV ? new T[count * n * n] : [];
        for (int b = 0; b < count; b++)
            TKernel.Run(n, a.Slice(b * n * n, n * n), w.AsSpan(b * n, n), computeV ? v.AsSpan(b * n * n, n * n) : default, computeV);
        return (LinalgInput.Wrap(w, LinalgRules.Join(batch, n)), computeV ? LinalgInput.Wrap(v, LinalgRules.Join(batch, n, n)) : null);
    }

    /// <summary>An eigen-decomposition of one n×n matrix: values into w, vectors (columns) into v.</summary>
    private interface IEigenKernel
    {
        static abstract void Run<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>;
    }

    private readonly struct SymmetricEigen : IEigenKernel
    {
        public static void Run<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T> =>
            LinalgKernels.Eigh(n, a, w, v, computeV);
    }

    /// <summary>An n×n → n×n kernel applied to each matrix of a square stack.</summary>
    /// <summary>A kernel from one n×n matrix to one n×n matrix (inverse, Cholesky), real or complex.</summary>
    internal interface ISquareOp<T> where T : unmanaged
    {
        static abstract void Run(int n, ReadOnlySpan<T> a, Span<T> result);
    }

    private readonly struct CholeskyOp<T> : ISquareOp<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static void Run(int n, ReadOnlySpan<T> a, Span<T> result) => LinalgKernels.Cholesky(n, a, result);
    }

    private readonly struct InverseOp<T> : ISquareOp<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        public static void Run(int n, ReadOnlySpan<T> a, Span<T> result) => LinalgKernels.Inverse(n, a, result);
    }

    /// <summary>Runs <typeparamref name="TOp"/> on every matrix of a contiguous square stack of <typeparamref name="T"/>.</summary>
    internal static DenseArray Square<T, TOp>(DenseArray x) where T : unmanaged where TOp : struct, ISquareOp<T>
    {
        var (_, count, n, _) = LinalgRules.Split(x.Shape);
        ReadOnlySpan<T> a = x.AsSpan<T>();
        T[] result = new T[count * n * n];
        for (int b = 0; b < count; b++) TOp.Run(n, a.Slice(b * n * n, n * n), result.AsSpan(b * n * n, n * n));
        GC.KeepAlive(x);
        return LinalgInput.Wrap(result, x.Shape);
    }
}
