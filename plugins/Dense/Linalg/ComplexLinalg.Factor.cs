using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

// The managed complex factorizations behind qr, cholesky, eigh, svd, lstsq and pinv (row-major buffers, double
// precision), run when no LAPACK is loaded: Householder QR with LAPACK's zgeqrf conventions (real β on R's diagonal),
// Cholesky A = L Lᴴ, the Hermitian eigensolver as the Hessenberg reduction of eig (tridiagonal for a Hermitian matrix),
// a diagonal phase scaling to a real tridiagonal matrix and the real implicit QL of the real eigh (ManagedLapack.Tql2),
// and the SVD by one-sided Jacobi with complex rotations.
internal static partial class ComplexLinalg
{
    private const double Eps = 2.220446049250313e-16;

    private static double Norm2(Complex c) => c.Real * c.Real + c.Imaginary * c.Imaginary;

    /// <summary>
    /// Householder QR in place (zgeqrf layout, row-major m×n): R in the upper triangle with a real diagonal, the reflector
    /// vectors (implicit leading 1) below it; Q = H₀ H₁ … with Hⱼ = I − τⱼ vⱼ vⱼᴴ.
    /// </summary>
    public static void Geqrf(int m, int n, Span<Complex> a, Span<Complex> tau)
    {
        int k = Math.Min(m, n);
        for (int j = 0; j < k; j++)
        {
            Complex alpha = a[j * n + j];
            double xnorm = 0;
            for (int i = j + 1; i < m; i++) xnorm += Norm2(a[i * n + j]);
            if (xnorm == 0 && alpha.Imaginary == 0)
            {
                tau[j] = Complex.Zero;
                continue;
            }
            double norm = Math.Sqrt(Norm2(alpha) + xnorm);
            double beta = alpha.Real >= 0 ? -norm : norm;
            tau[j] = new Complex((beta - alpha.Real) / beta, -alpha.Imaginary / beta);
            Complex inv = Complex.One / (alpha - beta);
            for (int i = j + 1; i < m; i++) a[i * n + j] *= inv;
            a[j * n + j] = beta;
            // The trailing columns: A := Hⱼᴴ A = A − conj(τ) v (vᴴ A).
            ApplyReflector(m, a, n, j, j + 1, n - j - 1, a, n, Complex.Conjugate(tau[j]));
        }
    }

    // target[j.., c0..c0+cols) −= t · v (vᴴ target), v = [1; a[j+1.., j]] (stride lda).
    private static void ApplyReflector(int m, ReadOnlySpan<Complex> v, int ldv, int j, int c0, int cols, Span<Complex> target, int ldt, Complex t)
    {
        if (cols <= 0 || t == Complex.Zero) return;
        for (int c = c0; c < c0 + cols; c++)
        {
            Complex s = target[j * ldt + c];
            for (int i = j + 1; i < m; i++) s += Complex.Conjugate(v[i * ldv + j]) * target[i * ldt + c];
            if (s == Complex.Zero) continue;
            s *= t;
            target[j * ldt + c] -= s;
            for (int i = j + 1; i < m; i++) target[i * ldt + c] -= v[i * ldv + j] * s;
        }
    }

    /// <summary>The first <paramref name="qc"/> columns of Q = H₀ H₁ … (m×qc, row-major) from <see cref="Geqrf"/>'s reflectors.</summary>
    public static void Ungqr(int m, int n, ReadOnlySpan<Complex> factored, ReadOnlySpan<Complex> tau, int qc, Span<Complex> q)
    {
        int k = Math.Min(m, n);
        q[..(m * qc)].Clear();
        for (int i = 0; i < Math.Min(m, qc); i++) q[i * qc + i] = Complex.One;
        for (int j = Math.Min(k, qc) - 1; j >= 0; j--) ApplyReflector(m, factored, n, j, j, qc - j, q, qc, tau[j]);
    }

    /// <summary>QR with <see cref="LinalgKernels.Qr{T}"/>'s output conventions: R rr×n (upper), Q m×qc (untouched when qc is 0).</summary>
    public static void Qr(int m, int n, ReadOnlySpan<Complex> a, Span<Complex> q, int qc, Span<Complex> r, int rr)
    {
        int k = Math.Min(m, n);
        Complex[] f = a[..(m * n)].ToArray();
        var tau = new Complex[Math.Max(k, 1)];
        Geqrf(m, n, f, tau);
        r[..(rr * n)].Clear();
        for (int i = 0; i < Math.Min(rr, k); i++) f.AsSpan(i * n + i, n - i).CopyTo(r.Slice(i * n + i, n - i));
        if (qc > 0) Ungqr(m, n, f, tau, qc, q);
    }

