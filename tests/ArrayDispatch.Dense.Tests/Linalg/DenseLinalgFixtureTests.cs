using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>Every linalg.* case of NumPy's manifest runs (is not skipped) and passes through the dispatcher, on both kernel paths.</summary>
public sealed class DenseLinalgFixtureTests
{
    public static TheoryData<LinalgPath> Paths() => new(Enum.GetValues<LinalgPath>());

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_linalg_fixture_passes(LinalgPath path)
    {
        var manifest = FixtureManifest.Load(Fixtures.Directory);
        using var host = TestHost.Create(new DensePlugin());
        using var _ = path.Enter();
        var runner = new FixtureRunner(host.Dispatcher, "Dense");
        var cases = manifest.Cases.Where(c => c.Function.StartsWith("linalg.", StringComparison.Ordinal)).ToArray();
        cases.Length.ShouldBeGreaterThan(20);
        var failures = cases.Select(c => runner.Run(manifest, c)).Where(r => r.Outcome != FixtureOutcome.Passed).Select(r => r.ToString()).ToArray();
        failures.ShouldBeEmpty();
    }
}
