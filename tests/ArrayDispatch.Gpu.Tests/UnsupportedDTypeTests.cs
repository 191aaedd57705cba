using System.Numerics;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The Gpu stores every dtype of NumPy's core set; a function without complex kernels (clip; arange, linspace and random of a complex dtype) declines
/// complex64 and complex128 with their name, never computing in a near dtype.
/// </summary>
public sealed class UnsupportedDTypeTests : GpuTestBase
{
    [Theory]
    [InlineData(DType.Complex64)]
    [InlineData(DType.Complex128)]
    public void A_function_without_complex_kernels_declines_complex_naming_the_dtype(DType dtype)
    {
        using var z = (GpuArray)Np.Zeros(new Shape(3), dtype, backend: "Gpu");
        // Declared up front (FunctionSupport): the dispatcher refuses before a kernel runs, naming the dtype and why.
        string clip = Should.Throw<NoImplementationException>(() => Np.Clip(z, 0.0, 1.0)).Message;
        clip.ShouldContain("Gpu");
        clip.ShouldContain($"does not take {dtype.Name()}");
        clip.ShouldContain("no complex kernel");
        Should.Throw<NoImplementationException>(() => Np.Arange(0L, 3L, 1L, dtype, backend: "Gpu")).Message.ShouldContain($"does not take {dtype.Name()}");
    }

    [Fact]
    public void The_largest_ulong_fills_uint64_exactly_and_float64_by_value_on_the_Gpu()
    {
        using var u = (GpuArray)Np.Full(new Shape(2), ulong.MaxValue, DType.UInt64, backend: "Gpu");
        u.ToArray<ulong>().ShouldBe([ulong.MaxValue, ulong.MaxValue]);
        using var f = (GpuArray)Np.Full(new Shape(1), ulong.MaxValue, DType.Float64, backend: "Gpu");
        f.ToArray<double>().ShouldBe([18446744073709551615.0]);
    }

    [Theory]
    [InlineData(DType.UInt8)]
    [InlineData(DType.Int8)]
    [InlineData(DType.Int16)]
    [InlineData(DType.UInt16)]
    [InlineData(DType.UInt32)]
    [InlineData(DType.UInt64)]
    [InlineData(DType.Float16)]
    public void Every_real_dtype_is_created_on_the_Gpu(DType dtype)
    {
        using var z = (GpuArray)Np.Full(new Shape(2, 3), 7L, dtype, backend: "Gpu");
        z.DType.ShouldBe(dtype);
        using var d = (GpuArray)Np.AsType(z, DType.Float64);
        d.ToArray<double>().ShouldAllBe(v => v == 7.0);
    }

    [Fact]
    public void Uploading_a_uint32_array_keeps_uint32_not_int32()
    {
        using var x = (GpuArray)Np.AsArray(new uint[] { 1, 4000000000 }, backend: "Gpu");
        x.DType.ShouldBe(DType.UInt32);
        x.ToArray<uint>().ShouldBe([1u, 4000000000u]);
    }

    [Fact]
    public void A_complex_scalar_promotes_a_float_array_to_complex128_as_numpy()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2.0 }, 2);
        using var z = (GpuArray)Np.Add(x, Complex.ImaginaryOne);
        z.DType.ShouldBe(DType.Complex128);
        z.ToArray<Complex>().ShouldBe([new Complex(1, 1), new Complex(2, 1)]);
    }

    [Fact]
    public void A_float_function_of_bool_computes_in_float16_as_numpy()
    {
        using GpuArray x = Gpu(new[] { true, false }, 2);

        var sqrt = (GpuArray)Np.Sqrt(x);
        var exp = (GpuArray)Np.Exp(x);

        sqrt.DType.ShouldBe(DType.Float16);
        sqrt.ToArray<Half>().ShouldBe([(Half)1, (Half)0]);
        exp.ToArray<Half>().ShouldBe([(Half)MathF.Exp(1), (Half)1]);
    }

    [Fact]
    public void An_integer_fill_outside_the_dtype_is_numpys_overflow_error_as_on_Dense()
    {
        Should.Throw<OverflowException>(() => Np.Full(new Shape(2), 1L << 40, DType.Int32, backend: "Gpu")).Message
            .ShouldBe("Python integer 1099511627776 out of bounds for int32");
        Should.Throw<OverflowException>(() => Np.Full(new Shape(2), -1L, DType.UInt8, backend: "Gpu")).Message
            .ShouldBe("Python integer -1 out of bounds for uint8");
    }
}
