using ArrayDispatch.Dense;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

public sealed class ElementwiseTests
{
    private static readonly double[] s_a = Values.RandomDense(6, 5, 0.3, 1);
    private static readonly double[] s_b = Values.RandomDense(6, 5, 0.3, 2);

    private static NDArray Sparse(double[] dense, string format = "csr") => Np.AsArray(DenseOf(dense, 6, 5), backend: "Sparse", format: format);

    [Fact]
    public void A_0d_sparse_operand_broadcast_against_an_empty_shape_gives_an_empty_result()
    {
        // Found by the host's fuzz test (seed 1981644725): less(float64()@Sparse, float64(4, 2, 0)@Sparse) threw
        // IndexOutOfRange in the COO broadcast (an axis of length 0 stretched over: no entry survives). NumPy: an empty
        // (4, 2, 0) bool array.
        using TestHost host = SparseHost.Create();
        NDArray scalar = Np.AsArray(Np.Array(3.0), backend: "Sparse");
        NDArray empty = Np.AsArray(Np.Zeros(new Shape(4, 2, 0)), backend: "Sparse");
        foreach (NDArray result in new[] { Np.Less(scalar, empty), Np.Add(scalar, empty), Np.Less(empty, scalar) })
        {
            result.Shape.ShouldBe(new Shape(4, 2, 0));
            result.Size.ShouldBe(0);
        }
    }

    [Fact]
    public void CooOperandsWithDuplicates_OnTheBroadcastPath_SumTheirDuplicatesFirst()
    {
        using TestHost host = SparseHost.Create();
        // 1-d COO arrays take the broadcast merge; a's two entries at position 0 are 1 + 2 (SciPy/pydata sum them).
        CooArray a = CooArray.FromCoordinates(new[] { 1.0, 2.0, 5.0 }, [[0, 0, 2]], new Shape(3));
        CooArray b = CooArray.FromCoordinates(new[] { 10.0 }, [[0]], new Shape(3));
        a.IsCanonical.ShouldBeFalse();

        Values.Of(Np.Add(a, b)).ShouldBe([13.0, 0, 5]);
        Values.Of(Np.Multiply(CooArray.FromCoordinates(new[] { 1.0, 2.0 }, [[1, 1]], new Shape(3)), b)).ShouldBe([0.0, 0, 0]);
    }

    [Theory]
    [InlineData("csr")]
    [InlineData("csc")]
    [InlineData("coo")]
    public void Add_SparseSparse_StaysSparseAndMatchesDense(string format)
    {
        using TestHost host = SparseHost.Create();
        NDArray r = Np.Add(Sparse(s_a, format), Sparse(s_b, format));
        r.ShouldBeAssignableTo<SparseArray>();
        ((SparseArray)r).Format.Name().ShouldBe(format);
        Values.Of(r).ShouldBe(s_a.Zip(s_b, (x, y) => x + y).ToArray());
    }

