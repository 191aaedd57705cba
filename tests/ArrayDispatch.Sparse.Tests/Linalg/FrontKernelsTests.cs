using ArrayDispatch.Sparse.Linalg;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Linalg;

/// <summary>
/// The multifrontal LU's dense kernels against plain loops: the packed Schur-complement product on every edge class
/// (rows and columns not multiples of the 12×4 tile, blocks larger than one packed panel), and the partial LU's
/// factors, which must rebuild the pivoted front.
/// </summary>
public sealed unsafe class FrontKernelsTests
{
    private static double[] RandomMatrix(Random rng, int length)
    {
        var a = new double[length];
        for (int i = 0; i < length; i++) a[i] = rng.NextDouble() * 2 - 1;
        return a;
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(12, 4, 32)]
    [InlineData(13, 5, 7)]
    [InlineData(11, 3, 32)]
    [InlineData(200, 37, 32)]
    [InlineData(400, 401, 20)]
    public void SubtractProduct_MatchesTripleLoop(int rows, int cols, int depth) => CheckProduct(rows, cols, depth, seed: rows * 31 + cols);

    [Fact]
    public void SubtractProduct_RandomShapes_MatchTripleLoop()
    {
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 60], Gen.Int[1, 40], Gen.Int).Sample((rows, cols, depth, seed) => CheckProduct(rows, cols, depth, seed), iter: 60);
    }

    private static void CheckProduct(int rows, int cols, int depth, int seed)
    {
        var rng = new Random(seed);
        // All three inside one larger column-major array with a leading dimension past the rows, as in a front.
        int ld = rows + depth + 3;
        double[] f = RandomMatrix(rng, ld * (cols + depth));
        double[] expected = (double[])f.Clone();
        int cOff = depth, aOff = depth + cols * ld, bOff = 0;
        // C at rows [depth, depth + rows) of columns [0, cols); A at the same rows of columns [cols, cols + depth);
        // B at rows [0, depth) of columns [0, cols).
        for (int j = 0; j < cols; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                double sum = 0;
                for (int p = 0; p < depth; p++) sum += f[aOff + i + p * ld] * f[bOff + p + j * ld];
                expected[cOff + i + j * ld] -= sum;
            }
        }
        fixed (double* pf = f)
        {
            FrontKernels.SubtractProduct(pf + cOff, ld, pf + aOff, ld, pf + bOff, ld, rows, cols, depth);
        }
        Values.ShouldBeClose(f, expected, 1e-12, $"{rows}x{cols}x{depth}");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 5)]
    [InlineData(40, 40)]
    [InlineData(70, 33)]
    [InlineData(130, 100)]
    [InlineData(90, 1)]
    public void PartialLu_FactorsRebuildThePivotedFront(int m, int fullySummed)
    {
        var rng = new Random(m * 7 + fullySummed);
        double[] original = RandomMatrix(rng, m * m);
        double[] f = (double[])original.Clone();
        int[] labels = Enumerable.Range(0, fullySummed).ToArray();
        fixed (double* pf = f)
        {
            FrontKernels.PartialLu(pf, m, fullySummed, 0.1, labels).ShouldBeTrue();
        }
        // Row i of the factored front is original row labels[i] (for i < fullySummed) and i otherwise.
        int RowOf(int i) => i < fullySummed ? labels[i] : i;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                // (L·U)(i, j) over the eliminated steps, plus the Schur complement where both lie past them.
                double sum = 0;
                int steps = Math.Min(Math.Min(i, j + 1), fullySummed);
                for (int k = 0; k < steps; k++) sum += f[i + k * m] * f[k + j * m];
                if (i < fullySummed && i <= j) sum += f[i + j * m];
                if (i >= fullySummed && j >= fullySummed) sum += f[i + j * m];
                double expected = original[RowOf(i) + j * m];
                Math.Abs(sum - expected).ShouldBeLessThan(1e-10 * m, $"({i}, {j})");
            }
        }
        // Threshold pivoting: every multiplier is at most 1 / threshold in magnitude.
        for (int k = 0; k < fullySummed; k++)
        {
            for (int i = k + 1; i < m; i++) Math.Abs(f[i + k * m]).ShouldBeLessThanOrEqualTo(10.0 + 1e-12);
        }
    }

    [Theory]
    [InlineData(6, 4, 1)]
    [InlineData(40, 25, 3)]
    [InlineData(90, 60, 10)]
    [InlineData(30, 30, 0)]
    public void PartialLuDelaying_ColumnsWithoutFullySummedPivot_AreDelayedAndTheRestRebuildsTheFront(int m, int fullySummed, int hopeless)
    {
        var rng = new Random(m + fullySummed + hopeless);
        double[] original = RandomMatrix(rng, m * m);
        // The first `hopeless` fully summed columns are zero in every fully summed row: only rows past them could pivot.
        for (int j = 0; j < hopeless; j++)
        {
            for (int i = 0; i < fullySummed; i++) original[i + j * m] = 0;
        }
        double[] f = (double[])original.Clone();
        int[] rows = Enumerable.Range(0, fullySummed).ToArray(), cols = Enumerable.Range(0, fullySummed).ToArray();
        int done;
        fixed (double* pf = f)
        {
            done = FrontKernels.PartialLuDelaying(pf, m, fullySummed, 0.1, rows, cols);
        }
        done.ShouldBeLessThanOrEqualTo(fullySummed - hopeless);
        done.ShouldBeGreaterThanOrEqualTo(Math.Min(fullySummed - hopeless, fullySummed - 2 * hopeless));
        for (int c = 0; c < hopeless; c++) cols[done..].ShouldContain(c);
        int RowOf(int i) => i < fullySummed ? rows[i] : i;
        int ColOf(int j) => j < fullySummed ? cols[j] : j;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                double sum = 0;
                int steps = Math.Min(Math.Min(i, j + 1), done);
                for (int k = 0; k < steps; k++) sum += f[i + k * m] * f[k + j * m];
                if (i < done && i <= j) sum += f[i + j * m];
                if (i >= done && j >= done) sum += f[i + j * m];
                Math.Abs(sum - original[RowOf(i) + ColOf(j) * m]).ShouldBeLessThan(1e-10 * m, $"({i}, {j})");
            }
        }
    }

    [Fact]
    public void PartialLu_ColumnWhoseOnlyLargeEntriesAreNotFullySummed_Fails()
    {
        // 3 × 3 front, one fully summed column: its fully summed entry 1e-3 is below 0.1 × the other rows' 1.
        double[] f = [1e-3, 1, 1, 2, 3, 4, 5, 6, 8];
        int[] labels = [0];
        fixed (double* pf = f)
        {
            FrontKernels.PartialLu(pf, 3, 1, 0.1, labels).ShouldBeFalse();
        }
        int[] cols = [0];
        double[] g = [1e-3, 1, 1, 2, 3, 4, 5, 6, 8];
        fixed (double* pg = g)
        {
            FrontKernels.PartialLuDelaying(pg, 3, 1, 0.1, labels, cols).ShouldBe(0);
        }
        g.ShouldBe([1e-3, 1, 1, 2, 3, 4, 5, 6, 8]);
    }
}
