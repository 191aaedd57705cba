using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Functions;
using ArrayDispatch.Ufuncs;
using C = System.Numerics.Complex;

namespace ArrayDispatch.Dense.Functions;

// Complex inputs of svd, qr, cholesky, eigh/eigvalsh, lstsq, pinv, matrix_rank and norm's singular-value orders, on
// the complex kernels of LinalgKernels (LAPACK's z/c routines, or managed), generic over the element type TC and its
// real type TR. As NumPy: complex64 (Complex64, float) when every input is complex64 or float32, else complex128
// (Complex, double); singular values, Hermitian eigenvalues, residuals and norms answer in the real dtype.
public static partial class DenseLinalg
{
    // Runs f for the linalg precision of the inputs: (Complex64, float) or (Complex, double).
    private static TResult ByPrecision<TResult>(DType complexType, IComplexCall<TResult> f) =>
        complexType == DType.Complex64 ? f.Run<Complex64, float>(complexType) : f.Run<C, double>(complexType);

    private interface IComplexCall<TResult>
    {
        TResult Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>;
    }

    // The input as a C-contiguous array of the complex linalg dtype (broadcast to `shape` when given).
    private static DenseArray ComplexInput(NDArray x, DType t, Shape? shape = null)
    {
        if (shape is not { } target || target == x.Shape) return Copy.As((DenseArray)x, t).EnsureContiguous();
        DenseArray result = DenseArray.Create(t, target);
        Copy.Into((DenseArray)x, result);
        return result;
    }

    private readonly record struct SolveCall(NDArray A, NDArray B, int[] Batch, int N, int Nrhs, bool Vector) : IComplexCall<DenseArray>
    {
        public DenseArray Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
        {
            int n = N, nrhs = Nrhs;
            Shape bShape = Vector ? LinalgRules.Join(Batch, n) : LinalgRules.Join(Batch, n, nrhs);
            DenseArray ax = ComplexInput(A, t, LinalgRules.Join(Batch, n, n)), bx = ComplexInput(B, t, bShape);
            ReadOnlySpan<TC> av = ax.AsSpan<TC>(), bv = bx.AsSpan<TC>();
            int count = n == 0 ? 0 : av.Length / (n * n);
            var x = new TC[bv.Length];
            for (int i = 0; i < count; i++)
                LinalgKernels.ComplexSolve(n, nrhs, av.Slice(i * n * n, n * n), bv.Slice(i * n * nrhs, n * nrhs), x.AsSpan(i * n * nrhs, n * nrhs));
            GC.KeepAlive(ax);
            GC.KeepAlive(bx);
            return LinalgInput.Wrap(x, bShape);
        }
    }

    private static DenseArray ComplexSolve(NDArray a, NDArray b, int[] batch, int n, int nrhs, bool vector) =>
        ByPrecision(ComplexLinalg.ResultType(a, b), new SolveCall(a, b, batch, n, nrhs, vector));

    private readonly record struct InverseCall(NDArray Input) : IComplexCall<DenseArray>
    {
        public DenseArray Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR> =>
            Square<TC, ComplexInverseOp<TC>>(ComplexInput(Input, t));
    }

    private readonly struct ComplexInverseOp<TC> : ISquareOp<TC> where TC : unmanaged, INumberBase<TC>
    {
        public static void Run(int n, ReadOnlySpan<TC> a, Span<TC> result) => LinalgKernels.ComplexInverse(n, a, result);
    }

    private static DenseArray ComplexInverse(NDArray input) => ByPrecision(ComplexLinalg.ResultType(input), new InverseCall(input));

