using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;
using Complex = System.Numerics.Complex;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// The NumPy functions Dense serves that Chunked gained (tril/triu, diagonal, trace, repeat, tile, take, sort, argsort,
/// searchsorted, meshgrid, linspace, ...): on a (6, 5, 7) array in uneven chunks (4, 2, 3) of every kind of dtype, each
/// result is lazy (no compute until <c>Compute()</c>) and, computed, has Dense's shape, dtype and values; NumPy's errors
/// are Dense's errors (same type, same message).
/// </summary>
public sealed class DenseFunctionsOnChunkedTests
{
    private static readonly DType[] s_dtypes = [DType.Bool, DType.Int32, DType.Int64, DType.Float32, DType.Float64, DType.Complex128];

    public static TheoryData<string> Cases => new(s_cases.Keys.Order());

    private static NDArray Indices(params long[] values) => Np.AsArray(values, backend: "Dense");

    private static readonly Dictionary<string, Func<NDArray, NDArray>> s_cases = new()
    {
        ["tril 0"] = x => Np.Tril(x),
        ["tril -2"] = x => Np.Tril(x, -2),
        ["tril 4"] = x => Np.Tril(x, 4),
        ["triu 1"] = x => Np.Triu(x, 1),
        ["triu -3 of a matrix"] = x => Np.Triu(Np.Reshape(x, [30, 7]), -3),
        ["tril of a vector"] = x => Np.Tril(x[0, 1], 1),
        ["tril of an empty array"] = x => Np.Tril(x[ArrayIndex.All, new Slice(0, 0)]),
        ["diagonal 0"] = x => Np.Diagonal(x),
        ["diagonal 2"] = x => Np.Diagonal(x, 2),
        ["diagonal -3"] = x => Np.Diagonal(x, -3),
        ["diagonal past the edge"] = x => Np.Diagonal(x, 9),
        ["diagonal of a matrix"] = x => Np.Diagonal(Np.Reshape(x, [30, 7]), -1),
        ["trace 0"] = x => Np.Trace(x),
        ["trace 1"] = x => Np.Trace(x, 1),
        ["trace -4"] = x => Np.Trace(x, -4),
        ["trace of an empty matrix"] = x => Np.Trace(x[0, new Slice(0, 0)]),
        ["repeat 2 flat"] = x => Np.Repeat(x, 2),
        ["repeat 3 axis 1"] = x => Np.Repeat(x, 3, 1),
        ["repeat 0 axis 2"] = x => Np.Repeat(x, 0, 2),
        ["repeat per element axis 0"] = x => Np.Dispatcher.Invoke(ArrayFunctions.Repeat, new RepeatArgs(x, [1, 0, 3, 2, 2, 1], Axes.Of(0))),
        ["tile 2"] = x => Np.Tile(x, 2),
        ["tile (2, 1, 1, 3)"] = x => Np.Tile(x, 2, 1, 1, 3),
        ["tile (0, 1)"] = x => Np.Tile(x, 0, 1),
        ["take flat"] = x => Np.Take(x, Indices(0, 209, -1, 7, 7, 100)),
        ["take axis 1"] = x => Np.Take(x, Indices(3, -4, 1, 4), 1),
        ["take axis -1, 2-d indices"] = x => Np.Take(x, Np.Reshape(Indices(6, 0, 2, 2, 5, 3), [2, 3]), -1),
        ["take a 0-d index"] = x => Np.Take(x, Np.AsArray(2L, backend: "Dense"), 0),
        ["take nothing"] = x => Np.Take(x, Indices(0)[new Slice(0, 0)], 2),
        ["take int8 indices"] = x => Np.Take(x, Np.AsType(Indices(1, 6, -3), DType.Int8), 2),
        ["take chunked indices"] = x => Np.Take(x, Np.AsArray(Indices(4, 0, 1, 3, 3, -1, 2), backend: "Chunked", chunks: [3]), 0),
        ["sort last axis"] = x => Np.Sort(x),
        ["sort axis 0"] = x => Np.Sort(x, 0),
        ["sort flattened"] = x => Np.Sort(x, null),
        ["sort descending axis 1"] = x => Np.Sort(x, 1, descending: true),
        ["sort of an empty array"] = x => Np.Sort(x[new Slice(0, 0)], 1),
        ["argsort last axis"] = x => Np.Argsort(x),
        ["argsort axis 0"] = x => Np.Argsort(x, 0),
        ["argsort flattened"] = x => Np.Argsort(x, null),
        ["argsort of a 0-d array"] = x => Np.Argsort(x[1, 2, 3]),
        ["searchsorted left"] = x => Np.SearchSorted(Np.Sort(Np.Ravel(x[0])), x[1]),
        ["searchsorted right"] = x => Np.SearchSorted(Np.Sort(Np.Ravel(x[2])), x, right: true),
        ["meshgrid xy"] = x => Np.Stack(Np.Meshgrid([x[0, 0], x[1, 1, new Slice(0, 3)], x[2, new Slice(0, 2), 0]]), 0),
        ["norm"] = x => Np.Linalg.Norm(x),
        ["norm keepdims"] = x => Np.Linalg.Norm(x, keepDims: true),
        ["norm 1 of axis 2"] = x => Np.Linalg.Norm(x, 1, Axes.Of(2)),
        ["norm inf of axis 0, keepdims"] = x => Np.Linalg.Norm(x, double.PositiveInfinity, Axes.Of(0), keepDims: true),
        ["norm -inf of axis 1"] = x => Np.Linalg.Norm(x, double.NegativeInfinity, Axes.Of(1)),
        ["norm 0 of axis -1"] = x => Np.Linalg.Norm(x, 0, Axes.Of(-1)),
        ["norm 3 of axis 1"] = x => Np.Linalg.Norm(x, 3, Axes.Of(1)),
        ["norm 2 of a vector"] = x => Np.Linalg.Norm(x[1, 2], 2),
        ["norm fro of axes (0, 2)"] = x => Np.Linalg.Norm(x, "fro", Axes.Of(0, 2)),
        ["norm 1 of axes (2, 0)"] = x => Np.Linalg.Norm(x, 1, Axes.Of(2, 0)),
        ["norm -1 of a matrix"] = x => Np.Linalg.Norm(x[3], -1),
        ["norm inf of axes (1, 2), keepdims"] = x => Np.Linalg.Norm(x, double.PositiveInfinity, Axes.Of(1, 2), keepDims: true),
        ["norm -inf of a matrix"] = x => Np.Linalg.Norm(x[0], double.NegativeInfinity),
        ["norm 2 of axes (0, 1)"] = x => Np.Linalg.Norm(x, 2, Axes.Of(0, 1)),
        ["norm nuc of a matrix"] = x => Np.Linalg.Norm(x[2], "nuc"),
        ["norm of an empty array"] = x => Np.Linalg.Norm(x[new Slice(0, 0)]),
        ["setitem of a slice by a row"] = x => Assigned(x, a => a[ArrayIndex.All, new Slice(1, 3)] = a[0, 0]),
        ["setitem of a reversed strided slice by a scalar"] = x => Assigned(x, a => Np.SetItem(a, [new Slice(null, null, -2), 2], 1)),
        ["setitem of an element"] = x => Assigned(x, a => a[1, 2, 3] = a[0, 0, 0]),
        ["setitem through newaxis and ellipsis"] = x => Assigned(x, a => Np.SetItem(a, [ArrayIndex.Ellipsis, ArrayIndex.NewAxis, new Slice(2, 6)], a[5, 4, new Slice(0, 4)])),
        ["setitem of a block-crossing region by a block"] = x => Assigned(x, a => Np.SetItem(a, [new Slice(2, 6), new Slice(1, 4), new Slice(-5, null, 2)], Np.Flip(a[new Slice(0, 4), new Slice(0, 3), new Slice(0, 3)]))),
        ["setitem of nothing"] = x => Assigned(x, a => Np.SetItem(a, [new Slice(3, 3)], 0)),
        ["meshgrid ij"] = x => Np.Stack(Np.Meshgrid([x[0, 0], x[1, new Slice(0, 4), 1]], ij: true), 0),
    };

