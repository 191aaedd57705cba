using ArrayDispatch.Dense;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// CuPy's rearranging functions on Gpu arrays (flip, swapaxes, moveaxis, diagonal, trace, tril/triu, roll, tile, repeat,
/// outer, kron) against Dense on the same data, in every dtype (bool, integers, floats, complex) and three layouts of the
/// input (C-contiguous, transposed, reversed with a step): same dtype, shape and values; the view functions share the
/// input's device buffer; NumPy's errors are Dense's errors.
/// </summary>
public sealed class RearrangingMatchesDenseTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    private static readonly DType[] s_dtypes =
        [DType.Float64, DType.Float32, DType.Float16, DType.Int64, DType.Int32, DType.Int8, DType.UInt8, DType.UInt64, DType.Bool, DType.Complex128, DType.Complex64];

    /// <summary>Each case: a name and the call, given an input of shape (3, 4, 5) in one of the layouts.</summary>
    public static TheoryData<string> Cases => new(s_cases.Keys.Order());

    private static readonly Dictionary<string, Func<NDArray, NDArray>> s_cases = new()
    {
        ["flip all"] = x => Np.Flip(x),
        ["flip 0"] = x => Np.Flip(x, 0),
        ["flip (0, -1)"] = x => Np.Flip(x, Axes.Of(0, -1)),
        ["swapaxes 0 2"] = x => Np.SwapAxes(x, 0, 2),
        ["swapaxes -1 1"] = x => Np.SwapAxes(x, -1, 1),
        ["moveaxis 0 -> 2"] = x => Np.MoveAxis(x, [0], [2]),
        ["moveaxis (0, 1) -> (-1, -2)"] = x => Np.MoveAxis(x, [0, 1], [-1, -2]),
        ["diagonal 0"] = x => Np.Diagonal(x),
        ["diagonal 2"] = x => Np.Diagonal(x, 2),
        ["diagonal -1"] = x => Np.Diagonal(x, -1),
        ["diagonal past the edge"] = x => Np.Diagonal(x, 9),
        ["trace 0"] = x => Np.Trace(x),
        ["trace 1"] = x => Np.Trace(x, 1),
        ["trace -2"] = x => Np.Trace(x, -2),
        ["tril 0"] = x => Np.Tril(x),
        ["tril -1"] = x => Np.Tril(x, -1),
        ["triu 1"] = x => Np.Triu(x, 1),
        ["triu of a matrix"] = x => Np.Triu(Np.Reshape(x, [12, 5]), -2),
        ["tril of a vector"] = x => Np.Tril(Np.Reshape(x, [-1])[new Slice(0, 6)], 1),
        ["roll flat 7"] = x => Np.Roll(x, 7),
        ["roll -1 axis 0"] = x => Np.Roll(x, -1, 0),
        ["roll (1, 2) over (0, 2)"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Roll, new Functions.RollArgs(x, [1, 2], Axes.Of(0, 2))),
        ["roll (1, 2) over axis 1 adds up"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Roll, new Functions.RollArgs(x, [1, 2], Axes.Of(1))),
        ["roll (2, 3) flat adds up"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Roll, new Functions.RollArgs(x, [2, 3])),
        ["roll by the length"] = x => Np.Roll(x, 4, 1),
        ["tile 2"] = x => Np.Tile(x, 2),
        ["tile (2, 1, 1, 3)"] = x => Np.Tile(x, 2, 1, 1, 3),
        ["tile 0"] = x => Np.Tile(x, 0, 1),
        ["repeat 2 flat"] = x => Np.Repeat(x, 2),
        ["repeat 3 axis 1"] = x => Np.Repeat(x, 3, 1),
        ["repeat (2, 2, 2) axis 0"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Repeat, new Functions.RepeatArgs(x, [2, 2, 2], Axes.Of(0))),
        ["repeat (1, 0, 3, 2) axis 1"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Repeat, new Functions.RepeatArgs(x, [1, 0, 3, 2], Axes.Of(1))),
        ["repeat (0, 1, ...) flat"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Repeat, new Functions.RepeatArgs(x, [.. Enumerable.Range(0, 60).Select(i => i % 3)])),
        ["take flat"] = x => Np.Take(x, Like(x, new long[] { 0, 59, -1, 7, 7 })),
        ["take axis 1"] = x => Np.Take(x, Like(x, new long[] { 3, -4, 1 }), 1),
        ["take axis -1, 2-d indices"] = x => Np.Take(x, Np.Reshape(Like(x, new long[] { 4, 0, 2, 2, 1, 3 }), [2, 3]), -1),
        ["take a 0-d index"] = x => Np.Take(x, Like(x, 2L), 0),
        ["take nothing"] = x => Np.Take(x, Np.AsType(Like(x, new long[] { 0 }), DType.Int32)[new Slice(0, 0)], 2),
        ["x[idx]"] = x => x[Like(x, new long[] { 2, 0, -1, 1 })],
        ["x[:, idx]"] = x => x[ArrayIndex.All, Like(x, new long[] { 3, 3, 0 })],
        ["x[0, :, idx] (advanced dims first)"] = x => x[0, ArrayIndex.All, Like(x, new long[] { 1, 2 })],
        ["x[:, idx, 1]"] = x => x[ArrayIndex.All, Like(x, new long[] { 0, 2 }), 1],
        ["x[idx, ..., 1] (advanced dims first)"] = x => x[Like(x, new long[] { 1, 0 }), ArrayIndex.Ellipsis, 1],
        ["x[newaxis, 2-d idx, :, 0]"] = x => x[ArrayIndex.NewAxis, Np.Reshape(Like(x, new long[] { 1, 0, 2, 1 }), [2, 2]), ArrayIndex.All, 0],
        ["x[..., idx]"] = x => x[ArrayIndex.Ellipsis, Like(x, new long[] { 1, 3 })],
        ["x[mask]"] = x => x[Np.Greater(Np.AsType(x, DType.Float64), 0.5)],
        ["x[0][mask]"] = x => x[0][Np.Less(Np.AsType(x[0], DType.Float64), 0.0)],
        ["x[:, mask of axis 1]"] = x => x[ArrayIndex.All, Like(x, new[] { true, false, true, true })],
        ["x[0, mask over axes 1, 2]"] = x => x[0, Np.NotEqual(Np.AsType(x[1], DType.Float64), 0.0)],
        ["searchsorted left"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.SearchSorted, new Functions.SearchSortedArgs(Np.Sort(Np.Ravel(x)), x[1])),
        ["searchsorted right"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.SearchSorted, new Functions.SearchSortedArgs(Np.Sort(Np.Ravel(x[0])), x, Right: true)),
        ["nonzero"] = x => Np.Stack(Np.Nonzero(x), 0),
        ["nonzero of a row"] = x => Np.Stack(Np.Nonzero(x[1, 2]), 0),
        ["nonzero of a 0-d array"] = x => Np.Stack(Np.Nonzero(x[0, 0, 1]), 0),
        ["argwhere"] = x => Np.Argwhere(x),
        ["argwhere of a 0-d array"] = x => Np.Argwhere(x[2, 3, 4]),
        ["argwhere of nothing"] = x => Np.Argwhere(x[0, new Slice(0, 0)]),
        ["x[True]"] = x => x[Like(x, true)],
        ["take int8 indices"] = x => Np.Take(x, Np.AsType(Like(x, new long[] { 1, 2, -3 }), DType.Int8), 2),
        ["outer"] = x => Np.Outer(x[0, 1], x[2]),
        ["kron 2-d"] = x => Np.Kron(x[0, new Slice(0, 2)], x[1, new Slice(1, 3), new Slice(0, 3)]),
        ["tensordot over 2 axes"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Tensordot, new Functions.TensordotArgs(x, x[0], [1, 2], [0, 1])),
        ["tensordot over (0, 2) and (2, 0)"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Tensordot, new Functions.TensordotArgs(x, Np.Transpose(x), [0, 2], [2, 0])),
        ["tensordot over nothing"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Tensordot, new Functions.TensordotArgs(x[0, 0], x[1, 1], [], [])),
        ["vecdot"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.VecDot, new Functions.PairArgs(x, x[1])),
        ["split 2 of axis 1"] = x => Np.Concatenate(Np.Split(x, 2, 1), 0),
        ["split at (1, -1, 9) of axis 2"] = x => Np.Stack(Np.Split(x, new[] { 1, -1, 9 }, 2).Select(p => (NDArray)Np.Sum(Np.AsType(p, DType.Float64), axis: 2)).ToArray(), 0),
        ["meshgrid xy"] = x => Np.Stack(Np.Meshgrid([x[0, 0], x[1, 1, new Slice(0, 3)], x[2, 2, new Slice(0, 2)]]), 0),
        ["meshgrid ij"] = x => Np.Stack(Np.Meshgrid([x[0, 0], x[1, 1, new Slice(0, 3)]], ij: true), 0),
        ["setitem of a slice by a row"] = x => Assigned(x, a => a[ArrayIndex.All, new Slice(1, 3)] = a[0, 0]),
        ["setitem of a reversed view by a scalar"] = x => Assigned(x, a => Np.SetItem(a, [new Slice(null, null, -1), 2], 1)),
        ["setitem of an element"] = x => Assigned(x, a => a[1, 2, 3] = a[0, 0, 0]),
        ["vdot"] = x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Vdot, new Functions.PairArgs(x[0], x[2])),
        ["kron 1-d and 3-d"] = x => Np.Kron(x[0, 0, new Slice(0, 3)], x[new Slice(0, 2), new Slice(0, 2)]),
    };

    /// <summary>A copy of <paramref name="x"/> (on its backend) after the assignment.</summary>
    private static NDArray Assigned(NDArray x, Action<NDArray> assign)
    {
        NDArray copy = Np.Copy(x);
        assign(copy);
        return copy;
    }

    /// <summary>Indices on <paramref name="x"/>'s backend (a Gpu array takes Gpu indices: CuPy moves nothing implicitly).</summary>
    private static NDArray Like(NDArray x, object values) => Np.AsArray(values, backend: x is GpuArray ? "Gpu" : "Dense");

    /// <summary>120 values of <paramref name="dtype"/> as a 1-d Dense array (rounded to two decimals, small integers for integer dtypes).</summary>
    private static NDArray Values(DType dtype)
    {
        var random = new Random(17 + (int)dtype);
        double[] values = Enumerable.Range(0, 120).Select(_ => Math.Round(random.NextDouble() * 12 - 6, 2)).ToArray();
        NDArray raw = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(values.Length)), backend: "Dense");
        if (dtype.IsInteger() || dtype == DType.Bool) raw = Np.Round(raw);
        return Np.AsType(raw, dtype);
    }

    /// <summary>A (3, 4, 5) view of the 120 values in one of three layouts, made by the array's own backend.</summary>
    private static NDArray Laid(NDArray values, string layout) => layout switch
    {
        "C" => Np.Reshape(values[new Slice(0, 60)], [3, 4, 5]),
        "transposed" => Np.Transpose(Np.Reshape(values[new Slice(0, 60)], [5, 4, 3])),
        _ => Np.Reshape(values, [3, 4, 10])[new Slice(null, null, -1), ArrayIndex.All, new Slice(null, null, 2)],
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rearranging_on_Gpu_matches_Dense_in_every_dtype_and_layout(string name)
    {
        Func<NDArray, NDArray> call = s_cases[name];
        foreach (DType dtype in s_dtypes)
        {
            NDArray values = Values(dtype);
            using var uploaded = (GpuArray)Np.AsArray(values, backend: "Gpu");
            foreach (string layout in new[] { "C", "transposed", "reversed" })
            {
                NDArray dense = Laid(values, layout);
                using var gpu = (GpuArray)Laid(uploaded, layout);
                dense.Shape.ShouldBe(new Shape(3, 4, 5));
                gpu.Layout.Strides.ToArray().ShouldBe(((DenseArray)dense).Layout.Strides.ToArray());
                string what = $"{name}, {dtype.Name()}, {layout}";
                NDArray expected = call(dense);
                NDArray actual = call(gpu);
                actual.ShouldBeOfType<GpuArray>(what);
                actual.DType.ShouldBe(expected.DType, what);
                actual.Shape.ShouldBe(expected.Shape, what);
                bool sums = name.StartsWith("trace", StringComparison.Ordinal) || name.StartsWith("tensordot", StringComparison.Ordinal) || name is "vdot" or "vecdot" || name.StartsWith("split at", StringComparison.Ordinal);
                if (sums && (dtype.IsFloat() || dtype.IsComplex())) ShouldBeClose(actual, expected, dtype, what);
                else Texts(actual).ShouldBe(Texts(expected), what);
                actual.Dispose();
            }
        }
    }

    private static string[] Texts(NDArray x)
    {
        Array values = Np.AsArray(x, backend: "Dense").ToHost().ToContiguousArray();
        var texts = new string[values.Length];
        for (int i = 0; i < texts.Length; i++) texts[i] = Convert.ToString(values.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
        return texts;
    }

    /// <summary>Sums of products in another order: equal within a few units in the last place of the dtype.</summary>
    private static void ShouldBeClose(NDArray actual, NDArray expected, DType dtype, string what)
    {
        double tolerance = dtype is DType.Float16 ? 2e-2 : dtype is DType.Float32 or DType.Complex64 ? 1e-5 : 1e-12;
        NDArray a = Np.AsType(Np.AsArray(actual, backend: "Dense"), DType.Complex128), e = Np.AsType(expected, DType.Complex128);
        System.Numerics.Complex[] av = a.ToArray<System.Numerics.Complex>(), ev = e.ToArray<System.Numerics.Complex>();
        av.Length.ShouldBe(ev.Length, what);
        for (int i = 0; i < av.Length; i++)
        {
            System.Numerics.Complex.Abs(av[i] - ev[i]).ShouldBeLessThanOrEqualTo(tolerance * Math.Max(1, System.Numerics.Complex.Abs(ev[i])), $"{what}[{i}]: {av[i]} against {ev[i]}");
        }
    }

    [Fact]
    public void Views_share_the_inputs_device_buffer()
    {
        using var x = (GpuArray)Np.AsArray(Np.Reshape(Np.Arange(0.0, 60.0, 1.0, backend: "Dense"), [3, 4, 5]), backend: "Gpu");
        long before = GpuTestBase.Device.AllocatedBytes;

        using var flipped = (GpuArray)Np.Flip(x, 1);
        using var swapped = (GpuArray)Np.SwapAxes(x, 0, 2);
        using var moved = (GpuArray)Np.MoveAxis(x, [0], [-1]);
        using var diagonal = (GpuArray)Np.Diagonal(x, 1);

        GpuTestBase.Device.AllocatedBytes.ShouldBe(before);
        flipped[0, 0, 0].ToString().ShouldBe("15.0");
        diagonal.Shape.ShouldBe(new Shape(5, 3));
    }

    [Fact]
    public void Errors_are_Denses_errors()
    {
        NDArray dense = Np.Reshape(Np.Arange(0.0, 24.0, 1.0, backend: "Dense"), [2, 3, 4]);
        using var gpu = (GpuArray)Np.AsArray(dense, backend: "Gpu");
        foreach ((string what, Func<NDArray, NDArray> call) in new (string, Func<NDArray, NDArray>)[]
        {
            ("roll with 3 shifts over 2 axes", x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Roll, new Functions.RollArgs(x, [1, 2, 3], Axes.Of(0, 1)))),
            ("moveaxis repeating an axis", x => Np.MoveAxis(x, [0, 0], [1, 2])),
            ("moveaxis with lists of two lengths", x => Np.MoveAxis(x, [0, 1], [1])),
            ("swapaxes out of range", x => Np.SwapAxes(x, 0, 3)),
            ("flip out of range", x => Np.Flip(x, -4)),
            ("diagonal of a vector", x => Np.Diagonal(Np.Reshape(x, [-1]))),
            ("tile with a negative count", x => Np.Tile(x, -1)),
            ("repeat with a negative count", x => Np.Repeat(x, -1)),
            ("repeat with counts of another length", x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Repeat, new Functions.RepeatArgs(x, [1, 2], Axes.Of(2)))),
            ("tril of a 0-d array", x => Np.Tril(x[0, 0, 0])),
            ("tensordot of unequal axes", x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Tensordot, new Functions.TensordotArgs(x, x, [1], [2]))),
            ("tensordot with lists of two lengths", x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Tensordot, new Functions.TensordotArgs(x, x, [1, 2], [2]))),
            ("setitem of a row by two values", x => Np.SetItem(Np.Copy(x), [0, 0], Np.Copy(x[0, 0, new Slice(0, 2)]))),
            ("split into sections that do not divide", x => Np.Split(x, 5, 1)[0]),
            ("split into no sections", x => Np.Split(x, 0, 1)[0]),
            ("vdot of two sizes", x => Np.Dispatcher.Invoke(Functions.ArrayFunctions.Vdot, new Functions.PairArgs(x, x[0]))),
        })
        {
            Exception expected = Should.Throw<Exception>(() => call(dense), what);
            Exception actual = Should.Throw<Exception>(() => call(gpu), what);
            NumPyErrors.Find(actual).GetType().ShouldBe(NumPyErrors.Find(expected).GetType(), what);
            NumPyErrors.Find(actual).Message.ShouldBe(NumPyErrors.Find(expected).Message, what);
        }
    }

    [Fact]
    public void Take_out_of_bounds_names_the_first_bad_index_as_NumPy()
    {
        NDArray dense = Np.Reshape(Np.Arange(0.0, 24.0, 1.0, backend: "Dense"), [2, 3, 4]);
        using var gpu = (GpuArray)Np.AsArray(dense, backend: "Gpu");
        foreach ((long[] indices, int? axis) in new (long[], int?)[] { ([0, 5, -9, 2], 2), ([1, -4], 1), ([24], null), ([-25, 30], null) })
        {
            string what = $"take [{string.Join(", ", indices)}] axis {axis}";
            Exception expected = Should.Throw<ArgumentOutOfRangeException>(() => Np.Take(dense, Np.AsArray(indices, backend: "Dense"), axis), what);
            Exception actual = Should.Throw<ArgumentOutOfRangeException>(() => Np.Take(gpu, Np.AsArray(indices, backend: "Gpu"), axis), what);
            actual.Message.ShouldBe(expected.Message, what);
        }
        Should.Throw<ArgumentException>(() => Np.Take(gpu, Np.AsArray(new[] { 1.0 }, backend: "Gpu"))).Message.ShouldStartWith("arrays used as indices must be of integer");
        Should.Throw<ArgumentOutOfRangeException>(() => gpu[ArrayIndex.All, Np.AsArray(new[] { true, false }, backend: "Gpu")]).Message.ShouldStartWith(
            "boolean index did not match indexed array along dimension 1; dimension is 3 but corresponding boolean dimension is 2");
        Should.Throw<ArgumentOutOfRangeException>(() => gpu[1, Np.AsArray(new long[] { 0, 3 }, backend: "Gpu")]).Message.ShouldStartWith(
            "index 3 is out of bounds for axis 1 with size 3");                     // NumPy names the indexed array's axis
        Should.Throw<ArgumentOutOfRangeException>(() => gpu[ArrayIndex.Ellipsis, Np.AsArray(new long[] { 4 }, backend: "Gpu")]).Message.ShouldStartWith(
            "index 4 is out of bounds for axis 2 with size 4");
        Should.Throw<ArgumentOutOfRangeException>(() => dense[1, Np.AsArray(new long[] { 0, 3 }, backend: "Dense")]).Message.ShouldStartWith(
            "index 3 is out of bounds for axis 1 with size 3");                     // and so does Dense
    }

    [Fact]
    public void Setitem_refuses_what_NumPy_refuses_and_says_what_Gpu_cannot_assign()
    {
        using var bytes = (GpuArray)Np.AsArray(new byte[] { 1, 2, 3 }, backend: "Gpu");
        Should.Throw<OverflowException>(() => Np.SetItem(bytes, [0], 300));                 // NEP 50: a Python int that does not fit
        using var row = (GpuArray)Np.AsArray(new[] { 1.0, 2.0, 3.0 }, backend: "Gpu");
        using var stretched = (GpuArray)Np.BroadcastTo(row, [2, 3]);
        Should.Throw<ArgumentException>(() => Np.SetItem(stretched, [0, 0], 5.0)).Message.ShouldStartWith("assignment destination is read-only");
        Should.Throw<NotSupportedException>(() => Np.SetItem(row, [Np.AsArray(new long[] { 0 }, backend: "Gpu")], 5.0)).Message.ShouldContain("not implemented on Gpu");
        Np.SetItem(row, [new Slice(0, 2)], 7.0);
        row.ToArray<double>().ShouldBe([7.0, 7.0, 3.0]);
        // a Python complex into a real array: NumPy's TypeError from float()/int(), as Dense (the battery's third block:
        // Gpu stored the real part)
        Should.Throw<DTypeMismatchException>(() => Np.SetItem(row, [new Slice(null, null, -1)], Scalar.Complex(1.5, -2)))
            .Message.ShouldBe(Should.Throw<DTypeMismatchException>(() => Np.SetItem(Np.Zeros(3), [new Slice(null, null, -1)], Scalar.Complex(1.5, -2))).Message);
        Should.Throw<DTypeMismatchException>(() => Np.SetItem(bytes, [0], Scalar.Complex(1, 0)));
        row.ToArray<double>().ShouldBe([7.0, 7.0, 3.0]);
    }

    [Fact]
    public void Searchsorted_puts_NaN_last_and_orders_complex_as_NumPy()
    {
        using var a = (GpuArray)Np.AsArray(new[] { 1.0, 2.0, double.NaN, double.NaN }, backend: "Gpu");
        using var v = (GpuArray)Np.AsArray(new[] { double.NaN, 2.0, 5.0, -1.0 }, backend: "Gpu");
        Np.Dispatcher.Invoke(Functions.ArrayFunctions.SearchSorted, new Functions.SearchSortedArgs(a, v)).ToArray<long>().ShouldBe([2L, 1, 2, 0]);
        Np.Dispatcher.Invoke(Functions.ArrayFunctions.SearchSorted, new Functions.SearchSortedArgs(a, v, Right: true)).ToArray<long>().ShouldBe([4L, 2, 2, 0]);
        using var c = (GpuArray)Np.AsArray(new System.Numerics.Complex[] { new(1, 1), new(1, 2), new(2, 0) }, backend: "Gpu");
        using var w = (GpuArray)Np.AsArray(new System.Numerics.Complex[] { new(1, 1.5), new(2, 0), System.Numerics.Complex.Zero }, backend: "Gpu");
        Np.Dispatcher.Invoke(Functions.ArrayFunctions.SearchSorted, new Functions.SearchSortedArgs(c, w)).ToArray<long>().ShouldBe([1L, 2, 0]);
    }

    [Fact]
    public void Unique_with_index_inverse_and_counts_matches_Dense_in_every_dtype_with_NaNs_collapsed_or_not()
    {
        foreach (DType dtype in s_dtypes)
        {
            NDArray values = Values(dtype);
            NDArray dense = Np.Reshape(Np.Round(Np.Divide(Np.AsType(values, DType.Float64), 2.0)), [12, 10]);
            if (dtype.IsFloat() || dtype.IsComplex()) dense = Np.Where(Np.Greater(dense, 2.0), double.NaN, dense);
            dense = Np.Transpose(Np.AsType(dense, dtype));
            using var gpu = (GpuArray)Np.Transpose(Np.AsArray(Np.Transpose(dense), backend: "Gpu"));
            foreach (bool equalNan in new[] { true, false })
            {
                var args = new Functions.UniqueArgs(dense, ReturnIndex: true, ReturnInverse: true, ReturnCounts: true) { EqualNan = equalNan };
                Functions.UniqueResult expected = Np.Dispatcher.Invoke(Functions.ArrayFunctions.Unique, args);
                Functions.UniqueResult actual = Np.Dispatcher.Invoke(Functions.ArrayFunctions.Unique, args with { X = gpu });
                string what = $"{dtype.Name()} equal_nan={equalNan}";
                actual.Values.ShouldBeOfType<GpuArray>(what);
                actual.Values.DType.ShouldBe(expected.Values.DType, what);
                Texts(actual.Values).ShouldBe(Texts(expected.Values), what + " values");
                Texts(actual.Indices!).ShouldBe(Texts(expected.Indices!), what + " indices");
                Texts(actual.Inverse!).ShouldBe(Texts(expected.Inverse!), what + " inverse");
                Texts(actual.Counts!).ShouldBe(Texts(expected.Counts!), what + " counts");
            }
        }
        using var empty = (GpuArray)Np.AsArray(new double[0], backend: "Gpu");
        Np.Dispatcher.Invoke(Functions.ArrayFunctions.Unique, new Functions.UniqueArgs(empty, ReturnCounts: true)).Counts!.Shape.ShouldBe(new Shape(0));
    }
}
