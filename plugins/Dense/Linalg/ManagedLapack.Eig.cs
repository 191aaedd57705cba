using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

internal static partial class ManagedLapack
{
    /// <summary>
    /// Eigenvalues and right eigenvectors of a general real matrix whose spectrum is real (the managed path of
    /// <c>linalg.eig</c>; complex spectra need a complex dtype, which the protocol does not have yet). Householder
    /// reduction to Hessenberg form, then single-shift QR with Wilkinson shifts and deflation (Givens rotations,
    /// O(n²) per sweep); a trailing 2×2 block that splits off with complex eigenvalues is reported, not guessed.
    /// Eigenvectors by inverse iteration on A - λI, orthogonalised within clusters of equal eigenvalues so repeated
    /// eigenvalues of a diagonalisable matrix get independent vectors; each is scaled to unit length as LAPACK does.
    /// Returns false (and fills <paramref name="complexPair"/>) when the spectrum has a complex pair.
    /// </summary>
    public static bool Eig<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV, out (T Re, T Im) complexPair)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        complexPair = default;
        T[] h = a[..(n * n)].ToArray();
        Hessenberg(n, h);
        if (!HessenbergEigenvalues(n, h, w, out complexPair)) return false;
        if (computeV) InverseIteration(n, a, w, v);
        return true;
    }

    // Householder similarity transforms zeroing below the first subdiagonal, column by column.
    private static void Hessenberg<T>(int n, T[] h) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = new T[n];
        for (int k = 0; k < n - 2; k++)
        {
            T norm = T.Zero;
            for (int i = k + 1; i < n; i++) norm = T.Hypot(norm, h[i * n + k]);
            if (norm == T.Zero) continue;
            T alpha = h[(k + 1) * n + k] > T.Zero ? -norm : norm;
            Array.Clear(u);
            for (int i = k + 1; i < n; i++) u[i] = h[i * n + k];
            u[k + 1] -= alpha;
            T uu = T.Zero;
            for (int i = k + 1; i < n; i++) uu += u[i] * u[i];
            if (uu == T.Zero) continue;
            T beta = (T.One + T.One) / uu;
            // H = (I - β u uᵀ) H (I - β u uᵀ): rows first, then columns.
            for (int j = 0; j < n; j++)
            {
                T s = T.Zero;
                for (int i = k + 1; i < n; i++) s += u[i] * h[i * n + j];
                s *= beta;
                for (int i = k + 1; i < n; i++) h[i * n + j] -= s * u[i];
            }
            for (int i = 0; i < n; i++)
            {
                Span<T> row = h.AsSpan(i * n, n);
                T s = VectorOps.Dot<T>(row[(k + 1)..], u.AsSpan(k + 1)) * beta;
                VectorOps.Axpy(-s, u.AsSpan(k + 1), row[(k + 1)..]);
            }
            for (int i = k + 2; i < n; i++) h[i * n + k] = T.Zero;
        }
    }

    private static bool HessenbergEigenvalues<T>(int n, T[] h, Span<T> w, out (T Re, T Im) complexPair)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        complexPair = default;
        T eps = VectorOps.Eps<T>();
        int hi = n - 1, iterations = 0, budget = 60 * Math.Max(n, 1);
        while (hi >= 0)
        {
            int l = hi;
            while (l > 0)
            {
                T scale = T.Abs(h[l * n + l]) + T.Abs(h[(l - 1) * n + l - 1]);
                if (T.Abs(h[l * n + l - 1]) <= eps * (scale == T.Zero ? T.One : scale)) break;
                l--;
            }
            if (l > 0) h[l * n + l - 1] = T.Zero;
            if (l == hi)
            {
                w[hi] = h[hi * n + hi];
                hi--;
                iterations = 0;
                continue;
            }
            if (l == hi - 1)
            {
                var (r1, r2, im) = TwoByTwo(h[l * n + l], h[l * n + hi], h[hi * n + l], h[hi * n + hi]);
                if (im != T.Zero)
                {
                    complexPair = (r1, im);
                    return false;
                }
                w[l] = r1;
                w[hi] = r2;
                hi -= 2;
                iterations = 0;
                continue;
            }
            if (++iterations > budget) throw new LinAlgException("Eigenvalues did not converge");
            T mu = WilkinsonShift(h[(hi - 1) * n + hi - 1], h[(hi - 1) * n + hi], h[hi * n + hi - 1], h[hi * n + hi]);
            if (iterations % 11 == 10) mu += T.Abs(h[hi * n + hi - 1]) * T.CreateTruncating(0.75); // exceptional shift
            QrSweep(n, h, l, hi, mu);
        }
        return true;
    }

    // One explicit shifted QR step on the active window [l, hi]: H - μI = QR, H := RQ + μI (Givens).
    private static void QrSweep<T>(int n, T[] h, int l, int hi, T mu) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int count = hi - l;
        var cs = new (T C, T S)[count];
        for (int i = l; i <= hi; i++) h[i * n + i] -= mu;
        for (int k = l; k < hi; k++)
        {
            T x = h[k * n + k], y = h[(k + 1) * n + k];
            T r = T.Hypot(x, y);
            (T c, T s) = r == T.Zero ? (T.One, T.Zero) : (x / r, y / r);
            cs[k - l] = (c, s);
            // Rows k, k+1 of the window's columns k.. (and to the right, so the whole matrix stays similar).
            for (int j = k; j < n; j++)
            {
                T a = h[k * n + j], b = h[(k + 1) * n + j];
                h[k * n + j] = c * a + s * b;
                h[(k + 1) * n + j] = -s * a + c * b;
            }
        }
        for (int k = l; k < hi; k++)
        {
            (T c, T s) = cs[k - l];
            // Columns k, k+1 of rows 0..k+1 (R Q stays Hessenberg).
            for (int i = 0; i <= Math.Min(k + 1, hi); i++)
            {
                T a = h[i * n + k], b = h[i * n + k + 1];
                h[i * n + k] = c * a + s * b;
                h[i * n + k + 1] = -s * a + c * b;
            }
        }
        for (int i = l; i <= hi; i++) h[i * n + i] += mu;
    }

    // Eigenvalues of [[a, b], [c, d]]: (larger, smaller, 0) when real, (re, re, |im|) when complex.
    private static (T, T, T) TwoByTwo<T>(T a, T b, T c, T d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T two = T.One + T.One;
        T p = (a - d) / two, disc = p * p + b * c, mid = (a + d) / two;
        if (disc < T.Zero) return (mid, mid, T.Sqrt(-disc));
        T root = T.Sqrt(disc);
        return (mid + root, mid - root, T.Zero);
    }

    // The eigenvalue of the trailing 2×2 closer to its last diagonal entry; that entry itself when the pair is complex.
    private static T WilkinsonShift<T>(T a, T b, T c, T d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (r1, r2, im) = TwoByTwo(a, b, c, d);
        if (im != T.Zero) return d;
        return T.Abs(r1 - d) < T.Abs(r2 - d) ? r1 : r2;
    }

    // v[:, j] = unit eigenvector for w[j]: a few steps of inverse iteration with a slightly perturbed shift.
    private static void InverseIteration<T>(int n, ReadOnlySpan<T> a, ReadOnlySpan<T> w, Span<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T eps = VectorOps.Eps<T>();
        T norm = T.Zero;
        foreach (T x in a[..(n * n)]) norm = T.Max(norm, T.Abs(x));
        if (norm == T.Zero) norm = T.One;
        var shifted = new T[n * n];
        var piv = new int[n];
        var x0 = new T[n];
        var vectors = new T[n][];
        for (int j = 0; j < n; j++)
        {
            a[..(n * n)].CopyTo(shifted);
            T lambda = w[j] + eps * norm * T.CreateTruncating(16);
            for (int i = 0; i < n; i++) shifted[i * n + i] -= lambda;
            Lu(n, shifted, piv, out _);
            for (int i = 0; i < n; i++)
                if (shifted[i * n + i] == T.Zero) shifted[i * n + i] = eps * norm;
            // A start vector with no special structure; a different one per j keeps repeated eigenvalues apart.
            for (int i = 0; i < n; i++) x0[i] = T.One + T.CreateTruncating(((i + 1) * 0.6180339887498949 * (j + 1)) % 1.0);
            for (int step = 0; step < 3; step++)
            {
                LuSolve(n, 1, shifted, piv, x0);
                for (int p = 0; p < j; p++)
                {
                    // Earlier vectors of (numerically) the same eigenvalue: project them out.
                    if (T.Abs(w[p] - w[j]) > T.Sqrt(eps) * norm) continue;
                    VectorOps.Axpy(-VectorOps.Dot<T>(vectors[p], x0), vectors[p], x0);
                }
                T length = T.Sqrt(VectorOps.Dot<T>(x0, x0));
                if (length == T.Zero) break;
                VectorOps.Scale(T.One / length, x0);
            }
            vectors[j] = (T[])x0.Clone();
            for (int i = 0; i < n; i++) v[i * n + j] = x0[i];
        }
    }
}
