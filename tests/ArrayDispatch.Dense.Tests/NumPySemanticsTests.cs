using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Corner cases where .NET and NumPy differ unless the backend takes care.</summary>
public sealed class NumPySemanticsTests
{
    [Fact]
    public void Maximum_minimum_and_max_reductions_propagate_nan()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new[] { double.NaN, 1, 5 });
        NDArray b = DenseArray.From(new[] { 0, double.NaN, 2.0 });
        Np.Maximum(a, b).ToArray<double>().ShouldBe([double.NaN, double.NaN, 5]);
        Np.Minimum(a, b).ToArray<double>().ShouldBe([double.NaN, double.NaN, 2]);
        double.IsNaN(Np.Max(b).Item<double>()).ShouldBeTrue();
        double.IsNaN(Np.Min(b).Item<double>()).ShouldBeTrue();
        Np.Argmax(b).Item<long>().ShouldBe(1);
    }

    [Fact]
    public void Sort_puts_nan_last_and_argsort_is_stable()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.Sort(DenseArray.From(new[] { 3, double.NaN, -1, 2 })).ToArray<double>().ShouldBe([-1, 2, 3, double.NaN]);
        Np.Argsort(DenseArray.From(new long[] { 2, 1, 2, 1, 0 })).ToArray<long>().ShouldBe([4, 1, 3, 0, 2]);
    }

    [Fact]
    public void Integer_sums_accumulate_in_int64_and_means_are_float64()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = DenseArray.From(new[] { int.MaxValue, int.MaxValue });
        Np.Sum(a).DType.ShouldBe(DType.Int64);
        Np.Sum(a).Item<long>().ShouldBe(2L * int.MaxValue);
        Np.Mean(a).DType.ShouldBe(DType.Float64);
        Np.Cumsum(DenseArray.From(new[] { true, true, false })).ToArray<long>().ShouldBe([1, 2, 2]);
    }

    [Fact]
    public void Python_style_modulo_and_floor_division_for_floats_and_ints()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.Remainder(DenseArray.From(new[] { -7.5, 7.5 }), 2.0).ToArray<double>().ShouldBe([0.5, 1.5]);
        Np.FloorDivide(DenseArray.From(new[] { -7.5, 7.5 }), 2.0).ToArray<double>().ShouldBe([-4, 3]);
        Np.Remainder(DenseArray.From(new long[] { -7, 7 }), -2L).ToArray<long>().ShouldBe([-1, -1]);
        Np.FloorDivide(DenseArray.From(new[] { int.MinValue }), -1L).ToArray<int>().ShouldBe([int.MinValue]);
    }

    [Fact]
    public void Negating_or_subtracting_booleans_is_refused_with_the_operator_to_use_instead()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray flags = DenseArray.From(new[] { true, false });
        Should.Throw<DTypeMismatchException>(() => Np.Negative(flags)).Message.ShouldContain("logical_not");
        Should.Throw<DTypeMismatchException>(() => -flags).Message.ShouldContain("`~` operator");
        Should.Throw<DTypeMismatchException>(() => Np.Subtract(flags, flags)).Message.ShouldContain("logical_xor");
        Np.LogicalNot(flags).ToArray<bool>().ShouldBe([false, true]);
    }

    [Fact]
    public void Round_is_half_to_even_at_any_number_of_decimals_as_in_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.round([0.5, 1.5, 2.5, -0.5, 2.675, 1234.5678], d) for d = 0, 2, -2
        NDArray x = DenseArray.From(new[] { 0.5, 1.5, 2.5, -0.5, 2.675, 1234.5678 });
        Np.Round(x).ToArray<double>().ShouldBe([0.0, 2.0, 2.0, -0.0, 3.0, 1235.0]);
        Np.Round(x, 2).ToArray<double>().ShouldBe([0.5, 1.5, 2.5, -0.5, 2.68, 1234.57]);
        Np.Round(x, -2).ToArray<double>().ShouldBe([0.0, 0.0, 0.0, -0.0, 0.0, 1200.0]);
        NDArray ints = DenseArray.From(new long[] { 15, 25, 1250, 1350, -150 });
        NDArray r = Np.Around(ints, -1);
        r.DType.ShouldBe(DType.Int64);
        r.ToArray<long>().ShouldBe([20, 20, 1250, 1350, -150]);
        Np.Round(ints, -2).ToArray<long>().ShouldBe([0, 0, 1200, 1400, -200]);
        Np.Round(ints, 3).ToArray<long>().ShouldBe([15, 25, 1250, 1350, -150]);
        NDArray o = Np.Zeros(6);
        Np.Round(x, 1, o).ShouldBeSameAs(o);
        o.ToArray<double>()[5].ShouldBe(1234.6);
    }

    [Fact]
    public void Forbidden_casts_name_both_dtypes_and_the_rule()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<DTypeMismatchException>(() => Np.AsType(Np.Zeros(3), DType.Int32, Casting.SameKind))
            .Message.ShouldBe("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'same_kind'");
    }

    [Fact]
    public void Out_receives_the_result_with_same_kind_casting()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray o = Np.Zeros(3, DType.Float32);
        NDArray r = Np.Add(DenseArray.From(new[] { 1.0, 2, 3 }), 1.0, o);
        r.ShouldBeSameAs(o);
        o.ToArray<float>().ShouldBe([2f, 3f, 4f]);
        Should.Throw<DTypeMismatchException>(() => Np.Add(DenseArray.From(new[] { 1.0 }), 1.0, Np.Zeros(1, DType.Int64)));
    }

    [Fact]
    public void Matmul_follows_numpy_rules_for_vectors_and_batches()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray m = Np.Arange(6.0).Reshape(2, 3);
        NDArray v = DenseArray.From(new[] { 1.0, 1, 1 });
        Np.MatMul(m, v).ToArray<double>().ShouldBe([3, 12]);
        Np.MatMul(Np.Arange(12L).Reshape(2, 2, 3), Np.Arange(3L)).Shape.ShouldBe(new Shape(2, 2));
        Np.MatMul(v, v).Shape.ShouldBe(Shape.Scalar);
        Np.Einsum("ij->ji", m).ToArray<double>().ShouldBe(m.T.ToArray<double>());
    }

    [Fact]
    public void Einsum_ellipsis_broadcasts_batch_dimensions_as_in_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Divide(Np.Arange(120.0).Reshape(2, 3, 4, 5), 10.0);
        NDArray b = Np.Divide(Np.Arange(30.0).Reshape(3, 5, 2), 7.0);
        // np.einsum('...ij,...jk->...ik', a, b): shape (2, 3, 4, 2), sum 3428.857142857143, r[1, 2, 3, 1] = 209.21428571428572
        NDArray r = Np.Einsum("...ij,...jk->...ik", a, b);
        r.Shape.ShouldBe(new Shape(2, 3, 4, 2));
        Np.Sum(r).Item<double>().ShouldBe(3428.857142857143, 1e-9);
        r[1, 2, 3, 1].Item<double>().ShouldBe(209.21428571428572, 1e-12);
        Np.Einsum("...ij,...jk->...ik", Np.Arange(20.0).Reshape(1, 4, 5), b).Shape.ShouldBe(new Shape(3, 4, 2));

        NDArray x = Np.Arange(12.0).Reshape(3, 4);
        Np.Einsum("...i,...i", x, x).ToArray<double>().ShouldBe([14.0, 126, 366]);
        Np.Einsum("i...->...", x).ToArray<double>().ShouldBe([12.0, 15, 18, 21]);
        Np.Einsum("...j,j", x, Np.Arange(4.0)).ToArray<double>().ShouldBe([14.0, 38, 62]);
        Should.Throw<ShapeMismatchException>(() => Np.Einsum("...i,...i", Np.Zeros((2, 3)), Np.Zeros((4, 3))));
    }

    [Fact]
    public void Integer_reciprocal_keeps_the_dtype_and_gives_NumPys_answer_for_zero()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.reciprocal(np.array([2, 1, -1, 0, 3])) -> [0, 1, -1, -9223372036854775808, 0]
        NDArray r = Np.Reciprocal(DenseArray.From(new long[] { 2, 1, -1, 0, 3 }));
        r.DType.ShouldBe(DType.Int64);
        r.ToArray<long>().ShouldBe([0, 1, -1, long.MinValue, 0]);
        NDArray r32 = Np.Reciprocal(DenseArray.From(new[] { 2, 0 }));
        r32.DType.ShouldBe(DType.Int32);
        r32.ToArray<int>().ShouldBe([0, int.MinValue]);
        Np.Reciprocal(DenseArray.From(new[] { 4.0 })).ToArray<double>().ShouldBe([0.25]);
    }

    [Fact]
    public void Bool_reciprocal_gives_NumPys_values_in_int8()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.reciprocal(np.array([True, False, True])) -> array([1, 0, 1], dtype=int8): NumPy's int8 loop.
        NDArray r = Np.Reciprocal(DenseArray.From(new[] { true, false, true }));
        r.DType.ShouldBe(DType.Int8);
        r.ToArray<sbyte>().ShouldBe([(sbyte)1, 0, 1]);
    }
}
