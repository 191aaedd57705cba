using ArrayDispatch.Dense;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// NumPy's reference manifest run with backend Gpu (inputs are uploaded with <c>Np.AsArray(x, backend: "Gpu")</c>):
/// every case whose function Gpu declares must pass or be declined by design; the others are skipped by the runner.
/// </summary>
public sealed class NumPyFixtureTests
{
    private static readonly Lazy<FixtureManifest?> s_manifest = new(() => FixtureManifest.Locate() is { } d ? FixtureManifest.Load(d) : null);


    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (FixtureCase c in s_manifest.Value?.Cases ?? [])
        {
            // Gpu's own functions, and the names the facade composes from functions Gpu declares (isclose, diff, …).
            if (GpuPlugin.Functions.Contains(c.Function) || ComposedFromDeclared(c.Function)) data.Add(c.Id);
        }
        return data;
    }

    private static bool ComposedFromDeclared(string function) =>
        ComposedFunctions.TryGet(function, out ComposedFunction? composed) && composed.Requires.All(f => GpuPlugin.Functions.Contains(f.Name));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_OnGpu_MatchesNumPy(string id)
    {
        FixtureManifest manifest = s_manifest.Value!;
        FixtureCase c = manifest.Cases.Single(x => x.Id == id);
        using var host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

        FixtureResult result = new FixtureRunner(host.Dispatcher, "Gpu").Run(manifest, c);

        // Gpu may decline inputs it does not handle on the device (advanced indexing), never answer wrongly.
        result.Outcome.ShouldNotBe(FixtureOutcome.Failed, $"{c.Id} ({c.Function}): {result.Reason}");
        if (result.Outcome == FixtureOutcome.Skipped) result.Reason.ShouldStartWith("declined", customMessage: c.Id);
    }
}
