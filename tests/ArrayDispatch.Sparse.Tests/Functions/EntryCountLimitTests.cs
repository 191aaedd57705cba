using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>
/// One sparse array stores at most 2^31 - 1 entries (int32 index pointers): a result whose count of entries, a sum or
/// product of its operands' counts, is larger is NumPy's "array is too big" naming the operation and the count, raised
/// before anything of that size is allocated (never a wrapped count). The operands here are small (5e4 entries).
/// </summary>
public sealed class EntryCountLimitTests
{
    private const int N = 50_000;

    /// <summary>A COO array of <paramref name="rows"/> × <paramref name="cols"/> (one of them 1) whose every element is a stored 1.</summary>
    private static CooArray Ones(int rows, int cols)
    {
        int n = rows * cols;
        var values = new double[n];
        Array.Fill(values, 1.0);
        var r = new int[n];
        var c = new int[n];
        for (int k = 0; k < n; k++)
        {
            r[k] = rows == 1 ? 0 : k;
            c[k] = rows == 1 ? k : 0;
        }
        return CooArray.FromTriplets(values, r, c, new Shape(rows, cols));
    }

    private static void ShouldBeTooBig(Action call, params string[] parts)
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(call);
        ex.Message.ShouldStartWith("array is too big");
        foreach (string part in parts) ex.Message.ShouldContain(part);
    }

    [Fact]
    public void Kron_OfTwoArraysOf50000Entries_Is2Point5e9Entries_TooBig_NamingKronAndTheCount()
    {
        using TestHost host = SparseHost.Create();
        CsrArray column = Ones(N, 1).ToCsr(), row = Ones(1, N).ToCsr();

        // Before: the count was checked against Array.MaxLength as an InvalidOperationException, the protocol's rule unused.
        ShouldBeTooBig(() => Np.Kron(column, row), "kron", "2500000000", "2147483647");
    }

    [Fact]
    public void Kron_WhoseRowsExceedADimension_IsTooBig_NotAWrappedShape()
    {
        using TestHost host = SparseHost.Create();
        CsrArray column = Ones(N, 1).ToCsr();

        // Before: new Shape(am * bm, ...) wrapped 2.5e9 rows to a negative int (a refusal naming "negative dimensions").
        ShouldBeTooBig(() => Np.Kron(column, column), "kron", "2500000000");
    }

    [Fact]
    public void BroadcastingCooOperands_To2Point5e9Entries_IsTooBig_NamingTheBroadcast()
    {
        using TestHost host = SparseHost.Create();

        // (50000, 1) * (1, 50000) with every element stored: each operand broadcast holds 2.5e9 entries.
        ShouldBeTooBig(() => Np.Multiply(Ones(N, 1), Ones(1, N)), "broadcasting", "2500000000");
    }

    [Fact]
    public void Concatenating43000ArraysOf50000Entries_IsTooBig_NotAnArithmeticOverflow()
    {
        using TestHost host = SparseHost.Create();
        CooArray row = Ones(1, N);

        // Before: Enumerable.Sum's checked int sum, "Arithmetic operation resulted in an overflow." naming nothing.
        ShouldBeTooBig(() => Np.Concatenate(Enumerable.Repeat<NDArray>(row, 43_000).ToArray(), axis: 0), "concatenating 43000 sparse arrays", "2150000000");
    }

    [Fact]
    public void IndexingThatRepeatsEveryEntry50000Times_IsTooBig_BeforeTheEntriesAreExpanded()
    {
        using TestHost host = SparseHost.Create();
        CooArray row = Ones(1, N);
        NDArray zeros = DenseOf(new long[N]);

        ShouldBeTooBig(() => _ = row[zeros, ArrayIndex.All], "indexing", "2500000000");
    }

    [Fact]
    public void Diags_WhoseDiagonalsFillA50000Square_IsTooBig()
    {
        int[] offsets = Enumerable.Range(-(N - 1), 2 * N - 1).ToArray();
        double[][] diagonals = Array.ConvertAll(offsets, _ => new[] { 1.0 });

        ShouldBeTooBig(() => SparseArrays.Diags(diagonals, offsets, new Shape(N, N)), "diags", "2500000000");
    }

    [Fact]
    public void CumulativeCounts_AboveInt32_RaiseWithTheFullTotal_AndAtTheLimitGiveIndexPointers()
    {
        // The rule under every count-then-fill kernel (sparse @ sparse, CSR merges): a wrapped indptr was a negative
        // allocation size or, worse, a small one.
        int[] over = [0, 1 << 30, 1 << 30, 7];
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => SparseValidation.CumulativeCounts(over, "sparse @ sparse"));
        ex.Message.ShouldStartWith("array is too big: sparse @ sparse gives 2147483655 stored entries");

        int[] exact = [0, int.MaxValue - 5, 5, 0];
        SparseValidation.CumulativeCounts(exact, "x").ShouldBe(int.MaxValue);
        exact.ShouldBe([0, int.MaxValue - 5, int.MaxValue, int.MaxValue]);
    }

    [Fact]
    public void EntryCount_IsTheCountUpToInt32_AndTooBigAbove()
    {
        SparseValidation.EntryCount(int.MaxValue, "x").ShouldBe(int.MaxValue);
        ShouldBeTooBig(() => SparseValidation.EntryCount(1L << 31, "hstack of 2 arrays"), "hstack of 2 arrays gives 2147483648 stored entries");
    }
}
