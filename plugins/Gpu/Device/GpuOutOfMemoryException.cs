namespace ArrayDispatch.Gpu;

/// <summary>Device memory ran out (CuPy's <c>OutOfMemoryError</c>). The message names the size asked and the memory free.</summary>
public sealed class GpuOutOfMemoryException : OutOfMemoryException
{
    /// <summary>Creates the exception.</summary>
    public GpuOutOfMemoryException(long requestedBytes, long freeBytes, string device, Exception? inner = null)
        : base($"out of device memory on {device}: allocating {GpuDeviceInfo.FormatBytes(requestedBytes)} ({requestedBytes} bytes) " +
               $"but only {GpuDeviceInfo.FormatBytes(freeBytes)} ({freeBytes} bytes) is free; dispose GpuArrays you no longer need " +
               "(using var a = ...) or move data to the host with ToHost()", inner)
    {
        RequestedBytes = requestedBytes;
        FreeBytes = freeBytes;
    }

    /// <summary>The bytes asked for.</summary>
    public long RequestedBytes { get; }

    /// <summary>The bytes free when the allocation failed.</summary>
    public long FreeBytes { get; }
}
