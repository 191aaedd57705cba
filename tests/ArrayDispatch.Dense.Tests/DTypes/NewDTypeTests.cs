using System.Numerics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.DTypes;

/// <summary>
/// The dtypes beyond the first five on Dense: every one is stored, created, converted and moved; the real ones compute
/// with NumPy's promotion, wraparound and division rules; complex ones run NumPy's complex loops.
/// </summary>
public sealed class NewDTypeTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());

    public void Dispose() => _host.Dispose();

    public static TheoryData<DType> Every()
    {
        var data = new TheoryData<DType>();
        foreach (DType d in ArrayDispatch.DTypes.All) data.Add(d);
        return data;
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_dtype_is_created_with_its_element_type(DType dtype)
    {
        NDArray zeros = Np.Zeros(new Shape(2, 3), dtype);
        zeros.DType.ShouldBe(dtype);
        ((DenseArray)zeros).Data.GetType().GetElementType().ShouldBe(dtype.ClrType());
        Np.Ones(new Shape(2), dtype).AsType(DType.Float64).ToArray<double>().ShouldBe([1, 1]);
        Np.Empty(new Shape(3), dtype).Shape.ShouldBe(new Shape(3));
        Np.Full(new Shape(2), 3L, dtype).AsType(DType.Int64).ToArray<long>().ShouldBe(dtype == DType.Bool ? [1, 1] : [3, 3]);
        Np.Eye(2, dtype: dtype).AsType(DType.Float64).ToArray<double>().ShouldBe([1, 0, 0, 1]);
        if (dtype == DType.Bool)
        {
            // NumPy's TypeError beyond two values ("arange() is only supported for booleans when the result has at most length 2.")
            Should.Throw<DTypeMismatchException>(() => Np.Arange(0L, 4L, 1L, dtype));
            Np.Arange(0L, 2L, 1L, dtype).AsType(DType.Int64).ToArray<long>().ShouldBe([0, 1]);
        }
        else
        {
            Np.Arange(0L, 4L, 1L, dtype).AsType(DType.Int64).ToArray<long>().ShouldBe([0, 1, 2, 3]);
        }
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_dtype_reshapes_transposes_copies_concatenates_stacks_and_selects(DType dtype)
    {
        NDArray a = Np.Arange(0L, 6L, 1L, DType.Int64).AsType(dtype);
        NDArray m = Np.Reshape(a, 2, 3);
        NDArray t = Np.Transpose(m);
        t.DType.ShouldBe(dtype);
        t.Shape.ShouldBe(new Shape(3, 2));
        NDArray expected = Np.Transpose(Np.Reshape(Np.Arange(0L, 6L, 1L, DType.Int64), 2, 3)).AsType(dtype);
        Np.Copy(t).AsType(DType.Float64).ToArray<double>().ShouldBe(expected.AsType(DType.Float64).ToArray<double>());
        NDArray c = Np.Concatenate([m, m], 0);
        c.DType.ShouldBe(dtype);
        c.Shape.ShouldBe(new Shape(4, 3));
        Np.Stack([a, a]).Shape.ShouldBe(new Shape(2, 6));
        NDArray w = Np.Where(Np.Less(Np.Arange(0L, 6L, 1L), 3L), a, Np.Zeros(new Shape(6), dtype));
        w.DType.ShouldBe(dtype);
        Np.Equal(w.AsType(DType.Float64), Np.Where(Np.Less(Np.Arange(0L, 6L, 1L), 3L), a, Np.Zeros(new Shape(6), dtype)).AsType(DType.Float64))
            .ToArray<bool>().ShouldAllBe(b => b);
    }

    [Theory]
    [MemberData(nameof(Every))]
    public void Every_dtype_round_trips_through_npy(DType dtype)
    {
        NDArray a = Np.Reshape(Np.Arange(0L, 6L, 1L).AsType(dtype), 2, 3);
        var stream = new MemoryStream();
        NpyFormat.Write(stream, Np.Transpose(a).ToHost(), bigEndian: true, fortranOrder: true);
        stream.Position = 0;
        NDArray back = Np.AsArray(NpyFormat.Read(stream));
        back.DType.ShouldBe(dtype);
        back.AsType(DType.Float64).ToArray<double>().ShouldBe(Np.Transpose(a).AsType(DType.Float64).ToArray<double>());
    }

    [Fact]
    public void Int8_plus_uint8_promotes_to_int16()
    {
        NDArray r = Np.Add(Np.AsArray(new sbyte[] { -1, 100 }), Np.AsArray(new byte[] { 200, 100 }));
        r.DType.ShouldBe(DType.Int16);
        r.ToArray<short>().ShouldBe([199, 200]);
    }

    [Fact]
    public void Int64_plus_uint64_promotes_to_float64() =>
        Np.Add(Np.AsArray(new long[] { -1 }), Np.AsArray(new ulong[] { 1UL << 63 })).DType.ShouldBe(DType.Float64);

    [Fact]
    public void Uint8_arithmetic_wraps_as_numpy()
    {
        NDArray a = Np.AsArray(new byte[] { 250, 3, 0 });
        Np.Add(a, 10L).ToArray<byte>().ShouldBe([4, 13, 10]);
        Np.Subtract(a, 5L).ToArray<byte>().ShouldBe([245, 254, 251]);
        Np.Multiply(a, a).ToArray<byte>().ShouldBe([36, 9, 0]);
        Np.Negative(a).ToArray<byte>().ShouldBe([6, 253, 0]);
    }

    [Fact]
    public void Int8_overflow_wraps_and_floor_divide_by_zero_gives_zero()
    {
        NDArray a = Np.AsArray(new sbyte[] { 127, -128, 7, -7 });
        Np.Add(a, 1L).ToArray<sbyte>().ShouldBe([-128, -127, 8, -6]);
        Np.FloorDivide(a, Np.AsArray(new sbyte[] { 0, -1, 2, 2 })).ToArray<sbyte>().ShouldBe([0, -128, 3, -4]);
        Np.Remainder(a, Np.AsArray(new sbyte[] { 0, -1, 2, 2 })).ToArray<sbyte>().ShouldBe([0, 0, 1, 1]);
        Np.Abs(a).ToArray<sbyte>().ShouldBe([127, -128, 7, 7]);
    }

    [Fact]
    public void A_python_int_keeps_a_uint8_array_uint8_and_one_out_of_range_is_numpys_overflow_error()
    {
        NDArray a = Np.AsArray(new byte[] { 1, 2 });
        Np.Add(a, 255L).DType.ShouldBe(DType.UInt8);
        Should.Throw<OverflowException>(() => Np.Add(a, 300L)).Message.ShouldBe("Python integer 300 out of bounds for uint8");
        Should.Throw<OverflowException>(() => Np.Add(a, -1L)).Message.ShouldBe("Python integer -1 out of bounds for uint8");
        Np.Add(a, 1.5).DType.ShouldBe(DType.Float64);
        Should.Throw<OverflowException>(() => Np.Full(new Shape(2), 300L, DType.UInt8)).Message.ShouldBe("Python integer 300 out of bounds for uint8");
        Should.Throw<OverflowException>(() => Np.SetItem(Np.Zeros(new Shape(2), DType.Int8), [0], 128L));
    }

    [Fact]
    public void Float16_computes_in_float16()
    {
        NDArray h = Np.AsArray(new[] { (Half)1, (Half)2.5, (Half)65504 });
        NDArray s = Np.Add(h, h);
        s.DType.ShouldBe(DType.Float16);
        s.ToArray<Half>().ShouldBe([(Half)2, (Half)5, Half.PositiveInfinity]);
        Np.Sqrt(h).DType.ShouldBe(DType.Float16);
        Np.Add(h, Np.AsArray(new short[] { 1, 1, 1 })).DType.ShouldBe(DType.Float32);
    }

    [Theory]
    [InlineData(DType.Bool, DType.Float16)]
    [InlineData(DType.Int8, DType.Float16)]
    [InlineData(DType.UInt8, DType.Float16)]
    [InlineData(DType.Int16, DType.Float32)]
    [InlineData(DType.UInt16, DType.Float32)]
    [InlineData(DType.UInt32, DType.Float64)]
    public void Float_functions_pick_numpys_smallest_float_loop(DType input, DType expected) =>
        Np.Sqrt(Np.Ones(new Shape(2), input)).DType.ShouldBe(expected);

    [Theory]
    [InlineData(DType.Int8, DType.Int64)]
    [InlineData(DType.Int16, DType.Int64)]
    [InlineData(DType.UInt8, DType.UInt64)]
    [InlineData(DType.UInt32, DType.UInt64)]
    [InlineData(DType.Float16, DType.Float16)]
    public void Sum_and_prod_accumulate_in_numpys_dtype(DType input, DType expected)
    {
        NDArray x = Np.Full(new Shape(200), 2L, input);
        Np.Sum(x).DType.ShouldBe(expected);
        Np.Sum(x).AsType(DType.Float64).Item<double>().ShouldBe(400);
        Np.Prod(Np.Full(new Shape(3), 2L, input)).DType.ShouldBe(expected);
    }

    [Fact]
    public void Min_max_and_comparisons_work_on_unsigned_values_above_the_signed_range()
    {
        NDArray a = Np.AsArray(new ulong[] { ulong.MaxValue, 1, 1UL << 63 });
        Np.Max(a).Item<ulong>().ShouldBe(ulong.MaxValue);
        Np.Min(a).Item<ulong>().ShouldBe(1UL);
        Np.Sort(a).ToArray<ulong>().ShouldBe([1UL, 1UL << 63, ulong.MaxValue]);
        Np.Less(a, Np.AsArray(new ulong[] { 0, 2, ulong.MaxValue })).ToArray<bool>().ShouldBe([false, true, true]);
    }

    [Fact]
    public void Astype_refuses_by_the_casting_rule_with_numpys_message() =>
        Should.Throw<DTypeMismatchException>(() => Np.AsType(Np.Zeros(new Shape(1)), DType.Int32, Casting.Safe)).Message
            .ShouldBe("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");

    [Fact]
    public void Astype_allows_what_the_rule_allows()
    {
        Np.AsType(Np.Ones(new Shape(1), DType.UInt8), DType.Int16, Casting.Safe).DType.ShouldBe(DType.Int16);
        Np.AsType(Np.Ones(new Shape(1), DType.UInt8), DType.Int8, Casting.SameKind).DType.ShouldBe(DType.Int8);
        Should.Throw<DTypeMismatchException>(() => Np.AsType(Np.Ones(new Shape(1), DType.Int8), DType.UInt8, Casting.SameKind));
    }

    [Fact]
    public void Astype_to_narrow_integers_gives_numpys_values()
    {
        NDArray f = Np.AsArray(new[] { 300.0, -1.0, -129.5, 3.9, -3.9 });
        f.AsType(DType.Int8).ToArray<sbyte>().ShouldBe([44, -1, 127, 3, -3]);
        f.AsType(DType.UInt8).ToArray<byte>().ShouldBe([44, 255, 127, 3, 253]);
        f.AsType(DType.UInt16).ToArray<ushort>().ShouldBe([300, 65535, 65407, 3, 65533]);
        Np.AsArray(new long[] { -1, 300, 70000 }).AsType(DType.Float16).ToArray<Half>().ShouldBe([(Half)(-1), (Half)300, Half.PositiveInfinity]);
    }

    [Fact]
    public void Complex_arrays_are_created_converted_and_printed()
    {
        NDArray c = Np.AsArray(new[] { new Complex(1, 2), new Complex(-0.5, 0) });
        c.DType.ShouldBe(DType.Complex128);
        c.AsType(DType.Complex64).ToArray<Complex64>().ShouldBe([new Complex64(1, 2), new Complex64(-0.5f, 0)]);
        c.AsType(DType.Float64).ToArray<double>().ShouldBe([1, -0.5]);
        Np.Ones(new Shape(2), DType.Int32).AsType(DType.Complex128).ToArray<Complex>().ShouldBe([Complex.One, Complex.One]);
        Np.Full(new Shape(1), Complex.ImaginaryOne).DType.ShouldBe(DType.Complex128);
        Np.Add(Np.Ones(new Shape(1), DType.Float32), 0.0).DType.ShouldBe(DType.Float32);
    }

    [Fact]
    public void Complex_element_wise_functions_run_and_those_NumPy_lacks_raise_its_TypeError()
    {
        NDArray c = Np.AsArray(new[] { new Complex64(-4, 0), new Complex64(3, 4) });
        Np.Sqrt(c).ToArray<Complex64>().ShouldBe([new Complex64(0, 2), new Complex64(2, 1)]);
        Np.Abs(c).DType.ShouldBe(DType.Float32);
        Np.Abs(c).ToArray<float>().ShouldBe([4f, 5f]);
        Np.Add(Np.Ones(new Shape(2)), Complex.ImaginaryOne).ToArray<Complex>().ShouldBe([new Complex(1, 1), new Complex(1, 1)]);
        Np.Less(c, Np.Conj(c)).ToArray<bool>().ShouldBe([false, false]);
        Should.Throw<DTypeMismatchException>(() => Np.FloorDivide(c, c)).Message.ShouldContain("'floor_divide'");
        Should.Throw<DTypeMismatchException>(() => Np.Floor(c)).Message.ShouldContain("'floor'");
    }

    [Fact]
    public void New_dtypes_print_as_numpy()
    {
        ArrayPrinter.Repr(Np.AsArray(new[] { new Complex(1, 2), new Complex(-0.5, 0) }).ToHost()).ShouldBe("array([ 1. +2.j, -0.5+0.j])");
        ArrayPrinter.Str(Np.AsArray(new[] { new Complex(1, 2), new Complex(-0.5, 0) }).ToHost()).ShouldBe("[ 1. +2.j -0.5+0.j]");
        ArrayPrinter.Repr(Np.AsArray(new[] { new Complex64(1, 2) }).ToHost()).ShouldBe("array([1.+2.j], dtype=complex64)");
        ArrayPrinter.Repr(Np.AsArray(new[] { (Half)0.1, (Half)2.5, (Half)65504 }).ToHost()).ShouldBe("array([1.00e-01, 2.50e+00, 6.55e+04], dtype=float16)");
        ArrayPrinter.Repr(Np.AsArray(new sbyte[] { 1, -2 }).ToHost()).ShouldBe("array([ 1, -2], dtype=int8)");
        ArrayPrinter.Repr(Np.AsArray(new byte[] { 255, 0 }).ToHost()).ShouldBe("array([255,   0], dtype=uint8)");
        ArrayPrinter.Repr(Np.AsArray(new[] { ulong.MaxValue }).ToHost()).ShouldBe("array([18446744073709551615], dtype=uint64)");
        ArrayPrinter.Str(Np.AsArray(new Complex(1, 2)).ToHost()).ShouldBe("(1+2j)");
        ArrayPrinter.Str(Np.AsArray((Half)0.1).ToHost()).ShouldBe("0.1");
        ArrayPrinter.Repr(Np.AsArray(new Complex(0, 2)).ToHost()).ShouldBe("array(0.+2.j)");
    }

    public static TheoryData<DType, string> EveryWithMovement()
    {
        var data = new TheoryData<DType, string>();
        foreach (DType d in ArrayDispatch.DTypes.All)
        {
            foreach (string f in Movements.Keys) data.Add(d, f);
        }
        return data;
    }

    // Functions that only move, select or repeat elements: on any dtype they commute with a cast, so an int64 oracle
    // cast afterwards must equal the result on the dtype itself.
    private static readonly Dictionary<string, Func<NDArray, NDArray>> Movements = new()
    {
        ["tile"] = x => Np.Tile(x, 2, 1, 1),
        ["repeat"] = x => Np.Repeat(x, 2, 1),
        ["take"] = x => Np.Take(x, Np.AsArray(new long[] { 2, 0, 2 }), 2),
        ["flip"] = x => Np.Flip(x, Axes.Of(1)),
        ["roll"] = x => Np.Roll(x, 5),
        ["diagonal"] = x => Np.Diagonal(Np.Reshape(x, 4, 6), 1),
        ["tril"] = x => Np.Tril(Np.Reshape(x, 4, 6), -1),
        ["broadcast_to"] = x => Np.BroadcastTo(Np.Reshape(x, 1, 24), 3, 24),
        ["squeeze"] = x => Np.Squeeze(Np.Reshape(x, 1, 24, 1)),
        ["expand_dims"] = x => Np.ExpandDims(x, Axes.Of(0)),
        ["swapaxes"] = x => Np.SwapAxes(x, 0, 2),
        ["ravel"] = Np.Ravel,
        ["split"] = x => Np.Split(x, 2, 2)[1],
        ["argwhere"] = Np.Argwhere,
        ["nonzero"] = x => Np.Nonzero(x)[2],
        ["meshgrid"] = x => Np.Meshgrid([Np.Ravel(x), Np.Ravel(x)])[1],
        ["setitem"] = x => Np.SetItem(Np.Copy(x), [1], 3L),
        ["getitem_mask"] = x => Np.GetItem(x, Np.Less(Np.Reshape(Np.Arange(0L, 24L, 1L), 2, 3, 4), 7L)),
    };

    [Theory]
    [MemberData(nameof(EveryWithMovement))]
    public void Functions_that_move_elements_work_on_every_dtype(DType dtype, string function)
    {
        NDArray ints = Np.Reshape(Np.Arange(0L, 24L, 1L), 2, 3, 4);
        NDArray actual = Movements[function](ints.AsType(dtype));
        NDArray expected = Movements[function](ints);
        if (function is not ("argwhere" or "nonzero"))
        {
            actual.DType.ShouldBe(dtype);
            expected = expected.AsType(dtype);
        }
        actual.Shape.ShouldBe(expected.Shape);
        actual.AsType(DType.Float64).ToArray<double>().ShouldBe(expected.AsType(DType.Float64).ToArray<double>());
    }

    [Fact]
    public void Norm_of_float16_answers_in_float16_where_lapack_functions_refuse_it_as_numpy()
    {
        NDArray h = Np.Reshape(Np.Arange(1L, 5L, 1L).AsType(DType.Float16), 2, 2);
        NDArray n = Np.Linalg.Norm(h);
        n.DType.ShouldBe(DType.Float16);
        n.Item<Half>().ShouldBe((Half)5.477225575051661);
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Inv(h)).Message.ShouldBe("array type float16 is unsupported in linalg");
    }

    [Fact]
    public void Float16_mean_works_in_float32_and_var_in_float16_as_numpy()
    {
        NDArray h = Np.AsType(Np.AsArray(new[] { 0.1, 0.2, 0.3, 1000.5, 2.25, -7.0, 3.0 }), DType.Float16);
        Np.Mean(h).Item<Half>().ShouldBe((Half)142.75);                // np.mean(a): 142.8
        Np.Var(h).Item<Half>().ShouldBe(Half.PositiveInfinity);        // np.var(a): inf, the squares overflow float16
    }
}
