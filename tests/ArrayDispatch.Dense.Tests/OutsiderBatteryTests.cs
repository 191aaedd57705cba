using System.Numerics;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Defects a differential battery against NumPy 1.24 (weak promotion) found: other dtypes, layouts, special values.</summary>
public sealed class OutsiderBatteryTests
{
    [Theory]
    [InlineData("arctan2", DType.Int8, DType.UInt8, DType.Float16)]     // np.arctan2(int8, uint8).dtype
    [InlineData("heaviside", DType.UInt8, DType.Int8, DType.Float16)]
    [InlineData("copysign", DType.UInt16, DType.Int8, DType.Float32)]   // int32 would give float64
    [InlineData("hypot", DType.Int16, DType.UInt8, DType.Float32)]
    [InlineData("arctan2", DType.UInt32, DType.Int8, DType.Float64)]
    [InlineData("logaddexp", DType.Int8, DType.Bool, DType.Float16)]
    public void A_float_only_ufunc_of_two_integer_arrays_computes_in_the_float_both_cast_to_safely(string function, DType a, DType b, DType expected)
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Ones(3, a), y = Np.Ones(3, b);
        NDArray r = Binary(function, x, y);
        r.DType.ShouldBe(expected);
        r.AsType(DType.Float64).ToArray<double>()[0].ShouldBe(function switch
        {
            "arctan2" => Math.PI / 4,
            "heaviside" or "copysign" => 1,
            "hypot" => Math.Sqrt(2),
            _ => 1 + Math.Log(2),
        }, 1e-3);
    }

    public static TheoryData<string, double, double, double, double> NonFiniteInverseTrig => new()
    {
        // np.arcsin / np.arccos / np.arctan / np.arcsinh / np.arctanh of complex128 (C99 Annex G)
        { "arcsin", double.NegativeInfinity, 0, -Math.PI / 2, double.PositiveInfinity },
        { "arcsin", double.PositiveInfinity, -0.0, Math.PI / 2, double.NegativeInfinity },
        { "arcsin", double.PositiveInfinity, 1, Math.PI / 2, double.PositiveInfinity },
        { "arcsin", double.NegativeInfinity, double.NaN, double.NaN, double.PositiveInfinity },
        { "arctan", double.NegativeInfinity, 0, -Math.PI / 2, 0 },
        { "arctan", double.PositiveInfinity, 1, Math.PI / 2, 0 },
        { "arctan", double.NegativeInfinity, double.NaN, -Math.PI / 2, 0 },
        { "arccos", double.NegativeInfinity, 0, Math.PI, double.NegativeInfinity },
        { "arccos", double.PositiveInfinity, 1, 0, double.NegativeInfinity },
        { "arccos", double.NegativeInfinity, -0.0, Math.PI, double.PositiveInfinity },
        { "arccos", double.NegativeInfinity, double.NaN, double.NaN, double.NegativeInfinity },
        { "arcsinh", double.NegativeInfinity, 0, double.NegativeInfinity, 0 },
        { "arcsinh", 1, double.PositiveInfinity, double.PositiveInfinity, Math.PI / 2 },
        { "arctanh", double.NegativeInfinity, 0, -0.0, Math.PI / 2 },
        { "arctanh", 2, double.PositiveInfinity, 0, Math.PI / 2 },
        { "arctanh", double.NegativeInfinity, double.NaN, -0.0, double.NaN },
    };

    [Theory]
    [MemberData(nameof(NonFiniteInverseTrig))]
    public void Inverse_trigonometric_functions_of_infinite_complex_numbers_give_C99s_special_values(string function, double re, double im, double expectedRe, double expectedIm)
    {
        using var host = TestHost.Create(new DensePlugin());
        foreach (DType dtype in new[] { DType.Complex128, DType.Complex64 })
        {
            NDArray z = Np.AsArray(new[] { new Complex(re, im) }).AsType(dtype);
            Complex r = Unary(function, z).AsType(DType.Complex128).ToArray<Complex>()[0];
            Same(r.Real, expectedRe).ShouldBeTrue($"{function}({re}, {im}) {dtype}: real part {r.Real}, NumPy's {expectedRe}");
            Same(r.Imaginary, expectedIm).ShouldBeTrue($"{function}({re}, {im}) {dtype}: imaginary part {r.Imaginary}, NumPy's {expectedIm}");
        }
    }

    [Fact]
    public void Sum_and_prod_over_a_leading_axis_start_from_the_identity_as_NumPy()
    {
        // NumPy 1.24: np.sum([[-0.0, 1.0]], axis=0) is [0.0, 1.0] and np.prod([[inf+0j]], axis=0) is [inf+nanj]; Dense
        // copied the first row into the accumulator and gave -0.0 and inf+0j (found by the battery on Chunked, whose
        // chunks are reduced by Dense).
        using var host = TestHost.Create(new DensePlugin());
        NDArray zeros = Np.AsArray(Interchange.HostBuffer.FromContiguous(new[] { -0.0, 1.0, -0.0, 2.0 }, new Shape(2, 2)), backend: "Dense");
        double[] firstRow = Np.Sum(Np.GetItem(zeros, new Slice(0, 1)), 0).ToArray<double>();
        double.IsNegative(firstRow[0]).ShouldBeFalse("sum(axis=0) of [[-0.0, 1.0]] is 0.0");
        double.IsNegative(Np.Sum(zeros, 0).ToArray<double>()[0]).ShouldBeFalse("sum(axis=0) of two -0.0 rows is 0.0");
        foreach (DType dtype in new[] { DType.Complex128, DType.Complex64 })
        {
            NDArray inf = Np.AsType(Np.AsArray(Interchange.HostBuffer.FromContiguous(new[] { new Complex(double.PositiveInfinity, 0), new Complex(2, 0) }, new Shape(1, 2)), backend: "Dense"), dtype);
            Complex[] p = Np.AsType(Np.Prod(inf, 0), DType.Complex128).ToArray<Complex>();
            double.IsPositiveInfinity(p[0].Real).ShouldBeTrue($"{dtype}: real part");
            double.IsNaN(p[0].Imaginary).ShouldBeTrue($"{dtype}: (1+0j)(inf+0j) has a NaN imaginary part");
            p[1].ShouldBe(new Complex(2, 0));
        }
    }

    [Fact]
    public void Clip_of_bools_by_bools_stays_bool_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.AsArray(new[] { true, false, true });
        NDArray r = Np.Clip(x, Np.AsArray(true), Np.AsArray(true));      // np.clip(x, np.True_, np.True_)
        r.DType.ShouldBe(DType.Bool);
        r.ToArray<bool>().ShouldBe([true, true, true]);
        Np.Clip(x, Scalar.Bool(false), Scalar.Bool(false)).DType.ShouldBe(DType.Bool);
        Np.Clip(x, 0L, 1L).DType.ShouldBe(DType.Int64);                   // a Python int turns bools into the default int
    }

    [Fact]
    public void Max_and_min_of_an_empty_bool_array_raise_as_for_every_other_dtype()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray empty = Np.Zeros((0, 3), DType.Bool);
        Should.Throw<ArgumentException>(() => Np.Max(empty)).Message.ShouldContain("zero-size array to reduction operation maximum which has no identity");
        Should.Throw<ArgumentException>(() => Np.Min(empty, axis: 0)).Message.ShouldContain("minimum");
        Np.Max(empty, axis: 1).Shape.ShouldBe(new Shape(0));             // nothing to reduce into: no error, as NumPy
        Np.Any(empty).Item<bool>().ShouldBeFalse();                       // any/all keep their identities
    }

    [Fact]
    public void A_shape_whose_element_count_overflows_is_refused_instead_of_wrapping_to_an_empty_array()
    {
        using var host = TestHost.Create(new DensePlugin());
        // 65536^4 = 2^64 wrapped to 0: Np.Zeros returned a (65536, 65536, 65536, 65536) array with no storage at all
        var e = Should.Throw<ArgumentOutOfRangeException>(() => Np.Zeros(new Shape(65536, 65536, 65536, 65536)));
        e.Message.ShouldContain("array is too big");
        e.Message.ShouldContain("(65536, 65536, 65536, 65536)");
        Should.Throw<ArgumentOutOfRangeException>(() => new Shape(0, int.MaxValue, int.MaxValue, int.MaxValue)).Message.ShouldContain("too big");   // NumPy checks the nonzero dimensions
        new Shape(0, int.MaxValue, int.MaxValue).Size.ShouldBe(0);
        new Shape(int.MaxValue, int.MaxValue, 2).Size.ShouldBe(2L * int.MaxValue * int.MaxValue);
    }

    [Fact]
    public void An_allocation_beyond_64_bit_bytes_says_how_much_was_asked()
    {
        using var host = TestHost.Create(new DensePlugin());
        // 2^61 float64 elements: the element count fits a long, the bytes do not
        var e = Should.Throw<OutOfMemoryException>(() => Np.Zeros(new Shape(1 << 20, 1 << 20, 1 << 21)));
        e.Message.ShouldContain("Unable to allocate");
        e.Message.ShouldContain("2305843009213693952 elements of 8 bytes");
    }

    [Fact]
    public void An_empty_sequence_is_float64_as_NumPys_empty_list_or_its_element_types_dtype_never_bool()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.array([]).dtype == float64; an empty List<double> was a bool array (every item of no items "is a bool")
        Np.AsArray(new List<double>()).DType.ShouldBe(DType.Float64);
        Np.AsArray(new List<double>()).Shape.ShouldBe(new Shape(0));
        Np.AsArray(new List<object>()).DType.ShouldBe(DType.Float64);
        Np.AsArray(new List<int>()).DType.ShouldBe(DType.Int32);     // as a List<int> with items
        Np.AsArray(new List<bool>()).DType.ShouldBe(DType.Bool);
        Np.AsArray(new List<int> { 1, 2 }).DType.ShouldBe(DType.Int32);
    }

    [Fact]
    public void A_jagged_array_is_refused_naming_the_multi_dimensional_array_that_works()
    {
        using var host = TestHost.Create(new DensePlugin());
        // it said "cannot make a dense array from Double[][]; supported element types: ..., double, ...": double is supported
        var e = Should.Throw<DTypeMismatchException>(() => Np.AsArray(new double[][] { [1.0], [2.0, 3.0] }));
        e.Message.ShouldContain("jagged array (Double[][])");
        e.Message.ShouldContain("Double[,]");
        Np.AsArray(new double[,] { { 1, 2 }, { 3, 4 } }).Shape.ShouldBe(new Shape(2, 2));
    }

    [Fact]
    public void Moveaxis_takes_one_axis_as_NumPys_moveaxis_0_minus_1()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.MoveAxis(Np.Ones([2, 3, 4]), 0, -1).Shape.ShouldBe(new Shape(3, 4, 2));   // np.moveaxis(ones((2, 3, 4)), 0, -1).shape
        Should.Throw<AxisOutOfRangeException>(() => Np.MoveAxis(Np.Ones([2, 3]), 0, 5));
    }

    [Fact]
    public void Tensordot_with_a_negative_count_is_an_outer_product_and_too_many_axes_are_named()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Ones([2, 3]);
        // np.tensordot(a, a, -1).shape == (2, 3, 2, 3); it threw "Arithmetic operation resulted in an overflow"
        Np.Tensordot(a, a, -1).Shape.ShouldBe(new Shape(2, 3, 2, 3));
        // NumPy: IndexError 'tuple index out of range'; it said "axis -3 is out of bounds for array of dimension 2"
        var e = Should.Throw<ArgumentOutOfRangeException>(() => Np.Tensordot(a, a, 5));
        e.ParamName.ShouldBe("axes");
        e.Message.ShouldContain("tensordot: axes=5 is more than the dimensions of a (2, 3) or b (2, 3)");
        Np.Tensordot(a, Np.Ones([3, 4]), 1).Shape.ShouldBe(new Shape(2, 4));
    }

    [Fact]
    public void Joining_no_arrays_raises_NumPys_error_instead_of_a_dispatch_failure_on_no_types()
    {
        using var host = TestHost.Create(new DensePlugin());
        // was NoImplementationException: "no implementation found for 'concatenate' on types []"
        Should.Throw<ArgumentException>(() => Np.Concatenate([])).Message.ShouldStartWith("need at least one array to concatenate");
        Should.Throw<ArgumentException>(() => Np.HStack()).Message.ShouldStartWith("need at least one array to concatenate");
        Should.Throw<ArgumentException>(() => Np.VStack()).Message.ShouldStartWith("need at least one array to concatenate");
        Should.Throw<ArgumentException>(() => Np.Stack([], axis: 0)).Message.ShouldStartWith("need at least one array to stack");
        Should.Throw<ArgumentNullException>(() => Np.Concatenate(null!));
    }

    [Fact]
    public void Random_eye_and_linspace_beyond_a_managed_array_say_how_much_was_asked()
    {
        using var host = TestHost.Create(new DensePlugin());
        // These fill a .NET array first: new double[2^34] threw "Arithmetic operation resulted in an overflow" (random,
        // eye) or "Array dimensions exceeded supported range" (linspace); NumPy says "Unable to allocate 128. GiB ..."
        Action[] calls =
        [
            () => Np.Random.Sample(new Shape(int.MaxValue, 8)),
            () => Np.Random.Normal(0, 1, new Shape(int.MaxValue, 8)),
            () => Np.Random.Integers(0, 5, new Shape(int.MaxValue, 8)),
            () => Np.Eye(200_000),
            () => Np.Linspace(0.0, 1.0, int.MaxValue),
        ];
        foreach (Action call in calls)
        {
            var e = Should.Throw<OutOfMemoryException>(call);
            e.Message.ShouldStartWith("Unable to allocate ");
            e.Message.ShouldContain("elements of 8 bytes");
        }
    }

    [Fact]
    public void Arange_refuses_a_length_it_cannot_compute_or_hold_instead_of_returning_an_empty_array()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentException>(() => Np.Arange(0.0, double.NaN, 1.0)).Message.ShouldContain("cannot compute length");
        Should.Throw<ArgumentException>(() => Np.Arange(long.MinValue, long.MaxValue, 1L)).Message.ShouldContain("Maximum allowed size exceeded");
        Should.Throw<ArgumentException>(() => Np.Arange(0.0, double.PositiveInfinity, 1.0)).Message.ShouldContain("Maximum allowed size exceeded");
        Np.Arange(long.MaxValue - 2, long.MaxValue, 1L).ToArray<long>().ShouldBe([long.MaxValue - 2, long.MaxValue - 1]);
        Np.Arange(5L, 0L, -2L).ToArray<long>().ShouldBe([5, 3, 1]);
    }

    [Fact]
    public void Loading_a_file_that_is_not_npy_or_is_cut_short_says_so()
    {
        using var host = TestHost.Create(new DensePlugin());
        string dir = Directory.CreateTempSubdirectory("outsider-npy").FullName;
        try
        {
            string garbage = Path.Combine(dir, "garbage.npy");
            File.WriteAllText(garbage, "garb");
            Should.Throw<InvalidDataException>(() => Np.Load(garbage)).Message.ShouldContain("not a .npy file, or a truncated one");

            string truncated = Path.Combine(dir, "truncated.npy");
            Np.Save(truncated, Np.Ones(100));
            byte[] bytes = File.ReadAllBytes(truncated);
            File.WriteAllBytes(truncated, bytes[..200]);
            var e = Should.Throw<EndOfStreamException>(() => Np.Load(truncated));
            e.Message.ShouldContain("Failed to read all data for array");
            e.Message.ShouldContain("(100,)");

            string huge = Path.Combine(dir, "huge.npy");
            string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 2), }";
            header += new string(' ', 63 - (10 + header.Length) % 64) + "\n";
            File.WriteAllBytes(huge, [0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0, .. System.Text.Encoding.ASCII.GetBytes(header)]);
            Should.Throw<InvalidDataException>(() => Np.Load(huge)).Message.ShouldContain("'4294967296'");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static NDArray Binary(string name, NDArray x, NDArray y) =>
        FunctionCatalog.TryGet(name, out ArrayFunction f) ? Np.Dispatcher.Invoke((ArrayFunction<BinaryArgs, NDArray>)f, new BinaryArgs(x, y)) : throw new ArgumentException(name);

    private static NDArray Unary(string name, NDArray x) =>
        FunctionCatalog.TryGet(name, out ArrayFunction f) ? Np.Dispatcher.Invoke((ArrayFunction<UnaryArgs, NDArray>)f, new UnaryArgs(x)) : throw new ArgumentException(name);

    private static bool Same(double actual, double expected) =>
        double.IsNaN(expected) ? double.IsNaN(actual) : Math.Abs(actual - expected) <= 1e-6 || actual == expected;

    [Fact]
    public void Sorting_a_0d_array_raises_NumPys_axis_error_and_argsort_and_axis_none_answer_as_for_one_element()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Array(5.0);
        Should.Throw<AxisOutOfRangeException>(() => Np.Sort(x)).Message.ShouldContain("axis -1 is out of bounds for array of dimension 0");
        NDArray flat = Np.Sort(x, axis: null);
        flat.Shape.ShouldBe(new Shape(1));
        flat.ToArray<double>().ShouldBe([5.0]);
        NDArray order = Np.Argsort(x);
        order.Shape.ShouldBe(new Shape(1));
        order.ToArray<long>().ShouldBe([0L]);
    }
    [Fact]
    public void Products_of_bool_arrays_stay_bool_as_NumPy()
    {
        // NumPy 1.24: np.outer, np.kron, np.dot with a 0-d operand and np.einsum of bools are bool (a sum of bools is their
        // logical or); Dense answered int64 (the battery's second block).
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.AsArray(new[] { true, false, true }), b = Np.AsArray(new[] { false, true });
        NDArray outer = Np.Outer(a, b);
        outer.DType.ShouldBe(DType.Bool);
        outer.ToArray<bool>().ShouldBe([false, true, false, false, false, true]);
        NDArray kron = Np.Kron(a, b);
        kron.DType.ShouldBe(DType.Bool);
        kron.ToArray<bool>().ShouldBe([false, true, false, false, false, true]);
        Np.Dot(Np.AsArray(true), a).DType.ShouldBe(DType.Bool);
        NDArray m = Np.Reshape(Np.AsArray(new[] { true, false, false, false, false, false }), 2, 3);
        NDArray rows = Np.Einsum("ij->i", m);
        rows.DType.ShouldBe(DType.Bool);
        rows.ToArray<bool>().ShouldBe([true, false]);
        NDArray product = Np.Einsum("ij,j->i", m, a);
        product.DType.ShouldBe(DType.Bool);
        product.ToArray<bool>().ShouldBe([true, false]);
        Np.Einsum("i,i->", a, a).Item<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Einsum_sums_in_the_operands_dtype_int32_included()
    {
        // NumPy 1.24: np.einsum('ii', int32) and np.einsum('ij->i', int32) are int32 (np.sum would give int64), and a sum
        // that overflows wraps: np.einsum('ij->', np.full((20, 20), 100_000_000, np.int32)) is 1345294336.
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Reshape(Np.Arange(0L, 9L, 1L, DType.Int32), 3, 3);
        NDArray trace = Np.Einsum("ii", x);
        trace.DType.ShouldBe(DType.Int32);
        trace.Item<int>().ShouldBe(12);
        Np.Einsum("ij->i", x).DType.ShouldBe(DType.Int32);
        Np.Einsum("ij->", Np.AsType(x, DType.Int8)).DType.ShouldBe(DType.Int8);
        Np.Einsum("ij->", Np.Full(new Shape(20, 20), 100_000_000L, DType.Int32)).Item<int>().ShouldBe(1345294336);
    }
    [Fact]
    public void Vector_and_matrix_norms_that_take_a_maximum_of_nothing_raise_as_NumPy()
    {
        // NumPy 1.24: np.linalg.norm(np.zeros(0), np.inf) raises "zero-size array to reduction operation maximum which has
        // no identity" (abs(x).max()); Dense returned 0. ord=0, 1, 3 and None give 0.
        using var host = TestHost.Create(new DensePlugin());
        foreach (DType dtype in new[] { DType.Float64, DType.Float32, DType.Complex128 })
        {
            NDArray empty = Np.Zeros(0, dtype);
            Should.Throw<ArgumentException>(() => Np.Linalg.Norm(empty, double.PositiveInfinity)).Message.ShouldContain("zero-size array to reduction operation maximum which has no identity");
            Should.Throw<ArgumentException>(() => Np.Linalg.Norm(empty, double.NegativeInfinity, keepDims: true)).Message.ShouldContain("operation minimum");
            Np.Linalg.Norm(empty, 1.0).AsType(DType.Float64).Item<double>().ShouldBe(0);
            Np.Linalg.Norm(empty).AsType(DType.Float64).Item<double>().ShouldBe(0);
        }
        NDArray wide = Np.Zeros(new Shape(0, 3));
        Np.Linalg.Norm(wide, double.PositiveInfinity, axis: 1).Shape.ShouldBe(new Shape(0));   // nothing to reduce into
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(wide, double.PositiveInfinity, axis: 0)).Message.ShouldContain("operation maximum");
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(Np.Zeros(new Shape(0, 0)), double.NegativeInfinity, axis: 1)).Message.ShouldContain("operation minimum");   // NumPy raises with nothing to reduce into too
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(wide, 2.0, axis: new[] { 0, 1 })).Message.ShouldContain("operation maximum");
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(Np.Zeros(new Shape(3, 0)), -1.0, axis: new[] { 0, 1 })).Message.ShouldContain("operation minimum");
    }

    [Fact]
    public void Det_inv_and_solve_of_stacks_of_0x0_matrices_answer_as_NumPy()
    {
        // NumPy 1.24: det of (2, 1, 0, 0) complex64 is [[1+0j], [1+0j]] complex64, inv of (2, 0, 0) float32 is (2, 0, 0)
        // float32, solve((2, 0, 0), (2, 0, 2) bool) is (2, 0, 2) float64; Dense threw ArgumentOutOfRangeException.
        using var host = TestHost.Create(new DensePlugin());
        NDArray det = Np.Linalg.Det(Np.Zeros(new Shape(2, 1, 0, 0), DType.Complex64));
        det.DType.ShouldBe(DType.Complex64);
        det.Shape.ShouldBe(new Shape(2, 1));
        det.AsType(DType.Complex128).ToArray<Complex>().ShouldBe([Complex.One, Complex.One]);
        Np.Linalg.Det(Np.Zeros(new Shape(3, 0, 0))).ToArray<double>().ShouldBe([1.0, 1.0, 1.0]);
        NDArray inv = Np.Linalg.Inv(Np.Zeros(new Shape(2, 0, 0), DType.Float32));
        inv.DType.ShouldBe(DType.Float32);
        inv.Shape.ShouldBe(new Shape(2, 0, 0));
        NDArray x = Np.Linalg.Solve(Np.Zeros(new Shape(2, 0, 0)), Np.Zeros(new Shape(2, 0, 2), DType.Bool));
        x.DType.ShouldBe(DType.Float64);
        x.Shape.ShouldBe(new Shape(2, 0, 2));
        Np.Linalg.Solve(Np.Zeros(new Shape(0, 0), DType.Complex128), Np.Zeros(new Shape(0, 2))).Shape.ShouldBe(new Shape(0, 2));
        // reversed views (the battery's layout): an empty view whose offset lies before its storage
        ArrayIndex[] Rev(int rank) => Enumerable.Repeat((ArrayIndex)new Slice(null, null, -1), rank).ToArray();
        Np.Linalg.Det(Np.GetItem(Np.Zeros(new Shape(2, 1, 0, 0), DType.Complex64), Rev(4))).Shape.ShouldBe(new Shape(2, 1));
        Np.Linalg.Solve(Np.GetItem(Np.Zeros(new Shape(2, 0, 0)), Rev(3)), Np.Zeros(new Shape(2, 0, 2), DType.Bool)).Shape.ShouldBe(new Shape(2, 0, 2));
        Np.Linalg.Inv(Np.GetItem(Np.Zeros(new Shape(2, 0, 0), DType.Float32), Rev(3))).Shape.ShouldBe(new Shape(2, 0, 0));
    }

    [Fact]
    public void A_reversed_empty_boolean_mask_selects_nothing()
    {
        // NumPy 1.24: np.zeros((2, 0, 3))[np.zeros((2, 0, 3), bool)[::-1, ::-1, ::-1]] is an empty 1-d array; Dense threw
        // ArgumentOutOfRangeException (the reversed empty view's offset).
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Zeros(new Shape(2, 0, 3), DType.Int64);
        var rev = new ArrayIndex[] { new Slice(null, null, -1), new Slice(null, null, -1), new Slice(null, null, -1) };
        NDArray mask = Np.GetItem(Np.Zeros(new Shape(2, 0, 3), DType.Bool), rev);
        NDArray r = Np.GetItem(x, mask);
        r.DType.ShouldBe(DType.Int64);
        r.Shape.ShouldBe(new Shape(0));
        Np.GetItem(Np.GetItem(x, rev), Np.Zeros(new Shape(2, 0, 3), DType.Bool)).Shape.ShouldBe(new Shape(0));
    }
    [Fact]
    public void Tril_and_triu_of_a_vector_mask_its_n_by_n_broadcast_as_NumPy()
    {
        // NumPy 1.24: np.tril([1, 2, 3], 0) is [[1, 0, 0], [1, 2, 0], [1, 2, 3]] (where(tri(3), x, 0)), np.triu(x, 1) is
        // [[0, 2, 3], [0, 0, 3], [0, 0, 0]], np.tril(np.zeros(0)) is (0, 0); Dense refused fewer than 2 dimensions.
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.AsArray(new[] { 1, 2, 3 });
        NDArray lower = Np.Tril(x);
        lower.Shape.ShouldBe(new Shape(3, 3));
        lower.DType.ShouldBe(DType.Int32);
        lower.ToArray<int>().ShouldBe([1, 0, 0, 1, 2, 0, 1, 2, 3]);
        Np.Triu(x, 1).ToArray<int>().ShouldBe([0, 2, 3, 0, 0, 3, 0, 0, 0]);
        Np.Tril(Np.GetItem(x, new Slice(null, null, -1)), -1).ToArray<int>().ShouldBe([0, 0, 0, 3, 0, 0, 3, 2, 0]);
        Np.Tril(Np.Zeros(0)).Shape.ShouldBe(new Shape(0, 0));
        Should.Throw<ArgumentException>(() => Np.Triu(Np.Array(1.0))).Message.ShouldContain("shape ()");
    }
    [Fact]
    public void The_singular_value_norms_of_a_float16_matrix_raise_NumPys_TypeError()
    {
        // NumPy 1.24: np.linalg.norm(float16 matrix, 2 / -2 / 'nuc') goes through svd and raises "array type float16 is
        // unsupported in linalg"; Dense answered in float16. The other norms are sums and answer in float16.
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Ones(new Shape(2, 3), DType.Float16);
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Norm(x, 2.0)).Message.ShouldBe("array type float16 is unsupported in linalg");
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Norm(x, "nuc"));
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Norm(Np.Ones(new Shape(2, 1, 3), DType.Float16), -2.0, axis: new[] { 0, 1 }));
        Np.Linalg.Norm(x, 2.0, axis: 0).DType.ShouldBe(DType.Float16);       // vector 2-norms
        Np.Linalg.Norm(x, double.PositiveInfinity, axis: new[] { 0, 1 }).Item<Half>().ShouldBe((Half)3);
        Np.Linalg.Norm(x, "fro").Item<Half>().ShouldBe((Half)Math.Sqrt(6));
    }

    [Fact]
    public void Roll_broadcasts_shift_against_axis_and_adds_up_the_shifts_of_an_axis_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray v = Np.Arange(0L, 5L, 1L);
        NDArray m = Np.Reshape(Np.Arange(0L, 6L, 1L), [2, 3]);
        // np.roll(np.arange(5), [1, 2], axis=0): one axis, two shifts: rolled by 3
        Np.Dispatcher.Invoke(ArrayFunctions.Roll, new RollArgs(v, [1, 2], Axes.Of(0))).ToArray<long>().ShouldBe([2L, 3, 4, 0, 1]);
        // np.roll(m, [1, 2]): the flattened array rolled by 3
        Np.Dispatcher.Invoke(ArrayFunctions.Roll, new RollArgs(m, [1, 2])).ToArray<long>().ShouldBe([3L, 4, 5, 0, 1, 2]);
        // np.roll(m, 1, axis=(0, 1)): one shift for both axes
        Np.Dispatcher.Invoke(ArrayFunctions.Roll, new RollArgs(m, [1], Axes.Of(0, 1))).ToArray<long>().ShouldBe([5L, 3, 4, 2, 0, 1]);
        // np.roll(m, [], axis=()) is a copy
        Np.Dispatcher.Invoke(ArrayFunctions.Roll, new RollArgs(m, [], Axes.Of())).ToArray<long>().ShouldBe([0L, 1, 2, 3, 4, 5]);
        Should.Throw<ArgumentException>(() => Np.Dispatcher.Invoke(ArrayFunctions.Roll, new RollArgs(m, [1, 2, 3], Axes.Of(0, 1)))).Message.ShouldStartWith(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3,) and arg 1 with shape (2,).");
    }

    [Fact]
    public void Moveaxis_refuses_a_repeated_axis_and_tile_a_negative_count_as_NumPy()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Zeros((2, 3, 4));
        Should.Throw<ArgumentException>(() => Np.MoveAxis(x, [0, 0], [1, 2])).Message.ShouldStartWith("repeated axis in `source` argument");
        Should.Throw<ArgumentException>(() => Np.MoveAxis(x, [0, 1], [2, 2])).Message.ShouldStartWith("repeated axis in `destination` argument");
        Should.Throw<ArgumentException>(() => Np.Tile(x, -1)).Message.ShouldStartWith("negative dimensions are not allowed");
        Should.Throw<ArgumentException>(() => Np.Repeat(x, -1)).Message.ShouldStartWith("negative dimensions are not allowed");
    }

    [Fact]
    public void Assignment_into_a_broadcast_view_raises_NumPys_read_only_error()
    {
        // NumPy 1.24: b = np.broadcast_to(np.zeros(3), (2, 3)); b[0] = 1, b[...] = x, b.T[mask] = 1 and np.add(1, 1, out=b)
        // raise "assignment destination is read-only" / "output array is read-only" (flags.writeable is False, and so
        // for every view of b); Dense wrote through the aliased row (b[0] = 1 changed both rows).
        using var host = TestHost.Create(new DensePlugin());
        NDArray source = Np.Zeros(3);
        NDArray b = Np.BroadcastTo(source, 2, 3);
        Should.Throw<ArgumentException>(() => Np.SetItem(b, [0], 1.0)).Message.ShouldBe("assignment destination is read-only");
        Should.Throw<ArgumentException>(() => Np.SetItem(b, [ArrayIndex.Ellipsis], Np.Ones(3)));
        Should.Throw<ArgumentException>(() => Np.SetItem(Np.Transpose(b), [Np.Ones(new Shape(3, 2), DType.Bool)], 1.0));
        Should.Throw<ArgumentException>(() => Np.SetItem(b, [new Slice(0, 0)], 1.0));   // even when nothing is selected
        Should.Throw<ArgumentException>(() => Np.Add(Np.Ones(new Shape(2, 3)), 1.0, @out: b)).Message.ShouldBe("output array is read-only");
        source.ToArray<double>().ShouldBe([0.0, 0.0, 0.0]);
        Np.SetItem(source, [0], 5.0);                                      // the source itself stays writeable
        b.ToArray<double>().ShouldBe([5.0, 0, 0, 5.0, 0, 0]);
        NDArray copy = Np.Copy(b);
        Np.SetItem(copy, [1, 1], 7.0);                                     // and so does a copy of the view
        copy.ToArray<double>().ShouldBe([5.0, 0, 0, 5.0, 7.0, 0]);
    }

    [Fact]
    public void A_Python_complex_assigned_into_a_real_array_raises_NumPys_TypeError()
    {
        // NumPy 1.24: a = np.zeros(3); a[0] = 1 - 2j (and a[:], a[mask], a[[0, 1]]) raises "float() argument must be a
        // string or a real number, not 'complex'", an int8 array the int() message; a bool array takes its truth. Dense
        // stored the real part. An array value is cast (the real part), as NumPy.
        using var host = TestHost.Create(new DensePlugin());
        NDArray f = Np.Zeros(3, DType.Float16);
        Should.Throw<DTypeMismatchException>(() => Np.SetItem(f, [0], Scalar.Complex(1, -2))).Message.ShouldBe("float() argument must be a string or a real number, not 'complex'");
        Should.Throw<DTypeMismatchException>(() => Np.SetItem(f, [Np.AsArray(new[] { true, false, true })], Scalar.Complex(1, -2)));
        Should.Throw<DTypeMismatchException>(() => Np.SetItem(Np.Zeros(3, DType.UInt64), [ArrayIndex.Ellipsis], Scalar.Complex(1.5, 0)))
            .Message.ShouldBe("int() argument must be a string, a bytes-like object or a real number, not 'complex'");
        NDArray flags = Np.Zeros(3, DType.Bool);
        Np.SetItem(flags, [new Slice(null, 2)], Scalar.Complex(1, -2));
        flags.ToArray<bool>().ShouldBe([true, true, false]);
        Np.SetItem(f, [new Slice(1, 2)], Np.AsArray(new[] { new Complex(2.5, 3) }));     // an array: cast, the imaginary part dropped
        f.ToArray<Half>().ShouldBe([(Half)0, (Half)2.5, (Half)0]);
    }

    [Fact]
    public void Transforms_of_an_empty_array_along_a_non_empty_axis_give_an_empty_spectrum()
    {
        // NumPy 1.24: np.fft.fft(np.zeros((2, 0, 3)), axis=0, norm='forward') is a (2, 0, 3) complex128 array,
        // np.fft.ifftn(x, axes=[0, 2]) (2, 0, 3), np.fft.irfftn(x, s=[1, 3, 4]) (1, 3, 4) of zeros (the padded axis
        // fills); Dense threw DivideByZeroException (no lines to split into blocks).
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Zeros(new Shape(2, 0, 3), DType.UInt32);
        NDArray f = Np.FFT.Fft(x, axis: 0, norm: "forward");
        f.Shape.ShouldBe(new Shape(2, 0, 3));
        f.DType.ShouldBe(DType.Complex128);
        Np.FFT.Ifft(x, n: 9, axis: -3).Shape.ShouldBe(new Shape(9, 0, 3));
        Np.FFT.Ifftn(x, axes: [0, 2]).Shape.ShouldBe(new Shape(2, 0, 3));
        NDArray r = Np.FFT.Irfftn(x, s: [1, 3, 4]);
        r.Shape.ShouldBe(new Shape(1, 3, 4));
        r.ToArray<double>().ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void An_n_dimensional_transform_over_no_axes_returns_its_input()
    {
        // NumPy 1.24 (and 2): np.fft.fftn(np.array(3)) is array(3), int64 (the loop over the axes never runs); Dense
        // returned complex128.
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Np.Array(3L);
        NDArray f = Np.FFT.Fftn(x);
        f.DType.ShouldBe(DType.Int64);
        f.Item<long>().ShouldBe(3);
        Np.FFT.Ifftn(Np.Array(2.5)).Item<double>().ShouldBe(2.5);
    }

    [Fact]
    public void Matrix_rank_of_an_empty_matrix_raises_without_a_tolerance_and_pinv_keeps_the_dtype()
    {
        // NumPy 1.24: np.linalg.matrix_rank(np.zeros((0, 4))) raises "zero-size array to reduction operation maximum
        // which has no identity" (S.max() of no singular values; Dense returned 0); np.linalg.pinv of an empty (2, 1, 0)
        // int64 stack is an empty (2, 0, 1) int64 array and of (0, 3) float16 a (3, 0) float16 one (_is_empty_2d: no
        // svd; Dense gave float64 and refused float16).
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentException>(() => Np.Linalg.MatrixRank(Np.Zeros(new Shape(0, 4), DType.Complex64))).Message.ShouldContain("reduction operation maximum");
        Should.Throw<ArgumentException>(() => Np.Linalg.MatrixRank(Np.Zeros(new Shape(2, 1, 0, 3), DType.Int32)));
        Np.Linalg.MatrixRank(Np.Zeros(new Shape(0, 4)), tol: 1e-3).Item<long>().ShouldBe(0);
        Np.Linalg.MatrixRank(Np.Zeros(0)).Item<long>().ShouldBe(0);       // 1-d: int(not all(A == 0))
        NDArray p = Np.Linalg.Pinv(Np.Zeros(new Shape(2, 1, 0), DType.Int64));
        p.DType.ShouldBe(DType.Int64);
        p.Shape.ShouldBe(new Shape(2, 0, 1));
        NDArray h = Np.Linalg.Pinv(Np.Zeros(new Shape(0, 3), DType.Float16));
        h.DType.ShouldBe(DType.Float16);
        h.Shape.ShouldBe(new Shape(3, 0));
        Np.Linalg.Pinv(Np.Zeros(new Shape(0, 3, 3), DType.Int32)).DType.ShouldBe(DType.Float64);   // an empty stack of 3x3 matrices is not empty_2d
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Pinv(Np.Zeros(new Shape(2, 2), DType.Float16)));
    }

    // The battery's fourth block (statistics, logic, integer and float edges, F order and permuted layouts).

    [Fact]
    public void Round_rounds_both_parts_of_complex_numbers()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.round(np.array([1.2345+5.6789j, -2.5-0.5j]), 2) -> array([ 1.23+5.68j, -2.5 -0.5j ])
        NDArray z = Np.AsArray(new[] { new Complex(1.2345, 5.6789), new Complex(-2.5, -0.5) });
        Np.ArrayRepr(Np.Round(z, 2)).ShouldBe("array([ 1.23+5.68j, -2.5 -0.5j ])");
        // np.round(np.array([125+35j], np.complex64), -1) -> array([120.+40.j], dtype=complex64)
        Np.ArrayRepr(Np.Round(Np.AsArray(new[] { new Complex(125, 35) }, dtype: DType.Complex64), -1)).ShouldBe("array([120.+40.j], dtype=complex64)");
    }

    [Fact]
    public void Var_and_std_with_a_complex_dtype_give_a_complex_result_as_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.var(np.array([1+1j, 2, 3j]), dtype=np.complex128) -> (2.2222222222222223+0j)
        NDArray v = Np.Var(Np.AsArray(new[] { new Complex(1, 1), new Complex(2, 0), new Complex(0, 3) }), dtype: DType.Complex128);
        v.DType.ShouldBe(DType.Complex128);
        v.Item<Complex>().Real.ShouldBe(2.2222222222222223, 1e-15);
        // np.std(np.array([1.0, 2, 4]), dtype=np.complex64) -> (1.2472191+0j)
        NDArray s = Np.Std(Np.AsArray(new[] { 1.0, 2, 4 }), dtype: DType.Complex64);
        s.DType.ShouldBe(DType.Complex64);
        s.Item<Complex64>().Real.ShouldBe(1.2472191f, 1e-6f);
        s.Item<Complex64>().Imaginary.ShouldBe(0f);
    }

    [Fact]
    public void Median_divides_the_middle_value_by_its_count_as_numpys_mean_so_a_complex_infinity_gets_a_nan_imaginary_part()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.median(np.array([[np.inf+0j, 1], [2, 3]]), axis=1) -> array([inf+nanj, 2.5 +0.j])
        NDArray z = Np.AsArray(new[] { new Complex(double.PositiveInfinity, 0), new Complex(1, 0), new Complex(2, 0), new Complex(3, 0) }).Reshape(2, 2);
        Np.ArrayRepr(Np.Median(z, 1)).ShouldBe("array([inf+nanj, 2.5 +0.j])");
        Np.Median(DenseArray.From(new[] { true, false, true })).Item<double>().ShouldBe(1.0);   // np.median of bools: their mean
    }

    [Fact]
    public void Quantile_of_an_empty_axis_or_of_bools_raises_as_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.quantile(np.zeros((2, 0, 3)), 0.5, axis=-2) -> IndexError: cannot do a non-empty take from an empty axes.
        Exception empty = Should.Throw<ArgumentOutOfRangeException>(() => Np.Quantile(Np.Zeros(new Shape(2, 0, 3)), 0.5, -2));
        empty.Message.ShouldStartWith("cannot do a non-empty take from an empty axes.");
        NumPyErrors.Classify(empty).ShouldBe(NumPyErrorKind.IndexError);
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Percentile(Np.Zeros(new Shape(0), DType.Int64), 50));
        // np.percentile(np.array([True, False]), 50) -> TypeError: numpy boolean subtract, ...
        Exception boolean = Should.Throw<Exception>(() => Np.Percentile(DenseArray.From(new[] { true, false }), 50));
        NumPyErrors.Classify(boolean).ShouldBe(NumPyErrorKind.TypeError);
        NumPyErrors.Find(boolean).Message.ShouldStartWith("numpy boolean subtract");
        // np.percentile(np.array([1.0]), 101) -> ValueError: Percentiles must be in the range [0, 100]
        NumPyErrors.Classify(Should.Throw<ArgumentException>(() => Np.Percentile(DenseArray.From(new[] { 1.0 }), 101))).ShouldBe(NumPyErrorKind.ValueError);
        NumPyErrors.Classify(Should.Throw<ArgumentException>(() => Np.Quantile(DenseArray.From(new[] { 1.0 }), -0.1))).ShouldBe(NumPyErrorKind.ValueError);
    }

    [Fact]
    public void Cov_of_no_variables_is_numpys_empty_float64_matrix_whatever_the_dtype()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.cov(np.zeros((2, 0), np.complex128), rowvar=False) -> array([], shape=(0, 0), dtype=float64)
        NDArray c = Np.Cov(Np.Zeros(new Shape(2, 0), DType.Complex128), rowvar: false);
        c.DType.ShouldBe(DType.Float64);
        c.Shape.ShouldBe(new Shape(0, 0));
    }

    [Fact]
    public void Singular_value_norms_of_a_matrix_with_an_infinity_are_nan_and_with_a_nan_raise_as_numpys()
    {
        using var host = TestHost.Create(new DensePlugin());
        // a = np.array([[-15.1+16.1j, 4.9-1.09j, 0, 4.7-13.5j, 1.04+8.66j, complex(-np.inf, 0), -1.4+4j]])
        // np.linalg.norm(a, 2, axis=(0, 1)) -> nan (Dense raised "SVD did not converge"; found on Chunked, seed 207)
        NDArray a = Np.AsArray(new[] { new Complex(-15.1, 16.1), new Complex(4.9, -1.09), Complex.Zero, new Complex(4.7, -13.5), new Complex(1.04, 8.66), new Complex(double.NegativeInfinity, 0), new Complex(-1.4, 4) }).Reshape(1, 7);
        double.IsNaN(Np.Linalg.Norm(a, 2, new[] { 0, 1 }).Item<double>()).ShouldBeTrue();
        // np.linalg.norm(np.array([[1, np.inf], [3, 4.]]), 'nuc') -> nan; -2 -> nan
        NDArray b = Np.AsArray(new[] { 1.0, double.PositiveInfinity, 3, 4 }).Reshape(2, 2);
        double.IsNaN(Np.Linalg.Norm(b, "nuc").Item<double>()).ShouldBeTrue();
        double.IsNaN(Np.Linalg.Norm(b, -2.0).Item<double>()).ShouldBeTrue();
        // np.linalg.norm(np.array([[1.0, np.nan], [2, 3]]), 2) -> LinAlgError: SVD did not converge
        Should.Throw<LinAlgException>(() => Np.Linalg.Norm(Np.AsArray(new[] { 1.0, double.NaN, 2, 3 }).Reshape(2, 2), 2.0)).Message.ShouldBe("SVD did not converge");
    }
}
