using System.Numerics;
using System.Runtime.InteropServices;

namespace ArrayDispatch.Dense.Linalg;

// The complex routines (z* for complex128, and cgemm for complex64 products), resolved when the library has them;
// without them complex linear algebra runs the managed ComplexLinalg. Row-major data is column-major data of the
// (plain, not conjugate) transpose, so each routine's layout argument is the real one's; where LAPACK sees the
// conjugate of a Hermitian input (heevd) the method says so.
internal sealed unsafe partial class NativeLapack
{
    private ComplexRoutines? _z;

    /// <summary>Whether zgesdd, zgeqrf/zungqr, zpotrf, zheevd, zgelsd and zgemm/cgemm were found.</summary>
    public bool HasComplex => _z is not null;

    private sealed class ComplexRoutines
    {
        public nint Zgemm, Cgemm, Gesdd, Geqrf, Ungqr, Potrf, Heevd, Gelsd;

        public static ComplexRoutines? TryResolve(nint blas, nint lapack)
        {
            var r = new ComplexRoutines();
            bool ok = Get(blas, "zgemm_", out r.Zgemm) && Get(blas, "cgemm_", out r.Cgemm)
                && Get(lapack, "zgesdd_", out r.Gesdd) && Get(lapack, "zgeqrf_", out r.Geqrf) && Get(lapack, "zungqr_", out r.Ungqr)
                && Get(lapack, "zpotrf_", out r.Potrf) && Get(lapack, "zheevd_", out r.Heevd) && Get(lapack, "zgelsd_", out r.Gelsd);
            return ok ? r : null;
        }

        private static bool Get(nint lib, string name, out nint fn) => NativeLibrary.TryGetExport(lib, name, out fn);
    }

    private ComplexRoutines Z => _z ?? throw new InvalidOperationException("the loaded LAPACK has no complex routines");

    private static int WorkSize(Complex query) => Math.Max(1, (int)Math.Ceiling(query.Real));

    /// <summary>Row-major C (m×n) = A (m×k) · B (k×n), contiguous, through zgemm (complex128) or cgemm (complex64), operands swapped as <see cref="Gemm{T}"/>.</summary>
    public void ComplexGemm<TC>(int m, int n, int k, ReadOnlySpan<TC> a, ReadOnlySpan<TC> b, Span<TC> c) where TC : unmanaged
    {
        byte t = N;
        int lda = Math.Max(1, k), ldb = Math.Max(1, n), ldc = Math.Max(1, n);
        nint fn = typeof(TC) == typeof(Complex) ? Z.Zgemm : typeof(TC) == typeof(Complex64) ? Z.Cgemm
            : throw new NotSupportedException($"complex gemm of {typeof(TC).Name}");
        TC one = typeof(TC) == typeof(Complex) ? (TC)(object)Complex.One : (TC)(object)Complex64.One, zero = default;
        fixed (TC* pa = a, pb = b, pc = c)
            ((delegate* unmanaged<byte*, byte*, int*, int*, int*, void*, void*, int*, void*, int*, void*, void*, int*, nuint, nuint, void>)fn)(
                &t, &t, &n, &m, &k, &one, pb, &ldb, pa, &lda, &zero, pc, &ldc, 1, 1);
    }

    /// <summary>zgesdd as <see cref="Svd{T}"/>: LAPACK's vt of Aᵀ read row-major is our U and its u our Vh, no conjugation needed (Aᵀ = U'ΣV'ᴴ gives A = conj(V')ΣU'ᵀ).</summary>
    public void Svd(int m, int n, ReadOnlySpan<Complex> a, Span<double> s, Span<Complex> u, Span<Complex> vt, bool full, bool computeUV)
    {
        int k = Math.Min(m, n);
        if (m <= n)
        {
            using var work0 = Scratch<Complex>.Copy(a[..(m * n)]);
            int ldu = computeUV ? Math.Max(1, n) : 1, ldvt = computeUV ? Math.Max(1, full ? m : k) : 1;
            Gesdd(n, m, work0.Array, s, computeUV ? vt : default, ldu, computeUV ? u : default, ldvt, full, computeUV);
            return;
        }
        using var col = Scratch<Complex>.Rent(m * n);
        VectorOps.Transpose(m, n, a, col.Array);
        int uc = full ? m : k;
        using var ucol = Scratch<Complex>.Rent(computeUV ? m * uc : 1);
        using var vtcol = Scratch<Complex>.Rent(computeUV ? k * n : 1);
        Gesdd(m, n, col.Array, s, ucol.Array, Math.Max(1, m), vtcol.Array, Math.Max(1, k), full, computeUV);
        if (!computeUV) return;
        VectorOps.Transpose(uc, m, ucol.Array, u);
        VectorOps.Transpose(n, k, vtcol.Array, vt);
    }

