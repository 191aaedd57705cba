using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

// Calls into BLAS/LAPACK. Row-major data is column-major data of the transpose; each method documents how it uses that.
internal sealed unsafe partial class NativeLapack
{
    private static readonly byte N = (byte)'N', T_ = (byte)'T', U = (byte)'U', S = (byte)'S', A = (byte)'A', V = (byte)'V';

    /// <summary>
    /// Row-major C = op(A) op(B) is column-major Cᵀ = op(B)ᵀ op(A)ᵀ, and the column-major view of each row-major buffer
    /// is already its transpose: so call Fortran gemm with the operands swapped (B first, then A) and n, m exchanged.
    /// </summary>
    public void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        byte ta = transA ? T_ : N, tb = transB ? T_ : N;
        fixed (T* pa = a, pb = b, pc = c)
            ((delegate* unmanaged<byte*, byte*, int*, int*, int*, void*, void*, int*, void*, int*, void*, void*, int*, nuint, nuint, void>)For<T>().Gemm)(
                &tb, &ta, &n, &m, &k, &alpha, pb, &ldb, pa, &lda, &beta, pc, &ldc, 1, 1);
    }

    /// <summary>
    /// LAPACK sees row-major A (m×n) as column-major Aᵀ (n×m). gesdd gives Aᵀ = U' Σ V'ᵀ, so A = V' Σ U'ᵀ: LAPACK's vt
    /// (column-major V'ᵀ, i.e. row-major V') is our U, and its u (column-major U', i.e. row-major U'ᵀ) is our Vt. That
    /// needs no transposes, but for tall A LAPACK then factors a wide matrix, whose LQ-first path runs at half the speed
    /// of the QR-first one in OpenBLAS 0.3.21 (2000×500: 250 ms vs NumPy's 110-120 ms); so tall A is transposed to
    /// column-major and factored the way NumPy does, and U and Vᵀ are transposed back.
    /// </summary>
    public void Svd<T>(int m, int n, ReadOnlySpan<T> a, Span<T> s, Span<T> u, Span<T> vt, bool full, bool computeUV)
        where T : unmanaged, IFloatingPointIeee754<T>
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
    private void Gesdd<T>(int lm, int ln, T[] a, Span<T> s, Span<T> u, int ldu, Span<T> vt, int ldvt, bool full, bool computeUV)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(lm, ln), lda = Math.Max(1, lm);
        byte jobz = !computeUV ? N : full ? A : S;
        T dummy = T.Zero;
        int[] iwork = new int[8 * k];
        int info = 0, lwork = -1;
        T query = T.Zero;
        var gesdd = (delegate* unmanaged<byte*, int*, int*, void*, int*, void*, void*, int*, void*, int*, void*, int*, int*, int*, nuint, void>)For<T>().Gesdd;
        fixed (T* pa = a, ps = s, pu = u, pvt = vt)
        fixed (int* piw = iwork)
        {
            void* lu = computeUV ? pu : &dummy, lvt = computeUV ? pvt : &dummy;
            gesdd(&jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, &query, &lwork, piw, &info, 1);
            Check(info, "gesdd");
            lwork = WorkSize(query);
            using var work = Scratch<T>.Rent(lwork);
            fixed (T* pw = work.Array) gesdd(&jobz, &lm, &ln, pa, &lda, ps, lu, &ldu, lvt, &ldvt, pw, &lwork, piw, &info, 1);
        }
        Check(info, "gesdd");
        if (info > 0) throw new LinAlgException("SVD did not converge");
    }

    /// <summary>QR of the explicitly transposed (column-major) copy with geqrf + orgqr; R and Q are transposed back.</summary>
    public void Qr<T>(int m, int n, ReadOnlySpan<T> a, Span<T> q, int qc, Span<T> r, int rr) where T : unmanaged, IFloatingPointIeee754<T>
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

        using var qcolScratch = Scratch<T>.Rent(m * qc);
        T[] qcol = qcolScratch.Array;
        col.AsSpan(0, m * Math.Min(qc, n)).CopyTo(qcol);
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
    /// </summary>
    public bool Cholesky<T>(int n, ReadOnlySpan<T> a, Span<T> l) where T : unmanaged, IFloatingPointIeee754<T>
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
    public bool Getrf<T>(int n, Span<T> a, Span<int> piv) where T : unmanaged, IFloatingPointIeee754<T>
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
    public bool Solve<T>(int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x) where T : unmanaged, IFloatingPointIeee754<T>
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
    public bool Inverse<T>(int n, ReadOnlySpan<T> a, Span<T> inv) where T : unmanaged, IFloatingPointIeee754<T>
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

    // getrf in place on the n×n column-major buffer (row-major A read as Aᵀ); false when exactly singular.
    private bool FactorLu<T>(int n, T[] lu, int[] piv) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int info = 0, lda = Math.Max(1, n);
        fixed (T* pa = lu)
        fixed (int* pp = piv)
            ((delegate* unmanaged<int*, int*, void*, int*, int*, int*, void>)For<T>().Getrf)(&n, &n, pa, &lda, pp, &info);
        Check(info, "getrf");
        return info == 0;
    }

    // getrs on a factored buffer: the column-major right-hand sides in b are overwritten by the solution.
    private void SolveLu<T>(byte trans, int n, int nrhs, T[] lu, int[] piv, Span<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int info = 0, lda = Math.Max(1, n);
        fixed (T* pa = lu, pb = b)
        fixed (int* pp = piv)
            ((delegate* unmanaged<byte*, int*, int*, void*, int*, int*, void*, int*, int*, nuint, void>)For<T>().Getrs)(&trans, &n, &nrhs, pa, &lda, pp, pb, &lda, &info, 1);
        Check(info, "getrs");
    }

    /// <summary>syevd('U') on the buffer reads row-major A's lower triangle; eigenvectors come back as column-major columns, transposed into v.</summary>
    public void Eigh<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] buf = a[..(n * n)].ToArray();
        byte jobz = computeV ? V : N, uplo = U;
        int info = 0, lda = Math.Max(1, n), lwork = -1, liwork = -1, iquery = 0;
        T query = T.Zero;
        var syevd = (delegate* unmanaged<byte*, byte*, int*, void*, int*, void*, void*, int*, int*, int*, int*, nuint, nuint, void>)For<T>().Syevd;
        fixed (T* pa = buf, pw = w)
        {
            syevd(&jobz, &uplo, &n, pa, &lda, pw, &query, &lwork, &iquery, &liwork, &info, 1, 1);
            Check(info, "syevd");
            lwork = WorkSize(query);
            liwork = Math.Max(1, iquery);
            fixed (T* pwork = GC.AllocateUninitializedArray<T>(lwork))
            fixed (int* piw = new int[liwork])
                syevd(&jobz, &uplo, &n, pa, &lda, pw, pwork, &lwork, piw, &liwork, &info, 1, 1);
        }
        Check(info, "syevd");
        if (info > 0) throw new LinAlgException("Eigenvalues did not converge");
        if (computeV) VectorOps.Transpose(n, n, buf, v);
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
    public int Lstsq<T>(int m, int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<T> s, T rcond)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lda = Math.Max(1, m), ldb = Math.Max(1, Math.Max(m, n)), rank = 0, info = 0, lwork = -1;
        T[] acol = GC.AllocateUninitializedArray<T>(m * n);
        VectorOps.Transpose(m, n, a, acol);
        T[] bcol = new T[ldb * nrhs];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < nrhs; j++) bcol[j * ldb + i] = b[i * nrhs + j];
        T query = T.Zero;
        int iquery = 0;
        var gelsd = (delegate* unmanaged<int*, int*, int*, void*, int*, void*, int*, void*, void*, int*, void*, int*, int*, int*, void>)For<T>().Gelsd;
        fixed (T* pa = acol, pb = bcol, ps = s)
        {
            gelsd(&m, &n, &nrhs, pa, &lda, pb, &ldb, ps, &rcond, &rank, &query, &lwork, &iquery, &info);
            Check(info, "gelsd");
            lwork = WorkSize(query);
            fixed (T* pw = GC.AllocateUninitializedArray<T>(lwork))
            fixed (int* piw = new int[Math.Max(1, iquery)])
                gelsd(&m, &n, &nrhs, pa, &lda, pb, &ldb, ps, &rcond, &rank, pw, &lwork, piw, &info);
        }
        Check(info, "gelsd");
        if (info > 0) throw new LinAlgException("SVD did not converge in Linear Least Squares");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < nrhs; j++) x[i * nrhs + j] = bcol[j * ldb + i];
        return rank;
    }
}
