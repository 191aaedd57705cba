using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;

namespace ArrayDispatch.Gpu;

/// <summary>Picks the ILGPU device for <c>Backends:Gpu:Accelerator</c> and <c>Backends:Gpu:DeviceIndex</c>, and says why.</summary>
internal static class AcceleratorSelector
{
    public static (Device Device, GpuAcceleratorKind Kind, string Reason) Select(Context context, GpuAcceleratorKind asked, int index, string path)
    {
        IReadOnlyList<CudaDevice> cuda = Devices<CudaDevice>(context);
        IReadOnlyList<CLDevice> openCl = Devices<CLDevice>(context);
        IReadOnlyList<CPUDevice> cpu = Devices<CPUDevice>(context);
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
