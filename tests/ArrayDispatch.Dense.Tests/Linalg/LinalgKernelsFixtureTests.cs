using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Functions;
using Shouldly;
using Xunit;
using static ArrayDispatch.Dense.Tests.Linalg.MatrixTestUtil;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>The kernels against NumPy's answers in the shared fixtures, on both paths.</summary>
public sealed class LinalgKernelsFixtureTests
{
    public static TheoryData<LinalgPath> Paths() => new(Enum.GetValues<LinalgPath>());

    [Theory]
    [MemberData(nameof(Paths))]
    public void Singular_values_match_numpy(LinalgPath path)
    {
        using var _ = path.Enter();
        foreach (string id in new[] { "svdvals_6x6", "svdvals_10x4", "svdvals_4x10", "svd_6x6", "svd_10x4", "svd_4x10" })
        {
            var c = Fixtures.Case(id);
            Npy a = Fixtures.Arg(c, 0);
            int m = a.Shape[0], n = a.Shape[1], k = Math.Min(m, n);
            double[] s = new double[k], u = new double[m * k], vt = new double[k * n];
            LinalgKernels.Svd(m, n, a.Data, s, u, vt, false, true);
            Npy expected = id.StartsWith("svdvals", StringComparison.Ordinal) ? Fixtures.Expected(c) : Fixtures.Expected(c, 1);
            RelErr(s, expected.Data).ShouldBeLessThan(1e-12, id);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Qr_of_fixture_matrices_reconstructs_and_matches_numpy_r_up_to_row_signs(LinalgPath path)
    {
        using var _ = path.Enter();
        foreach (string id in new[] { "qr_6x6", "qr_10x4", "qr_4x10" })
        {
            var c = Fixtures.Case(id);
            Npy a = Fixtures.Arg(c, 0);
            int m = a.Shape[0], n = a.Shape[1], k = Math.Min(m, n);
            double[] q = new double[m * k], r = new double[k * n];
            LinalgKernels.Qr(m, n, a.Data, q, r, QrMode.Reduced);
            RelErr(MatMul(q, m, k, r, n), a.Data).ShouldBeLessThan(1e-12, id);
            double[] rn = Fixtures.Expected(c, 1).Data;
            for (int i = 0; i < k; i++)
            {
                double sign = Math.Sign(r[i * n + i]) * Math.Sign(rn[i * n + i]);
                for (int j = 0; j < n; j++) (sign * r[i * n + j]).ShouldBe(rn[i * n + j], 1e-12, id);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Solve_inv_slogdet_cholesky_eigh_lstsq_match_numpy(LinalgPath path)
    {
        using var _ = path.Enter();
        var solve = Fixtures.Case("solve");
        double[] x = new double[6];
        LinalgKernels.Solve(6, 1, Fixtures.Arg(solve, 0).Data, Fixtures.Arg(solve, 1).Data, x);
        RelErr(x, Fixtures.Expected(solve).Data).ShouldBeLessThan(1e-10);

        var inv = Fixtures.Case("inv");
        double[] ai = new double[36];
        LinalgKernels.Inverse(6, Fixtures.Arg(inv, 0).Data, ai);
        RelErr(ai, Fixtures.Expected(inv).Data).ShouldBeLessThan(1e-10);

        var sl = Fixtures.Case("slogdet");
        var (sign, log) = LinalgKernels.Slogdet(6, Fixtures.Arg(sl, 0).Data);
        sign.ShouldBe(Fixtures.Expected(sl, 0).Data[0]);
        log.ShouldBe(Fixtures.Expected(sl, 1).Data[0], 1e-10);
        var det = Fixtures.Case("det");
        var (s2, l2) = LinalgKernels.Slogdet(6, Fixtures.Arg(det, 0).Data);
        double d = Fixtures.Expected(det).Data[0];
        (s2 * Math.Exp(l2)).ShouldBe(d, 1e-10 * Math.Max(1, Math.Abs(d)));

        var ch = Fixtures.Case("cholesky");
        double[] l = new double[36];
        LinalgKernels.Cholesky(6, Fixtures.Arg(ch, 0).Data, l);
        RelErr(l, Fixtures.Expected(ch).Data).ShouldBeLessThan(1e-10);

        var eh = Fixtures.Case("eigh");
        double[] w = new double[6], v = new double[36];
        LinalgKernels.Eigh(6, Fixtures.Arg(eh, 0).Data, w, v, true);
        RelErr(w, Fixtures.Expected(eh, 0).Data).ShouldBeLessThan(1e-10);

        var ls = Fixtures.Case("lstsq");
        double[] xs = new double[4], sv = new double[4];
        LinalgKernels.Lstsq(10, 4, 1, Fixtures.Arg(ls, 0).Data, Fixtures.Arg(ls, 1).Data, xs, sv, 10 * 2.220446049250313e-16);
        RelErr(xs, Fixtures.Expected(ls).Data).ShouldBeLessThan(1e-10);

        var se = Fixtures.Case("solve_singular_error");
        Should.Throw<LinAlgException>(() => LinalgKernels.Solve(3, 1, Fixtures.Arg(se, 0).Data, Fixtures.Arg(se, 1).Data, new double[3]));
    }
}
