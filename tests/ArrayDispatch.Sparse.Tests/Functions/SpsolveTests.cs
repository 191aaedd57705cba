using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using CsCheck;
using static ArrayDispatch.Sparse.Tests.Infrastructure.TestMatrices;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>
/// <c>sparse.linalg.spsolve</c> as the sparse direct solver: answers checked by their residual ‖Ax − b‖/‖b‖ and against
/// the Dense backend's <c>linalg.solve</c>, at a size the old O(n²) factorisation could not reach.
/// </summary>
public sealed class SpsolveTests
{
    private static double[] Spsolve(SparseArray a, double[] b, string? permcSpec = null, params int[] shape)
    {
        var options = permcSpec is null ? null : new Dictionary<string, object?> { ["permc_spec"] = permcSpec };
        return Values.Of(Np.Call("sparse.linalg.spsolve", [a, SparseHost.DenseOf(b, shape.Length == 0 ? [b.Length] : shape)], options)[0]);
    }

    [Fact]
    public void Spsolve_RandomNonsymmetricWithZeroDiagonal_MatchesDenseSolve()
    {
        using TestHost host = SparseHost.Create();
        const int n = 120;
        CooArray a = RowShuffledDominant(n, 0.05, seed: 7);
        Values.Of(a).Where((v, i) => i % (n + 1) == 0 && v == 0).Count().ShouldBeGreaterThan(n / 2, "the test needs zero diagonal entries");
        double[] b = RandomVector(n, 3);

        NDArray x = Np.Call("sparse.linalg.spsolve", [a, SparseHost.DenseOf(b)])[0];
        double[] expected = Np.Linalg.Solve(Np.AsArray(a, backend: "Dense", dtype: DType.Float64), SparseHost.DenseOf(b)).ToArray<double>();

        double[] actual = Np.AsArray(x, backend: "Dense", dtype: DType.Float64).ToArray<double>();
        Values.ShouldBeClose(actual, expected, 1e-10);
        RelativeResidual(a, actual, b).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void Spsolve_Laplacian300x300Grid_SolvesNinetyThousandUnknowns()
    {
        using TestHost host = SparseHost.Create();
        CooArray a = Laplacian2D(300);
        double[] b = RandomVector(300 * 300, 11);
        double[] x = Spsolve(a, b);
        RelativeResidual(a, x, b).ShouldBeLessThan(1e-10);
    }

    [Fact]
    public void Spsolve_RandomRowShuffledDominant_HasSmallResidual()
    {
        using TestHost host = SparseHost.Create();
        Gen.Select(Gen.Int[1, 60], Gen.Double[0.0, 0.2], Gen.Int).Sample((n, density, seed) =>
        {
            CooArray a = RowShuffledDominant(n, density, seed);
            double[] b = RandomVector(n, seed ^ 0x5bd1);
            RelativeResidual(a, Spsolve(a, b), b).ShouldBeLessThan(1e-10);
        }, iter: 200);
    }

    [Fact]
    public void Spsolve_Singular_NamesTheColumn()
    {
        using TestHost host = SparseHost.Create();
        // Columns 0 and 2 are equal, so elimination runs out of pivots.
        double[] dense = [1, 2, 1, 3, 4, 3, 5, 6, 5];
        SparseArray a = (SparseArray)Np.AsArray(SparseHost.DenseOf(dense, 3, 3), backend: "Sparse");
        foreach (string spec in new[] { "NATURAL", "ND_AT_PLUS_A" })
        {
            var error = Should.Throw<LinAlgException>(() => Spsolve(a, [1.0, 1, 1], spec));
            error.Message.ShouldStartWith("Matrix is exactly singular");
            error.Message.ShouldContain("column");
        }
    }

    [Fact]
    public void Spsolve_NaturalAndDefaultOrdering_GiveTheSameAnswer()
    {
        using TestHost host = SparseHost.Create();
        CooArray a = Laplacian2D(40);
        double[] b = RandomVector(1600, 5);
        Values.ShouldBeClose(Spsolve(a, b), Spsolve(a, b, "NATURAL"), 1e-10);
        Values.ShouldBeClose(Spsolve(a, b, "ND_AT_PLUS_A"), Spsolve(a, b, "NATURAL"), 1e-10);
    }

    [Fact]
    public void Spsolve_UnknownPermcSpec_IsRefusedNamingTheOption()
    {
        using TestHost host = SparseHost.Create();
        CooArray a = Laplacian2D(3);
        var error = Should.Throw<ArgumentException>(() => Spsolve(a, new double[9], "METIS"));
        error.ParamName.ShouldBe("permc_spec");
        error.Message.ShouldContain("'permc_spec'");
        error.Message.ShouldContain("METIS");
    }

    [Fact]
    public void Spsolve_MatrixRightHandSide_SolvesEachColumn()
    {
        using TestHost host = SparseHost.Create();
        const int n = 50, columns = 3;
        CooArray a = RowShuffledDominant(n, 0.1, seed: 21);
        double[] b = RandomVector(n * columns, 4);
        double[] x = Spsolve(a, b, null, n, columns);
        x.Length.ShouldBe(n * columns);
        RelativeResidual(a, x, b, columns).ShouldBeLessThan(1e-12);
    }
}
