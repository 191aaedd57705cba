using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

internal static partial class ManagedLapack
{
    /// <summary>
    /// Householder QR in place (LAPACK geqrf layout, row-major): on return R is in the upper triangle of
    /// <paramref name="a"/> (m×n) and the reflector vectors (implicit leading 1) below it, with scalars in <paramref name="tau"/>.
    /// </summary>
    public static void Geqrf<T>(int m, int n, Span<T> a, Span<T> tau) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        T[] w = new T[n];
        for (int j = 0; j < k; j++)
        {
            // Norm of the column below the diagonal, scaled against overflow.
            T scale = T.Zero;
            for (int i = j; i < m; i++) scale = T.Max(scale, T.Abs(a[i * n + j]));
            T alpha = a[j * n + j];
            T sigma = T.Zero;
            if (scale > T.Zero)
                for (int i = j + 1; i < m; i++) { T t = a[i * n + j] / scale; sigma += t * t; }
            if (sigma == T.Zero)
            {
                tau[j] = T.Zero;
                continue;
            }
            T norm = scale * T.Sqrt((alpha / scale) * (alpha / scale) + sigma);
            T beta = alpha >= T.Zero ? -norm : norm;
            tau[j] = (beta - alpha) / beta;
            T inv = T.One / (alpha - beta);
            for (int i = j + 1; i < m; i++) a[i * n + j] *= inv;
            a[j * n + j] = beta;
            ApplyReflectorLeft(m, n, a, n, j, j + 1, n - j - 1, tau[j], a, w);
        }
    }

    /// <summary>
    /// Applies <c>H = I - tau v vᵀ</c> (v = [1; a[j+1.., j]]) from the left to rows j.. of the columns
    /// [c0, c0+cols) of <paramref name="target"/> (row stride <paramref name="ldt"/>).
    /// </summary>
    private static void ApplyReflectorLeft<T>(int m, int n, ReadOnlySpan<T> v, int ldt, int j, int c0, int cols, T tau, Span<T> target, T[] work)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (cols <= 0 || tau == T.Zero) return;
        Span<T> w = work.AsSpan(0, cols);
        target.Slice(j * ldt + c0, cols).CopyTo(w);
        for (int i = j + 1; i < m; i++)
        {
            T vi = v[i * n + j];
            if (vi != T.Zero) VectorOps.Axpy(vi, target.Slice(i * ldt + c0, cols), w);
        }
        VectorOps.Axpy(-tau, w, target.Slice(j * ldt + c0, cols));
        for (int i = j + 1; i < m; i++)
        {
            T vi = v[i * n + j];
            if (vi != T.Zero) VectorOps.Axpy(-tau * vi, w, target.Slice(i * ldt + c0, cols));
        }
    }

    /// <summary>Forms the first <paramref name="qc"/> columns of Q (m×qc, row-major) from the reflectors of <see cref="Geqrf{T}"/>.</summary>
    public static void Orgqr<T>(int m, int n, ReadOnlySpan<T> factored, ReadOnlySpan<T> tau, int qc, Span<T> q) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        VectorOps.Identity(m, qc, q);
        T[] w = new T[Math.Max(qc, 1)];
        for (int j = k - 1; j >= 0; j--)
        {
            if (j >= qc) continue;
            ApplyReflectorLeft(m, n, factored, qc, j, j, qc - j, tau[j], q, w);
        }
    }

    /// <summary>QR with the output conventions of <see cref="LinalgKernels.Qr{T}"/>: R is rr×n (upper), Q is m×qc.</summary>
    public static void Qr<T>(int m, int n, ReadOnlySpan<T> a, Span<T> q, int qc, Span<T> r, int rr) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        T[] f = a[..(m * n)].ToArray();
        T[] tau = new T[Math.Max(k, 1)];
        Geqrf(m, n, f, tau);
        r[..(rr * n)].Clear();
        for (int i = 0; i < Math.Min(rr, k); i++)
            f.AsSpan(i * n + i, n - i).CopyTo(r.Slice(i * n + i, n - i));
        if (qc > 0) Orgqr(m, n, f, tau, qc, q);
    }
}
