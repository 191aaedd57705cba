using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Gpu;

internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Gpu backend registered: Accelerator={Kind}, DeviceIndex={Index}; the accelerator is created on first use")]
    public static partial void Registered(this ILogger logger, GpuAcceleratorKind kind, int index);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Gpu device started: {Description}")]
    public static partial void DeviceStarted(this ILogger logger, string description);
}
