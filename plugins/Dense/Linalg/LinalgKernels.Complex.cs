using System.Numerics;
using System.Runtime.InteropServices;
using ArrayDispatch.Functions;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Dense.Linalg;

// The complex kernels, generic over the element type TC (Complex for complex128, Complex64 for complex64) and its real
// type TR (double, float): the same contracts as the real ones; LAPACK's z/c routines when the loaded library has them
// (NativeLapack.HasComplex), as NumPy runs complex64 in single precision; the managed ComplexLinalg otherwise (and under
// ForceManaged/UseManaged), which computes in double precision and rounds complex64 results once. Singular values,
// eigenvalues of Hermitian matrices and residuals are real.
internal static partial class LinalgKernels
{
    private static NativeLapack? NativeComplex => Native is { HasComplex: true } nat ? nat : null;

    /// <summary>Row-major C (m×n) = A (m×k) · B (k×n) of complex64 or complex128 through cgemm/zgemm; false when no optimised BLAS with complex routines is loaded.</summary>
    public static bool TryComplexGemm<TC>(int m, int n, int k, ReadOnlySpan<TC> a, ReadOnlySpan<TC> b, Span<TC> c) where TC : unmanaged, INumberBase<TC>
    {
        if (NativeComplex is not { HasGemm: true } nat || k == 0) return false;
        nat.Gemm(false, false, m, n, k, TC.One, a, Math.Max(1, k), b, Math.Max(1, n), TC.Zero, c, Math.Max(1, n));
        return true;
    }