    private void Gesdd(int lm, int ln, Complex[] a, Span<double> s, Span<Complex> u, int ldu, Span<Complex> vt, int ldvt, bool full, bool computeUV)
    {
        int k = Math.Min(lm, ln), mx = Math.Max(lm, ln), lda = Math.Max(1, lm);
        byte jobz = !computeUV ? N : full ? A : S;
        Complex dummy = Complex.Zero, query = Complex.Zero;
        long lrwork = Math.Max(7L * k, Math.Max(5L * k * k + 5L * k, 2L * mx * k + 2L * k * k + k));
        int[] iwork = new int[Math.Max(1, 8 * k)];
        int info = 0, lwork = -1;
        var gesdd = (delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, void*, int*, int*, nuint, void>)Z.Gesdd;
        using var rwork = Scratch<double>.Rent(checked((int)Math.Max(1, lrwork)));
        fixed (Complex* pa = a, pu = u, pvt = vt)
        fixed (double* ps = s, prw = rwork.Array)
        fixed (int* piw = iwork)
        {
            void* lu = computeUV ? pu : &dummy, lvt = computeUV ? pvt : &dummy;
            gesdd(&jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, &query, &lwork, prw, piw, &info, 1);
            Check(info, "zgesdd");
            lwork = WorkSize(query);
            using var work = Scratch<Complex>.Rent(lwork);
            fixed (Complex* pw = work.Array) gesdd(&jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, pw, &lwork, prw, piw, &info, 1);
        }
        Check(info, "zgesdd");
        if (info > 0) throw new LinAlgException("SVD did not converge");
    }

    /// <summary>zgeqrf + zungqr on the explicitly transposed (column-major) copy, as <see cref="Qr{T}"/>.</summary>
    public void Qr(int m, int n, ReadOnlySpan<Complex> a, Span<Complex> q, int qc, Span<Complex> r, int rr)
    {
        int k = Math.Min(m, n), lda = Math.Max(1, m), info = 0;
        using var colScratch = Scratch<Complex>.Rent(m * n);
        Complex[] col = colScratch.Array;
        VectorOps.Transpose(m, n, a, col);
        var tau = new Complex[Math.Max(1, k)];
        var geqrf = (delegate* unmanaged<int*, int*, void*, int*, void*, void*, int*, int*, void>)Z.Geqrf;
        fixed (Complex* pa = col, pt = tau)
        {
            Complex query = Complex.Zero;
            int lwork = -1;
            geqrf(&m, &n, pa, &lda, pt, &query, &lwork, &info);
            Check(info, "zgeqrf");
            lwork = WorkSize(query);
            using var work = Scratch<Complex>.Rent(lwork);
            fixed (Complex* pw = work.Array) geqrf(&m, &n, pa, &lda, pt, pw, &lwork, &info);
            Check(info, "zgeqrf");
        }
        r[..(rr * n)].Clear();
        for (int i = 0; i < Math.Min(rr, k); i++)
            for (int j = i; j < n; j++) r[i * n + j] = col[j * m + i];
        if (qc == 0) return;
        using var qcolScratch = Scratch<Complex>.Rent(m * qc);
        Complex[] qcol = qcolScratch.Array;
        col.AsSpan(0, m * Math.Min(qc, n)).CopyTo(qcol);
        var ungqr = (delegate* unmanaged<int*, int*, int*, void*, int*, void*, void*, int*, int*, void>)Z.Ungqr;
        fixed (Complex* pq = qcol, pt = tau)
        {
            Complex query = Complex.Zero;
            int lwork = -1;
            ungqr(&m, &qc, &k, pq, &lda, pt, &query, &lwork, &info);
            Check(info, "zungqr");
            lwork = WorkSize(query);
            using var work = Scratch<Complex>.Rent(lwork);
            fixed (Complex* pw = work.Array) ungqr(&m, &qc, &k, pq, &lda, pt, pw, &lwork, &info);
            Check(info, "zungqr");
        }
        VectorOps.Transpose(qc, m, qcol, q);
    }

