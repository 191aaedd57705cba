using System.Numerics;
using ArrayDispatch.Dense;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// numpy.fft on the Gpu (Stockham radix-2 for powers of two, Bluestein for every other length) against Dense on the same
/// data: every transform, norm and axis case at lengths 1, 2, 15, 16, 17, 1000, 1024 and 4099 (prime), on float32,
/// float64, complex64 and complex128 input, within a tolerance scaled with log n; n/s crop and pad, n-d transforms,
/// frequencies, shifts and the errors.
/// </summary>
public sealed class FftMatchesDenseTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    private static readonly DType[] s_dtypes = [DType.Float64, DType.Float32, DType.Complex128, DType.Complex64];

    private static NDArray Data(DType dtype, Shape shape, int seed)
    {
        NDArray c = ComplexMatchesDenseTests.Data(DType.Complex128, shape, seed);
        return dtype.IsComplex() ? Np.AsType(c, dtype) : Np.AsType(Np.Real(c), dtype);
    }

    /// <summary>Within <c>tolerance · log2(n)</c> of Dense, relative to the largest magnitude of Dense's result (an FFT's error is spread over the whole line).</summary>
    private static void ShouldMatch(NDArray dense, NDArray gpu, int n, string what)
    {
        gpu.ShouldBeOfType<GpuArray>(what);
        gpu.DType.ShouldBe(dense.DType, what);
        gpu.Shape.ShouldBe(dense.Shape, what);
        (double[] eRe, double[] eIm) = ComplexMatchesDenseTests.Parts(dense.ToHost());
        (double[] aRe, double[] aIm) = ComplexMatchesDenseTests.Parts(gpu.ToHost());
        double peak = 1;
        for (int i = 0; i < eRe.Length; i++) peak = Math.Max(peak, Math.Max(Math.Abs(eRe[i]), Math.Abs(eIm[i])));
        double unit = dense.DType is DType.Complex64 or DType.Float32 ? 2e-6 : 1e-13;
        double tolerance = unit * Math.Max(1, Math.Log2(Math.Max(2, n))) * peak;
        for (int i = 0; i < eRe.Length; i++)
        {
            Math.Abs(aRe[i] - eRe[i]).ShouldBeLessThanOrEqualTo(tolerance, $"{what}[{i}].real: Dense {eRe[i]}, Gpu {aRe[i]}");
            Math.Abs(aIm[i] - eIm[i]).ShouldBeLessThanOrEqualTo(tolerance, $"{what}[{i}].imag: Dense {eIm[i]}, Gpu {aIm[i]}");
        }
    }

    public static TheoryData<int> Lengths => new() { 1, 2, 15, 16, 17, 1000, 1024, 4099 };

    private static readonly string[] s_norms = ["backward", "ortho", "forward"];

    private static readonly (string Name, Func<NDArray, int?, int, string, NDArray> Run, bool RealInput)[] s_one =
    [
        ("fft", (x, n, a, m) => Np.FFT.Fft(x, n, a, m), false),
        ("ifft", (x, n, a, m) => Np.FFT.Ifft(x, n, a, m), false),
        ("rfft", (x, n, a, m) => Np.FFT.Rfft(x, n, a, m), true),
        ("irfft", (x, n, a, m) => Np.FFT.Irfft(x, n, a, m), false),
        ("hfft", (x, n, a, m) => Np.FFT.Hfft(x, n, a, m), false),
        ("ihfft", (x, n, a, m) => Np.FFT.Ihfft(x, n, a, m), true),
    ];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Every_one_dimensional_transform_and_norm_matches_Dense(int length)
    {
        foreach (DType dtype in s_dtypes)
        {
            NDArray x = Data(dtype, new Shape(length), length);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (var (name, run, realInput) in s_one)
            {
                if (realInput && dtype.IsComplex()) continue;
                if (name is "irfft" or "hfft" && length == 1) continue;    // the default n = 2(m - 1) = 0 is an error (checked below)
                foreach (string norm in s_norms)
                {
                    int n = name is "irfft" or "hfft" ? 2 * (length - 1) : length;
                    ShouldMatch(run(x, null, -1, norm), run(g, null, -1, norm), n, $"{name} {dtype.Name()} n={length} {norm}");
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(-2)]
    public void Transforms_along_every_axis_with_cropping_and_padding_match_Dense(int axis)
    {
        foreach (DType dtype in s_dtypes)
        {
            NDArray x = Data(dtype, new Shape(6, 10), 3);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (var (name, run, realInput) in s_one)
            {
                if (realInput && dtype.IsComplex()) continue;
                foreach (int? n in new int?[] { null, 4, 7, 16, 23 })
                {
                    ShouldMatch(run(x, n, axis, "ortho"), run(g, n, axis, "ortho"), n ?? 16, $"{name} {dtype.Name()} axis={axis} n={n}");
                }
            }
            // a strided view as input
            NDArray xv = Np.Transpose(x), gv = Np.Transpose(g);
            ShouldMatch(Np.FFT.Fft(xv, null, 0), Np.FFT.Fft(gv, null, 0), 10, $"fft {dtype.Name()} of a transposed view");
        }
    }

    [Fact]
    public void N_dimensional_transforms_match_Dense()
    {
        foreach (DType dtype in s_dtypes)
        {
            NDArray x = Data(dtype, new Shape(4, 6, 5), 7);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (string norm in s_norms)
            {
                foreach ((int[]? s, int[]? axes) in new (int[]?, int[]?)[] { (null, null), (null, [0, 2]), ([8, 3], [-1, 0]), ([3, 4, 6], null), ([7], null), (null, [1, 1]) })
                {
                    string what = $"{dtype.Name()} s=[{string.Join(",", s ?? [])}] axes=[{string.Join(",", axes ?? [])}] {norm}";
                    ShouldMatch(Np.FFT.Fftn(x, s, axes, norm), Np.FFT.Fftn(g, s, axes, norm), 32, "fftn " + what);
                    ShouldMatch(Np.FFT.Ifftn(x, s, axes, norm), Np.FFT.Ifftn(g, s, axes, norm), 32, "ifftn " + what);
                    if (axes is [1, 1]) continue;
                    if (!dtype.IsComplex()) ShouldMatch(Np.FFT.Rfftn(x, s, axes, norm), Np.FFT.Rfftn(g, s, axes, norm), 32, "rfftn " + what);
                    ShouldMatch(Np.FFT.Irfftn(x, s, axes, norm), Np.FFT.Irfftn(g, s, axes, norm), 32, "irfftn " + what);
                }
            }
            ShouldMatch(Np.FFT.Fft2(x), Np.FFT.Fft2(g), 32, $"fft2 {dtype.Name()}");
        }
    }

    [Fact]
    public void Frequencies_and_shifts_match_Dense()
    {
        foreach (int n in new[] { 1, 2, 7, 8 })
        {
            ShouldMatch(Np.FFT.FftFreq(n, 0.25, backend: "Dense"), Np.FFT.FftFreq(n, 0.25, backend: "Gpu"), 1, $"fftfreq {n}");
            ShouldMatch(Np.FFT.RfftFreq(n, 0.25, backend: "Dense"), Np.FFT.RfftFreq(n, 0.25, backend: "Gpu"), 1, $"rfftfreq {n}");
        }
        foreach (DType dtype in new[] { DType.Float64, DType.Complex64, DType.Int32 })
        {
            NDArray x = Np.AsType(Data(DType.Float64, new Shape(5, 4), 9), dtype);
            using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
            foreach (int[]? axes in new int[]?[] { null, [0], [-1], [1, 0] })
            {
                ShouldMatch(Np.FFT.FftShift(x, axes), Np.FFT.FftShift(g, axes), 1, $"fftshift {dtype.Name()}");
                ShouldMatch(Np.FFT.IfftShift(x, axes), Np.FFT.IfftShift(g, axes), 1, $"ifftshift {dtype.Name()}");
            }
        }
    }

    [Fact]
    public void Errors_are_Denses()
    {
        NDArray x = Data(DType.Float64, new Shape(3, 4), 1);
        using var g = (GpuArray)Np.AsArray(x, backend: "Gpu");
        NDArray c = Data(DType.Complex128, new Shape(4), 1);
        using var gc = (GpuArray)Np.AsArray(c, backend: "Gpu");
        NDArray one = Data(DType.Complex128, new Shape(1), 1);
        using var gOne = (GpuArray)Np.AsArray(one, backend: "Gpu");
        Func<NDArray, NDArray, NDArray>[] cases =
        [
            (d, _) => Np.FFT.Fft(d, 0),
            (d, _) => Np.FFT.Fft(d, -3),
            (d, _) => Np.FFT.Fft(d, null, 2),
            (d, _) => Np.FFT.Rfft(d, null, -3),
            (d, _) => Np.FFT.Fftn(d, [4, 4, 4]),
            (d, _) => Np.FFT.Fftn(d, [4], [0, 1]),
            (d, _) => Np.FFT.Ifftn(d, null, [0, 5]),
            (d, _) => Np.FFT.Irfftn(d, [0, 4]),
            (_, k) => Np.FFT.Rfft(k),
            (_, k) => Np.FFT.Ihfft(k),
        ];
        foreach (var run in cases)
        {
            Exception dense = Should.Throw<Exception>(() => run(x, c));
            Exception gpu = Should.Throw<Exception>(() => run(g, gc));
            gpu.GetType().ShouldBe(dense.GetType());
            gpu.Message.ShouldBe(dense.Message);
        }
        Exception d1 = Should.Throw<Exception>(() => Np.FFT.Irfft(one));
        Exception g1 = Should.Throw<Exception>(() => Np.FFT.Irfft(gOne));
        g1.Message.ShouldBe(d1.Message);
        Should.Throw<ArgumentException>(() => Np.FFT.FftFreq(0, backend: "Gpu")).Message.ShouldBe(Should.Throw<ArgumentException>(() => Np.FFT.FftFreq(0, backend: "Dense")).Message);
    }
}
