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
        foreach (string function in new[] { "floor_divide", "remainder", "maximum", "minimum", "power", "add", "subtract", "multiply" })
        {
            foreach (DType dtype in DTypes.All.Where(d => d.IsNumeric() && !d.IsComplex())) data.Add(function, dtype);
        }
        return data;
    }

    private static NDArray Call(string function, NDArray x, NDArray y) => function switch
    {
        "floor_divide" => Np.FloorDivide(x, y),
        "remainder" => Np.Remainder(x, y),
        "maximum" => Np.Maximum(x, y),
        "minimum" => Np.Minimum(x, y),
        "add" => Np.Add(x, y),
        "subtract" => Np.Subtract(x, y),
        "multiply" => Np.Multiply(x, y),
        _ => Np.Power(x, y),
    };

    /// <summary>The edge values in <paramref name="dtype"/>: the float values for float dtypes, the integers (wrapped by NumPy's cast: int64's extremes become each narrower type's own edges) otherwise.</summary>
    private static NDArray Dense(DType dtype, double[] floats, long[] ints) => dtype.IsFloat()
        ? Np.AsType(Np.AsArray(HostBuffer.FromContiguous(floats, new Shape(floats.Length)), backend: "Dense"), dtype)
        : Np.AsType(Np.AsArray(HostBuffer.FromContiguous(ints, new Shape(ints.Length)), backend: "Dense"), dtype);

    /// <summary>The values as NumPy prints them with repr: NaN is NaN, and -0 is not 0.</summary>
    private static string[] Texts(NDArray x)
    {
        HostBuffer h = x.ToHost();
        Array values = h.ToContiguousArray();
        var texts = new string[values.Length];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = values.GetValue(i) switch
            {
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                Half f => ((double)f).ToString("R", CultureInfo.InvariantCulture) + (Half.IsNegative(f) ? "-" : ""),
                IFormattable v => v.ToString(null, CultureInfo.InvariantCulture),
                object v => v.ToString()!,
                null => "null",
            };
        }
        return texts;
    }

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
        NDArray dense = Call(function, x, y);
        gpu.DType.ShouldBe(dense.DType);
        Texts(gpu).ShouldBe(Texts(dense), $"{function} {dtype.Name()}");
    }

    [Fact]
    public void Integer_overflow_wraps_on_Gpu_as_NumPy()
    {
        using var i8 = (GpuArray)Np.AsArray(new sbyte[] { 127, -128, 100 }, backend: "Gpu");
        using var u8 = (GpuArray)Np.AsArray(new byte[] { 0, 255, 200 }, backend: "Gpu");
        using var u64 = (GpuArray)Np.AsArray(new ulong[] { 0, ulong.MaxValue, 1UL << 63 }, backend: "Gpu");

        ((GpuArray)Np.Add(i8, i8)).ToArray<sbyte>().ShouldBe(new sbyte[] { -2, 0, -56 });
        ((GpuArray)Np.Add(i8, 1L)).ToArray<sbyte>().ShouldBe(new sbyte[] { -128, -127, 101 });
        ((GpuArray)Np.Subtract(u8, 1L)).ToArray<byte>().ShouldBe(new byte[] { 255, 254, 199 });
        ((GpuArray)Np.Multiply(u8, u8)).ToArray<byte>().ShouldBe(new byte[] { 0, 1, 64 });
        ((GpuArray)Np.Add(u64, 1L)).ToArray<ulong>().ShouldBe(new ulong[] { 1, 0, (1UL << 63) + 1 });
        ((GpuArray)Np.Negative(i8)).ToArray<sbyte>().ShouldBe(new sbyte[] { -127, -128, -100 });
    }

    [Fact]
    public void Division_by_zero_gives_numpys_values_on_Gpu_in_every_integer_width()
    {
        using var u16 = (GpuArray)Np.AsArray(new ushort[] { 7, 0, 65535 }, backend: "Gpu");
        using var i16 = (GpuArray)Np.AsArray(new short[] { 7, short.MinValue, -7 }, backend: "Gpu");

        ((GpuArray)Np.FloorDivide(u16, 0L)).ToArray<ushort>().ShouldBe(new ushort[] { 0, 0, 0 });
        ((GpuArray)Np.Remainder(u16, 0L)).ToArray<ushort>().ShouldBe(new ushort[] { 0, 0, 0 });
        ((GpuArray)Np.FloorDivide(i16, -1L)).ToArray<short>().ShouldBe(new short[] { -7, short.MinValue, 7 });
        ((GpuArray)Np.Divide(u16, 0L)).ToArray<double>().ShouldBe([double.PositiveInfinity, double.NaN, double.PositiveInfinity]);
    }

    [Fact]
    public void A_negative_python_integer_with_uint64_is_numpys_overflow_error_on_Gpu_as_on_Dense()
    {
        NDArray dense = Np.AsArray(new ulong[] { 1, 2 }, backend: "Dense");
        using var gpu = (GpuArray)Np.AsArray(new ulong[] { 1, 2 }, backend: "Gpu");

        string expected = Should.Throw<OverflowException>(() => Np.Add(dense, -1L)).Message;
        Should.Throw<OverflowException>(() => Np.Add(gpu, -1L)).Message.ShouldBe(expected);
        Should.Throw<OverflowException>(() => Np.Subtract(gpu, -1L)).Message.ShouldBe(expected);
        Should.Throw<OverflowException>(() => Np.Add(Np.AsArray(new byte[] { 1 }, backend: "Gpu"), 300L)).Message.ShouldContain("out of bounds for uint8");
        // A negative float scalar is not an integer: uint64 - 1.5 is float64 there, as in NumPy.
        ((GpuArray)Np.Add(gpu, -1.5)).ToArray<double>().ShouldBe([-0.5, 0.5]);
    }

    [Fact]
    public void Float16_rounds_once_to_nearest_even_on_Gpu_as_Half_does()
    {
        double[] values = [2049.0, 2051.0, 65504.0, 65519.99, 65520.0, 1e-8, 2.9802322387695312e-8, 2.98023223876953125e-8 * 1.0000001, 6e-8, -0.0, 0.1, 1.0 / 3.0, -1e5, double.NaN, 5.9604644775390625E-8 * 1.5, 6.097555160522461E-05];
        using var x = (GpuArray)Np.AsArray(values, backend: "Gpu");

        Half[] gpu = ((GpuArray)Np.AsType(x, DType.Float16)).ToArray<Half>();

        gpu.Select(h => BitConverter.HalfToUInt16Bits(h) & (Half.IsNaN(h) ? 0x8000 : 0xFFFF))
            .ShouldBe(values.Select(v => BitConverter.HalfToUInt16Bits((Half)v) & (double.IsNaN(v) ? 0x8000 : 0xFFFF)));
        // float16 arithmetic rounds the float32 result once: 2048 + 1 is a tie that stays at 2048, 2048 + 3 goes to 2052.
        using var h = (GpuArray)Np.AsArray(new[] { (Half)2048, (Half)2048, (Half)0.1 }, backend: "Gpu");
        using var d = (GpuArray)Np.AsArray(new[] { (Half)1, (Half)3, (Half)0.2 }, backend: "Gpu");
        ((GpuArray)Np.Add(h, d)).ToArray<Half>().ShouldBe([(Half)2048, (Half)2052, (Half)0.1 + (Half)0.2]);
    }

    [Fact]
    public void Every_float16_value_widens_exactly_and_float32_values_round_as_Half_on_Gpu()
    {
        Half[] all = Enumerable.Range(0, 65536).Select(i => BitConverter.UInt16BitsToHalf((ushort)i)).ToArray();
        using var halves = (GpuArray)Np.AsArray(all, backend: "Gpu");

        float[] widened = ((GpuArray)Np.AsType(halves, DType.Float32)).ToArray<float>();

        for (int i = 0; i < all.Length; i++)
        {
            if (Half.IsNaN(all[i])) float.IsNaN(widened[i]).ShouldBeTrue();
            else BitConverter.SingleToInt32Bits(widened[i]).ShouldBe(BitConverter.SingleToInt32Bits((float)all[i]), $"float16 bits {i:x4}");
        }
        var random = new Random(16);
        float[] floats = Enumerable.Range(0, 20000).Select(_ => (float)((random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-30, 20)))).ToArray();
        using var f = (GpuArray)Np.AsArray(floats, backend: "Gpu");
        Half[] rounded = ((GpuArray)Np.AsType(f, DType.Float16)).ToArray<Half>();
        rounded.Select(BitConverter.HalfToUInt16Bits).ShouldBe(floats.Select(v => BitConverter.HalfToUInt16Bits((Half)v)));
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

    [Fact]
    public void Float16_cumsum_rounds_every_running_sum_as_NumPy()
    {
        // np.cumsum(np.ones(3000, np.float16))[-1] is 2048.0: past 2048, adding 1 is a tie that rounds back to even.
        using var ones = (GpuArray)Np.Ones(new Shape(3000), DType.Float16, backend: "Gpu");
        Half[] sums = ((GpuArray)Np.Cumsum(ones)).ToArray<Half>();
        sums[2046].ShouldBe((Half)2047);
        sums[2999].ShouldBe((Half)2048);
    }
}