    // A complex sign of modulus 1 and a real log|det| (float32 for complex64, as NumPy).
    private readonly record struct SlogdetCall(NDArray Input) : IComplexCall<(DenseArray, DenseArray)>
    {
        public (DenseArray, DenseArray) Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
        {
            DenseArray x = ComplexInput(Input, t);
            var (batch, count, n, _) = LinalgRules.Split(x.Shape);
            ReadOnlySpan<TC> a = x.AsSpan<TC>();
            var sign = new C[count];
            var log = new double[count];
            for (int b = 0; b < count; b++) (sign[b], log[b]) = LinalgKernels.ComplexSlogdet(n, a.Slice(b * n * n, n * n));
            GC.KeepAlive(x);
            Shape shape = new(batch);
            return (ComplexLinalg.Wrap(sign, shape, t), Copy.As(DenseArray.Wrap(log, shape), t.RealPart()));
        }
    }

    private static (DenseArray Sign, DenseArray Log) ComplexSlogdet(NDArray input) => ByPrecision(ComplexLinalg.ResultType(input), new SlogdetCall(input));

    private static double ComplexEps(DType complexType) => LinalgInput.Eps(complexType == DType.Complex64 ? DType.Float32 : DType.Float64);

    private readonly record struct SvdCall(NDArray Input, bool Full, bool ComputeUV) : IComplexCall<SvdResult>
    {
        public SvdResult Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
        {
            DenseArray x = ComplexInput(Input, t);
            var (batch, count, m, n) = LinalgRules.Split(x.Shape);
            int k = Math.Min(m, n), uc = Full ? m : k, vr = Full ? n : k;
            ReadOnlySpan<TC> a = x.AsSpan<TC>();
            var s = new TR[count * k];
            TC[] u = ComputeUV ? new TC[count * m * uc] : [], vt = ComputeUV ? new TC[count * vr * n] : [];
            for (int b = 0; b < count; b++)
            {
                LinalgKernels.ComplexSvd(m, n, a.Slice(b * m * n, m * n), s.AsSpan(b * k, k),
                    ComputeUV ? u.AsSpan(b * m * uc, m * uc) : default, ComputeUV ? vt.AsSpan(b * vr * n, vr * n) : default, Full, ComputeUV);
            }
            GC.KeepAlive(x);
            DenseArray sv = LinalgInput.Wrap(s, LinalgRules.Join(batch, k));
            return ComputeUV
                ? new SvdResult(LinalgInput.Wrap(u, LinalgRules.Join(batch, m, uc)), sv, LinalgInput.Wrap(vt, LinalgRules.Join(batch, vr, n)))
                : new SvdResult(null, sv, null);
        }
    }

    private static SvdResult ComplexSvd(NDArray input, bool full, bool computeUV) =>
        ByPrecision(ComplexLinalg.ResultType(input), new SvdCall(input, full, computeUV));

    private readonly record struct QrCall(NDArray Input, QrMode Mode) : IComplexCall<QrResult>
    {
        public QrResult Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR> =>
            QrOf<TC, ComplexQrOp<TC>>(ComplexInput(Input, t), Mode);
    }

    private readonly struct ComplexQrOp<TC> : IQrOp<TC> where TC : unmanaged, INumberBase<TC>
    {
        public static void Run(int m, int n, ReadOnlySpan<TC> a, Span<TC> q, Span<TC> r, QrMode mode) => LinalgKernels.ComplexQr(m, n, a, q, r, mode);
    }

    private static QrResult ComplexQr(NDArray input, QrMode mode) => ByPrecision(ComplexLinalg.ResultType(input), new QrCall(input, mode));

    private readonly record struct CholeskyCall(NDArray Input) : IComplexCall<DenseArray>
    {
        public DenseArray Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR> =>
            Square<TC, ComplexCholeskyOp<TC>>(ComplexInput(Input, t));
    }

    private readonly struct ComplexCholeskyOp<TC> : ISquareOp<TC> where TC : unmanaged, INumberBase<TC>
    {
        public static void Run(int n, ReadOnlySpan<TC> a, Span<TC> result) => LinalgKernels.ComplexCholesky(n, a, result);
    }

    private static DenseArray ComplexCholesky(NDArray input) => ByPrecision(ComplexLinalg.ResultType(input), new CholeskyCall(input));

