using System.Numerics;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Dense.Linalg;

// The complex kernels (complex128 values; complex64 callers widen and round once): the same contracts as the real
// ones, LAPACK's z routines when the loaded library has them (NativeLapack.HasComplex), the managed ComplexLinalg
// otherwise (and under ForceManaged/UseManaged). Singular values, eigenvalues of Hermitian matrices and residuals are real.
internal static partial class LinalgKernels
{
    private static NativeLapack? NativeComplex => Native is { HasComplex: true } nat ? nat : null;

    /// <summary>Row-major C (m×n) = A (m×k) · B (k×n) of complex64 or complex128 through cgemm/zgemm; false when no optimised BLAS with complex routines is loaded.</summary>
    public static bool TryComplexGemm<TC>(int m, int n, int k, ReadOnlySpan<TC> a, ReadOnlySpan<TC> b, Span<TC> c) where TC : unmanaged
    {
        if (NativeComplex is not { HasGemm: true } nat || k == 0) return false;
        nat.ComplexGemm(m, n, k, a, b, c);
        return true;
    }

    /// <summary>As <see cref="Svd{T}"/>, for a complex A; s is real.</summary>
    public static void Svd(int m, int n, ReadOnlySpan<Complex> a, Span<double> s, Span<Complex> u, Span<Complex> vt, bool fullMatrices, bool computeUV)
    {
        int k = Math.Min(m, n);
        CheckFinite(a[..(m * n)], "SVD did not converge");
        if (k == 0)
        {
            if (!computeUV) return;
            int uc = fullMatrices ? m : k, vr = fullMatrices ? n : k;
            u[..(m * uc)].Clear();
            for (int i = 0; i < Math.Min(m, uc); i++) u[i * uc + i] = Complex.One;
            vt[..(vr * n)].Clear();
            for (int i = 0; i < Math.Min(vr, n); i++) vt[i * n + i] = Complex.One;
            return;
        }
        if (NativeComplex is { } nat) nat.Svd(m, n, a, s, u, vt, fullMatrices, computeUV);
        else ComplexLinalg.Svd(m, n, a, s, u, vt, fullMatrices, computeUV);
    }

    /// <summary>As <see cref="Qr{T}"/>, for a complex A.</summary>
    public static void Qr(int m, int n, ReadOnlySpan<Complex> a, Span<Complex> q, Span<Complex> r, QrMode mode)
    {
        int k = Math.Min(m, n);
        int qc = mode switch { QrMode.Reduced => k, QrMode.Complete => m, _ => 0 };
        int rr = mode == QrMode.Complete ? m : k;
        if (k > 0 && NativeComplex is { } nat) nat.Qr(m, n, a, q, qc, r, rr);
        else ComplexLinalg.Qr(m, n, a, q, qc, r, rr);
    }

    /// <summary>As <see cref="Cholesky{T}"/>: L with A = L Lᴴ for a Hermitian positive-definite A (its lower triangle read).</summary>
    public static void Cholesky(int n, ReadOnlySpan<Complex> a, Span<Complex> l)
    {
        bool ok = n == 0 || (NativeComplex is { } nat ? nat.Cholesky(n, a, l) : ComplexLinalg.Cholesky(n, a, l));
        if (!ok) throw new LinAlgException("Matrix is not positive definite");
    }

    /// <summary>As <see cref="Eigh{T}"/>, for a Hermitian A (lower triangle read): real eigenvalues ascending, unitary eigenvectors.</summary>
    public static void Eigh(int n, ReadOnlySpan<Complex> a, Span<double> w, Span<Complex> v, bool computeV)
    {
        if (n == 0) return;
        CheckFinite(a[..(n * n)], "Eigenvalues did not converge");
        if (NativeComplex is { } nat) nat.Eigh(n, a, w, v, computeV);
        else ComplexLinalg.Eigh(n, a, w, v, computeV);
    }

    /// <summary>As <see cref="Lstsq{T}"/>, for complex A and B: the minimum-norm solution, real singular values, the effective rank.</summary>
    public static int Lstsq(int m, int n, int nrhs, ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> x, Span<double> s, double rcond)
    {
        int k = Math.Min(m, n);
        x[..(n * nrhs)].Clear();
        if (k == 0) return 0;
        CheckFinite(a[..(m * n)], "SVD did not converge in Linear Least Squares");
        if (nrhs == 0)
        {
            Svd(m, n, a, s, default, default, false, false);
            return CountRank(s[..k], rcond);
        }
        if (NativeComplex is { } nat) return nat.Lstsq(m, n, nrhs, a, b, x, s, rcond);
        // x = Vhᴴ diag(1/s) Uᴴ b over the first `rank` singular triplets.
        var u = new Complex[m * k];
        var vt = new Complex[k * n];
        ComplexLinalg.Svd(m, n, a, s, u, vt, false, true);
        int rank = CountRank(s[..k], rcond);
        var tmp = new Complex[nrhs];
        for (int t = 0; t < rank; t++)
        {
            Array.Clear(tmp);
            for (int i = 0; i < m; i++)
            {
                Complex ui = Complex.Conjugate(u[i * k + t]);
                for (int j = 0; j < nrhs; j++) tmp[j] += ui * b[i * nrhs + j];
            }
            for (int i = 0; i < n; i++)
            {
                Complex vi = Complex.Conjugate(vt[t * n + i]) / s[t];
                for (int j = 0; j < nrhs; j++) x[i * nrhs + j] += vi * tmp[j];
            }
        }
        return rank;
    }

    private static void CheckFinite(ReadOnlySpan<Complex> a, string message)
    {
        foreach (Complex v in a)
            if (!Complex.IsFinite(v)) throw new LinAlgException(message);
    }
}
