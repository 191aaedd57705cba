using ILGPU;
using ILGPU.Backends.OpenCL;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace ArrayDispatch.Gpu;

/// <summary>Picks the ILGPU device for <c>Backends:Gpu:Accelerator</c> and <c>Backends:Gpu:DeviceIndex</c>, and says why.</summary>
internal static class AcceleratorSelector
{
    /// <summary>Picks among the devices of a created context (the accelerator is made on the device returned).</summary>
    public static (Device Device, GpuAcceleratorKind Kind, string Reason) Select(Context context, GpuAcceleratorKind asked, int index, string path) =>
        Select(Devices<CudaDevice>(context), Devices<CLDevice>(context), Devices<CPUDevice>(context), asked, index, path);

    /// <summary>
    /// Picks the same device as <see cref="Select(Context, GpuAcceleratorKind, int, string)"/> would, from the devices the
    /// drivers report, without creating an ILGPU context or an accelerator: the context's start-up (its IR and type
    /// system, the algorithm intrinsics) and the accelerator's (its threads, a CUDA context) are the expensive part, and
    /// <c>backends</c> only names the device. The predicates are the ones <c>Context.Builder.Default()</c> applies.
    /// </summary>
    public static (Device Device, GpuAcceleratorKind Kind, string Reason) SelectWithoutContext(GpuAcceleratorKind asked, int index, string path)
    {
        var cuda = new List<CudaDevice>();
        var openCl = new List<CLDevice>();
        Context.Builder builder = Context.Create();
        // Each device is collected and declined, so the builder never holds one and no context is made from it.
        builder.Cuda(d =>
        {
            if (d.Architecture.HasValue && d.InstructionSet.HasValue && PTXCodeGenerator.SupportedInstructionSets.Contains(d.InstructionSet.Value)) cuda.Add(d);
            return false;
        });
        builder.OpenCL(d =>
        {
            if (d.CLStdVersion >= CLBackend.MinimumVersion && d.Capabilities.GenericAddressSpace) openCl.Add(d);
            return false;
        });
        return Select(cuda, openCl, [CPUDevice.GetDevice(CPUDeviceKind.Default)], asked, index, path);
    }

    private static (Device Device, GpuAcceleratorKind Kind, string Reason) Select(IReadOnlyList<CudaDevice> cuda, IReadOnlyList<CLDevice> openCl,
        IReadOnlyList<CPUDevice> cpu, GpuAcceleratorKind asked, int index, string path)
    {
        string found = $"CUDA: {Count(cuda)}; OpenCL: {Count(openCl)}";
        switch (asked)
        {
            case GpuAcceleratorKind.Cuda:
                return (Pick(cuda, index, "Cuda", found, path), GpuAcceleratorKind.Cuda, $"Cuda asked: device #{index} of {cuda.Count}");
            case GpuAcceleratorKind.OpenCL:
                return (Pick(openCl, index, "OpenCL", found, path), GpuAcceleratorKind.OpenCL, $"OpenCL asked: device #{index} of {openCl.Count}");
            case GpuAcceleratorKind.Cpu:
                return (Pick(cpu, 0, "Cpu", found, path), GpuAcceleratorKind.Cpu, $"Cpu asked ({found})");
        }
        if (cuda.Count > 0) return (Pick(cuda, index, "Cuda", found, path), GpuAcceleratorKind.Cuda, $"Auto: CUDA device #{index} of {cuda.Count}");
        if (openCl.Count > 0) return (Pick(openCl, index, "OpenCL", found, path), GpuAcceleratorKind.OpenCL, $"Auto: no CUDA device; OpenCL device #{index} of {openCl.Count}");
        return (Pick(cpu, 0, "Cpu", found, path), GpuAcceleratorKind.Cpu, $"Auto: no CUDA device; OpenCL: {(openCl.Count == 0 ? "none ILGPU accepts" : openCl.Count)}; using CPU accelerator");
    }

    private static IReadOnlyList<T> Devices<T>(Context context) where T : Device
    {
        var list = new List<T>();
        foreach (Device d in context)
        {
            if (d is T t) list.Add(t);
        }
        return list;
    }

    private static string Count<T>(IReadOnlyList<T> devices) => devices.Count == 0 ? "none" : $"{devices.Count} device(s)";

    private static T Pick<T>(IReadOnlyList<T> devices, int index, string kind, string found, string path) where T : Device
    {
        if (devices.Count == 0)
        {
            throw new InvalidOperationException(
                $"{path}:Accelerator is '{kind}' but ILGPU found no {kind} device ({found}); set it to 'Auto' or 'Cpu'");
        }
        if (index < 0 || index >= devices.Count)
        {
            throw new InvalidOperationException(
                $"{path}:DeviceIndex is {index} but there are {devices.Count} {kind} device(s): use 0 to {devices.Count - 1}");
        }
        return devices[index];
    }
}
