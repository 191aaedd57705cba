using ArrayDispatch.Testing;
using CsCheck;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.Properties;

/// <summary>Random chunkings (ragged, single-chunk, one-element chunks) give the same values as Dense.</summary>
public sealed class ChunkingPropertyTests
{
    private static readonly Gen<(int Rows, int Cols, int[] Chunks)> s_layout =
        Gen.Select(Gen.Int[1, 12], Gen.Int[1, 9]).SelectMany(rc => Gen.Select(Gen.Int[1, rc.Item1], Gen.Int[1, rc.Item2]).Select(c => (rc.Item1, rc.Item2, new[] { c.Item1, c.Item2 })));

    [Fact]
    public void GetItem_RandomSlices_MatchDense()
    {
        using TestHost host = Create();
        Gen.Select(s_layout, Gen.Int[-14, 14], Gen.Int[-14, 14], Gen.Int[-3, 3].Where(s => s != 0)).Sample(t =>
        {
            var ((rows, cols, chunks), start, stop, step) = t;
            NDArray d = DenseData((rows, cols));
            NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
            ArrayIndex[] index = [new Slice(start, stop, step), new Slice(null, null, -step)];
            NDArray expected = d[index];
            NDArray actual = x[index];
            actual.Shape.ShouldBe(expected.Shape);
            actual.Compute().ToArray<double>().ShouldBe(expected.ToArray<double>());
        }, iter: 60, seed: "0Yw3N0Rza5GE");
    }

    [Fact]
    public void RechunkThenSum_RandomChunkings_MatchDense()
    {
        using TestHost host = Create(splitEvery: 3);
        Gen.Select(s_layout, Gen.Int[1, 12], Gen.Int[1, 9], Gen.Int[-1, 1]).Sample(t =>
        {
            var ((rows, cols, chunks), r2, c2, axisCode) = t;
            NDArray d = DenseData((rows, cols));
            NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
            NDArray y = Np.Call("chunked.rechunk", [x], new Dictionary<string, object?> { ["chunks"] = new[] { r2, c2 } })[0];
            Axes axis = axisCode < 0 ? Axes.All : axisCode;
            Np.Sum(y * 3.0 - x, axis).Compute().ToArray<double>().ShouldBe(Np.Sum(d * 2.0, axis).ToArray<double>(), 1e-9);
        }, iter: 60, seed: "0Yw3N0Rza5GE");
    }
}
