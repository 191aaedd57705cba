using ArrayDispatch.Plugins;
using ArrayDispatch.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Gpu.Tests;

public sealed class DeviceTests : GpuTestBase
{
    [Fact]
    public void SharedDevice_DescribesTheCpuAcceleratorAndWhy()
    {
        using GpuArray x = Gpu(new[] { 1.0 });

        x.Device.Kind.ShouldBe(GpuAcceleratorKind.Cpu);
        x.Device.Reason.ShouldStartWith("Cpu asked (CUDA: ");
        x.Device.Description.ShouldContain("CPUAccelerator");
    }

    [Fact]
    public void Host_ThatNeverTouchesGpu_StartsNoAccelerator()
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cpu" }, new GpuPlugin());

        var device = host.Services.GetRequiredService<GpuDevice>();

        device.IsStarted.ShouldBeFalse();
        device.Description.ShouldStartWith("not started yet (Accelerator=Cpu, DeviceIndex=0)");
    }

    [Fact]
    public void Host_OwnDevice_StartsOnFirstUseAndIsDisposedWithTheHost()
    {
        GpuDevice device;
        using (TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Auto" }, new GpuPlugin()))
        {
            device = host.Services.GetRequiredService<GpuDevice>();
            using var x = (GpuArray)Np.Ones(new Shape(3), backend: "Gpu");

            device.IsStarted.ShouldBeTrue();
            x.Device.Reason.ShouldStartWith("Auto: no CUDA device; OpenCL: ");
            x.Device.Reason.ShouldEndWith("using CPU accelerator");
            host.Services.GetServices<IBackendDescription>().Single(d => d.Backend == "Gpu").Describe().ShouldContain("CPU accelerator");
        }

        Should.Throw<ObjectDisposedException>(() => device.Info);
    }

    [Theory]
    [InlineData("Auto")]
    [InlineData("Cpu")]
    public void Describe_before_first_use_names_the_device_the_start_picks_without_starting_it(string accelerator)
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:Accelerator"] = accelerator }, new GpuPlugin());
        var device = host.Services.GetRequiredService<GpuDevice>();
        IBackendDescription description = host.Services.GetServices<IBackendDescription>().Single(d => d.Backend == "Gpu");

        string before = description.Describe();
        device.IsStarted.ShouldBeFalse();

        // The first Gpu call creates the accelerator; it is the one the listing named, with the same reason and matmul path.
        using var x = (GpuArray)Np.Ones(new Shape(3), backend: "Gpu");
        device.IsStarted.ShouldBeTrue();
        description.Describe().ShouldBe(device.Info.Description);
        if (device.Info.Kind == GpuAcceleratorKind.Cuda)
        {
            // Only whether cuBLAS loads waits for the device's context.
            device.Info.Description.ShouldStartWith(before[..before.IndexOf("; matmul: ", StringComparison.Ordinal)]);
        }
        else
        {
            device.Info.Description.ShouldBe(before);
        }
        if (accelerator == "Cpu") before.ShouldStartWith("Cpu CPUAccelerator (host memory) — Cpu asked (CUDA: ");
    }

    [Fact]
    public void Describe_before_first_use_reports_a_device_that_cannot_start_as_the_start_would()
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?>
        {
            ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cuda",
            ["ArrayDispatch:Backends:Gpu:DeviceIndex"] = "99",
        }, new GpuPlugin());
        var device = host.Services.GetRequiredService<GpuDevice>();

        var listing = Should.Throw<InvalidOperationException>(() => device.Describe());
        device.IsStarted.ShouldBeFalse();
        var start = Should.Throw<InvalidOperationException>(() => device.Info);
        listing.Message.ShouldBe(start.Message);
        listing.Message.ShouldStartWith("ArrayDispatch:Backends:Gpu:");
    }

    [Theory]
    [InlineData("-1", "ArrayDispatch:Backends:Gpu:DeviceIndex: '-1' is not an integer of at least 0")]
    [InlineData("first", "ArrayDispatch:Backends:Gpu:DeviceIndex: 'first' is not an integer of at least 0")]
    public void Configuration_BadDeviceIndex_IsRefusedNamingTheKey(string value, string reason)
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:DeviceIndex"] = value }, new GpuPlugin());

        host.LoadResults.Single(r => r.Name == "Gpu").Reason.ShouldContain(reason);
    }

    [Fact]
    public void Configuration_UnknownAccelerator_IsRefusedNamingTheKey()
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Quantum" }, new GpuPlugin());

        host.LoadResults.Single(r => r.Name == "Gpu").Reason.ShouldContain("ArrayDispatch:Backends:Gpu:Accelerator is 'Quantum'; expected Auto, Cuda, OpenCL or Cpu");
    }

    [Fact]
    public void Description_names_the_matmul_path_and_why_it_is_not_cuBLAS_on_the_CPU_accelerator() =>
        Device.Info.Description.ShouldEndWith("; matmul: own ILGPU kernels (cuBLAS needs a CUDA device)");

    [Fact]
    public void Configuration_VendorLibraries_Off_is_shown_and_a_bad_value_is_refused_naming_the_key()
    {
        using (TestHost off = TestHost.Create(new Dictionary<string, string?>
        {
            ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cpu",
            ["ArrayDispatch:Backends:Gpu:VendorLibraries"] = "off",
        }, new GpuPlugin()))
        {
            off.Services.GetServices<IBackendDescription>().Single(d => d.Backend == "Gpu").Describe()
                .ShouldEndWith("; matmul: own ILGPU kernels (VendorLibraries=Off)");
        }
        using TestHost bad = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:VendorLibraries"] = "Sometimes" }, new GpuPlugin());
        bad.LoadResults.Single(r => r.Name == "Gpu").Reason.ShouldContain("ArrayDispatch:Backends:Gpu:VendorLibraries is 'Sometimes'; expected Auto");
    }

    [Fact]
    public void Configuration_CpuMode_Sequential_runs_the_CPU_accelerator_sequentially_and_a_bad_value_is_refused_naming_the_key()
    {
        using (TestHost sequential = TestHost.Create(new Dictionary<string, string?>
        {
            ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cpu",
            ["ArrayDispatch:Backends:Gpu:CpuMode"] = "sequential",
        }, new GpuPlugin()))
        {
            GpuDevice device = sequential.Services.GetRequiredService<GpuDevice>();
            device.CpuMode.ShouldBe(GpuCpuMode.Sequential);
            using var x = (GpuArray)Np.AsArray(new[] { 1.0, 2.0, 3.0 }, backend: "Gpu");
            ((ILGPU.Runtime.CPU.CPUAccelerator)device.Runtime.Accelerator).Mode.ShouldBe(ILGPU.Runtime.CPU.CPUAcceleratorMode.Sequential);
            Np.Sum(x * 2.0).Item<double>().ShouldBe(12.0);
        }
        using TestHost bad = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:CpuMode"] = "Lazy" }, new GpuPlugin());
        bad.LoadResults.Single(r => r.Name == "Gpu").Reason.ShouldContain("ArrayDispatch:Backends:Gpu:CpuMode is 'Lazy'; expected Parallel");
    }

    [Fact]
    public void Configuration_CudaWithoutCudaDevice_FailsOnFirstUseWithTheDevicesFound()
    {
        using TestHost host = TestHost.Create(new Dictionary<string, string?> { ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cuda" }, new GpuPlugin());

        var ex = Should.Throw<InvalidOperationException>(() => Np.Zeros(new Shape(2), backend: "Gpu"));

        ex.ToString().ShouldContain("ArrayDispatch:Backends:Gpu:Accelerator is 'Cuda' but ILGPU found no Cuda device (CUDA: none; OpenCL: ");
    }

    [Fact]
    public void KernelCache_CompilesEachKernelOnce()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2 });
        ((GpuArray)(x + x)).Dispose();
        int compiled = Device.CompiledKernels.Count;

        ((GpuArray)(x + x)).Dispose();

        Device.CompiledKernels.Count.ShouldBe(compiled);
        Device.CompiledKernels.Time.ShouldBeGreaterThan(TimeSpan.Zero);
    }
}
