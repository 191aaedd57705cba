using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// The shape, indexing, editing, padding and set helpers composed in the protocol (Np.Shape*, Np.Indexing, Np.Sets):
/// the .NET forms of NumPy's arguments (nested lists, tuples, slices) and NumPy's exact messages, which the fixtures
/// (seed + 48) check only by exception class. Each expected value is NumPy 1.24's unless a line says otherwise.
/// </summary>
public sealed class ShapeSurfaceTests
{
    private static NDArray Longs(params long[] values) => Np.Array(values);

    [Fact]
    public void BroadcastShapes_gives_the_joint_shape_and_NumPys_message_naming_both_arguments()
    {
        Np.BroadcastShapes((2, 1), new Shape(1, 3), new Shape(3)).ShouldBe(new Shape(2, 3));
        Np.BroadcastShapes().ShouldBe(new Shape());
        Np.BroadcastShapes(new Shape(), new Shape(0, 1)).ShouldBe(new Shape(0, 1));
        Should.Throw<ShapeMismatchException>(() => Np.BroadcastShapes(new Shape(3), new Shape(4))).Message
            .ShouldStartWith("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3,) and arg 1 with shape (4,).");
        Should.Throw<ShapeMismatchException>(() => Np.BroadcastShapes(new Shape(1), (2, 3), new Shape(4))).Message
            .ShouldStartWith("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 1 with shape (2, 3) and arg 2 with shape (4,).");
    }

    [Fact]
    public void Block_takes_nested_dotnet_arrays_as_NumPys_nested_lists()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Reshape(Longs(1, 2, 3, 4), 2, 2), b = Np.Reshape(Longs(5, 6), 2, 1), c = Longs(7, 8, 9);
        // np.block([[a, b], [c]]) -> [[1 2 5] [3 4 6] [7 8 9]]
        NDArray m = Np.Block([[a, b], [c]]);
        m.Shape.ShouldBe(new Shape(3, 3));
        m.ToArray<long>().ShouldBe([1, 2, 5, 3, 4, 6, 7, 8, 9]);
        Np.Block(Longs(1), Longs(2, 3)).ToArray<long>().ShouldBe([1, 2, 3]);
        Np.Block(new NDArray[][][] { [[Longs(1)], [Longs(2)]] }).Shape.ShouldBe(new Shape(1, 2, 1));
        // a new array, as NumPy's, even of one array: writing into it leaves the input alone
        NDArray one = Np.Block(c), alone = Np.Block((object)c);
        Np.SetItem(one, [0], 0L);
        Np.SetItem(alone, [1], 0L);
        c.ToArray<long>().ShouldBe([7, 8, 9]);

