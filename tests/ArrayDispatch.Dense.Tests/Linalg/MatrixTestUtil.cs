namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>Reference (naive) matrix helpers for checking kernels, in double.</summary>
internal static class MatrixTestUtil
{
    public static double[] Random(Random rng, int rows, int cols)
    {
        var a = new double[rows * cols];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextDouble() * 2 - 1;
        return a;
    }

    public static double[] Spd(Random rng, int n)
    {
        double[] b = Random(rng, n, n);
        double[] a = MatMul(b, n, n, Transpose(b, n, n), n);
        for (int i = 0; i < n; i++) a[i * n + i] += n;
        return a;
    }

    public static double[] MatMul(double[] a, int m, int k, double[] b, int n)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                double x = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += x * b[p * n + j];
            }
        return c;
    }

    public static double[] Transpose(double[] a, int rows, int cols)
    {
        var t = new double[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = a[i * cols + j];
        return t;
    }

    public static double[] Identity(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++) a[i * n + i] = 1;
        return a;
    }

    public static double MaxAbs(double[] a) => a.Length == 0 ? 0 : a.Max(Math.Abs);

    /// <summary>max |a - b| / max(1, max |b|).</summary>
    public static double RelErr(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"length {a.Length} != {b.Length}");
        double d = 0, s = 1;
        for (int i = 0; i < a.Length; i++) { d = Math.Max(d, Math.Abs(a[i] - b[i])); s = Math.Max(s, Math.Abs(b[i])); }
        return d / s;
    }

    /// <summary>‖Mᵀ M - I‖max for an m×n matrix M with (supposedly) orthonormal columns.</summary>
    public static double OrthoColsErr(double[] q, int m, int n) => RelErr(MatMul(Transpose(q, m, n), n, m, q, n), Identity(n));

    /// <summary>‖M Mᵀ - I‖max for an m×n matrix M with (supposedly) orthonormal rows.</summary>
    public static double OrthoRowsErr(double[] q, int m, int n) => RelErr(MatMul(q, m, n, Transpose(q, m, n), m), Identity(m));
}
