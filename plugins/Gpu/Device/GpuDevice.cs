using ArrayDispatch.Plugins;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The Gpu backend's accelerator for one host: created lazily on first use (a host that never touches Gpu pays
/// nothing), disposed with the host. The plugin adds it to the host's services; read <see cref="Description"/> to show
/// which device is in use and why.
/// </summary>
public sealed class GpuDevice : IBackendDescription, IDisposable
{
    private readonly Lock _lock = new();
    private readonly ILogger? _logger;
    private GpuRuntime? _runtime;
    private bool _disposed;

    /// <summary>Creates the device handle; nothing is started until first use.</summary>
    /// <param name="kind">The accelerator asked for.</param>
    /// <param name="deviceIndex">The index among devices of that kind.</param>
    /// <param name="logger">Logs the device chosen when it starts.</param>
    public GpuDevice(GpuAcceleratorKind kind = GpuAcceleratorKind.Auto, int deviceIndex = 0, ILogger? logger = null)
    {
        Kind = kind;
        DeviceIndex = deviceIndex;
        _logger = logger;
    }

    /// <summary>The accelerator kind configured.</summary>
    public GpuAcceleratorKind Kind { get; }

    /// <summary>The device index configured.</summary>
    public int DeviceIndex { get; }

    /// <summary>The configuration section named in errors, e.g. <c>ArrayDispatch:Backends:Gpu</c>.</summary>
    public string ConfigurationPath { get; init; } = "Backends:Gpu";

    /// <summary>
    /// Whether NVIDIA's libraries (cuBLAS) may serve float32/float64 matrix products on a CUDA device where they load
    /// (configuration <c>VendorLibraries</c>: <c>Auto</c>, the default, or <c>Off</c> for the plugin's own kernels).
    /// </summary>
    public bool UseVendorLibraries { get; init; } = true;

    /// <summary>How the CPU accelerator runs its simulated threads when it is the device (configuration <c>CpuMode</c>).</summary>
    public GpuCpuMode CpuMode { get; init; } = GpuCpuMode.Parallel;

    /// <summary>Whether the accelerator has been created.</summary>
    public bool IsStarted => Volatile.Read(ref _runtime) is not null;

    /// <summary>The device in use, its memory and why it was chosen; starts the accelerator when it is not yet started.</summary>
    public GpuDeviceInfo Info => Runtime.Info;

    /// <summary>A one-line description without starting the accelerator: the device when started, else what is configured.</summary>
    public string Description => Volatile.Read(ref _runtime) is { } r
        ? r.Info.Description
        : $"not started yet (Accelerator={Kind}, DeviceIndex={DeviceIndex}); the accelerator is created on first use";

    /// <inheritdoc/>
    string IBackendDescription.Backend => "Gpu";

    /// <summary>
    /// The device chosen, its memory and why, for the host's <c>backends</c> listing. Before the accelerator starts this
    /// asks the drivers which devices there are and picks as the start will, without creating the ILGPU context or the
    /// accelerator (that costs about a tenth of a second and waits for the first Gpu call); the line is the one
    /// <see cref="Info"/> gives once started, except on a CUDA device, where whether cuBLAS loads is known only then.
    /// </summary>
    public string Describe()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
        if (Volatile.Read(ref _runtime) is { } started) return started.Info.Description;
        (ILGPU.Runtime.Device device, GpuAcceleratorKind kind, string reason) = AcceleratorSelector.SelectWithoutContext(Kind, DeviceIndex, ConfigurationPath);
        return new GpuDeviceInfo(kind, device.Name, device.MemorySize, reason) { MatMul = VendorBlas.StatusBeforeStart(kind, UseVendorLibraries) }.Description;
    }

    /// <summary>Kernels compiled so far and the time spent compiling them.</summary>
    public (int Count, TimeSpan Time) CompiledKernels => _runtime is { } r ? (r.Kernels.CompiledCount, r.Kernels.CompileTime) : (0, TimeSpan.Zero);

    /// <summary>
    /// Kernels compiled so far, each with the time its first call spent compiling it (in the order compiled), e.g. for the
    /// median first-call latency.
    /// </summary>
    public IReadOnlyList<(string Kernel, TimeSpan Time)> KernelCompileTimes => _runtime is { } r ? r.Kernels.Compiles : [];

    /// <summary>Host ↔ device copies so far (zero before the accelerator starts).</summary>
    public GpuTransferCounts Transfers => _runtime?.Transfers ?? default;

    /// <summary>Bytes held by live arrays on this device.</summary>
    public long AllocatedBytes => _runtime?.AllocatedBytes ?? 0;

    /// <summary>Waits until every kernel launched so far has finished (for timing).</summary>
    public void Synchronize() => _runtime?.Synchronize();

    internal GpuRuntime Runtime
    {
        get
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
            return Volatile.Read(ref _runtime) ?? Start();
        }
    }

    private GpuRuntime Start()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_runtime is null)
            {
                var runtime = new GpuRuntime(Kind, DeviceIndex, ConfigurationPath, UseVendorLibraries, CpuMode);
                _logger?.DeviceStarted(runtime.Info.Description);
                Volatile.Write(ref _runtime, runtime);
            }
            return _runtime;
        }
    }

    /// <summary>Disposes the accelerator and context; arrays still alive become unusable.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            _runtime?.Dispose();
        }
    }
}
