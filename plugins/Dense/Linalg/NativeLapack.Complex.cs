using System.Numerics;
using System.Runtime.InteropServices;

namespace ArrayDispatch.Dense.Linalg;

// The complex routines (z* for complex128, c* for complex64, as NumPy's lapack_lite picks them), resolved when the
// library has them; without them complex linear algebra runs the managed ComplexLinalg. Generic over the element type
// TC (Complex or Complex64) and its real type TR (double or float: singular values, eigenvalues, rwork). Row-major data is column-major data of the
// (plain, not conjugate) transpose, so each routine's layout argument is the real one's; where LAPACK sees the
// conjugate of a Hermitian input (heevd) the method says so.
internal sealed unsafe partial class NativeLapack
{
    private (ComplexRoutines Z, ComplexRoutines C)? _complex;

    /// <summary>Whether {z,c}gesdd, {z,c}geqrf/{z,c}ungqr, {z,c}potrf, {z,c}heevd, {z,c}gelsd and {z,c}gemm were found.</summary>
    public bool HasComplex => _complex is not null;

    private sealed class ComplexRoutines
    {
        public nint Gemm, Gesdd, Geqrf, Ungqr, Potrf, Heevd, Gelsd;

        public static (ComplexRoutines, ComplexRoutines)? TryResolve(nint blas, nint lapack) =>
            TryResolve('z', blas, lapack) is { } z && TryResolve('c', blas, lapack) is { } c ? (z, c) : null;

        private static ComplexRoutines? TryResolve(char p, nint blas, nint lapack)
        {
            var r = new ComplexRoutines();
            bool ok = Get(blas, $"{p}gemm_", out r.Gemm)
                && Get(lapack, $"{p}gesdd_", out r.Gesdd) && Get(lapack, $"{p}geqrf_", out r.Geqrf) && Get(lapack, $"{p}ungqr_", out r.Ungqr)
                && Get(lapack, $"{p}potrf_", out r.Potrf) && Get(lapack, $"{p}heevd_", out r.Heevd) && Get(lapack, $"{p}gelsd_", out r.Gelsd);
            return ok ? r : null;
        }

        private static bool Get(nint lib, string name, out nint fn) => NativeLibrary.TryGetExport(lib, name, out fn);
    }

    private ComplexRoutines Z<TC>() => _complex is { } r
        ? typeof(TC) == typeof(Complex) ? r.Z : typeof(TC) == typeof(Complex64) ? r.C : throw new NotSupportedException($"complex LAPACK of {typeof(TC).Name}")
        : throw new InvalidOperationException("the loaded LAPACK has no complex routines");

    private static int ComplexWorkSize<TC>(TC query) where TC : unmanaged, INumberBase<TC> =>
        Math.Max(1, (int)Math.Ceiling(Ufuncs.ComplexFunctions.Widen(query).Real));

    private static TC Conjugate<TC>(TC z) where TC : unmanaged, INumberBase<TC> =>
        Ufuncs.ComplexFunctions.Narrow<TC>(Complex.Conjugate(Ufuncs.ComplexFunctions.Widen(z)));

    /// <summary>Row-major C (m×n) = A (m×k) · B (k×n), contiguous, through zgemm (complex128) or cgemm (complex64), operands swapped as <see cref="Gemm{T}"/>.</summary>
    public void ComplexGemm<TC>(int m, int n, int k, ReadOnlySpan<TC> a, ReadOnlySpan<TC> b, Span<TC> c) where TC : unmanaged, INumberBase<TC>
    {
        byte t = N;
        int lda = Math.Max(1, k), ldb = Math.Max(1, n), ldc = Math.Max(1, n);
        nint fn = Z<TC>().Gemm;
        TC one = TC.One, zero = TC.Zero;
        fixed (TC* pa = a, pb = b, pc = c)
            ((delegate* unmanaged<byte*, byte*, int*, int*, int*, void*, void*, int*, void*, int*, void*, void*, int*, nuint, nuint, void>)fn)(
                &t, &t, &n, &m, &k, &one, pb, &ldb, pa, &lda, &zero, pc, &ldc, 1, 1);
    }

