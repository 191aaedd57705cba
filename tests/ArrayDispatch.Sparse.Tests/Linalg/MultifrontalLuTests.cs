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
    public void TryFactor_Laplacian_FactorsInFrontsWithSmallResidual(bool nestedDissection)
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
    public void TryFactor_Laplacian3D_SmallResidual()
    {
        // 20³ unknowns: separators of a few hundred columns, so fronts run several panels of the blocked LU.
        CooArray a = Laplacian3D(20);
        MultifrontalLu lu = MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA).ShouldNotBeNull();
        double[] b = RandomVector(8000, 23);
        RelativeResidual(a, lu.Solve(b), b).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void TryFactor_NestedDissection_FillsLessThanTheNaturalBand()
    {
        CsrArray a = Laplacian2D(100).ToCsr();
        long nested = MultifrontalLu.TryFactor(a, ColumnOrdering.NestedDissectionAtPlusA)!.FactorEntries;
        long natural = MultifrontalLu.TryFactor(a, ColumnOrdering.Natural)!.FactorEntries;
        nested.ShouldBeLessThan(natural / 2);
    }

    [Fact]
    public void Spsolve_RowShuffledUnsymmetricPattern_FallsBackAndMatchesDenseSolve()
    {
        using TestHost host = SparseHost.Create();
        // Shuffling the rows of a random pattern leaves few entries mirrored: A + Aᵀ would fill far beyond A's own LU.
        CooArray a = RowShuffledDominant(300, 0.01, seed: 5);
        MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA).ShouldBeNull();
        double[] b = RandomVector(300, 6);
        Values.ShouldBeClose(Spsolve(a, b), DenseSolve(a, b), 1e-9);
    }

    [Fact]
    public void Spsolve_SingularLaplacian_IsRefusedNamingTheColumn()
    {
        using TestHost host = SparseHost.Create();
        // A 30×30-grid Laplacian with one column emptied: exactly singular, so no front finds a pivot for it and the
        // fallback reports the column.
        CsrArray laplacian = Laplacian2D(30).ToCsr();
        ReadOnlySpan<double> values = laplacian.Values<double>();
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
    public void Spsolve_RandomSparseMatrices_MatchDenseSolve()
    {
        using TestHost host = SparseHost.Create();
        // Sizes through one front and many; densities from diagonal-only to dense; symmetric patterns with unsymmetric
        // values (the multifrontal path) and the same with rows shuffled or random unsymmetric patterns (the fallback).
        int factoredInFronts = 0, fellBack = 0;
        Gen.Select(Gen.Int[1, 160], Gen.Double[0.0, 0.3], Gen.Int[0, 2], Gen.Int).Sample((n, density, kind, seed) =>
        {
            CooArray a = kind switch
            {
                0 => SymmetricPattern(n, density, seed, diagonal: 1),
                1 => RowShuffledDominant(n, density, seed, shuffleRows: false),
                _ => RowShuffledDominant(n, density, seed),
            };
            if (MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA) is null) fellBack++;
            else factoredInFronts++;
            double[] b = RandomVector(n, seed ^ 0x2c1b);
            Values.ShouldBeClose(Spsolve(a, b), DenseSolve(a, b), 1e-9, $"n={n} density={density} kind={kind}");
        }, iter: 150);
        factoredInFronts.ShouldBeGreaterThan(0);
        fellBack.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Solve_SymmetricPatternWithWeakOrEmptyDiagonal_PivotsInsideOrDelaysAcrossFronts()
    {
        using TestHost host = SparseHost.Create();
        // Pivots off the diagonal: inside a front where a fully summed row passes the threshold, else delayed to an
        // ancestor's front; the fallback only where the root cannot take what is left (singular).
        int factoredInFronts = 0, delayed = 0;
        Gen.Select(Gen.Int[2, 200], Gen.Double[0.01, 0.2], Gen.Double[0.0, 0.05], Gen.Int).Sample((n, density, diagonal, seed) =>
        {
            CooArray a = SymmetricPattern(n, density, seed, diagonal);
            double[] b = RandomVector(n, seed ^ 0x51);
            double[] x;
            MultifrontalLu? lu = MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA);
            if (lu is not null)
            {
                factoredInFronts++;
                if (lu.DelayedPivots > 0) delayed++;
                x = lu.Solve(b);
            }
            else
            {
                try { x = Spsolve(a, b); }
                catch (LinAlgException) { return; }   // a random pattern with an empty diagonal can be singular
            }
            BackwardError(a, x, b).ShouldBeLessThan(1e-12, $"n={n} density={density} diagonal={diagonal} fronts={lu is not null}");
        }, iter: 150);
        factoredInFronts.ShouldBeGreaterThan(10);
        delayed.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void TryFactor_SaddlePointSystem_DelaysPivotsAndMatchesDenseSolve()
    {
        using TestHost host = SparseHost.Create();
        // [[H, Bᵀ], [B, 0]] on a grid: every constraint row has a zero diagonal, so its column pivots on a row of H,
        // which often lives in another front.
        const int k = 12, constraints = 60;
        var random = new Random(3);
        var entries = new List<(int, int, double)>();
        CsrArray h = Laplacian2D(k).ToCsr();
        ReadOnlySpan<double> hv = h.Values<double>();
        for (int i = 0; i < k * k; i++)
        {
            for (int p = h.Indptr[i]; p < h.Indptr[i + 1]; p++) entries.Add((i, h.Indices[p], hv[p] * (1 + 0.1 * random.NextDouble())));
        }
        for (int c = 0; c < constraints; c++)
        {
            foreach (int j in Enumerable.Range(0, 3).Select(_ => random.Next(k * k)).Distinct())
            {
                double v = random.NextDouble() + 0.5;
                entries.Add((k * k + c, j, v));
                entries.Add((j, k * k + c, v * (1 + 0.2 * random.NextDouble())));
            }
        }
        int n = k * k + constraints;
        CooArray a = FromTriplets(n, entries);
        MultifrontalLu lu = MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA).ShouldNotBeNull();
        lu.DelayedPivots.ShouldBeGreaterThan(0);
        double[] b = RandomVector(n, 4);
        Values.ShouldBeClose(lu.Solve(b), DenseSolve(a, b), 1e-9);
        Values.ShouldBeClose(Spsolve(a, b), DenseSolve(a, b), 1e-9);
    }

    [Fact]
    public void Spsolve_EmptyColumn_IsExactlySingularNamingIt()
    {
        using TestHost host = SparseHost.Create();
        // The empty column's pivot is delayed up to the root front, which cannot take it; the fallback names it.
        Gen.Select(Gen.Int[2, 120], Gen.Double[0.0, 0.2], Gen.Int, Gen.Int).Sample((n, density, seed, pick) =>
        {
            int empty = (int)((uint)pick % (uint)n);
            CsrArray full = SymmetricPattern(n, density, seed, diagonal: 1).ToCsr();
            ReadOnlySpan<double> values = full.Values<double>();
            var entries = new List<(int, int, double)>();
            for (int i = 0; i < n; i++)
            {
                for (int p = full.Indptr[i]; p < full.Indptr[i + 1]; p++)
                {
                    if (full.Indices[p] != empty) entries.Add((i, full.Indices[p], values[p]));
                }
            }
            CooArray a = FromTriplets(n, entries);
            MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA).ShouldBeNull();
            var error = Should.Throw<LinAlgException>(() => Spsolve(a, RandomVector(n, seed)));
            error.Message.ShouldStartWith("Matrix is exactly singular");
            error.Message.ShouldContain($"column {empty} ");
        }, iter: 60);
    }

    [Fact]
    public void TryFactor_OneDenseRow_LeavesItToTheFallback()
    {
        // A + Aᵀ of a diagonal plus one dense row is an arrow whose fronts would be dense; A's own LU stays sparse.
        const int n = 2000;
        var entries = new List<(int, int, double)>();
        for (int i = 0; i < n; i++) entries.Add((i, i, 2));
        for (int j = 1; j < n; j++) entries.Add((0, j, 1));
        CooArray a = FromTriplets(n, entries);
        MultifrontalLu.TryFactor(a.ToCsr(), ColumnOrdering.NestedDissectionAtPlusA).ShouldBeNull();
    }

    [Fact]
    public void Spsolve_MatrixRightHandSide_SolvesEachColumn()
    {
        using TestHost host = SparseHost.Create();
        const int k = 25, columns = 4;
        CooArray a = Laplacian2D(k);
        double[] b = RandomVector(k * k * columns, 8);
        double[] x = Values.Of(Np.Call("sparse.linalg.spsolve", [a, SparseHost.DenseOf(b, k * k, columns)])[0]);
        RelativeResidual(a, x, b, columns).ShouldBeLessThan(1e-12);
    }
}
