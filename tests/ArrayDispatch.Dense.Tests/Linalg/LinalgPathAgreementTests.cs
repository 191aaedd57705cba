using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Functions;
using Shouldly;
using Xunit;
using static ArrayDispatch.Dense.Tests.Linalg.MatrixTestUtil;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>The native (when loaded) and managed paths give the same answers; factor signs may differ, so invariants are compared.</summary>
public sealed class LinalgPathAgreementTests
{
    private static T Run<T>(LinalgPath path, Func<T> f)
    {
        using var _ = path.Enter();
        return f();
    }

    [Fact]
    public void Blas_library_names_the_loaded_library_or_managed()
    {
        string lib = LinalgKernels.BlasLibrary;
        if (NativeLapack.Instance is null) lib.ShouldBe("managed");
        else lib.ShouldContain(".");
        using (LinalgKernels.UseManaged()) LinalgKernels.BlasLibrary.ShouldBe("managed");
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(50, 20)]
    [InlineData(20, 50)]
    public void Both_paths_agree_on_singular_values_products_and_solutions(int m, int n)
    {
        var rng = new Random(m + 1000 * n);
        double[] a = Random(rng, m, n), b = Random(rng, n, m);
        int k = Math.Min(m, n);
        var results = Enum.GetValues<LinalgPath>().Select(p => Run(p, () =>
        {
            double[] s = new double[k];
            LinalgKernels.Svd(m, n, a, s, default, default, false, false);
            double[] c = new double[m * m];
            LinalgKernels.Gemm(false, false, m, m, n, 1.0, a, n, b, m, 0.0, c, m);
            double[] r = new double[k * n];
            LinalgKernels.Qr(m, n, a, default, r, QrMode.R);
            double[] rdiag = Enumerable.Range(0, k).Select(i => Math.Abs(r[i * n + i])).ToArray();
            double[] x = new double[n], sv = new double[k];
            int rank = LinalgKernels.Lstsq(m, n, 1, a, b.AsSpan(0, m), x, sv, -1);
            double[] sq = new double[k * k], ch = new double[k * k], inv = new double[k * k], w = new double[k];
            LinalgKernels.Gemm(false, true, k, k, n, 1.0, a, n, a, n, 0.0, sq, k);
            LinalgKernels.Cholesky(k, sq, ch);
            LinalgKernels.Inverse(k, sq, inv);
            LinalgKernels.Eigh(k, sq, w, default, false);
            var (sign, logdet) = LinalgKernels.Slogdet(k, sq);
            return (s, c, rdiag, x, rank, ch, inv, w, sign, logdet);
        })).ToArray();
        var (n0, m0) = (results[0], results[1]);
        RelErr(n0.s, m0.s).ShouldBeLessThan(1e-12);
        RelErr(n0.c, m0.c).ShouldBeLessThan(1e-13);
        RelErr(n0.rdiag, m0.rdiag).ShouldBeLessThan(1e-12);
        RelErr(n0.x, m0.x).ShouldBeLessThan(1e-10);
        n0.rank.ShouldBe(m0.rank);
        RelErr(n0.ch, m0.ch).ShouldBeLessThan(1e-12);
        RelErr(n0.inv, m0.inv).ShouldBeLessThan(1e-10);
        RelErr(n0.w, m0.w).ShouldBeLessThan(1e-12);
        n0.sign.ShouldBe(m0.sign);
        n0.logdet.ShouldBe(m0.logdet, 1e-10);
    }

    [Fact]
    public void Both_paths_agree_in_float32()
    {
        var rng = new Random(77);
        int m = 24, n = 16;
        float[] a = Array.ConvertAll(Random(rng, m, n), x => (float)x);
        var res = Enum.GetValues<LinalgPath>().Select(p => Run(p, () =>
        {
            float[] s = new float[n], u = new float[m * n], vt = new float[n * n];
            LinalgKernels.Svd(m, n, a, s, u, vt, false, true);
            float[] ata = new float[n * n], w = new float[n], v = new float[n * n];
            LinalgKernels.Gemm(true, false, n, n, m, 1f, a, n, a, n, 0f, ata, n);
            LinalgKernels.Eigh(n, ata, w, v, true);
            return (s, w);
        })).ToArray();
        for (int i = 0; i < n; i++)
        {
            res[0].s[i].ShouldBe(res[1].s[i], 1e-4f * res[0].s[0]);
            res[0].w[i].ShouldBe(res[1].w[i], 1e-4f * res[0].w[n - 1]);
            // eigenvalues of AᵀA are the squared singular values
            res[0].w[n - 1 - i].ShouldBe(res[0].s[i] * res[0].s[i], 1e-3f * res[0].w[n - 1]);
        }
    }

    [Fact]
    public void Blocked_managed_lu_matches_native_determinant_and_solution()
    {
        int n = 300;
        var rng = new Random(301);
        double[] a = Random(rng, n, n), b = Random(rng, n, 2);
        var res = Enum.GetValues<LinalgPath>().Select(p => Run(p, () =>
        {
            double[] x = new double[n * 2];
            LinalgKernels.Solve(n, 2, a, b, x);
            return (x, det: LinalgKernels.Slogdet(n, a));
        })).ToArray();
        RelErr(MatMul(a, n, n, res[1].x, 2), b).ShouldBeLessThan(1e-10);
        RelErr(res[0].x, res[1].x).ShouldBeLessThan(1e-8);
        res[0].det.Sign.ShouldBe(res[1].det.Sign);
        res[0].det.LogAbsDet.ShouldBe(res[1].det.LogAbsDet, 1e-9);
    }
}
