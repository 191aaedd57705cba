using System.Text.Json;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ArrayDispatch.Sparse.Tests.Fixtures;

public sealed class FixtureTests(ITestOutputHelper output)
{
    public static TheoryData<string> SparseCases()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in FixtureRunner.Cases())
        {
            string id = c.GetProperty("id").GetString()!;
            if (id.StartsWith("sparse_", StringComparison.Ordinal)) data.Add(id);
        }
        return data;
    }

    [Theory, MemberData(nameof(SparseCases))]
    public void SciPyFixture_Passes(string id)
    {
        using var host = MiniHost.Create();
        FixtureRunner.Result r = FixtureRunner.Run(FixtureRunner.Cases().Single(c => c.GetProperty("id").GetString() == id));
        Assert.True(r.Outcome == FixtureRunner.Outcome.Passed, $"{id}: {r.Outcome} {r.Detail}");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryFixture_WithInputsMadeSparse_PassesOrIsDeclinedByDesign(bool allowDensify)
    {
        using var host = MiniHost.Create(("AllowDensify", allowDensify ? "true" : "false"));
        var results = FixtureRunner.Cases().Select(FixtureRunner.Run).ToList();
        foreach (FixtureRunner.Result r in results.Where(r => r.Outcome != FixtureRunner.Outcome.Passed))
        {
            output.WriteLine($"{r.Outcome,-8} {r.Id}: {r.Detail}");
        }
        output.WriteLine($"passed {results.Count(r => r.Outcome == FixtureRunner.Outcome.Passed)}, skipped {results.Count(r => r.Outcome == FixtureRunner.Outcome.Skipped)}, failed {results.Count(r => r.Outcome == FixtureRunner.Outcome.Failed)}");
        Assert.Empty(results.Where(r => r.Outcome == FixtureRunner.Outcome.Failed).Select(r => $"{r.Id}: {r.Detail}"));
    }
}
