using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Every case of NumPy's reference manifest, run on Dense: one theory row per case id.</summary>
public sealed class NumPyFixtureTests
{
    private static readonly Lazy<FixtureManifest?> s_manifest = new(() => FixtureManifest.Locate() is { } d ? FixtureManifest.Load(d) : null);


    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (FixtureCase c in s_manifest.Value?.Cases ?? []) data.Add(c.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_matches_NumPy(string id)
    {
        FixtureManifest manifest = s_manifest.Value!;
        FixtureCase c = manifest.Cases.Single(x => x.Id == id);
        using var host = TestHost.Create(new DensePlugin());
        FixtureResult result = new FixtureRunner(host.Dispatcher, "Dense").Run(manifest, c);
        // Skipped only when Dense does not declare the function (e.g. sparse-only 'todense').
        Assert.True(result.Outcome != FixtureOutcome.Failed, $"{c.Id} ({c.Function}): {result.Reason}");
    }
}

public sealed class NumPyFixtureSummaryTests
{
    [Fact]
    public void Only_functions_Dense_does_not_declare_are_skipped()
    {
        string? dir = FixtureManifest.Locate();
        Assert.NotNull(dir);
        FixtureManifest manifest = FixtureManifest.Load(dir!);
        using var host = TestHost.Create(new DensePlugin());
        IReadOnlyList<FixtureResult> results = new FixtureRunner(host.Dispatcher, "Dense").RunAll(manifest);
        IReadOnlyCollection<string> declared = host.Dispatcher.FunctionsOf("Dense");
        foreach (FixtureResult r in results.Where(r => r.Outcome == FixtureOutcome.Skipped))
        {
            Assert.DoesNotContain(r.Function, declared);
        }
        Assert.Empty(results.Where(r => r.Outcome == FixtureOutcome.Failed).Select(r => r.ToString()));
        // Every case of a function Dense declares runs and passes (linalg through the linalg handlers, SciPy sparse
        // inputs as dense matrices); only SciPy-only functions ('todense', 'sparse.mmread') are skipped.
        Assert.All(results.Where(r => declared.Contains(r.Function)), r => Assert.Equal(FixtureOutcome.Passed, r.Outcome));
    }
}