    [Fact]
    public void Subtract_SelfCancels_StoresNothing()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Sparse(s_a);
        var r = (SparseArray)Np.Subtract(s, s);
        r.Nnz.ShouldBe(0);
    }

    [Fact]
    public void Add_SparseDense_GivesDense()
    {
        using TestHost host = SparseHost.Create();
        NDArray r = Np.Add(Sparse(s_a), DenseOf(s_b, 6, 5));
        r.ShouldBeOfType<DenseArray>();
        Values.Of(r).ShouldBe(s_a.Zip(s_b, (x, y) => x + y).ToArray());
    }

    [Fact]
    public void Multiply_SparseDense_GivesSparse()
    {
        using TestHost host = SparseHost.Create();
        NDArray r = Np.Multiply(DenseOf(s_b, 6, 5), Sparse(s_a));
        r.ShouldBeAssignableTo<SparseArray>();
        Values.Of(r).ShouldBe(s_a.Zip(s_b, (x, y) => x * y).ToArray());
    }

    [Fact]
    public void Multiply_BroadcastRowVector_GivesSparse()
    {
        using TestHost host = SparseHost.Create();
        double[] row = [1, 2, 3, 4, 5];
        NDArray r = Np.Multiply(Sparse(s_a), DenseOf(row));
        r.ShouldBeAssignableTo<SparseArray>();
        Values.Of(r).ShouldBe(s_a.Select((x, i) => x * row[i % 5]).ToArray());
    }

    [Fact]
    public void Scalar_ZeroPreserving_StaysSparse()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Sparse(s_a);
        Values.Of(Np.Multiply(s, 2.5)).ShouldBe(s_a.Select(x => x * 2.5).ToArray());
        Values.Of(Np.Divide(s, 4.0)).ShouldBe(s_a.Select(x => x / 4).ToArray());
        Np.Power(s, 2L).ShouldBeAssignableTo<SparseArray>();
        var greater = (SparseArray)Np.Greater(s, 0.0);
        greater.DType.ShouldBe(DType.Bool);
        greater.Nnz.ShouldBe(s_a.Count(x => x > 0));
    }

    [Fact]
    public void Scalar_AddOne_IsRefusedWithAdvice()
    {
        using TestHost host = SparseHost.Create();
        var ex = Should.Throw<SparseDensifyException>(() => Np.Add(Sparse(s_a), 1.0));
        ex.Message.ShouldBe("'add' on a sparse array gives a dense result (add(0, 1) = 1, so the zeros of the result are not 0); densify explicitly with Np.AsArray(x, backend: \"Dense\"), or set Backends:Sparse:AllowDensify to true");
    }

    [Fact]
    public void Exp_IsRefused_UnlessAllowDensify()
    {
        using (TestHost host = SparseHost.Create())
        {
            var ex = Should.Throw<SparseDensifyException>(() => Np.Exp(Sparse(s_a)));
            ex.Message.ShouldStartWith("'exp' on a sparse array gives a dense result (exp(0) = 1, so the zeros of the result are not 0)");
            ex.ShouldBeAssignableTo<NotSupportedException>();
        }
        using (TestHost host = SparseHost.Create((SparseHost.AllowDensify, "true")))
        {
            NDArray r = Np.Exp(Sparse(s_a));
            r.ShouldBeOfType<DenseArray>();
            Values.ShouldBeClose(Values.Of(r), s_a.Select(Math.Exp).ToArray());
        }
    }

    [Theory]
    [InlineData("abs")]
    [InlineData("sqrt")]
    [InlineData("sin")]
    [InlineData("expm1")]
    [InlineData("log1p")]
    [InlineData("negative")]
    [InlineData("sign")]
    public void Unary_ZeroAtZero_StaysSparse(string name)
    {
        using TestHost host = SparseHost.Create();
        double[] positive = s_a.Select(Math.Abs).ToArray();
        NDArray s = Sparse(positive);
        (NDArray r, Func<double, double> f) = name switch
        {
            "abs" => (Np.Abs(s), Math.Abs),
            "sqrt" => (Np.Sqrt(s), Math.Sqrt),
            "sin" => (Np.Sin(s), Math.Sin),
            "expm1" => (Np.Expm1(s), (Func<double, double>)(x => Math.Exp(x) - 1)),
            "log1p" => (Np.Log1p(s), (Func<double, double>)(x => Math.Log(1 + x))),
            "negative" => (Np.Negative(s), (Func<double, double>)(x => -x)),
            _ => (Np.Sign(s), (Func<double, double>)(x => Math.Sign(x))),
        };
        r.ShouldBeAssignableTo<SparseArray>();
        Values.ShouldBeClose(Values.Of(r), positive.Select(f).ToArray(), 1e-12, name);
    }

    [Fact]
    public void Equal_SparseSparse_IsRefused_AllowDensify_GivesDenseBool()
    {
        using TestHost host = SparseHost.Create((SparseHost.AllowDensify, "true"));
        NDArray r = Np.Equal(Sparse(s_a), Sparse(s_b));
        r.ShouldBeOfType<DenseArray>();
        r.DType.ShouldBe(DType.Bool);
        Values.Of(r).ShouldBe(s_a.Zip(s_b, (x, y) => x == y ? 1.0 : 0.0).ToArray());
    }

    [Fact]
    public void Maximum_Broadcast3D_Coo()
    {
        using TestHost host = SparseHost.Create();
        double[] a = Values.RandomDense(2, 12, 0.5, 3);
        double[] b = Values.RandomDense(3, 1, 0.9, 4);
        NDArray sa = Np.AsArray(DenseOf(a, 2, 1, 12), backend: "Sparse");
        NDArray sb = Np.AsArray(DenseOf(b, 3, 1), backend: "Sparse");
        NDArray r = Np.Maximum(sa, sb);
        r.Shape.ShouldBe(new Shape(2, 3, 12));
        var expected = new double[72];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 12; k++) expected[i * 36 + j * 12 + k] = Math.Max(a[i * 12 + k], b[j]);
        Values.Of(r).ShouldBe(expected);
    }

    [Fact]
    public void Subtract_Bool_IsRefusedAsNumPyDoes()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.AsArray(DenseOf(new[] { true, false, true, false }, 2, 2), backend: "Sparse");
        Should.Throw<DTypeMismatchException>(() => Np.Subtract(s, s)).Message.ShouldStartWith("numpy boolean subtract");
        ((SparseArray)Np.Add(s, s)).DType.ShouldBe(DType.Bool);
    }

    [Fact]
    public void Add_Int32WithInt64_PromotesAsNumPy()
    {
        using TestHost host = SparseHost.Create();
        NDArray a = Np.AsArray(DenseOf(new[] { 1, 0, 3, 0 }, 2, 2), backend: "Sparse");
        NDArray b = Np.AsArray(DenseOf(new[] { 0L, 5, 1, 0 }, 2, 2), backend: "Sparse");
        NDArray r = Np.Add(a, b);
        r.DType.ShouldBe(DType.Int64);
        Values.Of(r).ShouldBe([1, 5, 4, 0]);
        Np.Multiply(a, 2L).DType.ShouldBe(DType.Int32);
        Np.Multiply(a, 2.5).DType.ShouldBe(DType.Float64);
    }

    // NumPy's answers, pinned here as well as checked against Dense by the conformance kit.

    [Fact]
    public void Reciprocal_OfIntegers_IsRefusedSinceZerosBecomeIinfoMin_AndKeepsTheDtypeWhenDensifying()
    {
        using (SparseHost.Create())
        {
            // np.reciprocal(np.int64(0)) is -9223372036854775808: f(0) != 0, so the rule refuses it (as exp).
            Should.Throw<SparseDensifyException>(() => Np.Reciprocal(Np.AsArray(DenseOf(new long[] { 2, 0, 0, 1 }, 2, 2), backend: "Sparse")))
                .Message.ShouldContain("reciprocal(0) = -9223372036854775808");
        }
        using TestHost densify = SparseHost.Create((SparseHost.AllowDensify, "true"));
        NDArray r = Np.Reciprocal(Np.AsArray(DenseOf(new long[] { 2, 0, -1, 1 }, 2, 2), backend: "Sparse"));
        r.DType.ShouldBe(DType.Int64); // np.reciprocal(np.array([[2, 0], [-1, 1]])) == [[0, iinfo.min], [-1, 1]]
        Values.Of(r).ShouldBe([0, long.MinValue, -1, 1]);
    }

    [Fact]
    public void Reciprocal_of_bool_answers_in_int8_as_NumPy()
    {
        using TestHost host = SparseHost.Create();
        NDArray b = Np.AsArray(DenseOf(new[] { true, false, false, true }, 2, 2), backend: "Sparse");

        // np.reciprocal(np.array([[True, False], [False, True]])) -> int8 [[1, 0], [0, 1]]
        NDArray r = Np.Reciprocal(b);
        r.ShouldBeAssignableTo<SparseArray>();
        r.DType.ShouldBe(DType.Int8);
        Np.AsArray(r, backend: "Dense").ToArray<sbyte>().ShouldBe(new sbyte[] { 1, 0, 0, 1 });
    }

    [Fact]
    public void Negative_OfBool_IsRefusedAsInNumPy()
    {
        using TestHost host = SparseHost.Create();
        NDArray b = Np.AsArray(DenseOf(new[] { true, false, true, false }, 2, 2), backend: "Sparse");
        Should.Throw<DTypeMismatchException>(() => Np.Negative(b)).Message.ShouldContain("boolean negative");
    }

    [Fact]
    public void FloorDivide_and_remainder_of_bools_answer_in_int8_NumPys_loop()
    {
        using TestHost host = SparseHost.Create();
        NDArray b = Np.AsArray(DenseOf(new[] { true, false, true, true }, 2, 2), backend: "Sparse");
        NDArray t = Np.AsArray(DenseOf(new[] { true, true, true, true }, 2, 2), backend: "Sparse");
        // NumPy computes bool // bool and % in its int8 loop: [[1, 0], [1, 1]] and zeros.
        NDArray q = Np.FloorDivide(b, t), r = Np.Remainder(b, t);
        q.DType.ShouldBe(DType.Int8);
        r.DType.ShouldBe(DType.Int8);
        Np.AsArray(q, backend: "Dense").ToArray<sbyte>().ShouldBe(new sbyte[] { 1, 0, 1, 1 });
        Np.AsArray(r, backend: "Dense").ToArray<sbyte>().ShouldBe(new sbyte[] { 0, 0, 0, 0 });
    }
}