    /// <summary>As <see cref="Svd{T}"/>, for a complex A; s is real.</summary>
    public static void ComplexSvd<TC, TR>(int m, int n, ReadOnlySpan<TC> a, Span<TR> s, Span<TC> u, Span<TC> vt, bool fullMatrices, bool computeUV)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int k = Math.Min(m, n), uc = fullMatrices ? m : k, vr = fullMatrices ? n : k;
        if (ComplexSvdOfNonFinite(a[..(m * n)], s[..k], computeUV ? u[..(m * uc)] : default, computeUV ? vt[..(vr * n)] : default)) return;
        if (k == 0)
        {
            if (!computeUV) return;
            u[..(m * uc)].Clear();
            for (int i = 0; i < Math.Min(m, uc); i++) u[i * uc + i] = TC.One;
            vt[..(vr * n)].Clear();
            for (int i = 0; i < Math.Min(vr, n); i++) vt[i * n + i] = TC.One;
            return;
        }
        if (NativeComplex is { } nat)
        {
            nat.Svd(m, n, a, s, u, vt, fullMatrices, computeUV);
            return;
        }
        Complex[] wu = computeUV ? new Complex[m * uc] : [], wvt = computeUV ? new Complex[vr * n] : [];
        var ws = new double[k];
        ComplexLinalg.Svd(m, n, Widen(a[..(m * n)]), ws, wu, wvt, fullMatrices, computeUV);
        Narrow(ws, s);
        if (computeUV) { Narrow(wu, u); Narrow(wvt, vt); }
    }

    /// <summary>As <see cref="Qr{T}"/>, for a complex A.</summary>
    public static void ComplexQr<TC>(int m, int n, ReadOnlySpan<TC> a, Span<TC> q, Span<TC> r, QrMode mode) where TC : unmanaged, INumberBase<TC>
    {
        int k = Math.Min(m, n);
        int qc = mode switch { QrMode.Reduced => k, QrMode.Complete => m, _ => 0 };
        int rr = mode == QrMode.Complete ? m : k;
        if (k > 0 && NativeComplex is { } nat)
        {
            nat.Qr(m, n, a, q, qc, r, rr);
            return;
        }
        var wq = new Complex[m * qc];
        var wr = new Complex[rr * n];
        ComplexLinalg.Qr(m, n, Widen(a[..(m * n)]), wq, qc, wr, rr);
        Narrow(wq, q);
        Narrow(wr, r);
    }

    /// <summary>As <see cref="Cholesky{T}"/>: L with A = L Lᴴ for a Hermitian positive-definite A (its lower triangle read).</summary>
    public static void ComplexCholesky<TC>(int n, ReadOnlySpan<TC> a, Span<TC> l) where TC : unmanaged, INumberBase<TC>
    {
        bool ok = true;
        if (n == 0) { }
        else if (NativeComplex is { } nat) ok = nat.Cholesky(n, a, l);
        else
        {
            var wl = new Complex[n * n];
            ok = ComplexLinalg.Cholesky(n, Widen(a[..(n * n)]), wl);
            Narrow(wl, l);
        }
        if (!ok) throw new LinAlgException("Matrix is not positive definite");
    }

    /// <summary>As <see cref="Eigh{T}"/>, for a Hermitian A (lower triangle read): real eigenvalues ascending, unitary eigenvectors.</summary>
    public static void ComplexEigh<TC, TR>(int n, ReadOnlySpan<TC> a, Span<TR> w, Span<TC> v, bool computeV)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        if (n == 0) return;
        CheckFiniteComplex(a[..(n * n)], "Eigenvalues did not converge");
        if (NativeComplex is { } nat)
        {
            nat.Eigh(n, a, w, v, computeV);
            return;
        }
        var ww = new double[n];
        Complex[] wv = computeV ? new Complex[n * n] : [];
        ComplexLinalg.Eigh(n, Widen(a[..(n * n)]), ww, wv, computeV);
        Narrow(ww, w);
        if (computeV) Narrow(wv, v);
    }

    /// <summary>As <see cref="Lstsq{T}"/>, for complex A and B: the minimum-norm solution, real singular values, the effective rank.</summary>
    public static int ComplexLstsq<TC, TR>(int m, int n, int nrhs, ReadOnlySpan<TC> a, ReadOnlySpan<TC> b, Span<TC> x, Span<TR> s, TR rcond)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        int k = Math.Min(m, n);
        x[..(n * nrhs)].Clear();
        if (k == 0) return 0;
        CheckFiniteComplex(a[..(m * n)], "SVD did not converge in Linear Least Squares");
        if (nrhs == 0)
        {
            ComplexSvd(m, n, a, s, default, default, false, false);
            return CountRank<TR>(s[..k], rcond);
        }
        if (NativeComplex is { } nat) return nat.Lstsq(m, n, nrhs, a, b, x, s, rcond);
        // x = Vhᴴ diag(1/s) Uᴴ b over the first `rank` singular triplets.
        var u = new Complex[m * k];
        var vt = new Complex[k * n];
        var sd = new double[k];
        ComplexLinalg.Svd(m, n, Widen(a[..(m * n)]), sd, u, vt, false, true);
        Narrow(sd, s);
        int rank = CountRank<double>(sd, double.CreateTruncating(rcond));
        Complex[] bw = Widen(b[..(m * nrhs)]);
        var xw = new Complex[n * nrhs];
        var tmp = new Complex[nrhs];
        for (int t = 0; t < rank; t++)
        {
            Array.Clear(tmp);
            for (int i = 0; i < m; i++)
            {
                Complex ui = Complex.Conjugate(u[i * k + t]);
                for (int j = 0; j < nrhs; j++) tmp[j] += ui * bw[i * nrhs + j];
            }
            for (int i = 0; i < n; i++)
            {
                Complex vi = Complex.Conjugate(vt[t * n + i]) / sd[t];
                for (int j = 0; j < nrhs; j++) xw[i * nrhs + j] += vi * tmp[j];
            }
        }
        Narrow(xw, x);
        return rank;
    }

    /// <summary>As <see cref="Solve{T}"/>: X (n×nrhs) with A X = B (getrf + getrs, or the managed complex LU).</summary>
    public static void ComplexSolve<TC>(int n, int nrhs, ReadOnlySpan<TC> a, ReadOnlySpan<TC> b, Span<TC> x) where TC : unmanaged, INumberBase<TC>
    {
        if (n == 0) return;
        if (NativeComplex is { } nat)
        {
            if (!nat.Solve(n, nrhs, a, b, x)) throw new LinAlgException("Singular matrix");
            return;
        }
        var wx = new Complex[n * nrhs];
        ComplexLinalg.Solve(n, nrhs, Widen(a[..(n * n)]), Widen(b[..(n * nrhs)]), wx);
        Narrow(wx, x);
    }

    /// <summary>As <see cref="Inverse{T}"/>, for a complex A.</summary>
    public static void ComplexInverse<TC>(int n, ReadOnlySpan<TC> a, Span<TC> inv) where TC : unmanaged, INumberBase<TC>
    {
        if (n == 0) return;
        if (NativeComplex is { } nat)
        {
            if (!nat.Inverse(n, a, inv)) throw new LinAlgException("Singular matrix");
            return;
        }
        var w = new Complex[n * n];
        ComplexLinalg.Inverse(n, Widen(a[..(n * n)]), w);
        Narrow(w, inv);
    }

    /// <summary>NumPy's slogdet of a complex matrix: a sign of modulus 1 (0 when singular) and log|det| (−∞ when singular), from the LU factors.</summary>
    public static (Complex Sign, double LogAbs) ComplexSlogdet<TC>(int n, ReadOnlySpan<TC> a) where TC : unmanaged, INumberBase<TC>
    {
        if (n == 0) return (Complex.One, 0);
        if (NativeComplex is not { } nat) return ComplexLinalg.Slogdet(n, Widen(a[..(n * n)]));
        TC[] lu = a[..(n * n)].ToArray();
        int[] piv = new int[n];
        if (!nat.Getrf(n, lu, piv)) return (Complex.Zero, double.NegativeInfinity);
        Complex sign = Complex.One;
        double log = 0;
        for (int i = 0; i < n; i++)
        {
            Complex d = ComplexFunctions.Widen(lu[i * n + i]);
            double m = Complex.Abs(d);
            sign *= d / m;
            if (piv[i] != i) sign = -sign;
            log += Math.Log(m);
        }
        return (sign, log);
    }

    /// <summary>As <see cref="SvdOfNonFinite{T}"/>, for a complex A (a NaN in either part raises, an infinity gives NaN).</summary>
    private static bool ComplexSvdOfNonFinite<TC, TR>(ReadOnlySpan<TC> a, Span<TR> s, Span<TC> u, Span<TC> vt)
        where TC : unmanaged, INumberBase<TC> where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        bool infinite = false;
        foreach (TC v in a)
        {
            if (TC.IsNaN(v)) throw new LinAlgException("SVD did not converge");
            infinite |= !TC.IsFinite(v);
        }
        if (!infinite) return false;
        s.Fill(TR.NaN);
        TC nan = TC.CreateTruncating(double.NaN);
        u.Fill(nan);
        vt.Fill(nan);
        return true;
    }

    private static void CheckFiniteComplex<TC>(ReadOnlySpan<TC> a, string message) where TC : unmanaged, INumberBase<TC>
    {
        foreach (TC v in a)
            if (!TC.IsFinite(v)) throw new LinAlgException(message);
    }

    /// <summary>The values as complex128 (a copy).</summary>
    internal static Complex[] Widen<TC>(ReadOnlySpan<TC> x) where TC : unmanaged, INumberBase<TC>
    {
        if (typeof(TC) == typeof(Complex)) return MemoryMarshal.Cast<TC, Complex>(x).ToArray();
        var r = new Complex[x.Length];
        for (int i = 0; i < x.Length; i++) r[i] = ComplexFunctions.Widen(x[i]);
        return r;
    }

    // complex128 values rounded once to TC (a copy for complex128).
    private static void Narrow<TC>(ReadOnlySpan<Complex> x, Span<TC> d) where TC : unmanaged, INumberBase<TC>
    {
        if (typeof(TC) == typeof(Complex)) { x.CopyTo(MemoryMarshal.Cast<TC, Complex>(d)); return; }
        for (int i = 0; i < x.Length; i++) d[i] = ComplexFunctions.Narrow<TC>(x[i]);
    }

    private static void Narrow<TR>(ReadOnlySpan<double> x, Span<TR> d) where TR : unmanaged, IFloatingPointIeee754<TR>
    {
        for (int i = 0; i < x.Length; i++) d[i] = TR.CreateTruncating(x[i]);
    }
}
