using ArrayDispatch.Dense;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// NumPy's shape, indexing, editing, padding and set helpers are composed in the protocol (Np.Shape*, Np.Indexing,
/// Np.Sets): every fixture of theirs whose composition Gpu serves (it declares every function the composition calls)
/// passes on Gpu, or is declined by design, never answered wrongly.
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
        foreach (FixtureCase c in FixtureManifest.Load(dir).Cases)
        {
            if (s_functions.Contains(c.Function) && ArrayApiStandard.Serves(GpuPlugin.Functions, c.Function)) data.Add(c.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Composed_surface_function_matches_NumPy_on_Gpu_or_is_declined(string id)
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        FixtureCase c = manifest.Cases.Single(x => x.Id == id);
        using var host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

        FixtureResult result = new FixtureRunner(host.Dispatcher, "Gpu").Run(manifest, c);

        result.Outcome.ShouldNotBe(FixtureOutcome.Failed, $"{c.Id} ({c.Function}): {result.Reason}");
        if (result.Outcome == FixtureOutcome.Skipped) result.Reason.ShouldStartWith("declined", customMessage: c.Id);
    }
}
