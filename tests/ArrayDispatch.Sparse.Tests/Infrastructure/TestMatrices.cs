namespace ArrayDispatch.Sparse.Tests.Infrastructure;

/// <summary>Square sparse test matrices for the direct solvers.</summary>
public static class TestMatrices
{
    public static CooArray FromTriplets(int n, List<(int Row, int Col, double Value)> entries) =>
        CooArray.FromTriplets(entries.Select(e => e.Value).ToArray(), entries.Select(e => e.Row).ToArray(), entries.Select(e => e.Col).ToArray(), new Shape(n, n));

    /// <summary>The 5-point Laplacian on a k×k grid (n = k²), as SciPy's kron(I, T) + kron(tridiag(-1, 0, -1), I).</summary>
    public static CooArray Laplacian2D(int k)
    {
        var entries = new List<(int, int, double)>(5 * k * k);
        for (int r = 0; r < k; r++)
        {
            for (int c = 0; c < k; c++)
            {
                int i = r * k + c;
                entries.Add((i, i, 4));
                if (c > 0) entries.Add((i, i - 1, -1));
                if (c < k - 1) entries.Add((i, i + 1, -1));
                if (r > 0) entries.Add((i, i - k, -1));
                if (r < k - 1) entries.Add((i, i + k, -1));
            }
        }
        return FromTriplets(k * k, entries);
    }

    /// <summary>The 7-point Laplacian on a k×k×k grid (n = k³).</summary>
    public static CooArray Laplacian3D(int k)
    {
        var entries = new List<(int, int, double)>(7 * k * k * k);
        for (int z = 0; z < k; z++)
        {
            for (int y = 0; y < k; y++)
            {
                for (int x = 0; x < k; x++)
                {
                    int i = (z * k + y) * k + x;
                    entries.Add((i, i, 6));
                    if (x > 0) entries.Add((i, i - 1, -1));
                    if (x < k - 1) entries.Add((i, i + 1, -1));
                    if (y > 0) entries.Add((i, i - k, -1));
                    if (y < k - 1) entries.Add((i, i + k, -1));
                    if (z > 0) entries.Add((i, i - k * k, -1));
                    if (z < k - 1) entries.Add((i, i + k * k, -1));
                }
            }
        }
        return FromTriplets(k * k * k, entries);
    }

    /// <summary>
    /// Diagonally dominant with a random off-diagonal pattern, then (when <paramref name="shuffleRows"/>) its rows
    /// shuffled: nonsingular, but the diagonal of the shuffled matrix is mostly zero, so the factorisation has to pivot on rows.
    /// </summary>
    public static CooArray RowShuffledDominant(int n, double density, int seed, bool shuffleRows = true)
    {
        var random = new Random(seed);
        int[] rowOf = shuffleRows ? Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray() : Enumerable.Range(0, n).ToArray();
        var entries = new List<(int, int, double)>();
        for (int i = 0; i < n; i++)
        {
            double rowSum = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i || random.NextDouble() >= density) continue;
                double v = random.NextDouble() * 2 - 1;
                rowSum += Math.Abs(v);
                entries.Add((rowOf[i], j, v));
            }
            entries.Add((rowOf[i], i, (rowSum + 1) * (random.Next(2) == 0 ? 1 : -1)));
        }
        return FromTriplets(n, entries);
    }

    /// <summary>
    /// A symmetric random pattern with independent values in A(i, j) and A(j, i). With <paramref name="diagonal"/> 0 the
    /// diagonal is empty (the factorisation must take pivots off it); otherwise it is that factor times the row's sum
    /// plus one, so 1 makes the matrix diagonally dominant.
    /// </summary>
    public static CooArray SymmetricPattern(int n, double density, int seed, double diagonal)
    {
        var random = new Random(seed);
        var entries = new List<(int, int, double)>();
        var rowSum = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (random.NextDouble() >= density) continue;
                double upper = random.NextDouble() * 2 - 1, lower = random.NextDouble() * 2 - 1;
                entries.Add((i, j, upper));
                entries.Add((j, i, lower));
                rowSum[i] += Math.Abs(upper);
                rowSum[j] += Math.Abs(lower);
            }
        }
        if (diagonal != 0)
        {
            for (int i = 0; i < n; i++) entries.Add((i, i, diagonal * (rowSum[i] + 1) * (random.Next(2) == 0 ? 1 : -1)));
        }
        return FromTriplets(n, entries);
    }

    /// <summary>‖A x − b‖ / ‖b‖, the worst over the right-hand sides (b, x row-major n × columns).</summary>
    public static double RelativeResidual(SparseArray a, double[] x, double[] b, int columns = 1)
    {
        CsrArray csr = a.ToCsr();
        ReadOnlySpan<double> values = csr.Values<double>();
        int n = a.Shape.Dims[0];
        double worst = 0;
        for (int c = 0; c < columns; c++)
        {
            double residual = 0, norm = 0;
            for (int i = 0; i < n; i++)
            {
                double sum = 0;
                for (int p = csr.Indptr[i]; p < csr.Indptr[i + 1]; p++) sum += values[p] * x[csr.Indices[p] * columns + c];
                double r = sum - b[i * columns + c];
                residual += r * r;
                norm += b[i * columns + c] * b[i * columns + c];
            }
            worst = Math.Max(worst, Math.Sqrt(residual / norm));
        }
        return worst;
    }

    /// <summary>
    /// The normwise backward error ‖A x − b‖ / (‖A‖_F ‖x‖ + ‖b‖): small for a stable solver however ill-conditioned A is
    /// (the relative residual is not, when x is huge).
    /// </summary>
    public static double BackwardError(SparseArray a, double[] x, double[] b)
    {
        CsrArray csr = a.ToCsr();
        ReadOnlySpan<double> values = csr.Values<double>();
        int n = a.Shape.Dims[0];
        double residual = 0, frobenius = 0;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int p = csr.Indptr[i]; p < csr.Indptr[i + 1]; p++)
            {
                sum += values[p] * x[csr.Indices[p]];
                frobenius += values[p] * values[p];
            }
            residual += (sum - b[i]) * (sum - b[i]);
        }
        static double Norm(double[] v) => Math.Sqrt(v.Sum(e => e * e));
        return Math.Sqrt(residual) / (Math.Sqrt(frobenius) * Norm(x) + Norm(b));
    }

    public static double[] RandomVector(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }
}
