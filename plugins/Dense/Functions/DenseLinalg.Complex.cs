using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Functions;
using C = System.Numerics.Complex;

namespace ArrayDispatch.Dense.Functions;

// Complex inputs of svd, qr, cholesky, eigh/eigvalsh, lstsq, pinv, matrix_rank and norm's singular-value orders, on
// the complex kernels of LinalgKernels (LAPACK's z routines, or managed). As NumPy: complex64 when every input is
// complex64 or float32 (computed in double here and rounded once), else complex128; singular values, Hermitian
// eigenvalues, residuals and norms answer in the real dtype of the same precision.
public static partial class DenseLinalg
{
    private static DenseArray RealResult(double[] values, Shape shape, DType complexType) =>
        Copy.As(DenseArray.Wrap(values, shape), complexType.RealPart());

    private static double ComplexEps(DType complexType) => LinalgInput.Eps(complexType == DType.Complex64 ? DType.Float32 : DType.Float64);

    private static SvdResult ComplexSvd(NDArray input, bool full, bool computeUV)
    {
        DType t = ComplexLinalg.ResultType(input);
        var (batch, count, m, n) = LinalgInput.Split(input.Shape);
        int k = Math.Min(m, n), uc = full ? m : k, vr = full ? n : k;
        C[] a = ComplexLinalg.Values(input);
        var s = new double[count * k];
        C[] u = computeUV ? new C[count * m * uc] : [], vt = computeUV ? new C[count * vr * n] : [];
        for (int b = 0; b < count; b++)
        {
            LinalgKernels.Svd(m, n, a.AsSpan(b * m * n, m * n), s.AsSpan(b * k, k),
                computeUV ? u.AsSpan(b * m * uc, m * uc) : default, computeUV ? vt.AsSpan(b * vr * n, vr * n) : default, full, computeUV);
        }
        DenseArray sv = RealResult(s, LinalgInput.Join(batch, k), t);
        return computeUV
            ? new SvdResult(ComplexLinalg.Wrap(u, LinalgInput.Join(batch, m, uc), t), sv, ComplexLinalg.Wrap(vt, LinalgInput.Join(batch, vr, n), t))
            : new SvdResult(null, sv, null);
    }

    private static QrResult ComplexQr(NDArray input, QrMode mode)
    {
        DType t = ComplexLinalg.ResultType(input);
        var (batch, count, m, n) = LinalgInput.Split(input.Shape);
        int k = Math.Min(m, n);
        int qc = mode switch { QrMode.Reduced => k, QrMode.Complete => m, _ => 0 };
        int rr = mode == QrMode.Complete ? m : k;
        C[] a = ComplexLinalg.Values(input);
        C[] q = new C[count * m * qc], r = new C[count * rr * n];
        for (int b = 0; b < count; b++)
            LinalgKernels.Qr(m, n, a.AsSpan(b * m * n, m * n), q.AsSpan(b * m * qc, m * qc), r.AsSpan(b * rr * n, rr * n), mode);
        DenseArray rArr = ComplexLinalg.Wrap(r, LinalgInput.Join(batch, rr, n), t);
        return new QrResult(mode == QrMode.R ? null : ComplexLinalg.Wrap(q, LinalgInput.Join(batch, m, qc), t), rArr);
    }

    private static DenseArray ComplexCholesky(NDArray input)
    {
        DType t = ComplexLinalg.ResultType(input);
        var (_, count, n, _) = LinalgInput.Split(input.Shape);
        C[] a = ComplexLinalg.Values(input);
        var l = new C[a.Length];
        for (int b = 0; b < count; b++) LinalgKernels.Cholesky(n, a.AsSpan(b * n * n, n * n), l.AsSpan(b * n * n, n * n));
        return ComplexLinalg.Wrap(l, input.Shape, t);
    }

    private static (DenseArray W, DenseArray? V) ComplexEigh(NDArray input, bool computeV)
    {
        DType t = ComplexLinalg.ResultType(input);
        var (batch, count, n, _) = LinalgInput.Split(input.Shape);
        C[] a = ComplexLinalg.Values(input);
        var w = new double[count * n];
        C[] v = computeV ? new C[count * n * n] : [];
        for (int b = 0; b < count; b++)
            LinalgKernels.Eigh(n, a.AsSpan(b * n * n, n * n), w.AsSpan(b * n, n), computeV ? v.AsSpan(b * n * n, n * n) : default, computeV);
        return (RealResult(w, LinalgInput.Join(batch, n), t), computeV ? ComplexLinalg.Wrap(v, LinalgInput.Join(batch, n, n), t) : null);
    }

