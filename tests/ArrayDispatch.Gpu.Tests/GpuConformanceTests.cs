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
