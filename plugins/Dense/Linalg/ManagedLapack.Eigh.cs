using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

internal static partial class ManagedLapack
{
    /// <summary>
    /// Symmetric eigensolver by cyclic Jacobi (only the lower triangle of A is read). Eigenvalues ascending in
    /// <paramref name="w"/>, eigenvectors as the columns of <paramref name="v"/> (n×n) when <paramref name="computeV"/>.
    /// </summary>
    public static void Eigh<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] s = new T[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) s[i * n + j] = s[j * n + i] = a[i * n + j];
        T[]? vt = computeV ? new T[n * n] : null;   // eigenvectors as rows while iterating
        if (vt is not null) VectorOps.Identity(n, n, vt);

        T eps = VectorOps.Eps<T>();
        T two = T.CreateTruncating(2);
        for (int sweep = 0; ; sweep++)
        {
            if (sweep == MaxSweeps) throw new LinAlgException("Eigenvalues did not converge");
            bool rotated = false;
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    T apq = s[p * n + q];
                    if (apq == T.Zero) continue;
                    T app = s[p * n + p], aqq = s[q * n + q];
                    if (T.Abs(apq) <= eps * T.Sqrt(T.Abs(app)) * T.Sqrt(T.Abs(aqq)) * T.CreateTruncating(0.5))
                    {
                        s[p * n + q] = s[q * n + p] = T.Zero;
                        continue;
                    }
                    rotated = true;
                    T theta = (aqq - app) / (two * apq);
                    T t = T.Abs(theta) > T.CreateTruncating(1e150)
                        ? T.One / (two * theta)
                        : T.CopySign(T.One / (T.Abs(theta) + T.Hypot(T.One, theta)), theta);
                    T c = T.One / T.Hypot(T.One, t), sn = c * t;
                    VectorOps.Rotate(s.AsSpan(p * n, n), s.AsSpan(q * n, n), c, sn);
                    s[p * n + p] = app - t * apq;
                    s[q * n + q] = aqq + t * apq;
                    s[p * n + q] = s[q * n + p] = T.Zero;
                    for (int j = 0; j < n; j++)
                    {
                        if (j == p || j == q) continue;
                        s[j * n + p] = s[p * n + j];
                        s[j * n + q] = s[q * n + j];
                    }
                    if (vt is not null) VectorOps.Rotate(vt.AsSpan(p * n, n), vt.AsSpan(q * n, n), c, sn);
                }
            }
            if (!rotated) break;
        }

        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var diag = new T[n];
        for (int i = 0; i < n; i++) diag[i] = s[i * n + i];
        Array.Sort(order, (x, y) => diag[x].CompareTo(diag[y]));
        for (int i = 0; i < n; i++) w[i] = diag[order[i]];
        if (vt is null) return;
        for (int t = 0; t < n; t++)
            for (int i = 0; i < n; i++) v[i * n + t] = vt[order[t] * n + i];
    }
}