    private static LstsqResult ComplexLstsq(NDArray a, NDArray b, double? rcondArg)
    {
        DType t = ComplexLinalg.ResultType(a, b);
        int m = a.Shape[0], n = a.Shape[1], k = Math.Min(m, n);
        bool vector = b.Rank == 1;
        int nrhs = vector ? 1 : b.Shape[1];
        C[] av = ComplexLinalg.Values(a), bv = ComplexLinalg.Values(b);
        var x = new C[n * nrhs];
        var s = new double[k];
        double rcond = rcondArg ?? ComplexEps(t) * Math.Max(m, n);
        int rank = LinalgKernels.Lstsq(m, n, nrhs, av, bv, x, s, rcond);
        double[] residuals = [];
        if (rank == n && m > n)
        {
            // ‖b − a x‖² per column.
            residuals = new double[nrhs];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < nrhs; j++)
                {
                    C r = bv[i * nrhs + j];
                    for (int p = 0; p < n; p++) r -= av[i * n + p] * x[p * nrhs + j];
                    residuals[j] += r.Real * r.Real + r.Imaginary * r.Imaginary;
                }
        }
        DenseArray xs = ComplexLinalg.Wrap(x, vector ? new Shape(n) : new Shape(n, nrhs), t);
        return new LstsqResult(xs, RealResult(residuals, new Shape(residuals.Length), t), rank, RealResult(s, new Shape(k), t));
    }

    private static DenseArray ComplexPinv(NDArray input, double rcond)
    {
        DType t = ComplexLinalg.ResultType(input);
        var (batch, count, m, n) = LinalgInput.Split(input.Shape);
        int k = Math.Min(m, n);
        C[] a = ComplexLinalg.Values(input);
        var result = new C[count * n * m];
        var s = new double[k];
        C[] u = new C[m * k], vt = new C[k * n];
        for (int b = 0; b < count; b++)
        {
            LinalgKernels.Svd(m, n, a.AsSpan(b * m * n, m * n), s, u, vt, false, true);
            double cutoff = k == 0 ? 0 : rcond * s[0];
            Span<C> p = result.AsSpan(b * n * m, n * m);
            // pinv = Vhᴴ diag(1/s) Uᴴ, n×m.
            for (int r = 0; r < k; r++)
            {
                if (!(s[r] > cutoff)) continue;
                double inv = 1 / s[r];
                for (int i = 0; i < n; i++)
                {
                    C vi = C.Conjugate(vt[r * n + i]) * inv;
                    for (int j = 0; j < m; j++) p[i * m + j] += vi * C.Conjugate(u[j * k + r]);
                }
            }
        }
        return ComplexLinalg.Wrap(result, LinalgInput.Join(batch, n, m), t);
    }

    private static DenseArray ComplexMatrixRank(NDArray input, double? tol)
    {
        DType t = ComplexLinalg.ResultType(input);
        C[] a = ComplexLinalg.Values(input);
        if (input.Rank < 2) return DenseArray.Scalar(a.Any(c => c != C.Zero) ? 1L : 0L);
        var (batch, count, m, n) = LinalgInput.Split(input.Shape);
        int k = Math.Min(m, n);
        var ranks = new long[count];
        var s = new double[k];
        double eps = ComplexEps(t);
        for (int b = 0; b < count; b++)
        {
            LinalgKernels.Svd(m, n, a.AsSpan(b * m * n, m * n), s, default, default, false, false);
            // The singular values NumPy compares are those of its precision: complex64 rounds them to float32.
            if (t == DType.Complex64) for (int i = 0; i < k; i++) s[i] = (float)s[i];
            double cut = tol ?? (k == 0 ? 0 : s[0] * Math.Max(m, n) * eps);
            foreach (double v in s) if (v > cut) ranks[b]++;
        }
        return DenseArray.Wrap(ranks, new Shape(batch));
    }

    /// <summary>The matrix 2-norm, −2-norm or nuclear norm (<paramref name="kind"/> "2", "-2", "nuc") of complex matrices over two axes.</summary>
    private static DenseArray ComplexSingularNorm(DenseArray x, string kind, int rowAxis, int colAxis, bool keepDims)
    {
        DType t = ComplexLinalg.ResultType(x);
        int m = x.Shape.Dims[rowAxis], n = x.Shape.Dims[colAxis], k = Math.Min(m, n);
        C[] a = ComplexLinalg.Values(MoveToEnd(x, rowAxis, colAxis));
        int count = (int)Reduced(x.Shape, false, rowAxis, colAxis).Size;
        if (k == 0 && kind != "nuc" && count > 0) throw new ArgumentException("zero-size array to reduction operation which has no identity");
        var result = new double[count];
        var s = new double[k];
        for (int b = 0; b < count; b++)
        {
            LinalgKernels.Svd(m, n, a.AsSpan(b * m * n, m * n), s, default, default, false, false);
            result[b] = kind == "nuc" ? s.Sum() : kind == "2" ? s[0] : s[^1];
        }
        return RealResult(result, Reduced(x.Shape, keepDims, rowAxis, colAxis), t);
    }
}
