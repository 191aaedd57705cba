using ArrayDispatch.Functions;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The host half of eigh: the implicit QL iteration with Wilkinson-type shifts on a symmetric tridiagonal matrix
/// (EISPACK's tql2, as JAMA writes it), in double precision. It does O(n²) scalar work; the eigenvector work, O(n³),
/// is the rotations it reports through <c>rotate</c>, which the caller applies on the device (<see cref="EighKernels.Rotate{T}"/>).
/// </summary>
internal static class EighTridiagonalQl
{
    /// <summary>
    /// Overwrites <paramref name="d"/> (the diagonal, n) with the eigenvalues, unsorted; <paramref name="e"/> (n) holds
    /// the subdiagonal in e[0..n−2] and is destroyed. Each rotation (i, c, s) mixes columns i and i + 1 of the
    /// accumulated eigenvector matrix V: <c>h = V[k, i+1]; V[k, i+1] = s·V[k, i] + c·h; V[k, i] = c·V[k, i] − s·h</c>.
    /// </summary>
    /// <exception cref="LinAlgException">An eigenvalue needed more than 60 iterations ("Eigenvalues did not converge", as Dense).</exception>
    public static void Solve(double[] d, double[] e, Action<int, double, double>? rotate)
    {
        int n = d.Length;
        if (n == 0) return;
        e[n - 1] = 0.0;
        double f = 0.0, tst1 = 0.0;
        double eps = Math.Pow(2.0, -52.0);
        for (int l = 0; l < n; l++)
        {
            tst1 = Math.Max(tst1, Math.Abs(d[l]) + Math.Abs(e[l]));
            int m = l;
            while (m < n - 1 && Math.Abs(e[m]) > eps * tst1) m++;
            if (m > l)
            {
                int iterations = 0;
                do
                {
                    if (++iterations > 60) throw new LinAlgException("Eigenvalues did not converge");
                    double g = d[l];
                    double p = (d[l + 1] - g) / (2.0 * e[l]);
                    double r = Hypot(p, 1.0);
                    if (p < 0) r = -r;
                    d[l] = e[l] / (p + r);
                    d[l + 1] = e[l] * (p + r);
                    double dl1 = d[l + 1];
                    double h = g - d[l];
                    for (int i = l + 2; i < n; i++) d[i] -= h;
                    f += h;
                    p = d[m];
                    double c = 1.0, c2 = c, c3 = c;
                    double el1 = e[l + 1];
                    double s = 0.0, s2 = 0.0;
                    for (int i = m - 1; i >= l; i--)
                    {
                        c3 = c2;
                        c2 = c;
                        s2 = s;
                        g = c * e[i];
                        h = c * p;
                        r = Hypot(p, e[i]);
                        e[i + 1] = s * r;
                        s = e[i] / r;
                        c = p / r;
                        p = c * d[i] - s * g;
                        d[i + 1] = h + s * (c * g + s * d[i]);
                        rotate?.Invoke(i, c, s);
                    }
                    p = -s * s2 * c3 * el1 * e[l] / dl1;
                    e[l] = s * p;
                    d[l] = c * p;
                }
                while (Math.Abs(e[l]) > eps * tst1);
            }
            d[l] += f;
            e[l] = 0.0;
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a), y = Math.Abs(b);
        if (x < y) (x, y) = (y, x);
        if (x == 0) return 0;
        double q = y / x;
        return x * Math.Sqrt(1 + q * q);
    }
}
