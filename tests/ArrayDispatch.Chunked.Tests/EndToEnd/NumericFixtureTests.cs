using ArrayDispatch.Dense;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// NumPy's fixtures of the NaN reductions and numeric functions composed in the protocol (Np.NaNReductions.cs,
/// Np.Numeric*.cs), run on Chunked inputs through the same runner as on Dense: each passes, or is declined by design
/// with the runner's reason; none fails.
/// </summary>
public sealed class NumericFixtureTests
{
    private static readonly string[] s_functions =
    [
        "nanmax", "nanmin", "nanargmax", "nanargmin", "nanprod", "nancumsum", "nancumprod", "nanmedian", "nanquantile", "nanpercentile",
        "amax", "amin", "ptp", "average", "divmod", "modf", "frexp", "ldexp", "sinc", "i0", "interp", "digitize", "bincount", "convolve",
        "correlate", "geomspace", "logspace", "gradient", "ediff1d", "trapz", "unwrap", "vander", "polyval", "polyfit", "select", "lexsort",
        "sort_complex", "hamming", "hanning", "blackman", "bartlett", "kaiser",
    ];

    public static TheoryData<string> Functions()
    {
        var data = new TheoryData<string>();
        foreach (string f in s_functions) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void NumPys_fixtures_pass_on_Chunked_or_are_declined(string function)
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        using TestHost host = TestHost.Create(new DensePlugin(), new ChunkedPlugin());
        var runner = new FixtureRunner(host.Dispatcher, "Chunked");
        FixtureResult[] results = manifest.Cases.Where(c => c.Function == function).Select(c => runner.Run(manifest, c)).ToArray();
        results.ShouldNotBeEmpty();
        results.Where(r => r.Outcome == FixtureOutcome.Failed).Select(r => r.ToString()).ToArray().ShouldBeEmpty();
        foreach (FixtureResult r in results.Where(r => r.Outcome == FixtureOutcome.Skipped)) (r.Reason ?? "").ShouldStartWith("declined", customMessage: r.Id);
        results.Count(r => r.Outcome == FixtureOutcome.Passed).ShouldBeGreaterThan(0);
    }
}
