using ArrayDispatch.Conformance;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The conformance kit on Gpu (ILGPU's CPU accelerator, shared with the other tests so kernels compile once): every case
/// of a function Gpu declares agrees with Dense in values, and where Dense raises, Gpu raises the same NumPy category.
/// </summary>
public sealed class GpuConformanceTests : BackendConformanceTests
{
    protected override string Backend => "Gpu";

    protected override IArrayBackendPlugin[] Plugins => [new GpuPlugin(GpuTestBase.Device)];
}

/// <summary>The kit reaches Gpu's declared functions and their error-prone corners.</summary>
public sealed class GpuConformanceKitTests
{
    [Fact]
    public void The_kit_runs_the_corner_cases_of_Gpus_functions()
    {
        var corners = new GpuConformanceTests().Run(c => c.Label.StartsWith("corner:", StringComparison.Ordinal));
        corners.Count.ShouldBeGreaterThan(50);
        corners.ShouldNotContain(r => r.Problem != null);
    }

    [Fact]
    public void The_narrow_unsigned_and_float16_cases_agree_and_only_float16_cumsum_and_sort_decline()
    {
        string[] narrow = ["int8", "int16", "uint8", "uint16", "uint32", "uint64", "float16"];
        var outcomes = new GpuConformanceTests().Outcomes(c => narrow.Any(d => c.Label.Contains(d, StringComparison.Ordinal)));
        outcomes.Count.ShouldBeGreaterThan(500);
        outcomes.ShouldNotContain(o => o.Problem != null);
        outcomes.Where(o => o.Backend == "declines" && o.Dense == "answers").Select(o => o.Case.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void The_complex_cases_agree_and_none_declines()
    {
        string[] complex = ["complex64", "complex128"];
        var outcomes = new GpuConformanceTests().Outcomes(c => complex.Any(d => c.Label.Contains(d, StringComparison.Ordinal)));
        outcomes.Count.ShouldBeGreaterThan(250);
        outcomes.Where(o => o.Problem != null).Select(o => $"{o.Case}: {o.Problem}").ShouldBeEmpty();
        outcomes.Where(o => o.Backend == "declines" && o.Dense == "answers").Select(o => o.Case.ToString()).ShouldBeEmpty();
    }
}
