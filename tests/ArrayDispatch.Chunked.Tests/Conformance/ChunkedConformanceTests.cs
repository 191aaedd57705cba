using ArrayDispatch.Conformance;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Tests.Conformance;

/// <summary>The conformance kit on Chunked with small regular chunks (several chunks along every axis, ragged last ones).</summary>
public sealed class ChunkedConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Chunked";

    protected override IArrayBackendPlugin[] Plugins => [new ChunkedPlugin()];

    protected override NDArray ToBackend(HostBuffer data) => Np.AsArray(data, "Chunked", chunks: [2]);
}

/// <summary>The kit on Chunked with ragged chunks of 3.</summary>
public sealed class ChunkedRaggedConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Chunked";

    protected override IArrayBackendPlugin[] Plugins => [new ChunkedPlugin()];

    protected override NDArray ToBackend(HostBuffer data) => Np.AsArray(data, "Chunked", chunks: [3]);
}

/// <summary>The kit on Chunked with every input a single chunk.</summary>
public sealed class ChunkedSingleChunkConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Chunked";

    protected override IArrayBackendPlugin[] Plugins => [new ChunkedPlugin()];

    protected override NDArray ToBackend(HostBuffer data) => Np.AsArray(data, "Chunked", chunks: [-1]);
}

/// <summary>The kit's complex cases on Chunked (dtype pass-through): answered as Dense answers them, never declined.</summary>
public sealed class ChunkedComplexConformanceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Xunit.Fact]
    public void The_complex_cases_are_answered_as_Dense_answers_them()
    {
        var outcomes = new ChunkedConformanceTests().Outcomes(c => c.Label.Contains("complex", StringComparison.Ordinal));
        output.WriteLine($"{outcomes.Count} complex cases of {outcomes.Select(o => o.Case.Function).Distinct().Count()} functions");
        Xunit.Assert.True(outcomes.Count >= 200, $"only {outcomes.Count} complex cases ran");
        var problems = outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Case} — {o.Problem}").ToList();
        Xunit.Assert.True(problems.Count == 0, string.Join("\n", problems));
        var declined = outcomes.Where(o => o.Backend == "declines" && o.Dense == "answers").Select(o => o.Case.ToString()).ToList();
        Xunit.Assert.True(declined.Count == 0, "declined: " + string.Join("; ", declined));
    }
}
