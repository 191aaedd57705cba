using ArrayDispatch.Interchange;

namespace ArrayDispatch.Gpu.Tests;

public sealed class TransferTests : GpuTestBase
{
    [Fact]
    public void AsArray_DoubleArray_RoundTripsThroughDevice()
    {
        double[] data = Doubles(1000, 1);
        using var g = (GpuArray)Np.AsArray(data, backend: "Gpu");

        g.Shape.ShouldBe(new Shape(1000));
        g.DType.ShouldBe(DType.Float64);
        g.ToArray<double>().ShouldBe(data);
    }

    [Fact]
    public void AsArray_MultiDimensionalDotNetArray_KeepsShapeAndCOrder()
    {
        var data = new int[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        using var g = (GpuArray)Np.AsArray(data, backend: "Gpu");

        g.Shape.ShouldBe(new Shape(2, 3));
        g.DType.ShouldBe(DType.Int32);
        g.ToArray<int>().ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void AsArray_BoolArray_IsStoredAsBytesAndReadBackAsBool()
    {
        using var g = (GpuArray)Np.AsArray(new[] { true, false, true }, backend: "Gpu");

        g.DType.ShouldBe(DType.Bool);
        HostBuffer host = g.ToHost();
        host.DType.ShouldBe(DType.Bool);
        host.ToContiguous<bool>().ShouldBe([true, false, true]);
    }

    [Fact]
    public void AsArray_StridedHostBuffer_UploadsTheViewedElements()
    {
        // Every other element of [0..9], reversed: a negative-stride view.
        var buffer = new HostBuffer(Enumerable.Range(0, 10).Select(i => (long)i).ToArray(), DType.Int64, new Shape(5), [-2], 8);
        using var g = (GpuArray)Np.AsArray(buffer, backend: "Gpu");

        g.ToArray<long>().ShouldBe([8L, 6, 4, 2, 0]);
    }

    [Fact]
    public void AsArray_WithDType_ConvertsOnTheDevice()
    {
        using var g = (GpuArray)Np.AsArray(new[] { 1.7, -2.5, 3.0 }, backend: "Gpu", dtype: DType.Int32);

        g.DType.ShouldBe(DType.Int32);
        g.ToArray<int>().ShouldBe([1, -2, 3]);
    }

    [Fact]
    public void ToHost_OfTransposedView_ReturnsCOrderedCopy()
    {
        using GpuArray g = Gpu(new[] { 1.0, 2, 3, 4, 5, 6 }, 2, 3);
        using var t = (GpuArray)g.T;

        t.IsContiguous.ShouldBeFalse();
        t.Shape.ShouldBe(new Shape(3, 2));
        t.ToArray<double>().ShouldBe([1.0, 4, 2, 5, 3, 6]);
    }

    [Fact]
    public void Add_GpuArrayWithHostArray_ThrowsNamingFunctionAndHostType()
    {
        using GpuArray g = Gpu(new[] { 1.0, 2, 3 });
        var host = new HostOnlyArray(new[] { 1.0, 2, 3 });

        var ex = Should.Throw<GpuTransferRequiredException>(() => Np.Add(g, host));

        ex.ShouldBeAssignableTo<ArgumentException>();
        ex.Message.ShouldContain("'add'");
        ex.Message.ShouldContain(nameof(HostOnlyArray));
        ex.Message.ShouldContain("Np.AsArray(x, backend: \"Gpu\")");
    }

    [Fact]
    public void Dispose_LastReference_FreesDeviceMemoryAndViewsKeepItAlive()
    {
        long before = Device.AllocatedBytes;
        GpuArray g = Gpu(new double[512]);
        var view = (GpuArray)g[1..];
        Device.AllocatedBytes.ShouldBe(before + 512 * 8);

        g.Dispose();
        Device.AllocatedBytes.ShouldBe(before + 512 * 8);
        view.ToArray<double>().Length.ShouldBe(511);

        view.Dispose();
        Device.AllocatedBytes.ShouldBe(before);
        Should.Throw<ObjectDisposedException>(() => g.ToHost());
    }

    [Fact]
    public void ForgottenArrays_AreFreedByTheFinalizerSafetyNet()
    {
        Drain();
        long before = Device.AllocatedBytes;
        MakeGarbage();
        Device.AllocatedBytes.ShouldBe(before + 10 * 8000);

        Drain();

        Device.AllocatedBytes.ShouldBe(before);
    }

    /// <summary>Runs finalizers, then allocates: allocation frees the buffers the finalizers queued.</summary>
    private static void Drain()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Gpu(new double[1]).Dispose();
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void MakeGarbage()
    {
        for (int i = 0; i < 10; i++) _ = Gpu(new double[1000]);
    }

    [Fact]
    public void Allocation_LargerThanMemory_ThrowsNamingSizeAskedAndFree()
    {
        var ex = Should.Throw<GpuOutOfMemoryException>(() => Np.Empty(new Shape(1 << 30, 1 << 24), backend: "Gpu"));

        ex.RequestedBytes.ShouldBe((1L << 54) * 8 > 0 ? (1L << 54) * 8 : ex.RequestedBytes);
        ex.Message.ShouldContain("out of device memory");
        ex.Message.ShouldContain($"({ex.RequestedBytes} bytes)");
        // ILGPU's CPU accelerator has no memory size (long.MaxValue): the message said "9223372036854775807 bytes free".
        ex.Message.ShouldNotContain(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ex.FreeBytes is { } free) ex.Message.ShouldContain($"({free} bytes) is free");
        else ex.Message.ShouldContain("the device has no memory size of its own: it allocates in the process's memory");
    }

    private sealed class HostOnlyArray(double[] data) : NDArray
    {
        public override Shape Shape => new(data.Length);
        public override DType DType => DType.Float64;
        public override bool IsHostResident => true;
        public override HostBuffer ToHost() => HostBuffer.FromContiguous(data, Shape);
    }
}
