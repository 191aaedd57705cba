using System.Globalization;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>
/// The inputs where NumPy's scalar rules are easy to get wrong (a tenth as divisor, integer division by 0 and of the
/// minimum by -1, NaN in maximum, signed zeros) give Dense's answers bit for bit on every Sparse path (stored values with
/// a scalar, a sparse merge, a dense result), and never throw. Dense and Sparse both call the protocol's rules.
/// </summary>
public sealed class ScalarRuleTests
{
    // No -0.0 among the values: a sparse array does not store a zero, so its -0.0 reads back as +0.0 (as in SciPy).
    private static readonly double[] s_floatX = [1.0, -1.0, 0.3, -7.5, 1.0, -1.0, 0.0, -2.0, 2.0, -1.0, double.PositiveInfinity, double.NaN];
    private static readonly double[] s_floatY = [0.1, 0.1, 0.1, 2.0, 0.0, double.PositiveInfinity, -1.0, 1.0, -1.0, 0.0, 1.0, 1.0];
    private static readonly long[] s_intX = [long.MinValue, long.MinValue, 7, -7, 7, -7, 5, -5, 0, long.MaxValue, 3, 0];
    private static readonly long[] s_intY = [-1, 1, 2, 2, -2, -2, 0, 0, 0, -1, 0, 4];

    public static TheoryData<string> Functions => new() { "floor_divide", "remainder", "maximum", "minimum" };

    private static NDArray Call(string function, NDArray x, object y) => (function, y) switch
    {
        ("floor_divide", NDArray a) => Np.FloorDivide(x, a),
        ("remainder", NDArray a) => Np.Remainder(x, a),
        ("maximum", NDArray a) => Np.Maximum(x, a),
        ("minimum", NDArray a) => Np.Minimum(x, a),
        ("floor_divide", double d) => Np.FloorDivide(x, d),
        ("remainder", double d) => Np.Remainder(x, d),
        ("floor_divide", long l) => Np.FloorDivide(x, l),
        ("remainder", long l) => Np.Remainder(x, l),
        _ => throw new ArgumentException($"no call for {function} with {y}"),
    };

    /// <summary>The values as NumPy prints them with repr: NaN is NaN, and -0 is not 0.</summary>
    private static string[] Texts(NDArray x) => x.DType switch
    {
        DType.Float64 => x.ToArray<double>().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
        DType.Float32 => x.ToArray<float>().Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(),
        DType.Int64 => x.ToArray<long>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
        DType.Int32 => x.ToArray<int>().Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
        _ => x.ToArray<bool>().Select(v => v ? "True" : "False").ToArray(),
    };

    private static NDArray OnSparse(NDArray dense) => Np.AsArray(dense, backend: "Sparse", format: "csr");

    [Theory, MemberData(nameof(Functions))]
    public void Float64_edge_inputs_match_Dense_sparse_with_sparse_and_sparse_with_dense(string function)
    {
        using TestHost host = SparseHost.Create((AllowDensify, "true"));
        NDArray x = DenseOf(s_floatX, 2, 6), y = DenseOf(s_floatY, 2, 6);
        string[] expected = Texts(Call(function, x, y));

        Texts(Call(function, OnSparse(x), OnSparse(y))).ShouldBe(expected, $"{function}(sparse, sparse)");
        Texts(Call(function, OnSparse(x), y)).ShouldBe(expected, $"{function}(sparse, dense)");
    }

    [Theory, MemberData(nameof(Functions))]
    public void Float32_edge_inputs_are_computed_in_float32_as_Dense(string function)
    {
        using TestHost host = SparseHost.Create((AllowDensify, "true"));
        NDArray x = DenseOf(s_floatX.Select(v => (float)v).ToArray(), 2, 6), y = DenseOf(s_floatY.Select(v => (float)v).ToArray(), 2, 6);
        string[] expected = Texts(Call(function, x, y));

        Texts(Call(function, OnSparse(x), OnSparse(y))).ShouldBe(expected, $"{function}(sparse, sparse)");
    }

    [Theory, MemberData(nameof(Functions))]
    public void Int64_division_by_zero_and_minimum_by_minus_one_match_Dense_and_never_throw(string function)
    {
        using TestHost host = SparseHost.Create((AllowDensify, "true"));
        NDArray x = DenseOf(s_intX, 2, 6), y = DenseOf(s_intY, 2, 6);
        string[] expected = Texts(Call(function, x, y));

        Texts(Call(function, OnSparse(x), OnSparse(y))).ShouldBe(expected, $"{function}(sparse, sparse)");
        Texts(Call(function, OnSparse(x), y)).ShouldBe(expected, $"{function}(sparse, dense)");
    }

    [Fact]
    public void Floor_divide_by_a_tenth_matches_NumPy_on_Sparse()
    {
        using TestHost host = SparseHost.Create();
        NDArray x = OnSparse(DenseOf(new[] { 1.0, 0, -1.0, 0.3 }, 2, 2));

        NDArray q = Np.FloorDivide(x, 0.1), r = Np.Remainder(x, 0.1);

        q.ShouldBeAssignableTo<SparseArray>();                        // floor_divide(0, 0.1) = 0: stays sparse
        q.ToArray<double>().ShouldBe([9.0, 0, -10.0, 2.0]);           // np.floor_divide: 9, not floor(1 / 0.1) = 10
        r.ToArray<double>().ShouldBe([0.09999999999999995, 0, 5.551115123125783e-17, 0.09999999999999998]);
    }

    [Fact]
    public void Int64_minimum_floor_divided_by_minus_one_wraps_as_NumPy_on_Sparse()
    {
        using TestHost host = SparseHost.Create();
        NDArray x = OnSparse(DenseOf(new[] { long.MinValue, 0, 7, -7 }, 2, 2));

        Np.FloorDivide(x, -1L).ToArray<long>().ShouldBe([long.MinValue, 0, -7, 7]);
        Np.Remainder(x, -1L).ToArray<long>().ShouldBe([0L, 0, 0, 0]);
        Np.FloorDivide(x, 0L).ToArray<long>().ShouldBe([0L, 0, 0, 0]);   // x // 0 == 0 (NumPy warns)
        Np.Remainder(x, 0L).ToArray<long>().ShouldBe([0L, 0, 0, 0]);
    }

    [Fact]
    public void Abs_and_reciprocal_of_int64_edge_values_match_NumPy_on_Sparse()
    {
        using TestHost host = SparseHost.Create((AllowDensify, "true"));
        NDArray x = OnSparse(DenseOf(new[] { long.MinValue, -3, 0, 1 }, 2, 2));

        Np.Abs(x).ToArray<long>().ShouldBe([long.MinValue, 3, 0, 1]);           // np.abs wraps at the minimum
        Np.Reciprocal(x).ToArray<long>().ShouldBe([0L, 0, long.MinValue, 1]);    // 1 // 0 is the minimum on x86-64
    }

    [Fact]
    public void Power_of_int64_refuses_a_negative_exponent_as_NumPy()
    {
        using TestHost host = SparseHost.Create();
        NDArray x = OnSparse(DenseOf(new[] { 2L, 0, 3, 0 }, 2, 2));

        Should.Throw<ArgumentException>(() => Np.Power(x, -1L)).Message.ShouldStartWith("Integers to negative integer powers are not allowed.");
    }
}
