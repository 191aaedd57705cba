using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Np.Histogram is composed in the protocol (sort, searchsorted, argsort, take, cumsum, diff), so Chunked serves it
/// through the same composition: the counts, weighted sums, densities and edges Dense gives (Dense's are NumPy's,
/// checked by the histogram fixtures).
/// </summary>
public sealed class HistogramTests
{
    [Theory]
    [InlineData(new[] { 7, 5 })]
    [InlineData(new[] { 3, 2 })]
    [InlineData(new[] { 13, 9 })]
    public void Histogram_of_a_chunked_array_is_Denses(int[] chunks)
    {
        using TestHost host = Create();
        NDArray d = DenseData((13, 9));
        NDArray w = DenseData((13, 9), seed: 2);
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        NDArray xw = Np.AsArray(w, backend: "Chunked", chunks: chunks);
        NDArray edges = Np.AsArray(new[] { -8.0, -2.5, 0.0, 1.0, 7.5 });

        Same(Np.Histogram(x, 6, (-5.0, 5.0)), Np.Histogram(d, 6, (-5.0, 5.0)));
        Same(Np.Histogram(x, 4, (-10.0, 10.0), density: true, weights: xw), Np.Histogram(d, 4, (-10.0, 10.0), density: true, weights: w));
        Same(Np.Histogram(x, Np.AsArray(edges, backend: "Chunked", chunks: [2])), Np.Histogram(d, edges));
        Same(Np.Histogram(x, Np.AsArray(edges, backend: "Chunked", chunks: [5]), weights: xw), Np.Histogram(d, edges, weights: w));
        Same(Np.Histogram(x, 5), Np.Histogram(d, 5));                                     // the range computed from the data
    }

    private static void Same((NDArray Hist, NDArray BinEdges) chunked, (NDArray Hist, NDArray BinEdges) dense)
    {
        chunked.Hist.ShouldBeOfType<ChunkedArray>();
        foreach ((NDArray c, NDArray e) in new[] { (chunked.Hist, dense.Hist), (chunked.BinEdges, dense.BinEdges) })
        {
            NDArray computed = c.Compute();
            computed.DType.ShouldBe(e.DType);
            computed.Shape.ShouldBe(e.Shape);
            Np.AsType(computed, DType.Float64).ToArray<double>().ShouldBe(Np.AsType(e, DType.Float64).ToArray<double>(), 1e-12);
        }
    }
}
