using Shouldly;
using Xunit;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>Gpu arrays print their values, downloaded as CuPy does, and the repr names the device.</summary>
public sealed class PrintingTests : GpuTestBase
{
    [Fact]
    public void ToString_DownloadsAndPrintsNumPysStr()
    {
        using GpuArray g = Gpu([0.0, 1, 2, 3, 4, 5], 2, 3);

        g.ToString().ShouldBe("[[0. 1. 2.]\n [3. 4. 5.]]");
    }

    [Fact]
    public void Repr_AddsTheDevice()
    {
        using GpuArray g = Gpu([1, 2], 2);

        Np.ArrayRepr(g).ShouldBe($"array([1, 2], dtype=int32, device={g.Device.Kind})");
    }

    [Fact]
    public void ToString_DisposedArray_PrintsShapeOnly()
    {
        GpuArray g = Gpu([1.0], 1);
        g.Dispose();

        g.ToString().ShouldBe($"GpuArray(shape=(1,), dtype=float64, device={g.Device.Kind}, disposed)");
    }
}
