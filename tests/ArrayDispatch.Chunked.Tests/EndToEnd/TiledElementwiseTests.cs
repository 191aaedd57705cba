using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Chains of element-wise operations on chunks of 4 MB or more run in cache-sized row tiles (one pass over the chunk);
/// the answers must be those of the whole-chunk evaluation: broadcast operands, dtype changes, owned inputs overwritten in
/// place, and inputs that other results still read left alone.
/// </summary>
public sealed class TiledElementwiseTests
{
    // 900 x 700 float64 chunks are 5 MB: over the tiling threshold, and 700-column rows do not divide the tile evenly.
    private static readonly int[] Chunks = [900, 700];

    [Fact]
    public void Chain_with_broadcast_row_and_column_matches_dense()
    {
        using TestHost host = Create();
        NDArray dx = DenseData((1800, 1400), 1), row = DenseData(new Shape(1400), 2), col = DenseData((1800, 1), 3);
        NDArray x = Np.AsArray(dx, backend: "Chunked", chunks: Chunks);

        NDArray y = (x * 2.0 - row) / (col + 20.0) + 1.0;

        Values(y).ShouldBe(((dx * 2.0 - row) / (col + 20.0) + 1.0).ToArray<double>(), 1e-12);
        dx.ToArray<double>().ShouldBe(Values(x));
    }

    [Fact]
    public void Chain_on_integers_changes_dtype_per_tile_as_dense_does()
    {
        using TestHost host = Create();
        NDArray di = Np.AsArray(Np.Arange(0, 1800 * 1400, 1, backend: "Dense").Reshape(1800, 1400), backend: "Dense", dtype: DType.Int32);
        NDArray x = Np.AsArray(di, backend: "Chunked", chunks: Chunks);

        NDArray y = Np.Sqrt(x * 3 + 1) - 0.5;

        NDArray expected = Np.Sqrt(di * 3 + 1) - 0.5;
        y.DType.ShouldBe(expected.DType);
        Values(y).ShouldBe(expected.ToArray<double>(), 1e-9);
    }

    [Fact]
    public void Fresh_random_chunks_are_overwritten_in_place_and_results_match_a_second_compute()
    {
        using TestHost host = Create();
        NDArray r = Np.Random.Sample((1800, 1400), Np.Random.DefaultRng(7), backend: "Chunked", chunks: Chunks);
        NDArray raw = r.Compute();

        NDArray y = r * 2.0 + 1.0;                 // one task per chunk that may overwrite its fresh random chunk
        NDArray both = Np.Sum(y) + Np.Sum(r);      // r is read again by another task: its chunk must not be overwritten

        double expected = Np.Sum(raw * 2.0 + 1.0).Item<double>() + Np.Sum(raw).Item<double>();
        both.Compute().Item<double>().ShouldBe(expected, 1e-6);
        Values(y).ShouldBe((raw * 2.0 + 1.0).ToArray<double>());
    }
}