    /// <summary>The lower factor L of A = L Lᴴ (reads A's lower triangle and the real part of its diagonal, as zpotrf); false when A is not positive definite.</summary>
    public static bool Cholesky(int n, ReadOnlySpan<Complex> a, Span<Complex> l)
    {
        l[..(n * n)].Clear();
        for (int j = 0; j < n; j++)
        {
            double d = a[j * n + j].Real;
            for (int p = 0; p < j; p++) d -= Norm2(l[j * n + p]);
            if (!(d > 0)) return false;
            double ljj = Math.Sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++)
            {
                Complex s = a[i * n + j];
                for (int p = 0; p < j; p++) s -= l[i * n + p] * Complex.Conjugate(l[j * n + p]);
                l[i * n + j] = s / ljj;
            }
        }
        return true;
    }

    /// <summary>
    /// Eigenvalues (ascending) and eigenvectors (columns of <paramref name="v"/>) of the Hermitian matrix whose lower
    /// triangle <paramref name="a"/> holds (the diagonal's imaginary parts are ignored, as zheevd).
    /// </summary>
    public static void Eigh(int n, ReadOnlySpan<Complex> a, Span<double> w, Span<Complex> v, bool computeV)
    {
        var h = new Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++) { h[i * n + j] = a[i * n + j]; h[j * n + i] = Complex.Conjugate(a[i * n + j]); }
            h[i * n + i] = a[i * n + i].Real;
        }
        var z = new Complex[n * n];
        for (int i = 0; i < n; i++) z[i * n + i] = Complex.One;
        Hessenberg(n, h, z);   // tridiagonal: H = Zᴴ A Z
        // T = D S Dᴴ with S real: φ₀ = 1, φᵢ₊₁ = φᵢ · eᵢ/|eᵢ| makes the subdiagonal |eᵢ|.
        var phase = new Complex[n];
        double[] d = new double[n], e = new double[n], vt = new double[n * n];
        phase[0] = Complex.One;
        for (int i = 0; i < n; i++)
        {
            d[i] = h[i * n + i].Real;
            vt[i * n + i] = 1;
            if (i == 0) continue;
            Complex sub = h[i * n + i - 1];
            double m = Complex.Abs(sub);
            e[i] = m;
            phase[i] = m == 0 ? phase[i - 1] : phase[i - 1] * (sub / m);
        }
        ManagedLapack.Tql2(n, vt, d, e, computeV);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (x, y) => d[x].CompareTo(d[y]));
        for (int i = 0; i < n; i++) w[i] = d[order[i]];
        if (!computeV) return;
        // V = Z D Y with S = Y Λ Yᵀ (Y's columns are vt's rows).
        for (int t = 0; t < n; t++)
        {
            ReadOnlySpan<double> y = vt.AsSpan(order[t] * n, n);
            for (int i = 0; i < n; i++)
            {
                Complex s = Complex.Zero;
                for (int j = 0; j < n; j++) s += z[i * n + j] * (phase[j] * y[j]);
                v[i * n + t] = s;
            }
        }
    }

    /// <summary>
    /// <c>A = U diag(s) Vh</c> as <see cref="LinalgKernels.Svd{T}"/> (s real, descending), by one-sided Jacobi on the
    /// rows of B (r×c, r ≤ c: A when wide, Aᴴ when tall): unitary plane rotations W make B's rows orthogonal, S = W B,
    /// so B = Wᴴ S; σ are S's row norms, the normalised rows the right singular vectors of B.
    /// </summary>
    public static void Svd(int m, int n, ReadOnlySpan<Complex> a, Span<double> s, Span<Complex> u, Span<Complex> vt, bool full, bool computeUV)
    {
        int k = Math.Min(m, n), uc = full ? m : k, vr = full ? n : k;
        bool wide = m <= n;
        int r = k, c = Math.Max(m, n);
        var b = new Complex[r * c];
        if (wide) a[..(m * n)].CopyTo(b);
        else
        {
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) b[j * c + i] = Complex.Conjugate(a[i * n + j]);
        }
        Complex[]? w = computeUV ? new Complex[r * r] : null;
        if (w is not null) for (int i = 0; i < r; i++) w[i * r + i] = Complex.One;
        JacobiRows(r, c, b, w);

        var sigma = new double[r];
        for (int i = 0; i < r; i++)
        {
            double sum = 0;
            for (int j = 0; j < c; j++) sum += Norm2(b[i * c + j]);
            sigma[i] = Math.Sqrt(sum);
        }
        int[] order = new int[r];
        for (int i = 0; i < r; i++) order[i] = i;
        Array.Sort(order, (x, y) => sigma[y].CompareTo(sigma[x]));
        for (int i = 0; i < r; i++) s[i] = sigma[order[i]];
        if (!computeUV) return;

        // Right vectors of B, normalised rows of S; rows of zero singular values and the full basis completed.
        int rows = wide ? vr : uc;
        var right = new Complex[Math.Max(rows, r) * c];
        int valid = 0;
        double tiny = 2.2250738585072014e-308 / Eps;
        for (int t = 0; t < r; t++)
        {
            double sg = sigma[order[t]];
            if (!(sg > tiny)) break;
            for (int j = 0; j < c; j++) right[t * c + j] = b[order[t] * c + j] / sg;
            valid++;
        }
        CompleteRows(Math.Max(rows, r), c, valid, right);
        if (wide)
        {
            // A = B = Wᴴ Σ Vh: U[:, t] = conj(W[order[t], :]).
            u[..(m * uc)].Clear();
            for (int t = 0; t < r; t++)
                for (int i = 0; i < m; i++) u[i * uc + t] = Complex.Conjugate(w![order[t] * r + i]);
            right.AsSpan(0, vr * n).CopyTo(vt);
        }
        else
        {
            // A = Bᴴ = Vhᴴ Σ W: U = rightᴴ (m×uc), Vh row t = W row order[t].
            for (int i = 0; i < m; i++)
                for (int t = 0; t < uc; t++) u[i * uc + t] = Complex.Conjugate(right[t * c + i]);
            for (int t = 0; t < r; t++) w.AsSpan(order[t] * r, r).CopyTo(vt.Slice(t * n, n));
        }
    }

    // Cyclic one-sided Jacobi: rotates row pairs of b (r×c) until all are orthogonal to machine precision; the same
    // rotations applied to w (r×r) when given.
    private static void JacobiRows(int r, int c, Complex[] b, Complex[]? w)
    {
        var norms = new double[r];
        for (int sweep = 0; ; sweep++)
        {
            if (sweep == 80) throw new LinAlgException("SVD did not converge");
            for (int i = 0; i < r; i++)
            {
                double sum = 0;
                for (int j = 0; j < c; j++) sum += Norm2(b[i * c + j]);
                norms[i] = sum;
            }
            bool rotated = false;
            for (int p = 0; p < r - 1; p++)
                for (int q = p + 1; q < r; q++) rotated |= RotatePair(r, c, b, w, norms, p, q);
            if (!rotated) return;
        }
    }

    // One Hestenes rotation of rows p and q: γ = ⟨b_p, b_q⟩ = |γ| e^{iθ}; with b_q' = e^{iθ} b_q the pair is real, and
    // the real Jacobi rotation (as ManagedLapack.RotatePair) orthogonalises it.
    private static bool RotatePair(int r, int c, Complex[] b, Complex[]? w, double[] norms, int p, int q)
    {
        double xx = norms[p], yy = norms[q];
        if (xx == 0 || yy == 0) return false;
        Complex g = Complex.Zero;
        for (int j = 0; j < c; j++) g += b[p * c + j] * Complex.Conjugate(b[q * c + j]);
        double xy = Complex.Abs(g);
        if (!(xy > Eps * Math.Sqrt(xx) * Math.Sqrt(yy))) return false;
        Complex phase = g / xy;
        double zeta = (yy - xx) / (2 * xy);
        double t = Math.Abs(zeta) > 1e150 ? 1 / (2 * zeta) : Math.CopySign(1 / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta)), zeta);
        double cs = 1 / Math.Sqrt(1 + t * t), sn = cs * t;
        Rotate(b.AsSpan(p * c, c), b.AsSpan(q * c, c), cs, sn, phase);
        if (w is not null) Rotate(w.AsSpan(p * r, r), w.AsSpan(q * r, r), cs, sn, phase);
        double np = xx - t * xy, nq = yy + t * xy;
        norms[p] = np < 0.5 * xx ? RowNorm(b.AsSpan(p * c, c)) : np;
        norms[q] = nq < 0.5 * yy ? RowNorm(b.AsSpan(q * c, c)) : nq;
        return true;
    }

    private static double RowNorm(ReadOnlySpan<Complex> x)
    {
        double s = 0;
        foreach (Complex v in x) s += Norm2(v);
        return s;
    }

    // x' = c x − s e^{iθ} y, y' = s x + c e^{iθ} y.
    private static void Rotate(Span<Complex> x, Span<Complex> y, double c, double s, Complex phase)
    {
        for (int i = 0; i < x.Length; i++)
        {
            Complex a = x[i], py = phase * y[i];
            x[i] = c * a - s * py;
            y[i] = s * a + c * py;
        }
    }

    // Rows [0, valid) of y (total×c) are orthonormal; fills rows [valid, total) with an orthonormal basis of (part of)
    // their orthogonal complement: the trailing columns of the complete QR of the valid rows' transpose (qᴴ y_i = 0
    // for a column q of Q, i.e. ⟨q, y_i⟩ = 0 read as a row).
    private static void CompleteRows(int total, int c, int valid, Complex[] y)
    {
        if (valid >= total) return;
        var yt = new Complex[c * Math.Max(valid, 1)];
        for (int i = 0; i < valid; i++)
            for (int j = 0; j < c; j++) yt[j * valid + i] = y[i * c + j];
        var q = new Complex[c * c];
        var tau = new Complex[Math.Max(valid, 1)];
        if (valid > 0) Geqrf(c, valid, yt, tau);
        Ungqr(c, valid, yt, tau, c, q);
        for (int t = valid; t < total; t++)
            for (int i = 0; i < c; i++) y[t * c + i] = q[i * c + t];
    }
}