    /// <summary>A copy of <paramref name="x"/> (on its backend) after the assignment.</summary>
    private static NDArray Assigned(NDArray x, Action<NDArray> assign)
    {
        NDArray copy = Np.Copy(x);
        assign(copy);
        return copy;
    }

    /// <summary>Six times 35 values of <paramref name="dtype"/> (small integers for integer dtypes, a few repeated), as a (6, 5, 7) Dense array.</summary>
    internal static NDArray Values(DType dtype)
    {
        var random = new Random(17 + (int)dtype);
        double[] values = Enumerable.Range(0, 210).Select(_ => Math.Round(random.NextDouble() * 12 - 6, random.Next(3) == 0 ? 0 : 2)).ToArray();
        NDArray raw = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(6, 5, 7)), backend: "Dense");
        if (dtype.IsInteger() || dtype == DType.Bool) raw = Np.Round(raw);
        if (dtype == DType.Complex128) raw = Np.Add(raw, Np.Multiply(Np.Flip(raw), Np.AsArray(new Complex(0, 1), backend: "Dense")));
        return Np.AsType(raw, dtype);
    }

    internal static Complex[] Elements(NDArray a) => Np.AsType(a, DType.Complex128).ToArray<Complex>();

    /// <summary>Equal values; floating-point ones to a few units in the last place of float32 (sums may add in another order).</summary>
    internal static void ShouldMatch(NDArray computed, NDArray expected, string because, double tolerance = 1e-5)
    {
        computed.Shape.ShouldBe(expected.Shape, because);
        computed.DType.ShouldBe(expected.DType, because);
        Complex[] got = Elements(computed), want = Elements(expected);
        for (int i = 0; i < want.Length; i++)
        {
            if (Complex.Abs(got[i] - want[i]) > tolerance * Math.Max(1, Complex.Abs(want[i])))
            {
                throw new ShouldAssertException($"{because}: element {i} is {got[i]}, Dense has {want[i]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lazy_and_equal_to_Dense_in_every_dtype(string name)
    {
        var recorder = new RecordingScheduler();
        using TestHost host = Create(2, 16, optimize: true, recorder);
        foreach (DType dtype in s_dtypes)
        {
            NDArray dense = Values(dtype);
            NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [4, 2, 3]);
            string because = $"{name} of {dtype.Name()}";
            int before = recorder.Runs.Count;
            NDArray lazy = s_cases[name](x);
            lazy.ShouldBeOfType<ChunkedArray>(because);
            recorder.Runs.Count.ShouldBe(before, $"{because}: computed before Compute()");
            NDArray expected = s_cases[name](dense);
            lazy.Shape.ShouldBe(expected.Shape, because);
            lazy.DType.ShouldBe(expected.DType, because);
            ShouldMatch(lazy.Compute(), expected, because);
        }
    }

    public static TheoryData<string> ErrorCases => new(s_errors.Keys.Order());

    private static readonly Dictionary<string, Func<NDArray, object>> s_errors = new()
    {
        ["tril of a 0-d array"] = x => Np.Tril(x[0, 0, 0]),
        ["diagonal of a vector"] = x => Np.Diagonal(x[0, 0]),
        ["trace of a vector"] = x => Np.Trace(x[0, 0]),
        ["take out of bounds"] = x => Np.Take(x, Indices(0, 7, 2), 2),
        ["take a negative index out of bounds"] = x => Np.Take(x, Indices(-7), 0),
        ["take float indices"] = x => Np.Take(x, Np.AsArray(new[] { 1.0 }, backend: "Dense"), 0),
        ["take axis out of range"] = x => Np.Take(x, Indices(0), 3),
        ["repeat with the wrong count of counts"] = x => Np.Dispatcher.Invoke(ArrayFunctions.Repeat, new RepeatArgs(x, [1, 2], Axes.Of(0))),
        ["repeat a negative count"] = x => Np.Repeat(x, -1, 0),
        ["repeat axis out of range"] = x => Np.Repeat(x, 2, -4),
        ["tile a negative count"] = x => Np.Tile(x, 2, -1),
        ["sort axis out of range"] = x => Np.Sort(x, 3),
        ["argsort axis out of range"] = x => Np.Argsort(x, -4),
        ["norm of a vector by name"] = x => Np.Linalg.Norm(x[0, 0], "fro"),
        ["norm with three axes"] = x => Np.Linalg.Norm(x, 2, Axes.Of(0, 1, 2)),
        ["norm with repeated axes"] = x => Np.Linalg.Norm(x, 1, Axes.Of(1, 1)),
        ["norm inf of an empty axis"] = x => Np.Linalg.Norm(x[ArrayIndex.All, new Slice(0, 0)], double.PositiveInfinity, Axes.Of(1)),
        ["norm 3 of a matrix"] = x => Np.Linalg.Norm(x[0], 3),
        ["norm 1 of a 3-d array"] = x => Np.Linalg.Norm(x, 1),
        ["setitem by a value that does not broadcast"] = x => Np.SetItem(Np.Copy(x), [0], x[0, 0, new Slice(0, 3)]),
        ["setitem out of bounds"] = x => Np.SetItem(Np.Copy(x), [0, 5], 1.0),
        ["setitem of a complex scalar into floats"] = x => Np.SetItem(Np.Copy(x), [0], Scalar.Complex(1, 2)),
        ["setitem with too many indices"] = x => Np.SetItem(Np.Copy(x), [0, 0, 0, 0], 1.0),
        ["searchsorted in a matrix"] = x => Np.SearchSorted(x[0], x[1]),
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Refuses_what_Dense_refuses_with_its_words(string name)
    {
        using TestHost host = Create();
        NDArray dense = Values(DType.Float64);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [4, 2, 3]);
        Exception expected = Should.Throw<Exception>(() => s_errors[name](dense));
        Exception actual = Should.Throw<Exception>(() => s_errors[name](x));
        actual.GetType().ShouldBe(expected.GetType(), name);
        actual.Message.ShouldBe(expected.Message, name);
    }

    [Fact]
    public void Tril_keeps_blocks_below_the_diagonal_and_makes_zeros_above_it_without_reading_them()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(Np.Reshape(Np.Arange(0.0, 36.0, 1.0, backend: "Dense"), [6, 6]), backend: "Chunked", chunks: [2]);
        var lower = (ChunkedArray)Np.Tril(x);
        var tasks = lower.Layer.Tasks.ToDictionary(t => string.Join(",", t.Index));
        tasks["2,0"].Spec!.Kind.ShouldBe("input");                 // wholly below: the input block itself
        tasks["2,0"].Dependencies.ShouldBe([((ChunkedArray)x).KeyOf(2, 0)]);
        tasks["0,2"].Dependencies.ShouldBeEmpty();                  // wholly above: zeros, the input not read
        tasks["0,2"].Spec!.Kind.ShouldBe("create");
        tasks["1,1"].Spec!.Kind.ShouldBe("call");                   // on the diagonal: masked
        var upper = (ChunkedArray)Np.Triu(x, 1);
        upper.Layer.Tasks.Single(t => t.Index.SequenceEqual([0, 2])).Spec!.Kind.ShouldBe("input");
        upper.Layer.Tasks.Single(t => t.Index.SequenceEqual([1, 1])).Spec!.Kind.ShouldBe("call");
        upper.Layer.Tasks.Single(t => t.Index.SequenceEqual([2, 0])).Dependencies.ShouldBeEmpty();
    }

    [Fact]
    public void Setitem_copies_only_the_touched_blocks_and_leaves_arrays_built_before_as_they_were()
    {
        using TestHost host = Create();
        var x = (ChunkedArray)Np.AsArray(Np.Arange(0.0, 20.0, 1.0, backend: "Dense"), backend: "Chunked", chunks: [5]);
        string before = x.Name;
        NDArray doubled = Np.Multiply(x, 2.0);
        Np.SetItem(x, [new Slice(6, 9)], -1.0);
        x.Name.ShouldNotBe(before);
        x.Layer.Tasks.Select(t => t.Spec!.Kind).ShouldBe(["input", "call", "input", "input"]);
        x.Layer.Tasks[0].Dependencies.ShouldBe([Names(before, 0)]);
        x.Compute().ToArray<double>().ShouldBe([0, 1, 2, 3, 4, 5, -1, -1, -1, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
        doubled.Compute().ToArray<double>()[7].ShouldBe(14.0);   // Dask's semantics: built from the old values

        static string Names(string layer, int block) => $"{layer}-{block}";
    }

    [Fact]
    public void Diagonal_has_one_task_per_block_it_crosses()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(Np.Reshape(Np.Arange(0.0, 42.0, 1.0, backend: "Dense"), [6, 7]), backend: "Chunked", chunks: [4, 3]);
        var d = (ChunkedArray)Np.Diagonal(x, 1);
        // (0, 1), (1, 2) in block (0, 0); (2, 3), (3, 4) in (0, 1); (4, 5) in (1, 1); (5, 6) in (1, 2).
        d.Chunks[0].ShouldBe([2, 2, 1, 1]);
        d.Layer.Tasks.Select(t => t.Dependencies.Single()).ShouldBe([.. new[] { (0, 0), (0, 1), (1, 1), (1, 2) }.Select(b => ((ChunkedArray)x).KeyOf(b.Item1, b.Item2))]);
    }

    [Fact]
    public void Take_of_known_indices_reads_only_the_blocks_they_fall_in()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(Np.Arange(0.0, 20.0, 1.0, backend: "Dense"), backend: "Chunked", chunks: [5]);
        var taken = (ChunkedArray)Np.Take(x, Indices(12, 13, 11));
        taken.Layer.Tasks.Single().Dependencies.ShouldBe([((ChunkedArray)x).KeyOf(2)]);
        taken.Compute().ToArray<double>().ShouldBe([12.0, 13.0, 11.0]);
    }

    [Fact]
    public void Take_from_a_transposed_empty_array_is_empty_as_on_Dense()
    {
        // The differential battery's seed 507: a chunk task's Dense take read a (2, 0, 3) block whose offset lies past its
        // empty storage ("copying 0 elements from 4 of 0 ... is out of bounds").
        using TestHost host = Create();
        NDArray x = Np.Transpose(Np.AsArray(Np.Zeros(new Shape(3, 0, 2), DType.Int64, backend: "Dense"), backend: "Chunked", chunks: [2, 1, 1]));
        NDArray taken = Np.Take(x, Np.AsArray(new[] { 1 }, backend: "Dense").Reshape(), -3);
        NDArray computed = taken.Compute();
        computed.Shape.ShouldBe(new Shape(0, 3));
        computed.DType.ShouldBe(DType.Int64);
    }

    [Fact]
    public void Sort_brings_the_sorted_axis_into_one_block_and_keeps_the_other_chunks()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(Values(DType.Float64), backend: "Chunked", chunks: [4, 2, 3]);
        var sorted = (ChunkedArray)Np.Sort(x, 1);
        sorted.Chunks[0].ShouldBe([4, 2]);
        sorted.Chunks[1].ShouldBe([5]);
        sorted.Chunks[2].ShouldBe([3, 3, 1]);
    }

    [Theory]
    [InlineData(0.0, 1.0, 11, true, null, 4)]
    [InlineData(-3.5, 7.25, 23, false, null, 5)]
    [InlineData(2.0, -9.0, 17, true, DType.Int32, 6)]
    [InlineData(0.0, 1.0, 40, true, DType.Float32, 7)]
    [InlineData(5.0, 5.0, 9, true, null, 2)]
    [InlineData(1.0, 2.0, 1, true, null, 3)]
    [InlineData(1.0, 2.0, 0, true, null, 3)]
    [InlineData(1e-300, 2e-300, 13, true, null, 4)]
    public void Linspace_is_lazy_creation_with_Dense_values_to_the_bit(double start, double stop, int num, bool endpoint, DType? dtype, int chunk)
    {
        using TestHost host = Create();
        NDArray lazy = Np.Linspace(start, stop, num, endpoint, dtype, backend: "Chunked", chunks: [chunk]);
        NDArray expected = Np.Linspace(start, stop, num, endpoint, dtype, backend: "Dense");
        lazy.ShouldBeOfType<ChunkedArray>();
        ((ChunkedArray)lazy).Chunks[0].ShouldBe(Chunks.Regular(new Shape(num), [chunk])[0]);
        lazy.DType.ShouldBe(expected.DType);
        Elements(lazy.Compute()).ShouldBe(Elements(expected));
    }

    [Fact]
    public void Linspace_refuses_a_negative_count_as_Dense()
    {
        using TestHost host = Create();
        Exception expected = Should.Throw<Exception>(() => Np.Linspace(0, 1, -1, backend: "Dense"));
        Exception actual = Should.Throw<Exception>(() => Np.Linspace(0, 1, -1, backend: "Chunked"));
        actual.GetType().ShouldBe(expected.GetType());
        actual.Message.ShouldBe(expected.Message);
    }

    [Fact]
    public void Meshgrid_outputs_take_each_inputs_chunks()
    {
        using TestHost host = Create();
        NDArray a = Np.AsArray(Np.Arange(0.0, 7.0, 1.0, backend: "Dense"), backend: "Chunked", chunks: [3]);
        NDArray b = Np.AsArray(Np.Arange(0.0, 5.0, 1.0, backend: "Dense"), backend: "Chunked", chunks: [2]);
        NDArray[] grid = Np.Meshgrid([a, b]);
        foreach (NDArray g in grid)
        {
            ((ChunkedArray)g).Chunks[0].ShouldBe([2, 2, 1]);
            ((ChunkedArray)g).Chunks[1].ShouldBe([3, 3, 1]);
        }
    }
}
