using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Functions;
using Shouldly;
using Xunit;
using static ArrayDispatch.Dense.Tests.Linalg.MatrixTestUtil;

namespace ArrayDispatch.Dense.Tests.Linalg;

public sealed class LinalgKernelsTests
{
    public static TheoryData<LinalgPath, int, int> Shapes()
    {
        var d = new TheoryData<LinalgPath, int, int>();
        foreach (LinalgPath p in Enum.GetValues<LinalgPath>())
            foreach ((int m, int n) in new[] { (1, 1), (3, 3), (7, 4), (4, 7), (17, 17), (40, 9), (9, 40), (0, 3), (3, 0), (64, 64) })
                d.Add(p, m, n);
        return d;
    }

    public static TheoryData<LinalgPath, int> Sizes()
    {
        var d = new TheoryData<LinalgPath, int>();
        foreach (LinalgPath p in Enum.GetValues<LinalgPath>())
            foreach (int n in new[] { 0, 1, 2, 5, 16, 33, 100, 160 })
                d.Add(p, n);
        return d;
    }

    [Theory]
    [InlineData(false, false, 5, 7, 3)]
    [InlineData(true, false, 13, 9, 31)]
    [InlineData(false, true, 37, 21, 300)]
    [InlineData(true, true, 1, 50, 7)]
    [InlineData(false, false, 200, 130, 270)]
    public void Gemm_matches_naive_product_for_every_transpose_combination(bool ta, bool tb, int m, int n, int k)
    {
        var rng = new Random(1);
        double[] a = Random(rng, ta ? k : m, ta ? m : k), b = Random(rng, tb ? n : k, tb ? k : n), c0 = Random(rng, m, n);
        double[] opA = ta ? Transpose(a, k, m) : a, opB = tb ? Transpose(b, n, k) : b;
        double[] expected = MatMul(opA, m, k, opB, n);
        for (int i = 0; i < expected.Length; i++) expected[i] = 1.5 * expected[i] - 0.5 * c0[i];
        foreach (LinalgPath path in Enum.GetValues<LinalgPath>())
        {
            using var _ = path.Enter();
            double[] c = (double[])c0.Clone();
            LinalgKernels.Gemm(ta, tb, m, n, k, 1.5, a, ta ? m : k, b, tb ? k : n, -0.5, c, n);
            RelErr(c, expected).ShouldBeLessThan(1e-13, $"{path}");
        }
    }

    [Fact]
    public void Gemm_float32_matches_double_product()
    {
        var rng = new Random(2);
        int m = 70, n = 45, k = 129;
        double[] a = Random(rng, m, k), b = Random(rng, k, n);
        double[] expected = MatMul(a, m, k, b, n);
        foreach (LinalgPath path in Enum.GetValues<LinalgPath>())
        {
            using var _ = path.Enter();
            float[] c = new float[m * n];
            LinalgKernels.Gemm(false, false, m, n, k, 1f, Array.ConvertAll(a, x => (float)x), k, Array.ConvertAll(b, x => (float)x), n, 0f, c, n);
            RelErr(Array.ConvertAll(c, x => (double)x), expected).ShouldBeLessThan(1e-5);
        }
    }

    [Fact]
    public void Gemm_with_beta_zero_overwrites_nan_in_c()
    {
        double[] c = [double.NaN, double.NaN, double.NaN, double.NaN];
        LinalgKernels.Gemm(false, false, 2, 2, 1, 1.0, [1.0, 2.0], 1, [3.0, 4.0], 2, 0.0, c, 2);
        c.ShouldBe([3.0, 4.0, 6.0, 8.0]);
    }

