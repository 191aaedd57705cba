using System.Globalization;
using ArrayDispatch.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The Gpu backend: arrays in accelerator memory and ILGPU kernels compiled at run time (this ecosystem's CuPy).
/// Configuration (<c>Backends:Gpu</c>): <c>Accelerator</c> = <c>Auto</c> (CUDA, else OpenCL, else the CPU accelerator),
/// <c>Cuda</c>, <c>OpenCL</c> or <c>Cpu</c>; <c>DeviceIndex</c> (default 0).
/// </summary>
public sealed class GpuPlugin : IArrayBackendPlugin
{
    private readonly GpuDevice? _shared;

    /// <summary>Creates the plugin; each host gets its own accelerator, created on first use and disposed with the host's services.</summary>
    public GpuPlugin() { }

    /// <summary>Creates the plugin on an accelerator the caller owns (tests share one per run: kernels compile once).</summary>
    public GpuPlugin(GpuDevice sharedDevice)
    {
        ArgumentNullException.ThrowIfNull(sharedDevice);
        _shared = sharedDevice;
    }

    /// <inheritdoc/>
    public string Name => "Gpu";

    /// <inheritdoc/>
    public Version ProtocolVersion => ArrayProtocol.Version;

    /// <summary>The names of every function the backend handles, read from its registration (so no list is kept by hand).</summary>
    public static IReadOnlyList<string> Functions { get; } = FunctionNameRecorder.Record(backend => RegisterFunctions(backend, device: null));

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        GpuDevice device;
        if (_shared is null)
        {
            string path = (backend.Configuration as IConfigurationSection)?.Path ?? "Backends:Gpu";
            (GpuAcceleratorKind kind, int index) = ReadConfiguration(backend, path);
            device = new GpuDevice(kind, index, backend.Logger)
            {
                ConfigurationPath = path,
                UseVendorLibraries = ReadVendorLibraries(backend, path),
                CpuMode = ReadCpuMode(backend, path),
            };
            // A factory registration: the container disposes the device (and its accelerator) with the host.
            backend.Services.AddSingleton(_ => device);
        }
        else
        {
            device = _shared;
            backend.Services.AddSingleton(device);
        }
        // The host's `backends` listing reads the device chosen, its memory and why through the protocol's IBackendDescription.
        backend.Services.AddSingleton<IBackendDescription>(_ => device);
        backend.AddArrayType<GpuArray>();
        RegisterFunctions(backend, device);
        backend.Logger.Registered(device.Kind, device.DeviceIndex);
    }

    // The handlers read the device when they run, never while they are registered (Functions registers with none).
    private static void RegisterFunctions(IBackendBuilder backend, GpuDevice? device)
    {
        ElementwiseHandlers.Register(backend);
        GpuDTypes.DeclareRealOnly(backend);
        ReductionHandlers.Register(backend);
        CreationHandlers.Register(backend, device!);
        ManipulationHandlers.Register(backend);
        Rearranging.Register(backend);
        Gathering.Register(backend);
        Products.Register(backend);
        Searching.Register(backend);
        FftHandlers.Register(backend, device!);
        FactorizationHandlers.Register(backend, device!);
        QrSvdHandlers.Register(backend, device!);
    }

    private static bool ReadVendorLibraries(IBackendBuilder backend, string path)
    {
        string? text = backend.Configuration["VendorLibraries"]?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("Auto", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("Off", StringComparison.OrdinalIgnoreCase)) return false;
        throw new ArgumentException($"{path}:VendorLibraries is '{text}'; expected Auto (cuBLAS where it loads on a CUDA device) or Off (the plugin's own kernels)", $"{path}:VendorLibraries");
    }

    private static GpuCpuMode ReadCpuMode(IBackendBuilder backend, string path)
    {
        string? text = backend.Configuration["CpuMode"]?.Trim();
        if (string.IsNullOrEmpty(text) || text.Equals("Parallel", StringComparison.OrdinalIgnoreCase)) return GpuCpuMode.Parallel;
        if (text.Equals("Sequential", StringComparison.OrdinalIgnoreCase)) return GpuCpuMode.Sequential;
        throw new ArgumentException($"{path}:CpuMode is '{text}'; expected Parallel (the CPU accelerator's threads on every core) or Sequential (one simulated thread at a time)", $"{path}:CpuMode");
    }

    private static (GpuAcceleratorKind Kind, int Index) ReadConfiguration(IBackendBuilder backend, string path)
    {
        string? kindText = backend.Configuration["Accelerator"];
        GpuAcceleratorKind kind = GpuAcceleratorKind.Auto;
        // Unset means Auto; a number is refused even though Enum.TryParse would accept it.
        if (!string.IsNullOrWhiteSpace(kindText)
            && (!Enum.TryParse(kindText.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind) || char.IsDigit(kindText.Trim()[0])))
        {
            throw new ArgumentException($"{path}:Accelerator is '{kindText}'; expected Auto, Cuda, OpenCL or Cpu", $"{path}:Accelerator");
        }
        // The protocol's reader of a backend's integer settings, with the host's words and the full key path.
        int index = BackendSettings.Int(backend.Configuration, "DeviceIndex", 0, min: 0);
        return (kind, index);
    }
}
