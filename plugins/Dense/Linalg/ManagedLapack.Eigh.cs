using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

internal static partial class ManagedLapack
{
    /// <summary>
    /// Symmetric eigensolver (only the lower triangle of A is read): Householder reduction to tridiagonal form then the
    /// implicit QL method (EISPACK tred2/tql2, as in JAMA). The orthogonal factor is kept transposed (<c>vt</c>: one
    /// eigenvector per row) so every inner loop runs along contiguous rows. Eigenvalues ascending in <paramref name="w"/>,
    /// eigenvectors as the columns of <paramref name="v"/> (n×n) when <paramref name="computeV"/>.
    /// </summary>
    public static void Eigh<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        // vt = Vᵀ of JAMA's V; A symmetric so it starts as A (mirrored from the lower triangle).
        T[] vt = new T[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) vt[i * n + j] = vt[j * n + i] = a[i * n + j];
        T[] d = new T[n], e = new T[n];
        Tred2(n, vt, d, e, computeV);
        Tql2(n, vt, d, e, computeV);

        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(order, (x, y) => d[x].CompareTo(d[y]));
        for (int i = 0; i < n; i++) w[i] = d[order[i]];
        if (!computeV) return;
        for (int t = 0; t < n; t++)
            for (int i = 0; i < n; i++) v[i * n + t] = vt[order[t] * n + i];
    }

    // JAMA's tred2 with every V[r][c] written vt[c * n + r].
    private static void Tred2<T>(int n, T[] vt, T[] d, T[] e, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int j = 0; j < n; j++) d[j] = vt[j * n + n - 1];
        for (int i = n - 1; i > 0; i--)
        {
            T scale = T.Zero, h = T.Zero;
            for (int k = 0; k < i; k++) scale += T.Abs(d[k]);
            if (scale == T.Zero)
            {
                e[i] = d[i - 1];
                for (int j = 0; j < i; j++)
                {
                    d[j] = vt[j * n + i - 1];
                    vt[j * n + i] = T.Zero;
                    vt[i * n + j] = T.Zero;
                }
            }
            else
            {
                for (int k = 0; k < i; k++) { d[k] /= scale; h += d[k] * d[k]; }
                T f = d[i - 1];
                T g = T.Sqrt(h);
                if (f > T.Zero) g = -g;
                e[i] = scale * g;
                h -= f * g;
                d[i - 1] = f - g;
                Array.Clear(e, 0, i);
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    vt[i * n + j] = f;
                    Span<T> row = vt.AsSpan(j * n + j + 1, i - 1 - j);
                    g = e[j] + vt[j * n + j] * f + VectorOps.Dot<T>(row, d.AsSpan(j + 1, i - 1 - j));
                    VectorOps.Axpy(f, row, e.AsSpan(j + 1, i - 1 - j));
                    e[j] = g;
                }
                f = T.Zero;
                for (int j = 0; j < i; j++) { e[j] /= h; f += e[j] * d[j]; }
                T hh = f / (h + h);
                for (int j = 0; j < i; j++) e[j] -= hh * d[j];
                for (int j = 0; j < i; j++)
                {
                    f = d[j];
                    g = e[j];
                    Span<T> row = vt.AsSpan(j * n + j, i - j);
                    VectorOps.Axpy(-f, e.AsSpan(j, i - j), row);
                    VectorOps.Axpy(-g, d.AsSpan(j, i - j), row);
                    d[j] = vt[j * n + i - 1];
                    vt[j * n + i] = T.Zero;
                }
            }
            d[i] = h;
        }

        if (!accumulate)
        {
            for (int j = 0; j < n; j++) d[j] = vt[j * n + j];
            e[0] = T.Zero;
            return;
        }
        for (int i = 0; i < n - 1; i++)
        {
            vt[i * n + n - 1] = vt[i * n + i];
            vt[i * n + i] = T.One;
            T h = d[i + 1];
            Span<T> col = vt.AsSpan((i + 1) * n, i + 1);
            if (h != T.Zero)
            {
                for (int k = 0; k <= i; k++) d[k] = col[k] / h;
                for (int j = 0; j <= i; j++)
                {
                    Span<T> rj = vt.AsSpan(j * n, i + 1);
                    T g = VectorOps.Dot<T>(col, rj);
                    VectorOps.Axpy(-g, d.AsSpan(0, i + 1), rj);
                }
            }
            col.Clear();
        }
        for (int j = 0; j < n; j++)
        {
            d[j] = vt[j * n + n - 1];
            vt[j * n + n - 1] = T.Zero;
        }
        vt[(n - 1) * n + n - 1] = T.One;
        e[0] = T.Zero;
    }

    // JAMA's tql2; the rotation of columns i, i+1 of V is a rotation of rows i, i+1 of vt.
    internal static void Tql2<T>(int n, T[] vt, T[] d, T[] e, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 1; i < n; i++) e[i - 1] = e[i];
        e[n - 1] = T.Zero;
        T f = T.Zero, tst1 = T.Zero, eps = VectorOps.Eps<T>(), two = T.CreateTruncating(2);
        for (int l = 0; l < n; l++)
        {
            tst1 = T.Max(tst1, T.Abs(d[l]) + T.Abs(e[l]));
            int m = l;
            while (m < n)
            {
                if (T.Abs(e[m]) <= eps * tst1) break;
                m++;
            }
            if (m > l)
            {
                int iter = 0;
                do
                {
                    if (++iter > 60) throw new LinAlgException("Eigenvalues did not converge");
                    T g = d[l];
                    T p = (d[l + 1] - g) / (two * e[l]);
                    T r = T.Hypot(p, T.One);
                    if (p < T.Zero) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    T dl1 = d[l + 1];
                    T h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    T c = T.One, c2 = c, c3 = c, el1 = e[l + 1], s = T.Zero, s2 = T.Zero;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = T.Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        if (computeV) VectorOps.Rotate(vt.AsSpan(i * n, n), vt.AsSpan((i + 1) * n, n), c, s);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (T.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = T.Zero;
        }
    }
}