    /// <summary>zgesdd as <see cref="Svd{T}"/>: LAPACK's vt of Aᵀ read row-major is our U and its u our Vh, no conjugation needed (Aᵀ = U'ΣV'ᴴ gives A = conj(V')ΣU'ᵀ).</summary>
    public void ComplexSvd<TC, TR>(int m, int n, ReadOnlySpan<TC> a, Span<TR> s, Span<TC> u, Span<TC> vt, bool full, bool computeUV)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int k = Math.Min(m, n);
        if (m <= n)
        {
            using var work0 = Scratch<TC>.Copy(a[..(m * n)]);
            int ldu = computeUV ? Math.Max(1, n) : 1, ldvt = computeUV ? Math.Max(1, full ? m : k) : 1;
            ComplexGesdd(n, m, work0.Array, s, computeUV ? vt : default, ldu, computeUV ? u : default, ldvt, full, computeUV);
            return;
        }
        using var col = Scratch<TC>.Rent(m * n);
        VectorOps.Transpose(m, n, a, col.Array);
        int uc = full ? m : k;
        using var ucol = Scratch<TC>.Rent(computeUV ? m * uc : 1);
        using var vtcol = Scratch<TC>.Rent(computeUV ? k * n : 1);
        ComplexGesdd(m, n, col.Array, s, ucol.Array, Math.Max(1, m), vtcol.Array, Math.Max(1, k), full, computeUV);
        if (!computeUV) return;
        VectorOps.Transpose(uc, m, ucol.Array, u);
        VectorOps.Transpose(n, k, vtcol.Array, vt);
    }

    private void ComplexGesdd<TC, TR>(int lm, int ln, TC[] a, Span<TR> s, Span<TC> u, int ldu, Span<TC> vt, int ldvt, bool full, bool computeUV)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int k = Math.Min(lm, ln), mx = Math.Max(lm, ln), lda = Math.Max(1, lm);
        byte jobz = !computeUV ? N : full ? A : S;
        TC dummy = TC.Zero, query = TC.Zero;
        long lrwork = Math.Max(7L * k, Math.Max(5L * k * k + 5L * k, 2L * mx * k + 2L * k * k + k));
        int[] iwork = new int[Math.Max(1, 8 * k)];
        int info = 0, lwork = -1;
        var gesdd = (delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, void*, int*, int*, nuint, void>)Z<TC>().Gesdd;
        using var rwork = Scratch<TR>.Rent(checked((int)Math.Max(1, lrwork)));
        fixed (TC* pa = a, pu = u, pvt = vt)
        fixed (TR* ps = s, prw = rwork.Array)
        fixed (int* piw = iwork)
        {
            void* lu = computeUV ? pu : &dummy, lvt = computeUV ? pvt : &dummy;
            gesdd(&jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, &query, &lwork, prw, piw, &info, 1);
            Check(info, "zgesdd");
            lwork = ComplexWorkSize(query);
            using var work = Scratch<TC>.Rent(lwork);
            fixed (TC* pw = work.Array) gesdd(&jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, pw, &lwork, prw, piw, &info, 1);
        }
        Check(info, "zgesdd");
        if (info > 0) throw new LinAlgException("SVD did not converge");
    }

    /// <summary>zgeqrf + zungqr on the explicitly transposed (column-major) copy, as <see cref="Qr{T}"/>.</summary>
    public void ComplexQr<TC>(int m, int n, ReadOnlySpan<TC> a, Span<TC> q, int qc, Span<TC> r, int rr) where TC : unmanaged, INumberBase<TC>
    {
        int k = Math.Min(m, n), lda = Math.Max(1, m), info = 0;
        using var colScratch = Scratch<TC>.Rent(m * n);
        TC[] col = colScratch.Array;
        VectorOps.Transpose(m, n, a, col);
        var tau = new TC[Math.Max(1, k)];
        var geqrf = (delegate* unmanaged<int*, int*, void*, int*, void*, void*, int*, int*, void>)Z<TC>().Geqrf;
        fixed (TC* pa = col, pt = tau)
        {
            TC query = TC.Zero;
            int lwork = -1;
            geqrf(&m, &n, pa, &lda, pt, &query, &lwork, &info);
            Check(info, "zgeqrf");
            lwork = ComplexWorkSize(query);
            using var work = Scratch<TC>.Rent(lwork);
            fixed (TC* pw = work.Array) geqrf(&m, &n, pa, &lda, pt, pw, &lwork, &info);
            Check(info, "zgeqrf");
        }
        r[..(rr * n)].Clear();
        for (int i = 0; i < Math.Min(rr, k); i++)
            for (int j = i; j < n; j++) r[i * n + j] = col[j * m + i];
        if (qc == 0) return;
        using var qcolScratch = Scratch<TC>.Rent(m * qc);
        TC[] qcol = qcolScratch.Array;
        col.AsSpan(0, m * Math.Min(qc, n)).CopyTo(qcol);
        var ungqr = (delegate* unmanaged<int*, int*, int*, void*, int*, void*, void*, int*, int*, void>)Z<TC>().Ungqr;
        fixed (TC* pq = qcol, pt = tau)
        {
            TC query = TC.Zero;
            int lwork = -1;
            ungqr(&m, &qc, &k, pq, &lda, pt, &query, &lwork, &info);
            Check(info, "zungqr");
            lwork = ComplexWorkSize(query);
            using var work = Scratch<TC>.Rent(lwork);
            fixed (TC* pw = work.Array) ungqr(&m, &qc, &k, pq, &lda, pt, pw, &lwork, &info);
            Check(info, "zungqr");
        }
        VectorOps.Transpose(qc, m, qcol, q);
    }

    /// <summary>zpotrf('U') as <see cref="Cholesky{T}"/>: column-major Aᵀ = conj(A) = UᴴU, so A = Uᵀ conj(U) = L Lᴴ with L = Uᵀ, U read row-major.</summary>
    public bool ComplexCholesky<TC>(int n, ReadOnlySpan<TC> a, Span<TC> l) where TC : unmanaged, INumberBase<TC>
    {
        a[..(n * n)].CopyTo(l);
        int info = 0, lda = Math.Max(1, n);
        byte uplo = U;
        fixed (TC* pl = l)
            ((delegate* unmanaged<byte*, int*, void*, int*, int*, nuint, void>)Z<TC>().Potrf)(&uplo, &n, pl, &lda, &info, 1);
        Check(info, "zpotrf");
        if (info > 0) return false;
        for (int i = 0; i < n; i++) l.Slice(i * n + i + 1, n - i - 1).Clear();
        return true;
    }

    /// <summary>
    /// zheevd('U') reads row-major A's lower triangle as the column-major Hermitian matrix conj(A): same eigenvalues,
    /// conjugate eigenvectors, so v = conj of the column-major result.
    /// </summary>
    public void ComplexEigh<TC, TR>(int n, ReadOnlySpan<TC> a, Span<TR> w, Span<TC> v, bool computeV)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        TC[] buf = a[..(n * n)].ToArray();
        byte jobz = computeV ? V : N, uplo = U;
        int info = 0, lda = Math.Max(1, n), lwork = -1, lrwork = -1, liwork = -1, iquery = 0;
        TC query = TC.Zero;
        TR rquery = TR.Zero;
        var heevd = (delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, void*, int*, int*, int*, int*, nuint, nuint, void>)Z<TC>().Heevd;
        fixed (TC* pa = buf)
        fixed (TR* pw = w)
        {
            heevd(&jobz, &uplo, &n, pa, &lda, pw, &query, &lwork, &rquery, &lrwork, &iquery, &liwork, &info, 1, 1);
            Check(info, "zheevd");
            lwork = ComplexWorkSize(query);
            lrwork = Math.Max(1, (int)Math.Ceiling(double.CreateTruncating(rquery)));
            liwork = Math.Max(1, iquery);
            fixed (TC* pwork = GC.AllocateUninitializedArray<TC>(lwork))
            fixed (TR* prw = GC.AllocateUninitializedArray<TR>(lrwork))
            fixed (int* piw = new int[liwork])
                heevd(&jobz, &uplo, &n, pa, &lda, pw, pwork, &lwork, prw, &lrwork, piw, &liwork, &info, 1, 1);
        }
        Check(info, "zheevd");
        if (info > 0) throw new LinAlgException("Eigenvalues did not converge");
        if (!computeV) return;
        for (int i = 0; i < n; i++)
            for (int t = 0; t < n; t++) v[i * n + t] = Conjugate(buf[t * n + i]);
    }

    /// <summary>zgelsd on explicitly column-major copies, as <see cref="Lstsq{T}"/>.</summary>
    public int ComplexLstsq<TC, TR>(int m, int n, int nrhs, ReadOnlySpan<TC> a, ReadOnlySpan<TC> b, Span<TC> x, Span<TR> s, TR rcond)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int lda = Math.Max(1, m), ldb = Math.Max(1, Math.Max(m, n)), rank = 0, info = 0, lwork = -1;
        TC[] acol = GC.AllocateUninitializedArray<TC>(m * n);
        VectorOps.Transpose(m, n, a, acol);
        var bcol = new TC[ldb * nrhs];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < nrhs; j++) bcol[j * ldb + i] = b[i * nrhs + j];
        TC query = TC.Zero;
        TR rquery = TR.Zero;
        int iquery = 0;
        var gelsd = (delegate* unmanaged<int*, int*, int*, void*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, int*, void>)Z<TC>().Gelsd;
        fixed (TC* pa = acol, pb = bcol)
        fixed (TR* ps = s)
        {
            gelsd(&m, &n, &nrhs, pa, &lda, pb, &ldb, ps, &rcond, &rank, &query, &lwork, &rquery, &iquery, &info);
            Check(info, "zgelsd");
            lwork = ComplexWorkSize(query);
            fixed (TC* pw = GC.AllocateUninitializedArray<TC>(lwork))
            fixed (TR* prw = GC.AllocateUninitializedArray<TR>(Math.Max(1, (int)Math.Ceiling(double.CreateTruncating(rquery)))))
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
