namespace ArrayDispatch.Gpu;

/// <summary>
/// How ILGPU's CPU accelerator runs a kernel's simulated threads (<c>Backends:Gpu:CpuMode</c>; only where the CPU
/// accelerator is the device).
/// </summary>
public enum GpuCpuMode
{
    /// <summary>
    /// Every simulated thread of a group on its own OS thread, meeting at a barrier twice per launch: large kernels use
    /// every core. The default.
    /// </summary>
    Parallel,
    /// <summary>
    /// The simulated threads one after another: no rendezvous of 16 threads per launch, so small kernels are faster
    /// and a machine whose cores are busy with other work does not stall every launch; large kernels run on one core.
    /// </summary>
    Sequential,
}
