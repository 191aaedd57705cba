using System.Numerics;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>numpy.fft on chunked arrays: lazily along an axis held in one chunk, refused with Dask's advice to rechunk otherwise.</summary>
public sealed class FftTests
{
    [Fact]
    public void Transform_along_an_unchunked_axis_is_lazy_and_equals_the_dense_transform()
    {
        using TestHost host = Create();
        NDArray x = Np.Random.Sample((60, 16), Np.Random.DefaultRng(5), backend: "Chunked", chunks: [25, 16]);
        NDArray dense = x.Compute();
        NDArray spectrum = Np.FFT.Fft(x, n: 20);
        spectrum.ShouldBeOfType<ArrayDispatch.Chunked.Arrays.ChunkedArray>();
        spectrum.Shape.ShouldBe(new Shape(60, 20));
        spectrum.DType.ShouldBe(DType.Complex128);
        spectrum.Compute().ToArray<Complex>().ShouldBe(Np.FFT.Fft(dense, n: 20).ToArray<Complex>());
        NDArray half = Np.FFT.Rfft(x, norm: "ortho");
        half.Shape.ShouldBe(new Shape(60, 9));
        NDArray back = Np.FFT.Irfft(half, n: 16, norm: "ortho").Compute();
        double[] expected = dense.ToArray<double>(), actual = back.ToArray<double>();
        for (int i = 0; i < expected.Length; i++) actual[i].ShouldBe(expected[i], 1e-12);
    }

    [Fact]
    public void Transform_along_a_chunked_axis_names_rechunk()
    {
        using TestHost host = Create();
        NDArray x = Np.Random.Sample((60, 16), Np.Random.DefaultRng(5), backend: "Chunked", chunks: [25, 16]);
        Should.Throw<ArgumentException>(() => Np.FFT.Fft(x, axis: 0)).Message.ShouldContain("rechunk");
        Should.Throw<ArgumentException>(() => Np.FFT.Fft(x, n: 0)).Message.ShouldStartWith("Invalid number of FFT data points (0) specified.");
        Should.Throw<AxisOutOfRangeException>(() => Np.FFT.Ihfft(x, axis: 2));
    }
}
