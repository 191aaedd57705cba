using System.Globalization;

namespace ArrayDispatch.Gpu;

/// <summary>The accelerator the Gpu backend chose, its memory, and why it was chosen.</summary>
/// <param name="Kind">The accelerator kind in use.</param>
/// <param name="Name">The device name ILGPU reports.</param>
/// <param name="MemoryBytes">The device memory in bytes (<see cref="long.MaxValue"/> for the CPU accelerator, which has no fixed limit).</param>
/// <param name="Reason">Why this device: what was asked and what was found, e.g. <c>Auto: no CUDA device; OpenCL: none; using CPU accelerator</c>.</param>
public sealed record GpuDeviceInfo(GpuAcceleratorKind Kind, string Name, long MemoryBytes, string Reason)
{
    /// <summary>Which path matrix products take: <c>cuBLAS …</c>, or the plugin's own ILGPU kernels and why.</summary>
    public string MatMul { get; init; } = "own ILGPU kernels";

    /// <summary>
    /// One line for logs and the host's <c>backends</c> command, e.g.
    /// <c>Cuda NVIDIA H100 (79.1 GiB) — Auto: CUDA device #0 of 1; matmul: cuBLAS 12.4</c>.
    /// </summary>
    public string Description => $"{Kind} {Name} ({FormatBytes(MemoryBytes)}) — {Reason}; matmul: {MatMul}";

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>Formats a byte count as GiB/MiB/KiB, or "unbounded" for <see cref="long.MaxValue"/>.</summary>
    public static string FormatBytes(long bytes) => bytes switch
    {
        long.MaxValue => "host memory",
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