        Should.Throw<ArgumentException>(() => Np.Block(new object[] { new[] { Longs(1) }, Longs(2) })).Message
            .ShouldStartWith("List depths are mismatched. First element was at depth 2, but there is an element at depth 1 (arrays[1])");
        Should.Throw<ArgumentException>(() => Np.Block(new object[] { System.Array.Empty<NDArray>() })).Message.ShouldStartWith("List at arrays[0] cannot be empty");
    }

    [Fact]
    public void Pad_takes_an_int_a_pair_or_one_pair_per_axis_and_wrap_stays_periodic_past_the_array_length()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Longs(1, 2, 3);
        Np.Pad(x, 2).ToArray<long>().ShouldBe([0, 0, 1, 2, 3, 0, 0]);
        Np.Pad(x, (1, 2), PadMode.Reflect).ToArray<long>().ShouldBe([2, 1, 2, 3, 2, 1]);
        Np.Pad(x, [(2, 1)], PadMode.Symmetric).ToArray<long>().ShouldBe([2, 1, 1, 2, 3, 3]);
        Np.Pad(x, (0, 2), PadMode.Constant, 9L).ToArray<long>().ShouldBe([1, 2, 3, 9, 9]);
        Np.Pad(x, [(1, 1)], [(7L, 8.9)]).ToArray<long>().ShouldBe([7, 1, 2, 3, 8]);           // the values cast to int64
        // np.pad([[1, 2], [3, 4]], 1, constant_values=((5, 6), (7, 8))): a corner takes the later axis' value
        Np.Pad(Np.Reshape(Longs(1, 2, 3, 4), 2, 2), [(1, 0), (0, 1)], [(5L, 6L), (7L, 8L)]).ToArray<long>().ShouldBe([5, 5, 8, 1, 2, 8, 3, 4, 8]);
        Np.Pad(Np.Reshape(Longs(1, 2, 3, 4), 2, 2), [(0, 1), (1, 0)], PadMode.Edge).ToArray<long>().ShouldBe([1, 1, 2, 3, 3, 4, 3, 3, 4]);
        // NumPy 2's answer: np.pad([0, 1], (1, 3), 'wrap') -> [1 0 1 0 1 0] (NumPy 1.24 gives [1 0 1 0 1 1])
        Np.Pad(Longs(0, 1), (1, 3), PadMode.Wrap).ToArray<long>().ShouldBe([1, 0, 1, 0, 1, 0]);

        Should.Throw<ArgumentException>(() => Np.Pad(x, -1)).Message.ShouldStartWith("index can't contain negative values");
        Should.Throw<ArgumentException>(() => Np.Pad(Np.Zeros((0, 3)), 1, PadMode.Edge)).Message
            .ShouldStartWith("can't extend empty axis 0 using modes other than 'constant' or 'empty'");
        Should.Throw<ArgumentException>(() => Np.Pad(x, 1, PadMode.Edge, 5L)).Message.ShouldStartWith("unsupported keyword arguments for mode 'edge'");
    }

    [Fact]
    public void Insert_and_delete_take_indices_slices_and_masks_with_NumPys_errors()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Longs(10, 11, 12, 13);
        // np.insert([10, 11, 12, 13], [1, 1, -1, 4], [7, 8, 9, 6]) -> [10 7 8 11 12 9 13 6]
        Np.Insert(x, [1, 1, -1, 4], Longs(7, 8, 9, 6)).ToArray<long>().ShouldBe([10, 7, 8, 11, 12, 9, 13, 6]);
        Np.Insert(x, 2, 2.9).ToArray<long>().ShouldBe([10, 11, 2, 12, 13]);     // the value cast to the array's dtype
        Np.Delete(x, new Slice(null, null, 2)).ToArray<long>().ShouldBe([11, 13]);
        Np.Delete(x, [true, false, false, true]).ToArray<long>().ShouldBe([11, 12]);
        Np.Delete(x, [-1, 0, 0]).ToArray<long>().ShouldBe([11, 12]);
        Np.Append(x, 1.5).ToArray<double>().ShouldBe([10, 11, 12, 13, 1.5]);   // append promotes, as concatenate

        Should.Throw<ArgumentOutOfRangeException>(() => Np.Insert(x, 7, 1L)).Message.ShouldStartWith("index 7 is out of bounds for axis 0 with size 4");
        Should.Throw<ArgumentOutOfRangeException>(() => Np.Delete(x, 4)).Message.ShouldStartWith("index 4 is out of bounds for axis 0 with size 4");
        Should.Throw<ArgumentException>(() => Np.Delete(x, [true])).Message
            .ShouldStartWith("boolean array argument obj to delete must be one dimensional and match the axis length of 4");
        Should.Throw<ShapeMismatchException>(() => Np.Insert(Np.Zeros((2, 2)), 1, Np.Zeros(3), axis: 1)).Message
            .ShouldStartWith("could not broadcast input array from shape (3,1) into shape (2,1)");
    }

    [Fact]
    public void Resize_returns_a_new_array_even_when_the_data_fills_it_exactly()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray x = Longs(1, 2, 3, 4);
        NDArray r = Np.Resize(x, 2, 2);                 // np.resize concatenates one copy: writing into it leaves x alone
        Np.SetItem(r, [0, 0], 9L);
        x.ToArray<long>().ShouldBe([1, 2, 3, 4]);
        Np.Resize(x, 3).ToArray<long>().ShouldBe([1, 2, 3]);
        Np.Resize(x, 2, 3).ToArray<long>().ShouldBe([1, 2, 3, 4, 1, 2]);
    }

    [Fact]
    public void Index_helpers_raise_NumPys_messages()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ArgumentException>(() => Np.UnravelIndex(Longs(3, 12), [3, 4])).Message.ShouldStartWith("index 12 is out of bounds for array with size 12");
        Should.Throw<DTypeMismatchException>(() => Np.UnravelIndex(Np.Array(new[] { 1.0 }), [3, 4])).Message.ShouldStartWith("only int indices permitted");
        Should.Throw<ArgumentException>(() => Np.RavelMultiIndex([Longs(3), Longs(0)], [3, 4])).Message.ShouldStartWith("invalid entry in coordinates array");
        Should.Throw<ArgumentException>(() => Np.RavelMultiIndex([Longs(1)], [3, 4])).Message.ShouldStartWith("parameter multi_index must be a sequence of length 2");
        Np.RavelMultiIndex([Longs(-1, 3), Longs(4, 1)], [3, 4], ClipMode.Wrap).ToArray<long>().ShouldBe([8, 1]);
        Np.RavelMultiIndex([Longs(-1, 3), Longs(4, 1)], [3, 4], ClipMode.Clip).ToArray<long>().ShouldBe([3, 9]);
        Should.Throw<ArgumentException>(() => Np.Rot90(Np.Zeros((2, 2)), axes: (0, 2))).Message.ShouldStartWith("Axes must be different.");
        Should.Throw<ArgumentException>(() => Np.Rot90(Np.Zeros((2, 2)), axes: (0, 3))).Message.ShouldStartWith("Axes=(0, 3) out of range for array of ndim=2.");
        Should.Throw<ArgumentException>(() => Np.Fliplr(Np.Zeros(3))).Message.ShouldStartWith("Input must be >= 2-d.");
        Should.Throw<ArgumentException>(() => Np.Diag(Np.Zeros((2, 2, 2)))).Message.ShouldStartWith("Input must be 1- or 2-d.");
        Should.Throw<ArgumentException>(() => Np.ArraySplit(Np.Zeros(3), 0)).Message.ShouldStartWith("number sections must be larger than 0.");
        Should.Throw<ArgumentException>(() => Np.VSplit(Np.Zeros(3), 1)).Message.ShouldStartWith("vsplit only works on arrays of 2 or more dimensions");
        Should.Throw<ArgumentException>(() => Np.Resize(Np.Zeros(3), -1, 2)).Message.ShouldStartWith("all elements of `new_shape` must be non-negative");
        Should.Throw<DTypeMismatchException>(() => Np.TrimZeros(Np.Zeros(new Shape()))).Message.ShouldStartWith("iteration over a 0-d array");
    }

    [Fact]
    public void Intersect1d_with_indices_deconstructs_into_the_values_and_first_positions()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.intersect1d([1, 3, 4, 3], [3, 1, 2, 1], return_indices=True) -> ([1 3], [0 1], [1 0])
        (NDArray values, NDArray i1, NDArray i2) = Np.Intersect1dWithIndices(Longs(1, 3, 4, 3), Longs(3, 1, 2, 1));
        values.ToArray<long>().ShouldBe([1, 3]);
        i1.ToArray<long>().ShouldBe([0, 1]);
        i2.ToArray<long>().ShouldBe([1, 0]);
        Np.Isin(Np.Reshape(Longs(1, 2, 3, 4), 2, 2), Longs(4, 1), invert: true).ToArray<bool>().ShouldBe([false, true, true, false]);
        var (rows, cols) = Np.TriuIndices(3, 1);
        rows.ToArray<long>().ShouldBe([0, 0, 1]);
        cols.ToArray<long>().ShouldBe([1, 2, 2]);
    }
}
