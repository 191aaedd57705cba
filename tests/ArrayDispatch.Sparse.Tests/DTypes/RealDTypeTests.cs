using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.DTypes;

/// <summary>
/// The dtypes beyond the first five on Sparse, against Dense on the same values (about half of them zero, negative
/// integers wrapping into the unsigned dtypes): reductions with NumPy's accumulators, <c>astype</c> to every real dtype,
/// products with dense and sparse operands in one dtype and across promotions, integer wrap and division by zero.
/// </summary>
public sealed class RealDTypeTests
{
    public static TheoryData<DType> NewDTypes => new() { DType.Int8, DType.Int16, DType.UInt8, DType.UInt16, DType.UInt32, DType.UInt64, DType.Float16 };

    private static NDArray Data(DType dtype, int rows, int cols, int seed)
    {
        var random = new Random(seed);
        double[] values = Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble() < 0.5 ? 0.0 : random.Next(-6, 7) + (dtype.IsFloat() ? 0.25 : 0)).ToArray();
        return Np.AsType(DenseOf(values, rows, cols), dtype);
    }

    private static NDArray OnSparse(NDArray dense, string format = "csr") => Np.AsArray(dense, backend: "Sparse", format: format);

    private static void ShouldMatch(NDArray sparseResult, NDArray dense, string what)
    {
        NDArray actual = Np.AsArray(sparseResult, backend: "Dense");
        actual.DType.ShouldBe(dense.DType, what);
        actual.Shape.ShouldBe(dense.Shape, what);
        double[] a = Np.AsType(actual, DType.Float64).ToArray<double>(), e = Np.AsType(dense, DType.Float64).ToArray<double>();
        double tolerance = dense.DType == DType.Float16 ? 2e-3 : dense.DType == DType.Float32 ? 1e-6 : 0;
        for (int i = 0; i < e.Length; i++)
        {
            if (double.IsNaN(e[i]) && double.IsNaN(a[i])) continue;
            Math.Abs(a[i] - e[i]).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, Math.Abs(e[i])), $"{what}[{i}]: Dense {e[i]}, Sparse {a[i]}");
        }
    }

    [Theory, MemberData(nameof(NewDTypes))]
    [InlineData(DType.Int32)]
    [InlineData(DType.Int64)]
    [InlineData(DType.Bool)]
    [InlineData(DType.Float64)]
    public void Converting_a_dense_array_stores_only_its_nonzeros_in_every_format(DType dtype)
    {
        // scipy.sparse.csr_array(np.array([[1, 0, 0], [0, 2, 0]], dtype)).nnz == 2 for every dtype; integer and float16
        // zeros were stored (6 entries), since their sign was read as NaN's.
        using TestHost host = SparseHost.Create();
        NDArray dense = Np.AsType(DenseOf([1.0, 0, 0, 0, 2, 0], 2, 3), dtype);
        foreach (string format in new[] { "csr", "csc", "coo" })
        {
            var sparse = (SparseArray)OnSparse(dense, format);
            sparse.Nnz.ShouldBe(2, $"{dtype.Name()} {format}");
            ShouldMatch(sparse, dense, $"{dtype.Name()} {format}");
        }
    }

    [Theory, MemberData(nameof(NewDTypes))]
    public void Reductions_match_Dense_with_numpys_accumulators(DType dtype)
    {
        using TestHost host = SparseHost.Create();
        NDArray dense = Data(dtype, 4, 5, 1);
        NDArray sparse = OnSparse(dense);
        foreach (Axes axis in new[] { Axes.All, (Axes)0, (Axes)1 })
        {
            ShouldMatch(Np.Sum(sparse, axis), Np.Sum(dense, axis), $"sum {dtype.Name()} axis={axis}");
            ShouldMatch(Np.Prod(sparse, axis), Np.Prod(dense, axis), $"prod {dtype.Name()} axis={axis}");
            ShouldMatch(Np.Min(sparse, axis), Np.Min(dense, axis), $"min {dtype.Name()} axis={axis}");
            ShouldMatch(Np.Max(sparse, axis), Np.Max(dense, axis), $"max {dtype.Name()} axis={axis}");
            ShouldMatch(Np.Mean(sparse, axis), Np.Mean(dense, axis), $"mean {dtype.Name()} axis={axis}");
        }
        Np.Sum(sparse).DType.ShouldBe(dtype.IsSignedInteger() ? DType.Int64 : dtype.IsUnsignedInteger() ? DType.UInt64 : DType.Float16);
    }

    [Theory, MemberData(nameof(NewDTypes))]
    [InlineData(DType.Int64)]
    [InlineData(DType.Bool)]
    public void Trace_and_kron_match_Dense_in_dtype_and_wrapped_values(DType dtype)
    {
        // The battery: trace of an unsigned matrix was int64 (NumPy's sum dtype is uint64), and kron of uint32/uint64
        // computed in double saturated (4294967295 where NumPy's product wraps to 181399071).
        using TestHost host = SparseHost.Create();
        var random = new Random(7);
        double[] big = Enumerable.Range(0, 12).Select(_ => random.NextDouble() < 0.4 ? 0.0 : random.Next(-120, 121)).ToArray();
        NDArray a = Np.AsType(DenseOf(big, 3, 4), dtype), b = Np.AsType(DenseOf(big[..4], 2, 2), dtype);
        foreach (int k in new[] { 0, 1, -1 })
        {
            NDArray trace = Np.AsArray(Np.Trace(OnSparse(a), k), backend: "Dense"), expected = Np.Trace(a, k);
            trace.DType.ShouldBe(expected.DType, $"trace k={k} {dtype.Name()}");
            if (dtype.IsFloat()) ShouldMatch(trace, expected, $"trace k={k}");
            else trace.AsType(DType.Int64).Item<long>().ShouldBe(expected.AsType(DType.Int64).Item<long>(), $"trace k={k} {dtype.Name()}");
        }
        NDArray kron = Np.AsArray(Np.Kron(OnSparse(a), OnSparse(b)), backend: "Dense"), dense = Np.Kron(a, b);
        kron.DType.ShouldBe(dense.DType);
        kron.Shape.ShouldBe(dense.Shape);
        if (dtype.IsFloat()) ShouldMatch(kron, dense, "kron");
        else kron.AsType(DType.Int64).ToArray<long>().ShouldBe(dense.AsType(DType.Int64).ToArray<long>(), $"kron {dtype.Name()}");
    }

    [Theory, MemberData(nameof(NewDTypes))]
    public void Astype_to_every_real_dtype_matches_Dense_in_every_format(DType dtype)
    {
        using TestHost host = SparseHost.Create();
        NDArray dense = Data(dtype, 3, 4, 2);
        foreach (string format in new[] { "csr", "csc", "coo" })
        {
            NDArray sparse = OnSparse(dense, format);
            foreach (DType to in ArrayDispatch.DTypes.All.Where(d => !d.IsComplex()))
            {
                NDArray converted = Np.AsType(sparse, to);
                converted.ShouldBeAssignableTo<SparseArray>();
                ShouldMatch(converted, Np.AsType(dense, to), $"{dtype.Name()} {format} astype {to.Name()}");
            }
            ShouldMatch(Np.AsType(Np.AsType(sparse, DType.Float64), dtype), dense, $"{dtype.Name()} {format} round trip through float64");
        }
    }

    [Theory, MemberData(nameof(NewDTypes))]
    public void Matmul_with_dense_and_sparse_operands_matches_Dense_with_protocol_promotion(DType dtype)
    {
        using TestHost host = SparseHost.Create();
        NDArray a = Data(dtype, 4, 5, 3), b = Data(dtype, 5, 3, 4), v = Data(dtype, 5, 1, 5).Reshape(5);
        NDArray sa = OnSparse(a), sb = OnSparse(b, "csc");

        ShouldMatch(Np.MatMul(sa, b), Np.MatMul(a, b), $"{dtype.Name()} sparse @ dense");
        ShouldMatch(Np.MatMul(a, sb), Np.MatMul(a, b), $"{dtype.Name()} dense @ sparse");
        ShouldMatch(Np.MatMul(sa, sb), Np.MatMul(a, b), $"{dtype.Name()} sparse @ sparse");
        // Dense's float16 matmul keeps the added axis of a 1-d operand ((4, 5) @ (5,) is (4, 1) there): the reference is its
        // float32 product rounded to float16, which is NumPy's float16 loop (accumulate in float32, round once).
        NDArray byVector = dtype == DType.Float16
            ? Np.AsType(Np.MatMul(Np.AsType(a, DType.Float32), Np.AsType(v, DType.Float32)), DType.Float16)
            : Np.MatMul(a, v);
        ShouldMatch(Np.MatMul(sa, v), byVector, $"{dtype.Name()} sparse @ vector");
        foreach (DType other in new[] { DType.Int8, DType.UInt8, DType.Int64, DType.Float32 })
        {
            NDArray bo = Np.AsType(b, other);
            NDArray expected = Np.MatMul(a, bo);
            expected.DType.ShouldBe(ArrayDispatch.DTypes.Promote(dtype, other));
            ShouldMatch(Np.MatMul(sa, bo), expected, $"{dtype.Name()} sparse @ {other.Name()} dense");
        }
    }

    [Fact]
    public void Integer_overflow_wraps_and_division_by_zero_gives_numpys_values()
    {
        using TestHost host = SparseHost.Create((AllowDensify, "true"));
        NDArray u8 = DenseOf(new byte[] { 200, 0, 255, 16, 0, 1 }, 2, 3);
        NDArray i8 = DenseOf(new sbyte[] { 127, 0, -128, 100, 0, -1 }, 2, 3);
        NDArray su8 = OnSparse(u8), si8 = OnSparse(i8);

        Np.AsArray(Np.Add(su8, su8), backend: "Dense").ToArray<byte>().ShouldBe(new byte[] { 144, 0, 254, 32, 0, 2 });
        Np.AsArray(Np.Multiply(su8, su8), backend: "Dense").ToArray<byte>().ShouldBe(new byte[] { 64, 0, 1, 0, 0, 1 });
        Np.AsArray(Np.Multiply(si8, 2L), backend: "Dense").ToArray<sbyte>().ShouldBe(new sbyte[] { -2, 0, 0, -56, 0, -2 });
        Np.AsArray(Np.Negative(si8), backend: "Dense").ToArray<sbyte>().ShouldBe(new sbyte[] { -127, 0, -128, -100, 0, 1 });
        NDArray zeros = DenseOf(new byte[6], 2, 3);
        Np.AsArray(Np.FloorDivide(su8, zeros), backend: "Dense").ToArray<byte>().ShouldBe(new byte[6]);
        Np.AsArray(Np.Remainder(su8, zeros), backend: "Dense").ToArray<byte>().ShouldBe(new byte[6]);
        Np.Sum(su8).ToArray<ulong>().ShouldBe([472UL]);
        Should.Throw<OverflowException>(() => Np.Add(su8, -1L)).Message.ShouldBe("Python integer -1 out of bounds for uint8");
    }

    [Fact]
    public void Argmax_and_min_max_of_64_bit_integers_compare_exactly_beyond_doubles_precision()
    {
        using TestHost host = SparseHost.Create();
        const ulong big = 1UL << 63;
        NDArray u = DenseOf(new ulong[] { big + 5, 0, big + 6, big + 7, 0, big + 6 }, 2, 3);
        NDArray l = DenseOf(new long[] { (1L << 60) + 2, 0, (1L << 60) + 3, -(1L << 60) - 1, 0, -(1L << 60) - 2 }, 2, 3);
        foreach (NDArray dense in new[] { u, l })
        {
            NDArray sparse = OnSparse(dense);
            foreach (int? axis in new int?[] { null, 0, 1 })
            {
                Np.AsArray(Np.Argmax(sparse, axis), backend: "Dense").ToArray<long>().ShouldBe(Np.Argmax(dense, axis).ToArray<long>(), $"argmax {dense.DType.Name()} axis={axis}");
                Np.AsArray(Np.Argmin(sparse, axis), backend: "Dense").ToArray<long>().ShouldBe(Np.Argmin(dense, axis).ToArray<long>(), $"argmin {dense.DType.Name()} axis={axis}");
                ShouldMatch(Np.Max(sparse, axis), Np.Max(dense, axis), $"max {dense.DType.Name()} axis={axis}");
            }
        }
    }
}
