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

/// <summary>
/// The n-dimensional transforms, the sample frequencies and the shifts on chunked arrays against Dense: several shapes
/// and chunkings (the transformed axes single chunks, the others split), every norm, <c>s</c> cropping and padding,
/// negative axes, real, float32 and complex input.
/// </summary>
public sealed class FftnTests
{
    private static NDArray ComplexData(Shape shape, int seed) =>
        Np.Add(DenseData(shape, seed), Np.Multiply(DenseData(shape, seed + 100), Complex.ImaginaryOne));

    private static void ShouldMatch(NDArray chunked, NDArray dense, string what)
    {
        chunked.ShouldBeOfType<ArrayDispatch.Chunked.Arrays.ChunkedArray>(what);
        chunked.Shape.ShouldBe(dense.Shape, what);
        chunked.DType.ShouldBe(dense.DType, what);
        NDArray computed = chunked.Compute();
        computed.Shape.ShouldBe(dense.Shape, what);
        computed.DType.ShouldBe(dense.DType, what);
        Complex[] actual = Np.AsType(computed, DType.Complex128).ToArray<Complex>(), expected = Np.AsType(dense, DType.Complex128).ToArray<Complex>();
        double tolerance = dense.DType is DType.Float32 or DType.Complex64 ? 1e-4 : 1e-10;
        for (int i = 0; i < expected.Length; i++)
        {
            Complex.Abs(actual[i] - expected[i]).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Complex.Abs(expected[i])), $"{what}[{i}]: Dense {expected[i]}, Chunked {actual[i]}");
        }
    }

    public static TheoryData<string> Norms => new() { "backward", "ortho", "forward" };

    [Theory, MemberData(nameof(Norms))]
    public void Fftn_and_ifftn_over_unchunked_axes_match_Dense(string norm)
    {
        using TestHost host = Create();
        foreach (bool complex in new[] { false, true })
        {
            NDArray dense = complex ? ComplexData(new Shape(6, 5, 8), 1) : DenseData(new Shape(6, 5, 8), 1);
            NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [2, 5, 8]);
            string kind = complex ? "complex" : "real";
            foreach ((int[]? s, int[]? axes) in new (int[]?, int[]?)[] { (null, [1, 2]), (null, [-1, -2]), ([4, 11], [1, -1]), ([3], [2]), ([7, 5], null), (null, [2, 2]) })
            {
                string what = $"{kind} s={(s is null ? "None" : string.Join(",", s))} axes={(axes is null ? "None" : string.Join(",", axes))} norm={norm}";
                ShouldMatch(Np.FFT.Fftn(x, s, axes, norm), Np.FFT.Fftn(dense, s, axes, norm), "fftn " + what);
                ShouldMatch(Np.FFT.Ifftn(x, s, axes, norm), Np.FFT.Ifftn(dense, s, axes, norm), "ifftn " + what);
            }
            ShouldMatch(Np.FFT.Fft2(x, norm: norm), Np.FFT.Fft2(dense, norm: norm), $"fft2 {kind} {norm}");
            ShouldMatch(Np.FFT.Ifft2(x, [3, 9], norm: norm), Np.FFT.Ifft2(dense, [3, 9], norm: norm), $"ifft2 {kind} s=3,9 {norm}");
        }
    }

    [Theory, MemberData(nameof(Norms))]
    public void Rfftn_and_irfftn_over_unchunked_axes_match_Dense(string norm)
    {
        using TestHost host = Create();
        NDArray dense = DenseData(new Shape(4, 7, 10), 2);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [3, 7, 10]);
        foreach ((int[]? s, int[]? axes) in new (int[]?, int[]?)[] { (null, [1, 2]), (null, [-2, -1]), ([5, 6], [1, 2]), ([12], [-1]), ([9, 15], [2, 1]) })
        {
            string what = $"s={(s is null ? "None" : string.Join(",", s))} axes={string.Join(",", axes!)} norm={norm}";
            NDArray spectrum = Np.FFT.Rfftn(x, s, axes, norm), denseSpectrum = Np.FFT.Rfftn(dense, s, axes, norm);
            ShouldMatch(spectrum, denseSpectrum, "rfftn " + what);
            ShouldMatch(Np.FFT.Irfftn(spectrum, s, axes, norm), Np.FFT.Irfftn(denseSpectrum, s, axes, norm), "irfftn " + what);
        }
        NDArray half = Np.AsArray(ComplexData(new Shape(5, 6, 4), 3), backend: "Chunked", chunks: [2, 6, 4]);
        ShouldMatch(Np.FFT.Irfft2(half, norm: norm), Np.FFT.Irfft2(half.Compute(), norm: norm), $"irfft2 of complex {norm}");
        ShouldMatch(Np.FFT.Irfft2(half, [7, 5], norm: norm), Np.FFT.Irfft2(half.Compute(), [7, 5], norm: norm), $"irfft2 s=7,5 {norm}");
        ShouldMatch(Np.FFT.Rfft2(x, norm: norm), Np.FFT.Rfft2(dense, norm: norm), $"rfft2 {norm}");
    }

    [Fact]
    public void Float32_and_complex64_input_keep_single_precision_as_Dense()
    {
        using TestHost host = Create();
        NDArray dense32 = Np.AsType(DenseData(new Shape(6, 8), 4), DType.Float32);
        NDArray x = Np.AsArray(dense32, backend: "Chunked", chunks: [4, 8]);
        ShouldMatch(Np.FFT.Fftn(x, axes: [-1]), Np.FFT.Fftn(dense32, axes: [-1]), "fftn float32");
        ShouldMatch(Np.FFT.Rfftn(x, axes: [1]), Np.FFT.Rfftn(dense32, axes: [1]), "rfftn float32");
        NDArray c64 = Np.AsType(ComplexData(new Shape(6, 8), 5), DType.Complex64);
        NDArray y = Np.AsArray(c64, backend: "Chunked", chunks: [2, 8]);
        ShouldMatch(Np.FFT.Ifftn(y, [5], [1], "ortho"), Np.FFT.Ifftn(c64, [5], [1], "ortho"), "ifftn complex64");
        ShouldMatch(Np.FFT.Irfftn(y, axes: [-1]), Np.FFT.Irfftn(c64, axes: [-1]), "irfftn complex64");
    }

    [Fact]
    public void A_transform_over_a_chunked_axis_is_refused_naming_the_axis_and_rechunk()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(DenseData(new Shape(6, 5, 8), 6), backend: "Chunked", chunks: [2, 5, 3]);
        const string Dask = "Dask array only supports taking an FFT along an axis that has a single chunk.";
        Should.Throw<ArgumentException>(() => Np.FFT.Fftn(x, axes: [1, -1])).Message
            .ShouldStartWith($"{Dask} An FFT operation was tried on axis 2 which has chunks (3, 3, 2). To change the array's chunks use rechunk.");
        Should.Throw<ArgumentException>(() => Np.FFT.Fft2(x)).Message.ShouldContain("axis 2 which has chunks (3, 3, 2)");
        Should.Throw<ArgumentException>(() => Np.FFT.Rfftn(x, axes: [0])).Message.ShouldContain("axis 0 which has chunks (2, 2, 2). To change the array's chunks use rechunk.");
        Should.Throw<ArgumentException>(() => Np.FFT.Irfftn(x)).Message.ShouldStartWith(Dask);
        Should.Throw<ArgumentException>(() => Np.FFT.Fft(x, axis: -1)).Message.ShouldStartWith($"{Dask} An FFT operation was tried on axis 2 which has chunks (3, 3, 2).");
        Should.Throw<ArgumentException>(() => Np.FFT.Fftn(x, [0], [1])).Message.ShouldBe("Invalid number of FFT data points (0) specified. (Parameter 'n')");
        Should.Throw<ArgumentException>(() => Np.FFT.Fftn(x, [4, 4], [1])).Message.ShouldStartWith("Shape and axes have different lengths.");
        Should.Throw<AxisOutOfRangeException>(() => Np.FFT.Fftn(x, axes: [3]));
        // After a rechunk the same call is answered as Dense answers it.
        NDArray whole = Np.Call("chunked.rechunk", [x], new Dictionary<string, object?> { ["chunks"] = new[] { 2, -1, -1 } })[0];
        ShouldMatch(Np.FFT.Fft2(whole), Np.FFT.Fft2(x.Compute()), "fft2 after rechunk");
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(8, 3)]
    [InlineData(9, 4)]
    [InlineData(17, 5)]
    public void Fftfreq_and_rfftfreq_are_lazy_chunked_creation_equal_to_Dense(int n, int chunk)
    {
        using TestHost host = Create();
        foreach (double d in new[] { 1.0, 0.1, 2.5 })
        {
            NDArray f = Np.FFT.FftFreq(n, d, backend: "Chunked", chunks: [chunk]);
            f.ShouldBeOfType<ArrayDispatch.Chunked.Arrays.ChunkedArray>();
            ((ArrayDispatch.Chunked.Arrays.ChunkedArray)f).Chunks.BlockCounts[0].ShouldBe((n + chunk - 1) / chunk);
            f.Compute().ToArray<double>().ShouldBe(Np.FFT.FftFreq(n, d, backend: "Dense").ToArray<double>());
            NDArray r = Np.FFT.RfftFreq(n, d, backend: "Chunked", chunks: [chunk]);
            r.DType.ShouldBe(DType.Float64);
            r.Compute().ToArray<double>().ShouldBe(Np.FFT.RfftFreq(n, d, backend: "Dense").ToArray<double>());
        }
        Should.Throw<ArgumentException>(() => Np.FFT.FftFreq(0, backend: "Chunked")).Message.ShouldContain("n must be positive");
        Should.Throw<ArgumentException>(() => Np.FFT.RfftFreq(4, 0, backend: "Chunked")).Message.ShouldContain("d must be finite and non-zero");
    }

    [Fact]
    public void Fftshift_and_ifftshift_are_lazy_rolls_equal_to_Dense()
    {
        using TestHost host = Create();
        foreach ((Shape shape, int[] chunks) in new[] { (new Shape(5, 8), new[] { 2, 3 }), (new Shape(4, 7, 3), new[] { 3, 2, 1 }), (new Shape(9), new[] { 4 }), (new Shape(0, 3), new[] { 1, 2 }) })
        {
            NDArray dense = ComplexData(shape, 7);
            NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: chunks);
            foreach (int[]? axes in new int[]?[] { null, [-1], [0], [0, -1], [] })
            {
                if (axes is not null && axes.Any(a => a >= shape.Rank || a < -shape.Rank)) continue;
                string what = $"{shape} axes={(axes is null ? "None" : string.Join(",", axes))}";
                ShouldMatch(Np.FFT.FftShift(x, axes), Np.FFT.FftShift(dense, axes), "fftshift " + what);
                ShouldMatch(Np.FFT.IfftShift(x, axes), Np.FFT.IfftShift(dense, axes), "ifftshift " + what);
                ShouldMatch(Np.FFT.IfftShift(Np.FFT.FftShift(x, axes), axes), dense, "round trip " + what);
            }
        }
    }

    [Fact]
    public void Roll_is_lazy_and_equal_to_Dense()
    {
        using TestHost host = Create();
        NDArray dense = DenseData(new Shape(5, 7), 8);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [2, 3]);
        ShouldMatch(Np.Roll(x, 3, 1), Np.Roll(dense, 3, 1), "roll 3 along 1");
        ShouldMatch(Np.Roll(x, -12), Np.Roll(dense, -12), "roll -12 flattened");
        ShouldMatch(Np.Roll(x, 0, 0), Np.Roll(dense, 0, 0), "roll 0");
        // NumPy broadcasts shift against axis: two shifts of one axis add up, as do two shifts of the flattened array.
        foreach ((int[] shift, Axes axes, string what) in new (int[], Axes, string)[]
        {
            ([1, 2], Axes.Of(1), "two shifts of axis 1"),
            ([2, 3], Axes.All, "two shifts flattened"),
            ([1], Axes.Of(0, 1), "one shift for both axes"),
            ([4, -2], Axes.Of(0, 1), "a shift per axis"),
        })
        {
            var args = new ArrayDispatch.Functions.RollArgs(x, shift, axes);
            ShouldMatch(Np.Dispatcher.Invoke(ArrayDispatch.Functions.ArrayFunctions.Roll, args), Np.Dispatcher.Invoke(ArrayDispatch.Functions.ArrayFunctions.Roll, args with { X = dense }), what);
        }
    }
}
