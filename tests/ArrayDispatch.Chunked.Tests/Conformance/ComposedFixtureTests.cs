using ArrayDispatch.Dense;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.Conformance;

/// <summary>
/// NumPy's reference cases of the names the facade composes (isclose, diff, median, histogram, …: ComposedFunctions),
/// run on Chunked arrays: a composition serves every backend without code of its own, so each must give NumPy's answer
/// on chunked inputs too, or be declined by design (a data-dependent shape), never answer wrongly.
/// </summary>
public sealed class ComposedFixtureTests
{
    private static readonly Lazy<FixtureManifest?> s_manifest = new(() => FixtureManifest.Locate() is { } d ? FixtureManifest.Load(d) : null);

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (FixtureCase c in s_manifest.Value?.Cases ?? [])
        {
            if (ComposedFunctions.TryGet(c.Function, out _)) data.Add(c.Id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Composed_case_on_Chunked_matches_NumPy(string id)
    {
        FixtureManifest manifest = s_manifest.Value!;
        FixtureCase c = manifest.Cases.Single(x => x.Id == id);
        using var host = TestHost.Create(new DensePlugin(), new ChunkedPlugin());

        FixtureResult result = new FixtureRunner(host.Dispatcher, "Chunked").Run(manifest, c);

        result.Outcome.ShouldNotBe(FixtureOutcome.Failed, $"{c.Id} ({c.Function}): {result.Reason}");
        if (result.Outcome == FixtureOutcome.Skipped) result.Reason.ShouldStartWith("declined", customMessage: c.Id);
    }
}