    private readonly record struct EighCall(NDArray Input, bool ComputeV) : IComplexCall<(DenseArray, DenseArray?)>
    {
        public (DenseArray, DenseArray?) Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
        {
            DenseArray x = ComplexInput(Input, t);
            var (batch, count, n, _) = LinalgRules.Split(x.Shape);
            ReadOnlySpan<TC> a = x.AsSpan<TC>();
            var w = new TR[count * n];
            TC[] v = ComputeV ? new TC[count * n * n] : [];
            for (int b = 0; b < count; b++)
                LinalgKernels.ComplexEigh(n, a.Slice(b * n * n, n * n), w.AsSpan(b * n, n), ComputeV ? v.AsSpan(b * n * n, n * n) : default, ComputeV);
            GC.KeepAlive(x);
            return (LinalgInput.Wrap(w, LinalgRules.Join(batch, n)), ComputeV ? LinalgInput.Wrap(v, LinalgRules.Join(batch, n, n)) : null);
        }
    }

    private static (DenseArray W, DenseArray? V) ComplexEigh(NDArray input, bool computeV) =>
        ByPrecision(ComplexLinalg.ResultType(input), new EighCall(input, computeV));

    private readonly record struct LstsqCall(NDArray A, NDArray B, double? Rcond) : IComplexCall<LstsqResult>
    {
        public LstsqResult Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
        {
            DenseArray ax = ComplexInput(A, t), bx = ComplexInput(B, t);
            int m = ax.Shape[0], n = ax.Shape[1], k = Math.Min(m, n);
            bool vector = bx.Rank == 1;
            int nrhs = vector ? 1 : bx.Shape[1];
            ReadOnlySpan<TC> av = ax.AsSpan<TC>(), bv = bx.AsSpan<TC>();
            var x = new TC[n * nrhs];
            var s = new TR[k];
            double rcond = Rcond ?? ComplexEps(t) * Math.Max(m, n);
            int rank = LinalgKernels.ComplexLstsq(m, n, nrhs, av, bv, x, s, TR.CreateTruncating(rcond));
            TR[] residuals = [];
            if (rank == n && m > n)
            {
                // ‖b − a x‖² per column (accumulated in double, rounded once).
                var sums = new double[nrhs];
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < nrhs; j++)
                    {
                        C r = ComplexFunctions.Widen(bv[i * nrhs + j]);
                        for (int p = 0; p < n; p++) r -= ComplexFunctions.Widen(av[i * n + p]) * ComplexFunctions.Widen(x[p * nrhs + j]);
                        sums[j] += r.Real * r.Real + r.Imaginary * r.Imaginary;
                    }
                residuals = sums.Select(TR.CreateTruncating).ToArray();
            }
            GC.KeepAlive(ax);
            GC.KeepAlive(bx);
            DenseArray xs = LinalgInput.Wrap(x, vector ? new Shape(n) : new Shape(n, nrhs));
            return new LstsqResult(xs, LinalgInput.Wrap(residuals, new Shape(residuals.Length)), rank, LinalgInput.Wrap(s, new Shape(k)));
        }
    }

    private static LstsqResult ComplexLstsq(NDArray a, NDArray b, double? rcond) =>
        ByPrecision(ComplexLinalg.ResultType(a, b), new LstsqCall(a, b, rcond));

    private readonly record struct PinvCall(NDArray Input, double Rcond) : IComplexCall<DenseArray>
    {
        public DenseArray Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
        {
            DenseArray x = ComplexInput(Input, t);
            var (batch, count, m, n) = LinalgRules.Split(x.Shape);
            int k = Math.Min(m, n);
            ReadOnlySpan<TC> a = x.AsSpan<TC>();
            var result = new C[count * n * m];
            var s = new TR[k];
            TC[] u = new TC[m * k], vt = new TC[k * n];
            for (int b = 0; b < count; b++)
            {
                LinalgKernels.ComplexSvd(m, n, a.Slice(b * m * n, m * n), s, u, vt, false, true);
                double cutoff = k == 0 ? 0 : Rcond * double.CreateTruncating(s[0]);
                Span<C> p = result.AsSpan(b * n * m, n * m);
                // pinv = Vhᴴ diag(1/s) Uᴴ, n×m.
                for (int r = 0; r < k; r++)
                {
                    double sr = double.CreateTruncating(s[r]);
                    if (!(sr > cutoff)) continue;
                    for (int i = 0; i < n; i++)
                    {
                        C vi = C.Conjugate(ComplexFunctions.Widen(vt[r * n + i])) / sr;
                        for (int j = 0; j < m; j++) p[i * m + j] += vi * C.Conjugate(ComplexFunctions.Widen(u[j * k + r]));
                    }
                }
            }
            GC.KeepAlive(x);
            return ComplexLinalg.Wrap(result, LinalgRules.Join(batch, n, m), t);
        }
    }

    private static DenseArray ComplexPinv(NDArray input, double rcond) => ByPrecision(ComplexLinalg.ResultType(input), new PinvCall(input, rcond));

    // The singular values of each matrix of a C-contiguous complex stack, as doubles (in TR's precision).
    private readonly record struct SingularValuesCall(DenseArray Stack, int M, int N, int Count) : IComplexCall<double[][]>
    {
        public double[][] Run<TC, TR>(DType t) where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
        {
            DenseArray x = ComplexInput(Stack, t);
            int k = Math.Min(M, N);
            ReadOnlySpan<TC> a = x.AsSpan<TC>();
            var all = new double[Count][];
            var s = new TR[k];
            for (int b = 0; b < Count; b++)
            {
                LinalgKernels.ComplexSvd(M, N, a.Slice(b * M * N, M * N), s, default, default, false, false);
                all[b] = s.Select(double.CreateTruncating).ToArray();
            }
            GC.KeepAlive(x);
            return all;
        }
    }

    private static DenseArray ComplexMatrixRank(NDArray input, double? tol)
    {
        DType t = ComplexLinalg.ResultType(input);
        if (input.Rank < 2) return DenseArray.Scalar(ComplexLinalg.Values(input).Any(c => c != C.Zero) ? 1L : 0L);
        var (batch, count, m, n) = LinalgRules.Split(input.Shape);
        double eps = ComplexEps(t);
        double[][] sv = ByPrecision(t, new SingularValuesCall((DenseArray)input, m, n, count));
        var ranks = new long[count];
        for (int b = 0; b < count; b++)
        {
            double[] s = sv[b];
            double cut = tol ?? (s.Length == 0 ? 0 : s[0] * Math.Max(m, n) * eps);
            ranks[b] = s.Count(v => v > cut);
        }
        return DenseArray.Wrap(ranks, new Shape(batch));
    }

    /// <summary>The matrix 2-norm, −2-norm or nuclear norm (<paramref name="kind"/> "2", "-2", "nuc") of complex matrices over two axes.</summary>
    private static DenseArray ComplexSingularNorm(DenseArray x, string kind, int rowAxis, int colAxis, bool keepDims)
    {
        DType t = ComplexLinalg.ResultType(x);
        int m = x.Shape.Dims[rowAxis], n = x.Shape.Dims[colAxis], k = Math.Min(m, n);
        int count = (int)Reduced(x.Shape, false, rowAxis, colAxis).Size;
        if (k == 0 && kind != "nuc" && count > 0) throw NumPyErrors.EmptyReduction(kind == "2" ? "maximum" : "minimum", null);
        double[][] sv = ByPrecision(t, new SingularValuesCall(MoveToEnd(x, rowAxis, colAxis), m, n, count));
        double[] result = sv.Select(s => kind == "nuc" ? s.Sum() : kind == "2" ? s[0] : s[^1]).ToArray();
        return Copy.As(DenseArray.Wrap(result, Reduced(x.Shape, keepDims, rowAxis, colAxis)), t.RealPart());
    }
}