    /// <summary>zpotrf('U') as <see cref="Cholesky{T}"/>: column-major Aᵀ = conj(A) = UᴴU, so A = Uᵀ conj(U) = L Lᴴ with L = Uᵀ, U read row-major.</summary>
    public bool Cholesky(int n, ReadOnlySpan<Complex> a, Span<Complex> l)
    {
        a[..(n * n)].CopyTo(l);
        int info = 0, lda = Math.Max(1, n);
        byte uplo = U;
        fixed (Complex* pl = l)
            ((delegate* unmanaged<byte*, int*, void*, int*, int*, nuint, void>)Z.Potrf)(&uplo, &n, pl, &lda, &info, 1);
        Check(info, "zpotrf");
        if (info > 0) return false;
        for (int i = 0; i < n; i++) l.Slice(i * n + i + 1, n - i - 1).Clear();
        return true;
    }

    /// <summary>
    /// zheevd('U') reads row-major A's lower triangle as the column-major Hermitian matrix conj(A): same eigenvalues,
    /// conjugate eigenvectors, so v = conj of the column-major result.
    /// </summary>
    public void Eigh(int n, ReadOnlySpan<Complex> a, Span<double> w, Span<Complex> v, bool computeV)
    {
        Complex[] buf = a[..(n * n)].ToArray();
        byte jobz = computeV ? V : N, uplo = U;
        int info = 0, lda = Math.Max(1, n), lwork = -1, lrwork = -1, liwork = -1, iquery = 0;
        Complex query = Complex.Zero;
        double rquery = 0;
        var heevd = (delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, void*, int*, int*, int*, int*, nuint, nuint, void>)Z.Heevd;
        fixed (Complex* pa = buf)
        fixed (double* pw = w)
        {
            heevd(&jobz, &uplo, &n, pa, &lda, pw, &query, &lwork, &rquery, &lrwork, &iquery, &liwork, &info, 1, 1);
            Check(info, "zheevd");
            lwork = WorkSize(query);
            lrwork = Math.Max(1, (int)Math.Ceiling(rquery));
            liwork = Math.Max(1, iquery);
            fixed (Complex* pwork = GC.AllocateUninitializedArray<Complex>(lwork))
            fixed (double* prw = GC.AllocateUninitializedArray<double>(lrwork))
            fixed (int* piw = new int[liwork])
                heevd(&jobz, &uplo, &n, pa, &lda, pw, pwork, &lwork, prw, &lrwork, piw, &liwork, &info, 1, 1);
        }
        Check(info, "zheevd");
        if (info > 0) throw new LinAlgException("Eigenvalues did not converge");
        if (!computeV) return;
        for (int i = 0; i < n; i++)
            for (int t = 0; t < n; t++) v[i * n + t] = Complex.Conjugate(buf[t * n + i]);
    }

    /// <summary>zgelsd on explicitly column-major copies, as <see cref="Lstsq{T}"/>.</summary>
    public int Lstsq(int m, int n, int nrhs, ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> x, Span<double> s, double rcond)
    {
        int lda = Math.Max(1, m), ldb = Math.Max(1, Math.Max(m, n)), rank = 0, info = 0, lwork = -1;
        Complex[] acol = GC.AllocateUninitializedArray<Complex>(m * n);
        VectorOps.Transpose(m, n, a, acol);
        var bcol = new Complex[ldb * nrhs];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < nrhs; j++) bcol[j * ldb + i] = b[i * nrhs + j];
        Complex query = Complex.Zero;
        double rquery = 0;
        int iquery = 0;
        var gelsd = (delegate* unmanaged<int*, int*, int*, void*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, int*, void>)Z.Gelsd;
        fixed (Complex* pa = acol, pb = bcol)
        fixed (double* ps = s)
        {
            gelsd(&m, &n, &nrhs, pa, &lda, pb, &ldb, ps, &rcond, &rank, &query, &lwork, &rquery, &iquery, &info);
            Check(info, "zgelsd");
            lwork = WorkSize(query);
            fixed (Complex* pw = GC.AllocateUninitializedArray<Complex>(lwork))
            fixed (double* prw = GC.AllocateUninitializedArray<double>(Math.Max(1, (int)Math.Ceiling(rquery))))
            fixed (int* piw = new int[Math.Max(1, iquery)])
                gelsd(&m, &n, &nrhs, pa, &lda, pb, &ldb, ps, &rcond, &rank, pw, &lwork, prw, piw, &info);
        }
        Check(info, "zgelsd");
        if (info > 0) throw new LinAlgException("SVD did not converge in Linear Least Squares");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < nrhs; j++) x[i * nrhs + j] = bcol[j * ldb + i];
        return rank;
    }
}
