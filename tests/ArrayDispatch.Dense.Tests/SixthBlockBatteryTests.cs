using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// Defects the differential battery's sixth block (ufuncs with out=, memory order of results, views, casting, einsum,
/// take; tests/fixtures/differential/battery.py) found against NumPy 1.24: the fixture cases <c>b7_*</c> hold NumPy's
/// answers, the facts below its messages and layouts.
/// </summary>
public sealed class SixthBlockBatteryTests
{
    [Fact]
    public void The_sixth_blocks_fixture_cases_pass_on_Dense()
    {
        FixtureManifest manifest = FixtureManifest.Load(FixtureManifest.Locate()!);
        using var host = TestHost.Create(new DensePlugin());
        var runner = new FixtureRunner(host.Dispatcher, "Dense");
        FixtureCase[] cases = manifest.Cases.Where(c => c.Id.StartsWith("b7_", StringComparison.Ordinal)).ToArray();
        cases.Length.ShouldBeGreaterThanOrEqualTo(9);
        string[] notPassed = cases.Select(c => runner.Run(manifest, c)).Where(r => r.Outcome != FixtureOutcome.Passed).Select(r => r.ToString()).ToArray();
        notPassed.ShouldBeEmpty();
    }

    [Fact]
    public void Take_refuses_uint64_indices_as_numpys_safe_cast_to_intp_where_indexing_takes_them()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = DenseArray.From(new double[] { 1, 2, 3 });
        Should.Throw<DTypeMismatchException>(() => Np.Take(x, DenseArray.From(new ulong[] { 1 }))).Message
            .ShouldBe("Cannot cast array data from dtype('uint64') to dtype('int64') according to the rule 'safe'");
        Should.Throw<DTypeMismatchException>(() => Np.Take(x, DenseArray.From(Array.Empty<ulong>()), 0));
        Np.Take(x, DenseArray.From(new uint[] { 2, 0 })).ToArray<double>().ShouldBe([3.0, 1.0]);
        Np.GetItem(x, DenseArray.From(new ulong[] { 1 })).ToArray<double>().ShouldBe([2.0]);   // x[uint64 array] casts same_kind
    }

    [Fact]
    public void A_diagonal_is_a_read_only_view_as_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Reshape(Np.Arange(0L, 9L), 3, 3);
        NDArray d = Np.Diagonal(x);
        Should.Throw<ArgumentException>(() => Np.SetItem(d, [0], 7L)).Message.ShouldBe("assignment destination is read-only");
        Should.Throw<ArgumentException>(() => Np.Add(d, 1L, d)).Message.ShouldBe("output array is read-only");
        x.ToArray<long>()[0].ShouldBe(0L);
        d.ToArray<long>().ShouldBe([0L, 4L, 8L]);
        Np.Trace(x).ToArray<long>().ShouldBe([12L]);
    }

    [Fact]
    public void A_ufunc_out_of_more_dimensions_takes_the_result_broadcast_in_the_outs_dtype()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = DenseArray.From(new long[] { 1, 0, 3 });
        // np.logical_and(x, 3.0, out=np.zeros((2, 3), np.float16)): the bool result cast and broadcast into out
        NDArray o = Np.Zeros(new Shape(2, 3), DType.Float16);
        NDArray r = Np.LogicalAnd(x, 3.0, o);
        ReferenceEquals(r, o).ShouldBeTrue();
        o.AsType(DType.Float64).ToArray<double>().ShouldBe([1.0, 0, 1, 1, 0, 1]);
        NDArray same = Np.Zeros(new Shape(2, 3), DType.Int64);
        Np.Add(x, 1L, same).ToArray<long>().ShouldBe([2L, 1, 4, 2, 1, 4]);
        NDArray unary = Np.Zeros(new Shape(2, 1, 3), DType.Float64);
        Np.Negative(x, unary).ToArray<double>().ShouldBe([-1.0, -0.0, -3, -1, -0.0, -3]);
        Should.Throw<ShapeMismatchException>(() => Np.Add(Np.Zeros(new Shape(2, 3)), 1L, Np.Zeros(new Shape(3))));
    }

    [Fact]
    public void The_like_functions_lay_out_their_result_as_numpys_order_K_for_any_strided_prototype()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.ones_like(np.broadcast_to(np.zeros((1, 3, 4), np.int8), (2, 3, 4))).strides == (1, 8, 2): the broadcast axis innermost
        NDArray b = Np.BroadcastTo(Np.Zeros(new Shape(1, 3, 4), DType.Int8), [2, 3, 4]);
        NDArray ones = Np.OnesLike(b);
        ones.MemoryLayout!.Value.Strides.ToArray().ShouldBe([1L, 8, 2]);
        ones.ToArray<sbyte>().ShouldAllBe(v => v == 1);
        // np.full_like(np.zeros((3, 5, 2)).transpose(1, 2, 0), 3): the prototype's strides (2, 1, 10) in elements
        NDArray p = Np.Transpose(Np.Zeros(new Shape(3, 5, 2)), [1, 2, 0]);
        NDArray full = Np.FullLike(p, 3L);
        full.MemoryLayout!.Value.Strides.ToArray().ShouldBe([2L, 1, 10]);
        full.Shape.ShouldBe(new Shape(5, 2, 3));
        full.ToArray<double>().ShouldAllBe(v => v == 3);
        // np.empty_like and np.zeros_like of a Fortran-ordered array are Fortran-ordered
        NDArray f = Np.AsFortranArray(Np.Zeros(new Shape(3, 4), DType.Float32));
        Np.IsFortran(Np.EmptyLike(f, DType.Int16)).ShouldBeTrue();
        Np.IsFortran(Np.ZerosLike(f)).ShouldBeTrue();
        Np.ZerosLike(Np.Zeros(new Shape(3, 4))).MemoryLayout!.Value.IsCContiguous.ShouldBeTrue();
    }

    [Fact]
    public void Einsum_of_three_operands_contracts_them_left_to_right_and_a_size_one_label_broadcasts()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Reshape(Np.Arange(0.0, 6.0), 2, 3), b = Np.Reshape(Np.Arange(0.0, 12.0), 3, 4), c = Np.Reshape(Np.Arange(0.0, 8.0), 4, 2);
        Np.Einsum("ij,jk,kl->il", a, b, c).ToArray<double>().ShouldBe(Np.MatMul(Np.MatMul(a, b), c).ToArray<double>());
        NDArray s = Np.Einsum("i,i,i", Np.Arange(1.0, 4.0), Np.Arange(1.0, 4.0), Np.Arange(1.0, 4.0));
        s.Rank.ShouldBe(0);
        s.ToArray<double>().ShouldBe([36.0]);
        NDArray batch = Np.Einsum("bij,bjk->bik", Np.Reshape(Np.Arange(0L, 24L), 2, 3, 4), Np.Ones(new Shape(1, 4, 2), DType.Int64));
        batch.Shape.ShouldBe(new Shape(2, 3, 2));
        batch.ToArray<long>()[..2].ShouldBe([6L, 6L]);
        Should.Throw<ShapeMismatchException>(() => Np.Einsum("ij,jk->ik", Np.Zeros(new Shape(2, 3)), Np.Zeros(new Shape(2, 4))));
    }

    [Fact]
    public void A_bool_arange_or_indices_of_more_than_two_values_is_numpys_type_error()
    {
        using var host = TestHost.Create(new DensePlugin());
        const string message = "arange() is only supported for booleans when the result has at most length 2.";
        Should.Throw<DTypeMismatchException>(() => Np.Arange(0L, 3L, 1L, DType.Bool)).Message.ShouldStartWith(message);
        Should.Throw<DTypeMismatchException>(() => Np.SparseIndices([1, 0, 3], DType.Bool)).Message.ShouldStartWith(message);
        Should.Throw<DTypeMismatchException>(() => Np.Indices([3], DType.Bool));
        // np.arange(1, 3, dtype=bool), np.arange(5, 3, -1, dtype=bool), np.arange(0, 4, 2, dtype=bool)
        Np.Arange(1L, 3L, 1L, DType.Bool).ToArray<bool>().ShouldBe([true, true]);
        Np.Arange(5L, 3L, -1L, DType.Bool).ToArray<bool>().ShouldBe([true, true]);
        Np.Arange(0L, 4L, 2L, DType.Bool).ToArray<bool>().ShouldBe([false, true]);
        Np.Indices([2, 2], DType.Bool).Shape.ShouldBe(new Shape(2, 2, 2));
    }

    [Fact]
    public void Repeat_and_take_of_a_reversed_empty_array_give_empty_results()
    {
        using var host = TestHost.Create(new DensePlugin());
        // a reversed (2, 0, 3) view's offset lies past its empty storage: copying nothing from there is no error
        NDArray r = Np.Flip(Np.Zeros(new Shape(2, 0, 3), DType.UInt8));
        Np.Repeat(r, 2, 0).Shape.ShouldBe(new Shape(4, 0, 3));
        Np.Take(r, DenseArray.From(new long[] { 1 }), 0).Shape.ShouldBe(new Shape(1, 0, 3));
    }
}
