using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

// Calls into BLAS/LAPACK. Row-major data is column-major data of the transpose; each method documents how it uses that.
// gemm, gesdd, geqrf/orgqr, potrf, syevd and gelsd are generic over the element type: float64/float32 (d/s routines) and
// complex128/complex64 (z/c routines, NumPy's choice for each): the layout reasoning holds for complex data unchanged,
// because the column-major view of a row-major buffer is the plain (not conjugate) transpose. Complex routines take a
// real workspace (rwork) as well, and their singular values and eigenvalues are real (TR: double or float).
internal sealed unsafe partial class NativeLapack
{
    private static readonly byte N = (byte)'N', T_ = (byte)'T', U = (byte)'U', S = (byte)'S', A = (byte)'A', V = (byte)'V';

    /// <summary>
    /// Row-major C = op(A) op(B) is column-major Cᵀ = op(B)ᵀ op(A)ᵀ, and the column-major view of each row-major buffer
    /// is already its transpose: so call Fortran gemm with the operands swapped (B first, then A) and n, m exchanged.
    /// </summary>
    public void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, INumberBase<T>
    {
        byte ta = transA ? T_ : N, tb = transB ? T_ : N;
        fixed (T* pa = a, pb = b, pc = c)
            ((delegate* unmanaged<byte*, byte*, int*, int*, int*, void*, void*, int*, void*, int*, void*, void*, int*, nuint, nuint, void>)For<T>().Gemm)(
                &tb, &ta, &n, &m, &k, &alpha, pb, &ldb, pa, &lda, &beta, pc, &ldc, 1, 1);
    }

    /// <summary>
    /// Row-major C (n×n) = Xᵀ X for <paramref name="xIsTransposed"/> (X = the operand's buffer read row-major, k×n),
    /// else X Xᵀ (X n×k): in column-major terms the buffer is Xᵀ, so Xᵀ X is syrk's 'N' form and X Xᵀ its 'T' form.
    /// Fortran's upper triangle is the row-major lower one; the caller mirrors it.
    /// </summary>
    public void Syrk<T>(bool xIsTransposed, int n, int k, ReadOnlySpan<T> x, int ldx, Span<T> c, int ldc) where T : unmanaged, INumberBase<T>
    {
        byte uplo = U, trans = xIsTransposed ? N : T_;
        T alpha = T.One, beta = T.Zero;
        fixed (T* px = x, pc = c)
            ((delegate* unmanaged<byte*, byte*, int*, int*, void*, void*, int*, void*, void*, int*, nuint, nuint, void>)For<T>().Syrk)(
                &uplo, &trans, &n, &k, &alpha, px, &ldx, &beta, pc, &ldc, 1, 1);
    }

