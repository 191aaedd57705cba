namespace ArrayDispatch.Sparse.Linalg;

/// <summary>Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method; eigenvalues descending.</summary>
internal static class SymmetricEigen
{
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, total = 0;
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { total += a[i, j] * a[i, j]; if (i != j) off += a[i, j] * a[i, j]; }
            if (off <= 1e-30 * Math.Max(total, double.Epsilon)) break;
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0) continue;
                    double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k, p], akq = a[k, q];
                        a[k, p] = c * akp - s * akq;
                        a[k, q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p, k], aqk = a[q, k];
                        a[p, k] = c * apk - s * aqk;
                        a[q, k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k, p], vkq = v[k, q];
                        v[k, p] = c * vkp - s * vkq;
                        v[k, q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        int[] order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ToArray();
        var values = new double[n];
        var vectors = new double[n, n];
        for (int t = 0; t < n; t++)
        {
            values[t] = a[order[t], order[t]];
            for (int k = 0; k < n; k++) vectors[k, t] = v[k, order[t]];
        }
        return (values, vectors);
    }
}
