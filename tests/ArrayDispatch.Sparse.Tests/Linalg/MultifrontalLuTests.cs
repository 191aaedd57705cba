using ArrayDispatch.Sparse.Linalg;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using CsCheck;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.TestMatrices;

namespace ArrayDispatch.Sparse.Tests.Linalg;

/// <summary>
/// The multifrontal LU directly (which matrices it factors itself, which it hands to the Gilbert–Peierls fallback) and
/// <c>sparse.linalg.spsolve</c> over both paths against the Dense backend's <c>linalg.solve</c>.
/// </summary>
public sealed class MultifrontalLuTests
{
    private static double[] Spsolve(SparseArray a, double[] b, string? permcSpec = null)
    {
        var options = permcSpec is null ? null : new Dictionary<string, object?> { ["permc_spec"] = permcSpec };
        return Values.Of(Np.Call("sparse.linalg.spsolve", [a, SparseHost.DenseOf(b)], options)[0]);
    }

    private static double[] DenseSolve(SparseArray a, double[] b) =>
        Np.Linalg.Solve(Np.AsArray(a, backend: "Dense", dtype: DType.Float64), SparseHost.DenseOf(b)).ToArray<double>();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Laplacian_FactorsInFrontsWithSmallResidual(bool nestedDissection)
    {
        ColumnOrdering ordering = nestedDissection ? ColumnOrdering.NestedDissectionAtPlusA : ColumnOrdering.Natural;
        const int k = 120;
        CooArray a = Laplacian2D(k);
        MultifrontalLu lu = MultifrontalLu.TryFactor(a.ToCsr(), ordering).ShouldNotBeNull();
        lu.SupernodeCount.ShouldBeLessThan(k * k / 4, "amalgamation groups the columns");
        double[] b = RandomVector(k * k, 17);
        RelativeResidual(a, lu.Solve(b), b).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void NestedDissection_FillsLessThanTheBandOfTheNaturalOrder()
    {
        CsrArray a = Laplacian2D(100).ToCsr();
        long nested = MultifrontalLu.TryFactor(a, ColumnOrdering.NestedDissectionAtPlusA)!.FactorEntries;
        long natural = MultifrontalLu.TryFactor(a, ColumnOrdering.Natural)!.FactorEntries;
        nested.ShouldBeLessThan(natural / 2);
    }

    [Fact]
    public void RowShuffledMatrix_PivotsAcrossFronts_FallsBackAndStillSolves()
    {
        using TestHost host = SparseHost.Create();
        // Mostly zero diagonal: some front's fully summed column has its only large entries in rows not yet summed.
        CooArray a = RowShuffledDominant(300, 0.01, seed: 5);
        MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA).ShouldBeNull();
        double[] b = RandomVector(300, 6);
        Values.ShouldBeClose(Spsolve(a, b), DenseSolve(a, b), 1e-9);
    }

    [Fact]
    public void SingularLaplacian_IsRefusedNamingTheColumn()
    {
        using TestHost host = SparseHost.Create();
        // A 30×30-grid Laplacian with one column emptied: exactly singular, so no front finds a pivot for it and the
        // fallback reports the column.
        CsrArray laplacian = Laplacian2D(30).ToCsr();
        double[] values = (double[])laplacian.Values;
        var entries = new List<(int, int, double)>();
        for (int i = 0; i < 900; i++)
        {
            for (int p = laplacian.Indptr[i]; p < laplacian.Indptr[i + 1]; p++)
            {
                if (laplacian.Indices[p] != 417) entries.Add((i, laplacian.Indices[p], values[p]));
            }
        }
        CooArray a = FromTriplets(900, entries);
        MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA).ShouldBeNull();
        var error = Should.Throw<LinAlgException>(() => Spsolve(a, RandomVector(900, 1)));
        error.Message.ShouldStartWith("Matrix is exactly singular");
        error.Message.ShouldContain("column 417");
    }

    [Fact]
    public void RandomSparseMatrices_MatchDenseSolve()
    {
        using TestHost host = SparseHost.Create();
        // Sizes through one front and many; densities from diagonal-only to dense; unsymmetric patterns; rows kept or
        // shuffled (the shuffled ones need pivots in and across fronts, so both paths run).
        int factoredInFronts = 0, fellBack = 0;
        Gen.Select(Gen.Int[1, 160], Gen.Double[0.0, 0.3], Gen.Bool, Gen.Int).Sample((n, density, shuffle, seed) =>
        {
            CooArray a = RowShuffledDominant(n, density, seed, shuffle);
            if (MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA) is null) fellBack++;
            else factoredInFronts++;
            double[] b = RandomVector(n, seed ^ 0x2c1b);
            Values.ShouldBeClose(Spsolve(a, b), DenseSolve(a, b), 1e-9, $"n={n} density={density} shuffled={shuffle}");
        }, iter: 150);
        factoredInFronts.ShouldBeGreaterThan(0);
        fellBack.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void MatrixRightHandSide_SolvesEachColumnInFronts()
    {
        using TestHost host = SparseHost.Create();
        const int k = 25, columns = 4;
        CooArray a = Laplacian2D(k);
        double[] b = RandomVector(k * k * columns, 8);
        double[] x = Values.Of(Np.Call("sparse.linalg.spsolve", [a, SparseHost.DenseOf(b, k * k, columns)])[0]);
        RelativeResidual(a, x, b, columns).ShouldBeLessThan(1e-12);
    }
}