    [Fact]
    public void Gemm_rejects_spans_too_short_for_the_shape()
    {
        var ex = Should.Throw<ArgumentException>(() => LinalgKernels.Gemm(false, false, 2, 2, 2, 1.0, new double[3], 2, new double[4], 2, 0.0, new double[4], 2));
        ex.ParamName.ShouldBe("a");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Svd_reconstructs_the_matrix_with_orthonormal_factors(LinalgPath path, int m, int n)
    {
        using var _ = path.Enter();
        var rng = new Random(m * 100 + n);
        double[] a = Random(rng, m, n);
        int k = Math.Min(m, n);
        foreach (bool full in new[] { true, false })
        {
            int uc = full ? m : k, vr = full ? n : k;
            double[] s = new double[k], u = new double[m * uc], vt = new double[vr * n];
            LinalgKernels.Svd(m, n, a, s, u, vt, full, true);
            for (int i = 1; i < k; i++) s[i].ShouldBeLessThanOrEqualTo(s[i - 1]);
            s.ShouldAllBe(x => x >= 0);
            OrthoColsErr(u, m, uc).ShouldBeLessThan(1e-12);
            OrthoRowsErr(vt, vr, n).ShouldBeLessThan(1e-12);
            var us = new double[m * k];
            for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i * k + j] = u[i * uc + j] * s[j];
            RelErr(MatMul(us, m, k, vt, n), a).ShouldBeLessThan(1e-12, $"full={full}");

            double[] s2 = new double[k];
            LinalgKernels.Svd(m, n, a, s2, default, default, full, false);
            RelErr(s2, s).ShouldBeLessThan(1e-12);
        }
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Svd_of_rank_deficient_matrix_still_gives_orthonormal_factors(LinalgPath path)
    {
        using var _ = path.Enter();
        var rng = new Random(5);
        int m = 12, n = 8;
        double[] a = MatMul(Random(rng, m, 3), m, 3, Random(rng, 3, n), n);   // rank 3
        double[] s = new double[n], u = new double[m * m], vt = new double[n * n];
        LinalgKernels.Svd(m, n, a, s, u, vt, true, true);
        s[3].ShouldBeLessThan(1e-12 * s[0]);
        OrthoColsErr(u, m, m).ShouldBeLessThan(1e-12);
        OrthoRowsErr(vt, n, n).ShouldBeLessThan(1e-12);
        double[] zero = new double[m * n];
        LinalgKernels.Svd(m, n, zero, s, u, vt, true, true);
        s.ShouldAllBe(x => x == 0);
        OrthoColsErr(u, m, m).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void Svd_of_non_finite_input_reports_no_convergence()
    {
        Should.Throw<LinAlgException>(() => LinalgKernels.Svd(2, 2, [1.0, double.NaN, 0, 1], new double[2], new double[4], new double[4], true, true))
            .Message.ShouldBe("SVD did not converge");
    }

    [Fact]
    public void Svd_of_an_infinity_without_nan_gives_nan_singular_values_as_numpys_lapack()
    {
        // np.linalg.svd(np.array([[1, np.inf], [3, 4.]]), compute_uv=False) -> array([nan, nan]); with a NaN it raises
        double[] s = new double[2], u = new double[4], vt = new double[4];
        LinalgKernels.Svd(2, 2, [1.0, double.PositiveInfinity, 3, 4], s, u, vt, true, true);
        s.ShouldAllBe(x => double.IsNaN(x));
        u.ShouldAllBe(x => double.IsNaN(x));
        float[] sf = new float[1];
        LinalgKernels.Svd(3, 1, [1f, float.NegativeInfinity, 2f], sf, [], [], false, false);   // np.linalg.svd of a (3, 1) column with -inf -> [nan]
        float.IsNaN(sf[0]).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Qr_reconstructs_with_upper_triangular_r_in_every_mode(LinalgPath path, int m, int n)
    {
        using var _ = path.Enter();
        var rng = new Random(m * 31 + n);
        double[] a = Random(rng, m, n);
        int k = Math.Min(m, n);
        foreach (QrMode mode in Enum.GetValues<QrMode>())
        {
            int qc = mode == QrMode.Reduced ? k : mode == QrMode.Complete ? m : 0, rr = mode == QrMode.Complete ? m : k;
            double[] q = new double[m * qc], r = new double[rr * n];
            LinalgKernels.Qr(m, n, a, q, r, mode);
            for (int i = 0; i < rr; i++) for (int j = 0; j < Math.Min(i, n); j++) r[i * n + j].ShouldBe(0.0);
            if (mode == QrMode.R) continue;
            OrthoColsErr(q, m, qc).ShouldBeLessThan(1e-12);
            RelErr(MatMul(q, m, qc, r, n), a).ShouldBeLessThan(1e-12, $"{mode}");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Cholesky_factor_is_lower_and_reconstructs(LinalgPath path, int n)
    {
        using var _ = path.Enter();
        double[] a = Spd(new Random(n), n), l = new double[n * n];
        LinalgKernels.Cholesky(n, a, l);
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) l[i * n + j].ShouldBe(0.0);
        RelErr(MatMul(l, n, n, Transpose(l, n, n), n), a).ShouldBeLessThan(1e-13);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Cholesky_of_indefinite_matrix_throws(LinalgPath path)
    {
        using var _ = path.Enter();
        Should.Throw<LinAlgException>(() => LinalgKernels.Cholesky(2, [1.0, 2, 2, 1], new double[4])).Message.ShouldBe("Matrix is not positive definite");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Solve_and_inverse_satisfy_their_equations(LinalgPath path, int n)
    {
        using var _ = path.Enter();
        var rng = new Random(n + 7);
        double[] a = Random(rng, n, n);
        for (int i = 0; i < n; i++) a[i * n + i] += 3;
        foreach (int nrhs in new[] { 1, 3 })
        {
            double[] b = Random(rng, n, nrhs), x = new double[n * nrhs];
            LinalgKernels.Solve(n, nrhs, a, b, x);
            RelErr(MatMul(a, n, n, x, nrhs), b).ShouldBeLessThan(1e-12);
        }
        double[] inv = new double[n * n];
        LinalgKernels.Inverse(n, a, inv);
        RelErr(MatMul(a, n, n, inv, n), Identity(n)).ShouldBeLessThan(1e-12);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Singular_matrix_fails_solve_and_inverse_and_gives_zero_sign(LinalgPath path)
    {
        using var _ = path.Enter();
        double[] a = [1, 2, 2, 4];
        Should.Throw<LinAlgException>(() => LinalgKernels.Solve(2, 1, a, [1.0, 1], new double[2])).Message.ShouldBe("Singular matrix");
        Should.Throw<LinAlgException>(() => LinalgKernels.Inverse(2, a, new double[4])).Message.ShouldBe("Singular matrix");
        LinalgKernels.Slogdet(2, a).ShouldBe((0.0, double.NegativeInfinity));
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Slogdet_matches_known_determinants(LinalgPath path)
    {
        using var _ = path.Enter();
        LinalgKernels.Slogdet(2, [0.0, 1, 1, 0]).ShouldBe((-1.0, 0.0));
        var (sign, log) = LinalgKernels.Slogdet(3, [2.0, 0, 0, 0, -3, 0, 0, 0, 4]);
        sign.ShouldBe(-1.0);
        log.ShouldBe(Math.Log(24), 1e-14);
        LinalgKernels.Slogdet<double>(0, []).ShouldBe((1.0, 0.0));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Eigh_satisfies_the_eigen_equation_with_ascending_values(LinalgPath path, int n)
    {
        using var _ = path.Enter();
        double[] b = Random(new Random(n + 11), n, n), a = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i * n + j] = b[i * n + j] + b[j * n + i];
        double[] w = new double[n], v = new double[n * n];
        LinalgKernels.Eigh(n, a, w, v, true);
        for (int i = 1; i < n; i++) w[i].ShouldBeGreaterThanOrEqualTo(w[i - 1]);
        OrthoColsErr(v, n, n).ShouldBeLessThan(1e-12);
        double[] av = MatMul(a, n, n, v, n), vw = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) vw[i * n + j] = v[i * n + j] * w[j];
        RelErr(av, vw).ShouldBeLessThan(1e-12);
        double[] w2 = new double[n];
        LinalgKernels.Eigh(n, a, w2, default, false);
        RelErr(w2, w).ShouldBeLessThan(1e-12);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Lstsq_gives_the_minimum_norm_least_squares_solution(LinalgPath path, int m, int n)
    {
        using var _ = path.Enter();
        var rng = new Random(m * 7 + n);
        double[] a = Random(rng, m, n), b = Random(rng, m, 2);
        int k = Math.Min(m, n);
        double[] x = new double[n * 2], s = new double[k];
        int rank = LinalgKernels.Lstsq(m, n, 2, a, b, x, s, -1.0);
        rank.ShouldBe(k);
        // Reference: x = pinv(A) b through the SVD kernel.
        double[] u = new double[m * k], vt = new double[k * n], s2 = new double[k];
        LinalgKernels.Svd(m, n, a, s2, u, vt, false, true);
        RelErr(s, s2).ShouldBeLessThan(1e-12);
        double[] utb = MatMul(Transpose(u, m, k), k, m, b, 2);
        for (int i = 0; i < k; i++) { utb[i * 2] /= s2[i]; utb[i * 2 + 1] /= s2[i]; }
        RelErr(x, MatMul(Transpose(vt, k, n), n, k, utb, 2)).ShouldBeLessThan(1e-10);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Lstsq_drops_singular_values_below_rcond(LinalgPath path)
    {
        using var _ = path.Enter();
        double[] a = [1, 0, 0, 1e-10], b = [1, 1], x = new double[2], s = new double[2];
        LinalgKernels.Lstsq(2, 2, 1, a, b, x, s, 1e-6).ShouldBe(1);
        x[0].ShouldBe(1.0, 1e-15);
        x[1].ShouldBe(0.0);
        LinalgKernels.Lstsq(2, 2, 1, a, b, x, s, -1).ShouldBe(2);
        x[1].ShouldBe(1e10, 1e-3);
    }

    [Theory]
    [InlineData(LinalgPath.Default, 200, 140)]
    [InlineData(LinalgPath.Managed, 200, 140)]
    [InlineData(LinalgPath.Managed, 140, 140)]
    [InlineData(LinalgPath.Managed, 130, 200)]
    public void Svd_of_large_matrices_uses_blocked_parallel_sweeps_and_stays_accurate(LinalgPath path, int m, int n)
    {
        using var _ = path.Enter();
        var rng = new Random(m + n);
        int k = Math.Min(m, n);
        // Rank k - 10: exercises the completion of the null-space vectors too.
        double[] a = MatMul(Random(rng, m, k - 10), m, k - 10, Random(rng, k - 10, n), n);
        double[] s = new double[k], u = new double[m * m], vt = new double[n * n];
        LinalgKernels.Svd(m, n, a, s, u, vt, true, true);
        OrthoColsErr(u, m, m).ShouldBeLessThan(1e-12);
        OrthoRowsErr(vt, n, n).ShouldBeLessThan(1e-12);
        var us = new double[m * k];
        for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i * k + j] = u[i * m + j] * s[j];
        RelErr(MatMul(us, m, k, vt.AsSpan(0, k * n).ToArray(), n), a).ShouldBeLessThan(1e-12);
        s[k - 10].ShouldBeLessThan(1e-12 * s[0]);
    }
}
