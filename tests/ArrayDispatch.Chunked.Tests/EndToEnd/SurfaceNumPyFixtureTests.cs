using ArrayDispatch.Dense;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// NumPy's shape, indexing, editing, padding and set helpers are composed in the protocol (Np.Shape*, Np.Indexing,
/// Np.Sets), so Chunked serves them through the same compositions: every NumPy fixture of theirs passes on Chunked, or
/// is declined by design (a result whose length depends on the data), never failed.
/// </summary>
public sealed class SurfaceNumPyFixtureTests
{
    private static readonly HashSet<string> s_functions =
    [
        "atleast_1d", "atleast_2d", "atleast_3d", "fliplr", "flipud", "rot90", "diag", "diagflat", "tri", "tril_indices",
        "triu_indices", "tril_indices_from", "triu_indices_from", "diag_indices", "diag_indices_from", "indices", "ix_",
        "unravel_index", "ravel_multi_index", "array_split", "hsplit", "vsplit", "dsplit", "dstack", "block", "append",
        "insert", "delete", "resize", "trim_zeros", "pad", "in1d", "isin", "intersect1d", "union1d", "setdiff1d", "setxor1d",
    ];

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        string? dir = FixtureManifest.Locate();
        if (dir is null) return data;
        foreach (FixtureCase c in FixtureManifest.Load(dir).Cases.Where(c => s_functions.Contains(c.Function) && c.Check != "error")) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Composed_surface_function_matches_NumPy_on_Chunked_or_is_declined(string id)
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        FixtureCase c = manifest.Cases.Single(x => x.Id == id);
        using TestHost host = TestHost.Create(new DensePlugin(), new ChunkedPlugin());

        FixtureResult result = new FixtureRunner(host.Dispatcher, "Chunked").Run(manifest, c);

        result.Outcome.ShouldNotBe(FixtureOutcome.Failed, $"{c.Id} ({c.Function}): {result.Reason}");
        if (result.Outcome == FixtureOutcome.Skipped) (result.Reason ?? "").ShouldMatch("^(declined|backend 'Chunked' does not declare)", c.Id);
    }
}
