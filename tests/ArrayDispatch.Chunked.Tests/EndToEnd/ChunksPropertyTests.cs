using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>Dask's <c>x.chunks</c> and <c>x.numblocks</c>, read through the protocol's <see cref="NDArray"/> (app code never sees ChunkedArray).</summary>
public sealed class ChunksPropertyTests
{
    [Fact]
    public void Chunks_and_numblocks_read_as_Dask_writes_them_with_an_uneven_last_chunk()
    {
        using TestHost host = ChunkedHost.Create();
        NDArray x = Np.AsArray(ChunkedHost.DenseData(new Shape(2500, 300)), backend: "Chunked", chunks: [1000, 300]);

        x.Chunks.ShouldNotBeNull().Select(axis => axis.ToArray()).ShouldBe([new[] { 1000, 1000, 500 }, new[] { 300 }]);
        x.NumBlocks.ShouldBe([3, 1]);
    }

    [Fact]
    public void A_result_reports_the_chunks_of_its_graph_and_a_rechunk_changes_them()
    {
        using TestHost host = ChunkedHost.Create();
        NDArray x = Np.AsArray(ChunkedHost.DenseData(new Shape(10, 6)), backend: "Chunked", chunks: [4, 3]);

        Np.Sum(x, 0).Chunks.ShouldNotBeNull().Select(axis => axis.ToArray()).ShouldBe([new[] { 3, 3 }]);
        NDArray rechunked = Np.Call("chunked.rechunk", [x], new Dictionary<string, object?> { ["chunks"] = new[] { 5, -1 } })[0];
        rechunked.NumBlocks.ShouldBe([2, 1]);
    }

    [Fact]
    public void An_array_held_whole_has_no_chunks()
    {
        using TestHost host = ChunkedHost.Create();
        NDArray dense = ChunkedHost.DenseData(new Shape(3, 4));

        dense.Chunks.ShouldBeNull();
        dense.NumBlocks.ShouldBeNull();
        x0d().Chunks.ShouldNotBeNull().Count.ShouldBe(0);   // a 0-d chunked array: no axes, one block

        NDArray x0d() => Np.Sum(Np.AsArray(dense, backend: "Chunked", chunks: [2, 2]));
    }
}
