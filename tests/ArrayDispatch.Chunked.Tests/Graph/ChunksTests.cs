using ArrayDispatch.Chunked.Arrays;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.Graph;

public sealed class ChunksTests
{
    [Fact]
    public void Regular_LastChunkIsRagged_AndMinusOneIsTheWholeAxis()
    {
        Chunks c = Chunks.Regular(new Shape(5000, 1000), [1200, -1]);
        c.ToString().ShouldBe("((1200, 1200, 1200, 1200, 200), (1000,))");
        c.BlockCounts.ShouldBe([5, 1]);
        c.Offsets(0).ShouldBe([0, 1200, 2400, 3600, 4800, 5000]);
        c.BlockShape([4, 0]).ShouldBe([200, 1000]);
    }

    [Fact]
    public void Explicit_SizesNotAddingUp_NameTheAxisAndShape()
    {
        var ex = Should.Throw<ArgumentException>(() => Chunks.Explicit(new Shape(10, 4), [[3, 3], [4]]));
        ex.Message.ShouldStartWith("chunks (3, 3) along axis 0 add up to 6, not to the axis length 10 of shape (10, 4)");
    }

    [Fact]
    public void Auto_KeepsChunksUnderTheLimit()
    {
        Chunks c = Chunks.Auto(new Shape(20000, 20000), DType.Float64);
        c.ChunkSize()[0].ShouldBeLessThanOrEqualTo(20000);
        ((long)c.ChunkSize()[0] * c.ChunkSize()[1] * 8).ShouldBeLessThanOrEqualTo(Chunks.AutoChunkBytes);
    }

    [Fact]
    public void An_axis_near_int_MaxValue_splits_without_overflowing()
    {
        // Np.Zeros([int.MaxValue], backend: "Chunked") threw a bare OverflowException (length + chunk - 1 in int);
        // Dask: da.zeros(2**31 - 1).chunks is 128 chunks of 16777216 with a ragged last one.
        Chunks.Split(int.MaxValue, 16_777_216).Length.ShouldBe(128);
        Chunks.Split(int.MaxValue, 16_777_216)[^1].ShouldBe(16_777_215);
        Chunks.Split(int.MaxValue, int.MaxValue).ShouldBe([int.MaxValue]);
        Chunks auto = Chunks.Auto(new Shape(int.MaxValue), DType.Float64);
        auto[0].Sum(s => (long)s).ShouldBe(int.MaxValue);
    }

    [Fact]
    public void Indices_AreInCOrder()
    {
        Chunks.Regular(new Shape(4, 6), [2, 3]).Indices().Select(i => $"{i[0]},{i[1]}").ShouldBe(["0,0", "0,1", "1,0", "1,1"]);
    }

    [Fact]
    public void Keys_AreLayerAndIndex()
    {
        Names.Key("svd-tsqr-r", [0]).ShouldBe("svd-tsqr-r-0");
        Names.Layer("add", "a", 1).ShouldBe(Names.Layer("add", "a", 1));
        Names.Layer("add", "a", 1).ShouldNotBe(Names.Layer("add", "a", 2));
    }
}
