using System.Numerics;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The Gpu stores bool, int32, int64, float32 and float64; every other dtype is declined with its name (upload,
/// creation, astype, a complex scalar, NumPy's float16 loops of bool), never computed in a near dtype.
/// </summary>
public sealed class UnsupportedDTypeTests : GpuTestBase
{
    [Theory]
    [InlineData(DType.UInt8)]
    [InlineData(DType.Int16)]
    [InlineData(DType.Float16)]
    [InlineData(DType.Complex64)]
    public void Creating_an_array_of_a_dtype_the_Gpu_lacks_is_declined_naming_it(DType dtype) =>
        Should.Throw<NotSupportedException>(() => Np.Zeros(new Shape(3), dtype, backend: "Gpu")).Message
            .ShouldContain($"Gpu does not support dtype {dtype.Name()}");

    [Fact]
    public void Uploading_a_uint32_array_is_declined_not_read_as_int32() =>
        Should.Throw<NotSupportedException>(() => Np.AsArray(new uint[] { 1, 2 }, backend: "Gpu")).Message
            .ShouldStartWith("Gpu does not support dtype uint32 for asarray");

    [Fact]
    public void Astype_to_a_dtype_the_Gpu_lacks_is_declined_naming_it()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2.0 }, 2);
        Should.Throw<NotSupportedException>(() => Np.AsType(x, DType.UInt16)).Message.ShouldContain("uint16");
    }

    [Fact]
    public void A_complex_scalar_is_declined_not_dropped()
    {
        using GpuArray x = Gpu(new[] { 1.0, 2.0 }, 2);
        Should.Throw<NotSupportedException>(() => Np.Add(x, Complex.ImaginaryOne)).Message.ShouldContain("complex128");
    }

    [Fact]
    public void A_float_function_of_bool_declines_float16_as_numpy_computes_it_there()
    {
        using GpuArray x = Gpu(new[] { true, false }, 2);
        Should.Throw<NotSupportedException>(() => Np.Sqrt(x)).Message.ShouldStartWith("Gpu does not support dtype float16 for sqrt");
    }
}
