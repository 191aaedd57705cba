using ArrayDispatch.Dense.Linalg;
using CsCheck;
using Shouldly;
using Xunit;
using static ArrayDispatch.Dense.Tests.Linalg.MatrixTestUtil;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>CsCheck properties over random shapes and entries (fixed seeds), on the default path.</summary>
public sealed class LinalgPropertyTests
{
    private static readonly Gen<(int M, int N, double[] A)> Matrices =
        from m in Gen.Int[1, 24]
        from n in Gen.Int[1, 24]
        from a in Gen.Double[-10, 10].Array[m * n]
        select (m, n, a);

    [Fact]
    public void Svd_reconstructs_any_matrix()
    {
        Matrices.Sample(t =>
        {
            var (m, n, a) = t;
            int k = Math.Min(m, n);
            double[] s = new double[k], u = new double[m * k], vt = new double[k * n];
            LinalgKernels.Svd(m, n, a, s, u, vt, false, true);
            var us = new double[m * k];
            for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i * k + j] = u[i * k + j] * s[j];
            RelErr(MatMul(us, m, k, vt, n), a).ShouldBeLessThan(1e-12);
            OrthoColsErr(u, m, k).ShouldBeLessThan(1e-12);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Qr_and_lstsq_agree_on_full_rank_tall_systems()
    {
        var gen = from n in Gen.Int[1, 12]
                  from extra in Gen.Int[0, 12]
                  from a in Gen.Double[-1, 1].Array[(n + extra) * n]
                  from b in Gen.Double[-1, 1].Array[n + extra]
                  select (m: n + extra, n, a, b);
        gen.Sample(t =>
        {
            var (m, n, a, b) = t;
            double[] x = new double[n], s = new double[n];
            int rank = LinalgKernels.Lstsq(m, n, 1, a, b, x, s, -1);
            if (rank < n || s[n - 1] < 1e-6 * s[0]) return;   // ill-conditioned draw: normal equations below would lose accuracy
            // Normal equations: Aᵀ(Ax - b) = 0.
            double[] r = MatMul(a, m, n, x, 1);
            for (int i = 0; i < m; i++) r[i] -= b[i];
            double[] g = MatMul(Transpose(a, m, n), n, m, r, 1);
            MaxAbs(g).ShouldBeLessThan(1e-9);
            double[] q = new double[m * n], rr = new double[n * n];
            LinalgKernels.Qr(m, n, a, q, rr, ArrayDispatch.Functions.QrMode.Reduced);
            RelErr(MatMul(q, m, n, rr, n), a).ShouldBeLessThan(1e-12);
        }, iter: 200, seed: "0N0XIzNsQ0O3");
    }
}
