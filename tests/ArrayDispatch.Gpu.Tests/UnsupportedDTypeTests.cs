using System.Numerics;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The Gpu stores every real dtype (bool, int8 to int64, uint8 to uint64, float16, float32, float64); complex64 and
/// complex128 are declined with their name (upload, creation, astype, a complex scalar), never computed in a near dtype.
/// </summary>
public sealed class UnsupportedDTypeTests : GpuTestBase
{
    [Theory]
    [InlineData(DType.Complex64)]
    [InlineData(DType.Complex128)]
    public void Creating_a_complex_array_is_declined_naming_the_dtype(DType dtype) =>
        Should.Throw<NotSupportedException>(() => Np.Zeros(new Shape(3), dtype, backend: "Gpu")).Message
            .ShouldContain($"Gpu does not support dtype {dtype.Name()}");

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
    public void Uploading_a_complex_array_is_declined_naming_the_dtype() =>
        Should.Throw<NotSupportedException>(() => Np.AsArray(new Complex[] { 1, 2 }, backend: "Gpu")).Message
            .ShouldStartWith("Gpu does not support dtype complex128 for asarray");

    [Fact]
    public void Astype_to_complex_is_declined_naming_it()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2.0 }, 2);
        Should.Throw<NotSupportedException>(() => Np.AsType(x, DType.Complex64)).Message.ShouldContain("complex64");
    }

    [Fact]
    public void A_complex_scalar_is_declined_not_dropped()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2.0 }, 2);
        Should.Throw<NotSupportedException>(() => Np.Add(x, Complex.ImaginaryOne)).Message.ShouldContain("complex128");
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