    /// <summary>
    /// LAPACK sees row-major A (m×n) as column-major Aᵀ (n×m). gesdd gives Aᵀ = U' Σ V'ᵀ, so A = V' Σ U'ᵀ: LAPACK's vt
    /// (column-major V'ᵀ, i.e. row-major V') is our U, and its u (column-major U', i.e. row-major U'ᵀ) is our Vt. That
    /// needs no transposes, but for tall A LAPACK then factors a wide matrix, whose LQ-first path runs at half the speed
    /// of the QR-first one in OpenBLAS 0.3.21 (2000×500: 250 ms vs NumPy's 110-120 ms); so tall A is transposed to
    /// column-major and factored the way NumPy does, and U and Vᵀ are transposed back.
    /// </summary>
    /// <remarks>Complex A: Aᵀ = U'ΣV'ᴴ gives A = conj(V')ΣU'ᵀ, and LAPACK's vt (V'ᴴ) read row-major is conj(V'): the same buffers, no conjugation.</remarks>
    public void Svd<T, TR>(int m, int n, ReadOnlySpan<T> a, Span<TR> s, Span<T> u, Span<T> vt, bool full, bool computeUV)
        where T : unmanaged, INumberBase<T> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int k = Math.Min(m, n);
        if (m <= n)
        {
            // Wide or square: factor column-major Aᵀ (n×m) in place of a copy; outputs land in u and vt directly.
            using var work0 = Scratch<T>.Copy(a[..(m * n)]);
            int ldu = computeUV ? Math.Max(1, n) : 1, ldvt = computeUV ? Math.Max(1, full ? m : k) : 1;
            Gesdd(n, m, work0.Array, s, computeUV ? vt : default, ldu, computeUV ? u : default, ldvt, full, computeUV);
            return;
        }
        using var col = Scratch<T>.Rent(m * n);
        VectorOps.Transpose(m, n, a, col.Array);
        int uc = full ? m : k;
        using var ucol = Scratch<T>.Rent(computeUV ? m * uc : 1);
        using var vtcol = Scratch<T>.Rent(computeUV ? k * n : 1);
        Gesdd(m, n, col.Array, s, ucol.Array, Math.Max(1, m), vtcol.Array, Math.Max(1, k), full, computeUV);
        if (!computeUV) return;
        VectorOps.Transpose(uc, m, ucol.Array, u);
        VectorOps.Transpose(n, k, vtcol.Array, vt);
    }

    // gesdd on a column-major lm×ln matrix (destroyed): U (ldu) and Vᵀ (ldvt) column-major when computeUV.
    private void Gesdd<T, TR>(int lm, int ln, T[] a, Span<TR> s, Span<T> u, int ldu, Span<T> vt, int ldvt, bool full, bool computeUV)
        where T : unmanaged, INumberBase<T> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int k = Math.Min(lm, ln), mx = Math.Max(lm, ln), lda = Math.Max(1, lm);
        byte jobz = !computeUV ? N : full ? A : S;
        T dummy = T.Zero;
        int[] iwork = new int[Math.Max(1, 8 * k)];
        int info = 0, lwork = -1;
        T query = T.Zero;
        // zgesdd/cgesdd's real workspace: LAPACK's bound for any jobz.
        long lrwork = IsComplex<T>() ? Math.Max(7L * k, Math.Max(5L * k * k + 5L * k, 2L * mx * k + 2L * k * k + k)) : 1;
        using var rwork = Scratch<TR>.Rent(checked((int)lrwork));
        nint fn = For<T>().Gesdd;
        fixed (T* pa = a, pu = u, pvt = vt)
        fixed (TR* ps = s, prw = rwork.Array)
        fixed (int* piw = iwork)
        {
            void* lu = computeUV ? pu : &dummy, lvt = computeUV ? pvt : &dummy;
            CallGesdd(fn, IsComplex<T>(), &jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, &query, &lwork, prw, piw, &info);
            Check(info, "gesdd");
            lwork = WorkSize(query);
            using var work = Scratch<T>.Rent(lwork);
            fixed (T* pw = work.Array) CallGesdd(fn, IsComplex<T>(), &jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, pw, &lwork, prw, piw, &info);
        }
        Check(info, "gesdd");
        if (info > 0) throw new LinAlgException("SVD did not converge");
    }

    // gesdd's two signatures: the complex routines take rwork before iwork.
    private static void CallGesdd(nint fn, bool complex, byte* jobz, int* m, int* n, void* a, int* lda, void* s, void* u, int* ldu, void* vt, int* ldvt,
        void* work, int* lwork, void* rwork, int* iwork, int* info)
    {
        if (complex)
            ((delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, void*, int*, int*, nuint, void>)fn)(
                jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, rwork, iwork, info, 1);
        else
            ((delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, int*, int*, nuint, void>)fn)(
                jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork, info, 1);
    }

    /// <summary>QR of the explicitly transposed (column-major) copy with geqrf + orgqr; R and Q are transposed back.</summary>
    public void Qr<T>(int m, int n, ReadOnlySpan<T> a, Span<T> q, int qc, Span<T> r, int rr) where T : unmanaged, INumberBase<T>
    {
        int k = Math.Min(m, n), lda = Math.Max(1, m), info = 0;
        using var colScratch = Scratch<T>.Rent(m * n);
        T[] col = colScratch.Array;
        VectorOps.Transpose(m, n, a, col);
        T[] tau = new T[Math.Max(1, k)];
        Routines f = For<T>();
        var geqrf = (delegate* unmanaged<int*, int*, void*, int*, void*, void*, int*, int*, void>)f.Geqrf;
        fixed (T* pa = col, pt = tau)
        {
            T query = T.Zero;
            int lwork = -1;
            geqrf(&m, &n, pa, &lda, pt, &query, &lwork, &info);
            Check(info, "geqrf");
            lwork = WorkSize(query);
            using var work = Scratch<T>.Rent(lwork);
            fixed (T* pw = work.Array) geqrf(&m, &n, pa, &lda, pt, pw, &lwork, &info);
            Check(info, "geqrf");
        }
        r[..(rr * n)].Clear();
        for (int i = 0; i < Math.Min(rr, k); i++)
            for (int j = i; j < n; j++) r[i * n + j] = col[j * m + i];
        if (qc == 0) return;

        // R is read out, so orgqr may overwrite the reflectors in place when Q has no more columns than A (reduced mode);
        // the complete Q of a tall A (m x m) needs a wider buffer.
        using var qcolScratch = qc <= n ? default : Scratch<T>.Rent(m * qc);
        T[] qcol = qc <= n ? col : qcolScratch.Array;
        if (qc > n) col.AsSpan(0, m * n).CopyTo(qcol);
        var orgqr = (delegate* unmanaged<int*, int*, int*, void*, int*, void*, void*, int*, int*, void>)f.Orgqr;
        fixed (T* pq = qcol, pt = tau)
        {
            T query = T.Zero;
            int lwork = -1;
            orgqr(&m, &qc, &k, pq, &lda, pt, &query, &lwork, &info);
            Check(info, "orgqr");
            lwork = WorkSize(query);
            using var work = Scratch<T>.Rent(lwork);
            fixed (T* pw = work.Array) orgqr(&m, &qc, &k, pq, &lda, pt, pw, &lwork, &info);
            Check(info, "orgqr");
        }
        VectorOps.Transpose(qc, m, qcol, q);
    }

    /// <summary>
    /// Row-major lower triangle = column-major upper triangle, so potrf('U') reads exactly NumPy's triangle and returns
    /// column-major U with A = UᵀU, which read row-major is L = Uᵀ. The other triangle still holds input and is zeroed.
    /// Complex (Hermitian) A: the column-major matrix is Aᵀ = conj(A) = UᴴU, so A = Uᵀ conj(U) = L Lᴴ with the same L.
    /// </summary>
    public bool Cholesky<T>(int n, ReadOnlySpan<T> a, Span<T> l) where T : unmanaged, INumberBase<T>
    {
        a[..(n * n)].CopyTo(l);
        int info = 0, lda = Math.Max(1, n);
        byte uplo = U;
        fixed (T* pl = l)
            ((delegate* unmanaged<byte*, int*, void*, int*, int*, nuint, void>)For<T>().Potrf)(&uplo, &n, pl, &lda, &info, 1);
        Check(info, "potrf");
        if (info > 0) return false;
        for (int i = 0; i < n; i++) l.Slice(i * n + i + 1, n - i - 1).Clear();
        return true;
    }

    /// <summary>LU of the buffer in place (factors column-major Aᵀ, whose determinant is A's); 0-based pivots.</summary>
    public bool Getrf<T>(int n, Span<T> a, Span<int> piv) where T : unmanaged, INumberBase<T>
    {
        int info = 0, lda = Math.Max(1, n);
        fixed (T* pa = a)
        fixed (int* pp = piv)
            ((delegate* unmanaged<int*, int*, void*, int*, int*, int*, void>)For<T>().Getrf)(&n, &n, pa, &lda, pp, &info);
        Check(info, "getrf");
        for (int i = 0; i < n; i++) piv[i]--;
        return info == 0;
    }

    /// <summary>getrf factors column-major Aᵀ; getrs with trans='T' then solves (Aᵀ)ᵀ X = A X = B (B transposed to column-major).</summary>
    public bool Solve<T>(int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x) where T : unmanaged, INumberBase<T>
    {
        int[] piv = new int[n];
        using var lu = Scratch<T>.Copy(a[..(n * n)]);
        if (!FactorLu(n, lu.Array, piv)) return false;
        if (nrhs == 0) return true;
        using var bcol = Scratch<T>.Rent(n * nrhs);
        VectorOps.Transpose(n, nrhs, b, bcol.Array);
        SolveLu(T_, n, nrhs, lu.Array, piv, bcol.Array);
        VectorOps.Transpose(nrhs, n, bcol.Array, x);
        return true;
    }

    /// <summary>
    /// getrf + getrs against the identity, as NumPy's inv does with gesv (OpenBLAS parallelises getrs' triangular solves;
    /// getri measured 1.5x slower at 1000²). getrf factors column-major Aᵀ; getrs('N') solves Aᵀ Y = I, so
    /// Y = inv(A)ᵀ column-major, which read row-major is inv(A): no transposes.
    /// </summary>
    public bool Inverse<T>(int n, ReadOnlySpan<T> a, Span<T> inv) where T : unmanaged, INumberBase<T>
    {
        int[] piv = new int[n];
        using var lu = Scratch<T>.Copy(a[..(n * n)]);
        if (!FactorLu(n, lu.Array, piv)) return false;
        Span<T> y = inv[..(n * n)];
        y.Clear();
        for (int i = 0; i < n; i++) y[i * n + i] = T.One;
        SolveLu(N, n, n, lu.Array, piv, y);
        return true;
    }

    /// <summary>
    /// The inverse of a triangular n×n matrix (<paramref name="upper"/>: row-major upper, i.e. column-major lower) by
    /// trtri: n³/3 flops where LU and n solves take about 2n³. False when a diagonal entry is exactly zero.
    /// </summary>
    public bool TriangularInverse<T>(int n, bool upper, ReadOnlySpan<T> a, Span<T> inv) where T : unmanaged, INumberBase<T>
    {
        a[..(n * n)].CopyTo(inv);
        int info = 0, lda = Math.Max(1, n);
        byte uplo = upper ? (byte)'L' : U, diag = N;
        fixed (T* pa = inv)
            ((delegate* unmanaged<byte*, byte*, int*, void*, int*, int*, nuint, nuint, void>)For<T>().Trtri)(&uplo, &diag, &n, pa, &lda, &info, 1, 1);
        Check(info, "trtri");
        return info == 0;
    }

    // getrf in place on the n×n column-major buffer (row-major A read as Aᵀ); false when exactly singular.
    private bool FactorLu<T>(int n, T[] lu, int[] piv) where T : unmanaged, INumberBase<T>
    {
        int info = 0, lda = Math.Max(1, n);
        fixed (T* pa = lu)
        fixed (int* pp = piv)
            ((delegate* unmanaged<int*, int*, void*, int*, int*, int*, void>)For<T>().Getrf)(&n, &n, pa, &lda, pp, &info);
        Check(info, "getrf");
        return info == 0;
    }

    // getrs on a factored buffer: the column-major right-hand sides in b are overwritten by the solution.
    private void SolveLu<T>(byte trans, int n, int nrhs, T[] lu, int[] piv, Span<T> b) where T : unmanaged, INumberBase<T>
    {
        int info = 0, lda = Math.Max(1, n);
        fixed (T* pa = lu, pb = b)
        fixed (int* pp = piv)
            ((delegate* unmanaged<byte*, int*, int*, void*, int*, int*, void*, int*, int*, nuint, void>)For<T>().Getrs)(&trans, &n, &nrhs, pa, &lda, pp, pb, &lda, &info, 1);
        Check(info, "getrs");
    }

    /// <summary>
    /// syevd('U') on the buffer reads row-major A's lower triangle; eigenvectors come back as column-major columns,
    /// transposed into v. Complex (Hermitian) A: heevd('U') sees the column-major matrix conj(A), with A's eigenvalues
    /// and conjugate eigenvectors, so v is conjugated.
    /// </summary>
    public void Eigh<T, TR>(int n, ReadOnlySpan<T> a, Span<TR> w, Span<T> v, bool computeV)
        where T : unmanaged, INumberBase<T> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        T[] buf = a[..(n * n)].ToArray();
        byte jobz = computeV ? V : N, uplo = U;
        int info = 0, lda = Math.Max(1, n), lwork = -1, lrwork = -1, liwork = -1, iquery = 0;
        T query = T.Zero;
        TR rquery = TR.Zero;
        nint fn = For<T>().Syevd;
        fixed (T* pa = buf)
        fixed (TR* pw = w)
        {
            CallSyevd(fn, IsComplex<T>(), &jobz, &uplo, &n, pa, &lda, pw, &query, &lwork, &rquery, &lrwork, &iquery, &liwork, &info);
            Check(info, "syevd");
            lwork = WorkSize(query);
            lrwork = Math.Max(1, (int)Math.Ceiling(double.CreateTruncating(rquery)));
            liwork = Math.Max(1, iquery);
            fixed (T* pwork = GC.AllocateUninitializedArray<T>(lwork))
            fixed (TR* prw = GC.AllocateUninitializedArray<TR>(IsComplex<T>() ? lrwork : 1))
            fixed (int* piw = new int[liwork])
                CallSyevd(fn, IsComplex<T>(), &jobz, &uplo, &n, pa, &lda, pw, pwork, &lwork, prw, &lrwork, piw, &liwork, &info);
        }
        Check(info, "syevd");
        if (info > 0) throw new LinAlgException("Eigenvalues did not converge");
        if (!computeV) return;
        VectorOps.Transpose(n, n, buf, v);
        if (IsComplex<T>())
            for (int i = 0; i < n * n; i++) v[i] = Ufuncs.ComplexFunctions.Create<T>(Ufuncs.ComplexFunctions.Re(v[i]), -Ufuncs.ComplexFunctions.Im(v[i]));
    }

    // syevd and heevd: heevd takes rwork/lrwork before iwork/liwork.
    private static void CallSyevd(nint fn, bool complex, byte* jobz, byte* uplo, int* n, void* a, int* lda, void* w, void* work, int* lwork,
        void* rwork, int* lrwork, int* iwork, int* liwork, int* info)
    {
        if (complex)
            ((delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, void*, int*, int*, int*, int*, nuint, nuint, void>)fn)(
                jobz, uplo, n, a, lda, w, work, lwork, rwork, lrwork, iwork, liwork, info, 1, 1);
        else
            ((delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, int*, int*, int*, nuint, nuint, void>)fn)(
                jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork, info, 1, 1);
    }

    /// <summary>
    /// geev on the explicitly transposed (column-major) copy, right eigenvectors only (unit length, LAPACK's
    /// normalisation, which is NumPy's). Returns false with the first complex pair when the spectrum is not real.
    /// </summary>
    public bool Eig<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV, out (T Re, T Im) complexPair)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        complexPair = default;
        T[] col = GC.AllocateUninitializedArray<T>(n * n);
        VectorOps.Transpose(n, n, a, col);
        T[] wi = new T[n], vr = computeV ? GC.AllocateUninitializedArray<T>(n * n) : new T[1];
        byte jobvl = N, jobvr = computeV ? V : N;
        int info = 0, lda = Math.Max(1, n), ldvl = 1, ldvr = computeV ? Math.Max(1, n) : 1, lwork = -1;
        T query = T.Zero, dummy = T.Zero;
        var geev = (delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, void*, int*, void*, int*, void*, int*, int*, nuint, nuint, void>)For<T>().Geev;
        fixed (T* pa = col, pwr = w, pwi = wi, pvr = vr)
        {
            geev(&jobvl, &jobvr, &n, pa, &lda, pwr, pwi, &dummy, &ldvl, pvr, &ldvr, &query, &lwork, &info, 1, 1);
            Check(info, "geev");
            lwork = WorkSize(query);
            fixed (T* pw = GC.AllocateUninitializedArray<T>(lwork))
                geev(&jobvl, &jobvr, &n, pa, &lda, pwr, pwi, &dummy, &ldvl, pvr, &ldvr, pw, &lwork, &info, 1, 1);
        }
        Check(info, "geev");
        if (info > 0) throw new LinAlgException("Eigenvalues did not converge");
        for (int i = 0; i < n; i++)
        {
            if (wi[i] == T.Zero) continue;
            complexPair = (w[i], T.Abs(wi[i]));
            return false;
        }
        if (computeV) VectorOps.Transpose(n, n, vr, v);
        return true;
    }

    /// <summary>gelsd on explicitly column-major copies of A (m×n) and B (max(m, n)×nrhs); X is the first n rows of B.</summary>
    public int Lstsq<T, TR>(int m, int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<TR> s, TR rcond)
        where T : unmanaged, INumberBase<T> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int lda = Math.Max(1, m), ldb = Math.Max(1, Math.Max(m, n)), rank = 0, info = 0, lwork = -1;
        T[] acol = GC.AllocateUninitializedArray<T>(m * n);
        VectorOps.Transpose(m, n, a, acol);
        T[] bcol = new T[ldb * nrhs];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < nrhs; j++) bcol[j * ldb + i] = b[i * nrhs + j];
        T query = T.Zero;
        TR rquery = TR.Zero;
        int iquery = 0;
        nint fn = For<T>().Gelsd;
        fixed (T* pa = acol, pb = bcol)
        fixed (TR* ps = s)
        {
            CallGelsd(fn, IsComplex<T>(), &m, &n, &nrhs, pa, &lda, pb, &ldb, ps, &rcond, &rank, &query, &lwork, &rquery, &iquery, &info);
            Check(info, "gelsd");
            lwork = WorkSize(query);
            fixed (T* pw = GC.AllocateUninitializedArray<T>(lwork))
            fixed (TR* prw = GC.AllocateUninitializedArray<TR>(Math.Max(1, (int)Math.Ceiling(double.CreateTruncating(rquery)))))
            fixed (int* piw = new int[Math.Max(1, iquery)])
                CallGelsd(fn, IsComplex<T>(), &m, &n, &nrhs, pa, &lda, pb, &ldb, ps, &rcond, &rank, pw, &lwork, prw, piw, &info);
        }
        Check(info, "gelsd");
        if (info > 0) throw new LinAlgException("SVD did not converge in Linear Least Squares");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < nrhs; j++) x[i * nrhs + j] = bcol[j * ldb + i];
        return rank;
    }

    // gelsd's two signatures: the complex routines take rwork before iwork.
    private static void CallGelsd(nint fn, bool complex, int* m, int* n, int* nrhs, void* a, int* lda, void* b, int* ldb, void* s, void* rcond, int* rank,
        void* work, int* lwork, void* rwork, int* iwork, int* info)
    {
        if (complex)
            ((delegate* unmanaged<int*, int*, int*, void*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, int*, void>)fn)(
                m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, rwork, iwork, info);
        else
            ((delegate* unmanaged<int*, int*, int*, void*, int*, void*, int*, void*, void*, int*, void*, int*, int*, int*, void>)fn)(
                m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork, info);
    }
}
