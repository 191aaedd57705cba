namespace ArrayDispatch.Gpu;

/// <summary>Which ILGPU accelerator the Gpu backend uses (<c>Backends:Gpu:Accelerator</c>).</summary>
public enum GpuAcceleratorKind
{
    /// <summary>CUDA when a CUDA device is present, else OpenCL, else ILGPU's CPU accelerator.</summary>
    Auto,
    /// <summary>An NVIDIA GPU through CUDA.</summary>
    Cuda,
    /// <summary>An OpenCL device that ILGPU accepts.</summary>
    OpenCL,
    /// <summary>ILGPU's CPU accelerator: a GPU simulator that runs the same kernels on the host threads (slow; for tests and machines without a GPU).</summary>
    Cpu,
}
