using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

public sealed class LinalgTests
{
    /// <summary>The 1-d Poisson matrix tridiag(-1, 2, -1) plus a small shift: symmetric positive definite.</summary>
    private static SparseArray Poisson(int n) =>
        SparseArrays.Diags([Enumerable.Repeat(-1.0, n - 1).ToArray(), Enumerable.Repeat(2.1, n).ToArray(), Enumerable.Repeat(-1.0, n - 1).ToArray()], [-1, 0, 1]);

    private static double[] Residual(SparseArray a, double[] x, double[] b)
    {
        double[] dense = Values.Of(a);
        int n = b.Length;
        return Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Sum(j => dense[i * n + j] * x[j]) - b[i]).ToArray();
    }

    [Fact]
    public void Cg_Poisson_ConvergesToTolerance()
    {
        using TestHost host = SparseHost.Create();
        SparseArray a = Poisson(50);
        double[] b = Enumerable.Range(0, 50).Select(i => Math.Sin(i)).ToArray();
        NDArray[] result = Np.Call("sparse.linalg.cg", [a, DenseOf(b)], new Dictionary<string, object?> { ["rtol"] = 1e-12 });
        result[1].ToHost().ToContiguous<long>()[0].ShouldBe(0);
        Residual(a, Values.Of(result[0]), b).Max(Math.Abs).ShouldBeLessThan(1e-9);
    }

    [Fact]
    public void Spsolve_NonsymmetricNeedingPivoting_SolvesExactly()
    {
        using TestHost host = SparseHost.Create();
        double[] dense = [0, 2, 0, 1, 0, 3, 4, 1, 1];
        SparseArray a = (SparseArray)Np.AsArray(DenseOf(dense, 3, 3), backend: "Sparse");
        double[] b = [1, 2, 3];
        NDArray x = Np.Call("sparse.linalg.spsolve", [a, DenseOf(b)])[0];
        Values.ShouldBeClose(Residual(a, Values.Of(x), b), [0, 0, 0], 1e-12);
    }

    [Fact]
    public void Spsolve_Singular_IsLinAlgError()
    {
        using TestHost host = SparseHost.Create();
        SparseArray a = (SparseArray)Np.AsArray(DenseOf(new[] { 1.0, 2, 2, 4 }, 2, 2), backend: "Sparse");
        Should.Throw<LinAlgException>(() => Np.Call("sparse.linalg.spsolve", [a, DenseOf(new[] { 1.0, 1 })])).Message.ShouldStartWith("Matrix is exactly singular");
    }

    [Fact]
    public void Svds_LargestTriplets_MatchKnownSpectrum()
    {
        using TestHost host = SparseHost.Create();
        // Diagonal 30 x 20 with singular values 1..20: the 3 largest are 18, 19, 20 (SciPy returns them ascending).
        var rows = Enumerable.Range(0, 20).ToArray();
        SparseArray a = CooArray.FromTriplets(rows.Select(i => i + 1.0).ToArray(), rows, rows, new Shape(30, 20)).ToCsr();
        NDArray[] usv = Np.Call("sparse.linalg.svds", [a], new Dictionary<string, object?> { ["k"] = 3 });
        Values.ShouldBeClose(Values.Of(usv[1]), [18, 19, 20], 1e-9);
        usv[0].Shape.ShouldBe(new Shape(30, 3));
        usv[2].Shape.ShouldBe(new Shape(3, 20));
        double[] vh = Values.Of(usv[2]);
        Math.Abs(vh[2 * 20 + 19]).ShouldBe(1, 1e-6);
    }

    [Fact]
    public void LinalgSvd_OfSparse_IsRefusedPointingToSvds()
    {
        using TestHost host = SparseHost.Create();
        SparseArray a = Poisson(5);
        var ex = Should.Throw<SparseDensifyException>(() => Np.Linalg.Svd(a));
        ex.Message.ShouldBe("'linalg.svd' on a sparse array gives a dense result (the singular vectors of a sparse (5, 5) matrix are dense; use Np.Call(\"sparse.linalg.svds\", [a], { [\"k\"] = 6 }) for the k largest singular triplets); densify explicitly with Np.AsArray(x, backend: \"Dense\"), or set Backends:Sparse:AllowDensify to true");
    }
}
