using System.Globalization;
using ArrayDispatch.Dense;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The inputs where NumPy's scalar rules are easy to get wrong give Dense's answers bit for bit on the Gpu kernels (ILGPU's
/// CPU accelerator, which compiles them as a device would), and none of them throws inside a kernel: an exception on a
/// kernel thread would end the test process, so a run that reaches the assertions has already shown that.
/// </summary>
public sealed class ScalarRuleTests : IDisposable
{
    private static readonly double[] s_floatX = [1.0, -1.0, 0.3, -7.5, 1.0, -1.0, 0.0, -0.0, 2.0, -1.0, double.PositiveInfinity, double.NaN, 1.0, 0.0];
    private static readonly double[] s_floatY = [0.1, 0.1, 0.1, 2.0, 0.0, double.PositiveInfinity, -1.0, 1.0, -1.0, 0.0, 1.0, 1.0, double.NaN, -0.0];
    private static readonly long[] s_intX = [long.MinValue, long.MinValue, 7, -7, 7, -7, 5, -5, 0, long.MaxValue, 3, 0, 1, -1];
    private static readonly long[] s_intY = [-1, 1, 2, 2, -2, -2, 0, 0, 0, -1, 0, 4, 62, 3];

    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    public static TheoryData<string, DType> Cases()
    {
        var data = new TheoryData<string, DType>();
        foreach (string function in new[] { "floor_divide", "remainder", "maximum", "minimum", "power" })
        {
            foreach (DType dtype in new[] { DType.Float64, DType.Float32, DType.Int64, DType.Int32 }) data.Add(function, dtype);
        }
        return data;
    }

    private static NDArray Call(string function, NDArray x, NDArray y) => function switch
    {
        "floor_divide" => Np.FloorDivide(x, y),
        "remainder" => Np.Remainder(x, y),
        "maximum" => Np.Maximum(x, y),
        "minimum" => Np.Minimum(x, y),
        _ => Np.Power(x, y),
    };

    private static NDArray Dense(DType dtype, double[] floats, long[] ints) => dtype switch
    {
        DType.Float64 => Np.AsArray(HostBuffer.FromContiguous(floats, new Shape(floats.Length)), backend: "Dense"),
        DType.Float32 => Np.AsArray(HostBuffer.FromContiguous(floats.Select(v => (float)v).ToArray(), new Shape(floats.Length)), backend: "Dense"),
        DType.Int64 => Np.AsArray(HostBuffer.FromContiguous(ints, new Shape(ints.Length)), backend: "Dense"),
        _ => Np.AsArray(HostBuffer.FromContiguous(ints.Select(v => unchecked((int)v)).ToArray(), new Shape(ints.Length)), backend: "Dense"),
    };

    /// <summary>The values as NumPy prints them with repr: NaN is NaN, and -0 is not 0.</summary>
    private static string[] Texts(NDArray x) => x.DType switch
    {
        DType.Float64 => x.ToArray<double>().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
        DType.Float32 => x.ToArray<float>().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
        DType.Int64 => x.ToArray<long>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
        _ => x.ToArray<int>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
    };

    [Theory, MemberData(nameof(Cases))]
    public void Edge_inputs_give_Denses_answers_on_the_Gpu_kernels(string function, DType dtype)
    {
        // NumPy refuses negative integer exponents (tested below), so power gets their magnitudes.
        long[] intY = function == "power" ? s_intY.Select(Math.Abs).ToArray() : s_intY;
        NDArray x = Dense(dtype, s_floatX, s_intX), y = Dense(dtype, s_floatY, intY);
        using var gx = (GpuArray)Np.AsArray(x, backend: "Gpu");
        using var gy = (GpuArray)Np.AsArray(y, backend: "Gpu");

        NDArray gpu = Call(function, gx, gy);

        gpu.ShouldBeOfType<GpuArray>();
        Texts(gpu).ShouldBe(Texts(Call(function, x, y)), $"{function} {dtype.Name()}");
    }

    [Fact]
    public void Floor_divide_by_a_tenth_matches_NumPy_on_Gpu()
    {
        using var x = (GpuArray)Np.AsArray(HostBuffer.FromContiguous(new[] { 1.0, -1.0, 0.3 }, new Shape(3)), backend: "Gpu");

        ((GpuArray)Np.FloorDivide(x, 0.1)).ToArray<double>().ShouldBe([9.0, -10.0, 2.0]);
        ((GpuArray)Np.Remainder(x, 0.1)).ToArray<double>().ShouldBe([0.09999999999999995, 5.551115123125783e-17, 0.09999999999999998]);
    }

    [Fact]
    public void Int64_minimum_floor_divided_by_minus_one_wraps_on_Gpu_instead_of_ending_the_process()
    {
        using var x = (GpuArray)Np.AsArray(HostBuffer.FromContiguous(new[] { long.MinValue, 7, -7 }, new Shape(3)), backend: "Gpu");

        ((GpuArray)Np.FloorDivide(x, -1L)).ToArray<long>().ShouldBe([long.MinValue, -7, 7]);
        ((GpuArray)Np.Remainder(x, -1L)).ToArray<long>().ShouldBe([0L, 0, 0]);
        ((GpuArray)Np.FloorDivide(x, 0L)).ToArray<long>().ShouldBe([0L, 0, 0]);
        ((GpuArray)Np.Remainder(x, 0L)).ToArray<long>().ShouldBe([0L, 0, 0]);
        ((GpuArray)Np.Abs(x)).ToArray<long>().ShouldBe([long.MinValue, 7, 7]);
    }

    [Fact]
    public void Reciprocal_of_int64_matches_NumPy_on_Gpu()
    {
        using var x = (GpuArray)Np.AsArray(HostBuffer.FromContiguous(new[] { 0L, 3, -1, 1 }, new Shape(4)), backend: "Gpu");

        ((GpuArray)Np.Reciprocal(x)).ToArray<long>().ShouldBe([long.MinValue, 0, -1, 1]);
    }

    [Fact]
    public void Power_of_integers_refuses_a_negative_exponent_before_launching_as_NumPy()
    {
        using var x = (GpuArray)Np.AsArray(HostBuffer.FromContiguous(new[] { 2L, 3 }, new Shape(2)), backend: "Gpu");
        using var e = (GpuArray)Np.AsArray(HostBuffer.FromContiguous(new[] { 2L, -1 }, new Shape(2)), backend: "Gpu");

        Should.Throw<ArgumentException>(() => Np.Power(x, e)).Message.ShouldStartWith("Integers to negative integer powers are not allowed.");
        Should.Throw<ArgumentException>(() => Np.Power(x, -2L)).Message.ShouldStartWith("Integers to negative integer powers are not allowed.");
        ((GpuArray)Np.Power(x, 2L)).ToArray<long>().ShouldBe([4L, 9]);
    }
}
