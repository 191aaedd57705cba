using System.Numerics;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Fft;

/// <summary>numpy.fft through <c>Np.FFT</c> on Dense: identities, NumPy's shapes and dtypes, norms, axes and NumPy's errors.</summary>
public sealed class FftTests
{
    private static Complex[] C(NDArray x) => ((DenseArray)x).ContiguousSpan<Complex>().ToArray();

    private static double[] D(NDArray x) => ((DenseArray)x).ContiguousSpan<double>().ToArray();

    private static DenseArray RandomReal(int seed, params int[] shape)
    {
        var random = new Random(seed);
        int size = shape.Aggregate(1, (a, b) => a * b);
        return DenseArray.From(Enumerable.Range(0, size).Select(_ => random.NextDouble() - 0.5).ToArray(), shape);
    }

    private static DenseArray RandomComplex(int seed, params int[] shape) =>
        DenseArray.From(NaiveDft.RandomComplex(new Random(seed), shape.Aggregate(1, (a, b) => a * b)), shape);

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(15)] [InlineData(16)] [InlineData(17)] [InlineData(1000)] [InlineData(1024)] [InlineData(4099)]
    public void Inverse_of_the_transform_gives_the_input_back_for_every_norm(int n)
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomComplex(n, n);
        foreach (string norm in new[] { "backward", "ortho", "forward" })
            NaiveDft.RelErr(C(Np.FFT.Ifft(Np.FFT.Fft(x, norm: norm), norm: norm)), C(x)).ShouldBeLessThan(1e-14 * Math.Log2(n + 1) + 1e-15, norm);
        DenseArray r = RandomReal(n, n);
        NaiveDft.RelErr(D(Np.FFT.Irfft(Np.FFT.Rfft(r), n)).Select(v => new Complex(v, 0)).ToArray(), D(r).Select(v => new Complex(v, 0)).ToArray())
            .ShouldBeLessThan(1e-14 * Math.Log2(n + 1) + 1e-15);
    }

    [Fact]
    public void Ortho_transform_keeps_the_energy_of_a_prime_length_signal()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomComplex(3, 4099);
        double energy = C(x).Sum(v => v.Magnitude * v.Magnitude);
        C(Np.FFT.Fft(x, norm: "ortho")).Sum(v => v.Magnitude * v.Magnitude).ShouldBe(energy, energy * 1e-12);
        C(Np.FFT.Fft(x)).Sum(v => v.Magnitude * v.Magnitude).ShouldBe(energy * 4099, energy * 4099 * 1e-12);
    }

    [Fact]
    public void Transform_along_an_axis_equals_the_transform_of_each_line()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomComplex(5, 3, 7, 4);
        Complex[] all = C(Np.FFT.Fft(x, axis: 1)), xs = C(x);
        C(Np.FFT.Fft(x, axis: -2)).ShouldBe(all);
        for (int o = 0; o < 3; o++)
            for (int i = 0; i < 4; i++)
            {
                Complex[] line = Enumerable.Range(0, 7).Select(k => xs[o * 28 + k * 4 + i]).ToArray();
                Complex[] expected = NaiveDft.Transform(line);
                NaiveDft.RelErr(Enumerable.Range(0, 7).Select(k => all[o * 28 + k * 4 + i]).ToArray(), expected).ShouldBeLessThan(1e-14);
            }
    }

    [Fact]
    public void N_crops_or_zero_pads_the_input()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = DenseArray.From(new double[] { 1, 2, 3, 4 }, 4);
        NDArray padded = Np.FFT.Fft(x, n: 6);
        padded.Shape.ShouldBe(new Shape(6));
        NaiveDft.RelErr(C(padded), NaiveDft.Transform(new Complex[] { 1, 2, 3, 4, 0, 0 })).ShouldBeLessThan(1e-15);
        NaiveDft.RelErr(C(Np.FFT.Fft(x, n: 3)), NaiveDft.Transform(new Complex[] { 1, 2, 3 })).ShouldBeLessThan(1e-15);
        Np.FFT.Rfft(x, n: 7).Shape.ShouldBe(new Shape(4));
        Np.FFT.Irfft(Np.FFT.Rfft(x)).Shape.ShouldBe(new Shape(4));
        Np.FFT.Irfft(Np.FFT.Rfft(x), n: 5).Shape.ShouldBe(new Shape(5));
    }

    [Fact]
    public void Single_precision_input_gives_complex64_and_everything_else_complex128_as_numpy_2()
    {
        using var host = TestHost.Create(new DensePlugin());
        var f32 = DenseArray.From(new float[] { 1, 2, 3, 4 }, 4);
        Np.FFT.Fft(f32).DType.ShouldBe(DType.Complex64);
        Np.FFT.Rfft(f32).DType.ShouldBe(DType.Complex64);
        Np.FFT.Irfft(Np.FFT.Rfft(f32)).DType.ShouldBe(DType.Float32);
        Np.FFT.Fft(DenseArray.From(new[] { (Half)1, (Half)2 }, 2)).DType.ShouldBe(DType.Complex64);
        Np.FFT.Ifft(DenseArray.From(new[] { new Complex64(1, 2), new Complex64(3, 4) }, 2)).DType.ShouldBe(DType.Complex64);
        Np.FFT.Fft(DenseArray.From(new long[] { 1, 2, 3 }, 3)).DType.ShouldBe(DType.Complex128);
        Np.FFT.Fft(DenseArray.From(new[] { true, false }, 2)).DType.ShouldBe(DType.Complex128);
        Np.FFT.Hfft(DenseArray.From(new double[] { 1, 2, 3 }, 3)).DType.ShouldBe(DType.Float64);
        Np.FFT.Fft2(DenseArray.From(new float[] { 1, 2, 3, 4 }, 2, 2)).DType.ShouldBe(DType.Complex64);
    }

    [Fact]
    public void Fftn_is_the_one_dimensional_transform_along_each_axis()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomComplex(9, 4, 5, 6);
        NaiveDft.RelErr(C(Np.FFT.Fftn(x)), C(Np.FFT.Fft(Np.FFT.Fft(Np.FFT.Fft(x, axis: 0), axis: 1), axis: 2))).ShouldBeLessThan(1e-14);
        NaiveDft.RelErr(C(Np.FFT.Fft2(x)), C(Np.FFT.Fft(Np.FFT.Fft(x, axis: 1), axis: 2))).ShouldBeLessThan(1e-14);
        // s crops axis 0 to 3 and pads axis 2 to 8: the round trip gives that cropped, padded input
        NDArray back = Np.FFT.Ifftn(Np.FFT.Fftn(x, s: [3, 8], axes: [0, 2]), axes: [0, 2]);
        back.Shape.ShouldBe(new Shape(3, 5, 8));
        Complex[] xs = C(x), expected = new Complex[3 * 5 * 8];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 5; j++) for (int k = 0; k < 6; k++) expected[i * 40 + j * 8 + k] = xs[i * 30 + j * 6 + k];
        NaiveDft.RelErr(C(back), expected).ShouldBeLessThan(1e-14);
        DenseArray r = RandomReal(10, 6, 8);
        NDArray half = Np.FFT.Rfft2(r);
        half.Shape.ShouldBe(new Shape(6, 5));
        NaiveDft.RelErr(C(half), C(Np.FFT.Fft2(r)).Where((_, i) => i % 8 <= 4).ToArray()).ShouldBeLessThan(1e-14);
        NaiveDft.RelErr(D(Np.FFT.Irfft2(half)).Select(v => new Complex(v, 0)).ToArray(), D(r).Select(v => new Complex(v, 0)).ToArray()).ShouldBeLessThan(1e-14);
    }

    [Fact]
    public void Hfft_and_ihfft_are_inverses_and_hfft_is_irfft_of_the_conjugate_times_n()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomReal(11, 10);
        NDArray h = Np.FFT.Ihfft(x);
        h.Shape.ShouldBe(new Shape(6));
        double[] back = D(Np.FFT.Hfft(h, n: 10));
        for (int i = 0; i < 10; i++) back[i].ShouldBe(D(x)[i], 1e-14);
        DenseArray spectrum = RandomComplex(12, 6);
        double[] viaIrfft = D(Np.FFT.Irfft(DenseArray.From(C(spectrum).Select(Complex.Conjugate).ToArray(), 6)));
        double[] hfft = D(Np.FFT.Hfft(spectrum));
        for (int i = 0; i < 10; i++) hfft[i].ShouldBe(viaIrfft[i] * 10, 1e-13);
    }

    [Fact]
    public void Frequencies_and_shifts_are_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        D(Np.FFT.FftFreq(5, 0.5)).ShouldBe([0, 0.4, 0.8, -0.8, -0.4]);
        D(Np.FFT.FftFreq(4)).ShouldBe([0, 0.25, -0.5, -0.25]);
        D(Np.FFT.RfftFreq(5)).ShouldBe([0, 0.2, 0.4]);
        DenseArray f = DenseArray.From(new double[] { 0, 1, 2, 3, 4, -5, -4, -3, -2, -1 }, 10);
        D(Np.FFT.FftShift(f)).ShouldBe([-5, -4, -3, -2, -1, 0, 1, 2, 3, 4]);
        D(Np.FFT.IfftShift(Np.FFT.FftShift(f))).ShouldBe(D(f));
        DenseArray odd = DenseArray.From(new double[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 }, 3, 3);
        D(Np.FFT.FftShift(odd, axes: [1])).ShouldBe([2, 0, 1, 5, 3, 4, 8, 6, 7]);
        D(Np.FFT.IfftShift(odd)).ShouldBe([4, 5, 3, 7, 8, 6, 1, 2, 0]);
    }

    [Fact]
    public void Bad_arguments_get_numpys_errors()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomReal(1, 2, 3);
        Should.Throw<ArgumentException>(() => Np.FFT.Fft(x, n: 0)).Message.ShouldStartWith("Invalid number of FFT data points (0) specified.");
        Should.Throw<ArgumentException>(() => Np.FFT.Irfft(DenseArray.From(new double[] { 1 }, 1))).Message.ShouldStartWith("Invalid number of FFT data points (0) specified.");
        Should.Throw<ArgumentException>(() => Np.FFT.Fft(x, norm: "bad")).Message.ShouldStartWith("Invalid norm value bad; should be \"backward\",\"ortho\" or \"forward\".");
        Should.Throw<AxisOutOfRangeException>(() => Np.FFT.Fft(x, axis: 2)).Message.ShouldBe("axis 2 is out of bounds for array of dimension 2");
        Should.Throw<AxisOutOfRangeException>(() => Np.FFT.Fftn(x, axes: [0, -3]));
        Should.Throw<ArgumentException>(() => Np.FFT.Fftn(x, s: [2], axes: [0, 1])).Message.ShouldStartWith("Shape and axes have different lengths.");
        Should.Throw<ArgumentException>(() => Np.FFT.Fftn(x, s: [0, 3])).Message.ShouldStartWith("Invalid number of FFT data points (0) specified.");
        Should.Throw<DTypeMismatchException>(() => Np.FFT.Rfft(RandomComplex(1, 4))).Message.ShouldContain("complex128");
        Should.Throw<ArgumentException>(() => Np.FFT.FftFreq(0)).Message.ShouldContain("n must be positive");
    }

    [Fact]
    public void Repeated_axes_transform_twice_as_numpy_does()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomComplex(2, 4, 3);
        NaiveDft.RelErr(C(Np.FFT.Fftn(x, axes: [0, 0])), C(Np.FFT.Fft(Np.FFT.Fft(x, axis: 0), axis: 0))).ShouldBeLessThan(1e-15);
    }

    [Fact]
    public void A_large_transform_split_over_threads_equals_line_by_line()
    {
        using var host = TestHost.Create(new DensePlugin());
        DenseArray x = RandomComplex(4, 64, 1000);
        Complex[] all = C(Np.FFT.Fft(x)), xs = C(x);
        for (int row = 0; row < 64; row += 9)
            NaiveDft.RelErr(all.AsSpan(row * 1000, 1000), NaiveDft.Transform(xs.AsSpan(row * 1000, 1000))).ShouldBeLessThan(1e-13);
    }
}
