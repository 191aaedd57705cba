using System.Numerics;
using ArrayDispatch.Dense;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.DTypes;

/// <summary>
/// Sparse stores bool, int32, int64, float32 and float64; every other dtype is declined with its name, at creation, at
/// conversion and where promotion would reach it (a complex scalar), never computed in a near dtype.
/// </summary>
public sealed class UnsupportedDTypeTests
{
    private static TestHost Host() => TestHost.Create(new DensePlugin(), new SparsePlugin());

    [Theory]
    [InlineData(DType.UInt8)]
    [InlineData(DType.Int16)]
    [InlineData(DType.Float16)]
    [InlineData(DType.Complex128)]
    public void A_dense_array_of_a_dtype_Sparse_lacks_is_declined_naming_it(DType dtype)
    {
        using TestHost host = Host();
        NDArray dense = Np.Eye(3, dtype: dtype, backend: "Dense");
        Should.Throw<NotSupportedException>(() => Np.AsArray(dense, backend: "Sparse", format: "csr")).Message
            .ShouldContain($"Sparse does not support dtype {dtype.Name()}");
    }

    [Fact]
    public void Sparse_random_with_a_dtype_Sparse_lacks_is_declined_naming_it()
    {
        using TestHost host = Host();
        using (Np.UseBackend("Sparse"))
        {
            Should.Throw<NotSupportedException>(() => Np.Call("sparse.random", [], new Dictionary<string, object?> { ["shape"] = new[] { 3, 3 }, ["dtype"] = "complex128" }))
                .Message.ShouldStartWith("Sparse does not support dtype complex128 for sparse.random");
        }
    }

    [Fact]
    public void A_complex_scalar_is_declined_not_dropped()
    {
        using TestHost host = Host();
        NDArray s = Np.AsArray(Np.Eye(3, backend: "Dense"), backend: "Sparse", format: "csr");
        Should.Throw<NotSupportedException>(() => Np.Multiply(s, Complex.ImaginaryOne)).Message.ShouldContain("complex128");
    }

    [Fact]
    public void A_float_function_of_a_bool_array_declines_float16_as_numpy_computes_it_there()
    {
        using TestHost host = Host();
        NDArray s = Np.AsArray(Np.Eye(3, dtype: DType.Bool, backend: "Dense"), backend: "Sparse", format: "csr");
        Should.Throw<NotSupportedException>(() => Np.Sqrt(s)).Message.ShouldContain("float16");
    }
}
