using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// The NaN-ignoring reductions, ptp, average and amax/amin are composed in the protocol (Np.NaNReductions.cs,
/// Np.NumericReductions.cs), so Chunked serves them through the same composition, lazily: Dense's answers (which the
/// fixtures check against NumPy's) for chunks that split the reduced axes.
/// </summary>
public sealed class NaNReductionTests
{
    [Theory]
    [InlineData(new[] { 5, 4 })]
    [InlineData(new[] { 13, 2 })]
    public void Nan_reductions_of_a_chunked_array_are_Denses(int[] chunks)
    {
        using TestHost host = Create(splitEvery: 3);
        NDArray d = DenseData((13, 9));
        d = Np.Where(Np.Greater(d, 4.0), double.NaN, d);
        d = Np.Where(Np.Greater(Np.Arange(9L), 7L), double.NaN, d);                 // an all-NaN column
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        foreach (int? axis in new int?[] { null, 0, -1 })
        {
            Same(Np.NanMax(x, axis), Np.NanMax(d, axis));
            Same(Np.NanMin(x, axis, keepDims: true), Np.NanMin(d, axis, keepDims: true));
            Same(Np.NanProd(x, axis), Np.NanProd(d, axis));
            Same(Np.NanCumsum(x, axis), Np.NanCumsum(d, axis));
            Same(Np.NanCumprod(x, axis), Np.NanCumprod(d, axis));
            Same(Np.NanMedian(x, axis), Np.NanMedian(d, axis));
            Same(Np.NanQuantile(x, 0.3, axis), Np.NanQuantile(d, 0.3, axis));
            Same(Np.NanPercentile(x, 85, axis, keepDims: true), Np.NanPercentile(d, 85, axis, keepDims: true));
            Same(Np.Ptp(x, axis), Np.Ptp(d, axis));
            Same(Np.Amax(x, axis), Np.Amax(d, axis));
            Same(Np.Average(x, axis), Np.Average(d, axis));
        }
        NDArray y = Np.Where(Np.IsNaN(d), 0.5, d), yc = Np.AsArray(y, backend: "Chunked", chunks: chunks);
        yc = Np.Where(Np.Greater(yc, 3.0), double.NaN, yc);
        y = Np.Where(Np.Greater(y, 3.0), double.NaN, y);
        Same(Np.NanArgmax(yc, 0), Np.NanArgmax(y, 0));
        Same(Np.NanArgmin(yc), Np.NanArgmin(y));
        Should.Throw<ArgumentException>(() => Np.NanArgmax(x, 0)).Message.ShouldStartWith("All-NaN slice encountered");
        NDArray w = DenseData(new Shape(9), seed: 3), wc = Np.AsArray(w, backend: "Chunked", chunks: [4]);
        NDArray full = Np.Abs(DenseData((13, 9), seed: 4)), fullc = Np.AsArray(full, backend: "Chunked", chunks: chunks);
        (NDArray avg, NDArray scl) = Np.AverageReturned(yc, 1, wc);
        (NDArray avgD, NDArray sclD) = Np.AverageReturned(y, 1, w);
        Same(avg, avgD);
        Same(scl, sclD);
        Same(Np.Average(Np.Where(Np.IsNaN(yc), 1.0, yc), weights: fullc), Np.Average(Np.Where(Np.IsNaN(y), 1.0, y), weights: full));
    }

    private static void Same(NDArray chunked, NDArray dense)
    {
        chunked.ShouldBeOfType<ChunkedArray>();
        NDArray computed = chunked.Compute();
        computed.DType.ShouldBe(dense.DType);
        computed.Shape.ShouldBe(dense.Shape);
        double[] actual = Np.AsType(computed, DType.Float64).ToArray<double>(), expected = Np.AsType(dense, DType.Float64).ToArray<double>();
        for (int i = 0; i < expected.Length; i++)
        {
            // chunks multiply and add in another order: relative closeness, NaN where Dense has NaN
            bool close = double.IsNaN(expected[i]) ? double.IsNaN(actual[i]) : Math.Abs(actual[i] - expected[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected[i]));
            close.ShouldBeTrue($"element {i}: {actual[i]}, Dense's {expected[i]}");
        }
    }
}
