using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

public sealed class ElementwiseTests
{
    public static TheoryData<int[]> Chunkings => new() { new[] { 7, 5 }, new[] { 3, 4 }, new[] { 20, 20 }, new[] { 1, 11 } };

    [Theory, MemberData(nameof(Chunkings))]
    public void ChainOfElementwise_IsOneTaskPerChunk_AndMatchesDense(int[] chunks)
    {
        using TestHost host = Create();
        NDArray da = DenseData((20, 11), 1), db = DenseData((20, 11), 2);
        var a = (ChunkedArray)Np.AsArray(da, backend: "Chunked", chunks: chunks);
        var b = (ChunkedArray)Np.AsArray(db, backend: "Chunked", chunks: chunks);

        var c = (ChunkedArray)(a * 2 + b);

        c.Layer.Tasks.Count.ShouldBe(a.BlockCount);
        c.Layer.Dependencies.ShouldBe([a.Layer, b.Layer], ignoreOrder: true);
        c.Layer.Tasks[0].Function.ShouldBe("multiply-add");
        Values(c).ShouldBe((da * 2 + db).ToArray<double>());
    }

    [Fact]
    public void Broadcasting_WithInMemoryRowAndColumn_MatchesDense()
    {
        using TestHost host = Create();
        NDArray dx = DenseData((9, 6)), row = DenseData(new Shape(6), 3), col = DenseData((9, 1), 4);
        NDArray x = Np.AsArray(dx, backend: "Chunked", chunks: [4, 4]);

        NDArray y = (x - row) / col;

        y.ShouldBeOfType<ChunkedArray>().Chunks.ToString().ShouldBe("((4, 4, 1), (4, 2))");
        Values(y).ShouldBe(((dx - row) / col).ToArray<double>(), 1e-12);
    }

    [Fact]
    public void DifferentChunkings_AreUnified()
    {
        using TestHost host = Create();
        NDArray da = DenseData((10, 10), 1), db = DenseData((10, 10), 2);
        NDArray a = Np.AsArray(da, backend: "Chunked", chunks: [3, 3]);
        NDArray b = Np.AsArray(db, backend: "Chunked", chunks: [4, 10]);
        Values(Np.Maximum(a, b)).ShouldBe(Np.Maximum(da, db).ToArray<double>());
    }

    [Fact]
    public void Comparison_AndWhere_KeepDTypes()
    {
        using TestHost host = Create();
        NDArray dx = DenseData((8, 5));
        NDArray x = Np.AsArray(dx, backend: "Chunked", chunks: [3, 2]);
        NDArray mask = x > 0.0;
        mask.DType.ShouldBe(DType.Bool);
        NDArray y = Np.Where(mask, x, 0.0);
        Values(y).ShouldBe(Np.Where(dx > 0.0, dx, 0.0).ToArray<double>());
    }

    [Fact]
    public void AsType_IntToFloat_MatchesDense()
    {
        using TestHost host = Create();
        NDArray r = Np.Arange(0L, 17L, 1L, backend: "Chunked", chunks: [5]);
        r.DType.ShouldBe(DType.Int64);
        NDArray f = r.AsType(DType.Float32) / 2L;
        f.DType.ShouldBe(DType.Float32);
        f.Compute().ToArray<float>().ShouldBe(Enumerable.Range(0, 17).Select(i => i / 2f).ToArray());
    }

    [Fact]
    public void FusedChain_WritesIntermediatesInPlace_NeverItsInputs()
    {
        using TestHost host = Create();
        NDArray d = DenseData((12, 8));
        double[] before = d.ToArray<double>();
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [12, 8]);   // one chunk: the chunk is a view of d

        NDArray y = Np.Sqrt(Np.Abs(-(x * 2.0) + 1.0)) - x;

        Values(y).ShouldBe((Np.Sqrt(Np.Abs(-(d * 2.0) + 1.0)) - d).ToArray<double>(), 1e-12);
        d.ToArray<double>().ShouldBe(before);
    }

    [Fact]
    public void FusedChainOverARandomChunk_WritesInPlace_WithoutChangingResultsOrSharedInputs()
    {
        using TestHost host = Create();
        NDArray r = Np.Random.Sample((30, 20), Np.Random.DefaultRng(7), backend: "Chunked", chunks: [8, 6]);
        double[] values = Values(r);
        Values(r * 2.0 + 1.0).ShouldBe(values.Select(v => v * 2 + 1).ToArray(), 1e-12);
        Values(r * 2.0 + r).ShouldBe(values.Select(v => v * 3).ToArray(), 1e-12);           // reads the chunk twice: no overwrite
        Values(Np.Exp(-r)).ShouldBe(values.Select(v => Math.Exp(-v)).ToArray(), 1e-12);
        Np.Sum(r * 2.0 + 1.0).Compute().Item<double>().ShouldBe(values.Sum(v => v * 2 + 1), 1e-9);
        NDArray[] both = Np.Compute(r, r * 2.0 + 1.0);                                      // r is an output: kept intact
        both[0].ToArray<double>().ShouldBe(values);
        both[1].ToArray<double>().ShouldBe(values.Select(v => v * 2 + 1).ToArray(), 1e-12);
        Values(r).ShouldBe(values);
    }
}
