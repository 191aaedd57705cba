using System.Numerics;
using ArrayDispatch.Dense;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.DTypes;

/// <summary>
/// Sparse stores bool and every real numeric dtype (int8 … uint64, float16, float32, float64), as scipy.sparse; complex64
/// and complex128 are declined with their name, at creation, at conversion and where promotion would reach them (a complex
/// scalar), never computed in a near dtype.
/// </summary>
public sealed class UnsupportedDTypeTests
{
    private static TestHost Host() => TestHost.Create(new DensePlugin(), new SparsePlugin());

    [Theory]
    [InlineData(DType.Complex64)]
    [InlineData(DType.Complex128)]
    public void A_dense_complex_array_is_declined_naming_the_dtype(DType dtype)
    {
        using TestHost host = Host();
        NDArray dense = Np.Eye(3, dtype: dtype, backend: "Dense");
        Should.Throw<NotSupportedException>(() => Np.AsArray(dense, backend: "Sparse", format: "csr")).Message
            .ShouldContain($"Sparse does not support dtype {dtype.Name()}");
    }

    [Theory]
    [InlineData(DType.Int8)]
    [InlineData(DType.Int16)]
    [InlineData(DType.UInt8)]
    [InlineData(DType.UInt16)]
    [InlineData(DType.UInt32)]
    [InlineData(DType.UInt64)]
    [InlineData(DType.Float16)]
    public void Every_real_dtype_round_trips_through_every_format(DType dtype)
    {
        using TestHost host = Host();
        NDArray dense = Np.AsType(Np.AsArray(new double[,] { { 0, 3, 0 }, { -2, 0, 7 } }, backend: "Dense"), dtype);
        foreach (string format in new[] { "csr", "csc", "coo" })
        {
            NDArray s = Np.AsArray(dense, backend: "Sparse", format: format);
            s.DType.ShouldBe(dtype);
            ((SparseArray)s).Nnz.ShouldBe(3);
            NDArray back = Np.AsArray(s, backend: "Dense");
            back.DType.ShouldBe(dtype);
            Np.AsType(back, DType.Float64).ToArray<double>().ShouldBe(Np.AsType(dense, DType.Float64).ToArray<double>());
        }
    }

    [Fact]
    public void Sparse_random_with_a_complex_dtype_is_declined_naming_it()
    {
        using TestHost host = Host();
        using (Np.UseBackend("Sparse"))
        {
            Should.Throw<NotSupportedException>(() => Np.Call("sparse.random", [], new Dictionary<string, object?> { ["shape"] = new[] { 3, 3 }, ["dtype"] = "complex128" }))
                .Message.ShouldStartWith("Sparse does not support dtype complex128 for sparse.random");
        }
    }

    [Fact]
    public void Sparse_random_of_uint8_draws_over_the_dtypes_range()
    {
        using TestHost host = Host();
        SparseArray r = SparseArrays.Random(20, 20, 0.5, seed: 1, dtype: DType.UInt8);
        r.DType.ShouldBe(DType.UInt8);
        ((byte[])r.Values).Distinct().Count().ShouldBeGreaterThan(50);
    }

    [Fact]
    public void A_complex_scalar_is_declined_not_dropped()
    {
        using TestHost host = Host();
        NDArray s = Np.AsArray(Np.Eye(3, backend: "Dense"), backend: "Sparse", format: "csr");
        Should.Throw<NotSupportedException>(() => Np.Multiply(s, Complex.ImaginaryOne)).Message.ShouldContain("complex128");
    }

    [Fact]
    public void A_float_function_of_a_bool_array_computes_in_float16_as_numpy()
    {
        using TestHost host = Host();
        NDArray s = Np.AsArray(Np.Eye(3, dtype: DType.Bool, backend: "Dense"), backend: "Sparse", format: "csr");
        NDArray r = Np.Sqrt(s);
        r.ShouldBeOfType<CsrArray>();
        r.DType.ShouldBe(DType.Float16);
        Np.AsArray(r, backend: "Dense").ToArray<Half>().ShouldBe(Np.Sqrt(Np.Eye(3, dtype: DType.Bool, backend: "Dense")).ToArray<Half>());
    }
}
