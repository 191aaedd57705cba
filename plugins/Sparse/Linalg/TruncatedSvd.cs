using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Linalg;

/// <summary>
/// The k largest singular triplets of a sparse matrix by subspace iteration on AᵀA with Rayleigh–Ritz extraction (a block
/// of p = k + max(k, 8) vectors, re-orthonormalised every step), until the k values change by less than tol relatively.
/// </summary>
internal static class TruncatedSvd
{
    public static (double[] U, double[] S, double[] Vh) Compute(CsrArray a, int k, double tol, int maxiter, int seed)
    {
        int m = a.Shape.Dims[0], n = a.Shape.Dims[1];
        int limit = Math.Min(m, n);
        if (k < 1 || k >= limit) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and min(A.shape) - 1 = {limit - 1}, got {k}");
        int p = Math.Min(limit, k + Math.Max(k, 8));
        if (maxiter <= 0) maxiter = 2000;
        a.SumDuplicates();
        SparseBuffer<double> values = ArrayOps.As<double>(a.ValueBuffer);
        CsrArray at = a.ToCsc().TransposeView();
        SparseBuffer<double> atValues = ArrayOps.As<double>(at.ValueBuffer);
        var rng = new Random(seed);
        var v = new double[p][];
        for (int c = 0; c < p; c++)
        {
            v[c] = new double[n];
            for (int i = 0; i < n; i++) v[c][i] = rng.NextDouble() - 0.5;
        }
        Orthonormalize(v);
        double[] previous = new double[k];
        double[][] w = [];
        double[] sigma = [];
        double[,] y = new double[0, 0];
        for (int iteration = 0; iteration < maxiter; iteration++)
        {
            w = Array.ConvertAll(v, col => SpMV.Multiply(m, a.IndptrBuffer, a.IndicesBuffer, values, col));
            var g = new double[p, p];
            for (int r = 0; r < p; r++) for (int c = r; c < p; c++) g[r, c] = g[c, r] = ConjugateGradient.Dot(w[r], w[c]);
            (double[] eig, y) = SymmetricEigen.Decompose(g);
            sigma = Array.ConvertAll(eig, e => Math.Sqrt(Math.Max(e, 0)));
            bool converged = iteration > 0;
            for (int t = 0; t < k; t++) converged &= Math.Abs(sigma[t] - previous[t]) <= tol * Math.Max(sigma[0], double.Epsilon);
            Array.Copy(sigma, previous, k);
            if (converged) break;
            // Next block: AᵀA V, orthonormalised.
            v = Array.ConvertAll(w, col => SpMV.Multiply(n, at.IndptrBuffer, at.IndicesBuffer, atValues, col));
            Orthonormalize(v);
        }
        // Ritz vectors: V y_t (right), W y_t / σ_t (left); SciPy returns ascending singular values.
        var u = new double[m * k];
        var s = new double[k];
        var vh = new double[k * n];
        for (int t = 0; t < k; t++)
        {
            int col = k - 1 - t;
            s[col] = sigma[t];
            for (int c = 0; c < p; c++)
            {
                double coefficient = y[c, t];
                if (coefficient == 0) continue;
                for (int i = 0; i < n; i++) vh[col * n + i] += coefficient * v[c][i];
                for (int i = 0; i < m; i++) u[i * k + col] += coefficient * w[c][i] / (sigma[t] == 0 ? 1 : sigma[t]);
            }
        }
        return (u, s, vh);
    }

    /// <summary>Modified Gram–Schmidt, twice for stability; a vanishing column is replaced by a unit vector.</summary>
    private static void Orthonormalize(double[][] columns)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                for (int r = 0; r < c; r++)
                {
                    double d = ConjugateGradient.Dot(columns[r], columns[c]);
                    for (int i = 0; i < columns[c].Length; i++) columns[c][i] -= d * columns[r][i];
                }
                double norm = ConjugateGradient.Norm(columns[c]);
                if (norm < 1e-300) { Array.Clear(columns[c]); columns[c][c % columns[c].Length] = 1; norm = 1; }
                for (int i = 0; i < columns[c].Length; i++) columns[c][i] /= norm;
            }
        }
    }
}
