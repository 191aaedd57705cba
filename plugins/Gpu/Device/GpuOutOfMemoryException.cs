namespace ArrayDispatch.Gpu;

/// <summary>
/// Device memory ran out (CuPy's <c>OutOfMemoryError</c>). The message names the size asked and the memory free, where the
/// device reports a size (ILGPU's CPU accelerator does not: it allocates in the process's memory).
/// </summary>
public sealed class GpuOutOfMemoryException : OutOfMemoryException
{
    /// <summary>Creates the exception.</summary>
    public GpuOutOfMemoryException(long requestedBytes, long? freeBytes, string device, Exception? inner = null)
        : base($"out of device memory on {device}: allocating {GpuDeviceInfo.FormatBytes(requestedBytes)} ({requestedBytes} bytes) " +
               (freeBytes is { } free
                   ? $"but only {GpuDeviceInfo.FormatBytes(free)} ({free} bytes) is free"
                   : "failed (the device has no memory size of its own: it allocates in the process's memory)") +
               "; dispose GpuArrays you no longer need (using var a = ...) or move data to the host with ToHost()", inner)
    {
        RequestedBytes = requestedBytes;
        FreeBytes = freeBytes;
    }

    /// <summary>The bytes asked for.</summary>
    public long RequestedBytes { get; }

    /// <summary>The bytes free when the allocation failed; null where the device reports no memory size (the CPU accelerator).</summary>
    public long? FreeBytes { get; }
}
