using ArrayDispatch.Functions;

namespace ArrayDispatch;

// Shape manipulation, indexing, sorting and searching.
public static partial class Np
{
    /// <summary>Gives a new shape without changing the data; one dimension may be -1.</summary>
    public static NDArray Reshape(NDArray x, params int[] shape) => ArrayFunctions.Reshape.Invoke(Dispatcher, new ShapeArgs(x, NotNull(shape)));

    /// <summary>A read-only view of <paramref name="x"/> broadcast to <paramref name="shape"/>.</summary>
    public static NDArray BroadcastTo(NDArray x, params int[] shape) => ArrayFunctions.BroadcastTo.Invoke(Dispatcher, new ShapeArgs(x, NotNull(shape)));

    /// <summary>The elements as a 1-d array (a view when possible).</summary>
    public static NDArray Ravel(NDArray x) => ArrayFunctions.Ravel.Invoke(Dispatcher, new ArrayArgs(x));

    /// <summary>
    /// numpy.copy(x): a copy laid out as NumPy's default <c>order='K'</c>, the axes' memory order kept (a Fortran-ordered
    /// or transposed strided array gives a Fortran-ordered or transposed copy; C order for arrays without strides); see
    /// <see cref="Copy(NDArray, MemoryOrder)"/>.
    /// </summary>
    public static NDArray Copy(NDArray x) => Copy(x, MemoryOrder.K);

    /// <summary>Permutes the axes; reverses them when <paramref name="axes"/> is null (NumPy's <c>transpose</c>).</summary>
    public static NDArray Transpose(NDArray x, params int[]? axes) => ArrayFunctions.Transpose.Invoke(Dispatcher, new AxesArgs(x, axes is null || axes.Length == 0 ? Axes.All : Axes.Of(axes)));

    /// <summary>The array API's name for <see cref="Transpose"/>.</summary>
    public static NDArray PermuteDims(NDArray x, params int[] axes) => Transpose(x, axes);

    /// <summary>Removes axes of length one (all of them when <paramref name="axis"/> is all).</summary>
    public static NDArray Squeeze(NDArray x, Axes axis = default) => ArrayFunctions.Squeeze.Invoke(Dispatcher, new AxesArgs(x, axis));

    /// <summary>Inserts axes of length one at <paramref name="axis"/>.</summary>
    public static NDArray ExpandDims(NDArray x, Axes axis) => ArrayFunctions.ExpandDims.Invoke(Dispatcher, new AxesArgs(x, axis));

    /// <summary>Reverses the order of elements along <paramref name="axis"/> (all axes by default).</summary>
    public static NDArray Flip(NDArray x, Axes axis = default) => ArrayFunctions.Flip.Invoke(Dispatcher, new AxesArgs(x, axis));

    /// <summary>Interchanges two axes.</summary>
    public static NDArray SwapAxes(NDArray x, int axis1, int axis2) => ArrayFunctions.SwapAxes.Invoke(Dispatcher, new AxisPairArgs(x, axis1, axis2));

    /// <summary>Moves axes to new positions.</summary>
    public static NDArray MoveAxis(NDArray x, int[] source, int[] destination) => ArrayFunctions.MoveAxis.Invoke(Dispatcher, new MoveAxisArgs(x, NotNull(source), NotNull(destination)));

    /// <summary>Moves one axis to a new position (NumPy's <c>moveaxis(x, 0, -1)</c>).</summary>
    public static NDArray MoveAxis(NDArray x, int source, int destination) => MoveAxis(x, [source], [destination]);

    /// <summary>Rolls elements along <paramref name="axis"/> (the flattened array when all).</summary>
    public static NDArray Roll(NDArray x, int shift, Axes axis = default) => ArrayFunctions.Roll.Invoke(Dispatcher, new RollArgs(x, [shift], axis));

    /// <summary>Repeats the whole array <paramref name="reps"/> times along each axis.</summary>
    public static NDArray Tile(NDArray x, params int[] reps) => ArrayFunctions.Tile.Invoke(Dispatcher, new TileArgs(x, NotNull(reps)));

    /// <summary>Repeats each element <paramref name="repeats"/> times along <paramref name="axis"/> (the flattened array when null).</summary>
    public static NDArray Repeat(NDArray x, int repeats, int? axis = null) => ArrayFunctions.Repeat.Invoke(Dispatcher, new RepeatArgs(x, [repeats], axis));

    /// <summary>The lower triangle, zeroing elements above diagonal <paramref name="k"/>.</summary>
    public static NDArray Tril(NDArray x, int k = 0) => ArrayFunctions.Tril.Invoke(Dispatcher, new DiagonalArgs(x, k));

    /// <summary>The upper triangle, zeroing elements below diagonal <paramref name="k"/>.</summary>
    public static NDArray Triu(NDArray x, int k = 0) => ArrayFunctions.Triu.Invoke(Dispatcher, new DiagonalArgs(x, k));

    /// <summary>The diagonal at <paramref name="offset"/>.</summary>
    public static NDArray Diagonal(NDArray x, int offset = 0) => ArrayFunctions.Diagonal.Invoke(Dispatcher, new DiagonalArgs(x, offset));

    /// <summary>The sum of the diagonal at <paramref name="offset"/>.</summary>
    public static NDArray Trace(NDArray x, int offset = 0) => ArrayFunctions.Trace.Invoke(Dispatcher, new DiagonalArgs(x, offset));

    /// <summary>Splits into <paramref name="sections"/> equal parts along <paramref name="axis"/>.</summary>
    public static NDArray[] Split(NDArray x, int sections, int axis = 0) => ArrayFunctions.Split.Invoke(Dispatcher, new SplitArgs(x, sections, null, axis));

    /// <summary>Splits before each of <paramref name="indices"/> along <paramref name="axis"/>.</summary>
    public static NDArray[] Split(NDArray x, int[] indices, int axis = 0) => ArrayFunctions.Split.Invoke(Dispatcher, new SplitArgs(x, null, NotNull(indices), axis));

    /// <summary>Joins arrays along an existing axis (the flattened arrays when null).</summary>
    /// <exception cref="ArgumentException">No arrays: NumPy's "need at least one array to concatenate" (there is nothing to dispatch on).</exception>
    public static NDArray Concatenate(NDArray[] arrays, int? axis = 0) =>
        ArrayFunctions.Concatenate.Invoke(Dispatcher, new ArrayListArgs(Shape.AtLeastOneArray(arrays, "concatenate"), axis));

    /// <summary>Joins arrays along a new axis.</summary>
    /// <exception cref="ArgumentException">No arrays: NumPy's "need at least one array to stack".</exception>
    public static NDArray Stack(NDArray[] arrays, int axis = 0) => ArrayFunctions.Stack.Invoke(Dispatcher, new ArrayListArgs(Shape.AtLeastOneArray(arrays, "stack"), axis));

    /// <summary>Stacks arrays column-wise (NumPy's <c>hstack</c>).</summary>
    public static NDArray HStack(params NDArray[] arrays) => Concatenate(arrays, NotNull(arrays).Length > 0 && arrays[0].Rank == 1 ? 0 : 1);

    /// <summary>Stacks arrays row-wise (NumPy's <c>vstack</c>; 1-d arrays become rows).</summary>
    public static NDArray VStack(params NDArray[] arrays) => Concatenate(System.Array.ConvertAll(arrays, a => a.Rank == 1 ? Reshape(a, 1, -1) : a), 0);

    /// <summary>Converts to <paramref name="dtype"/>; a cast <paramref name="casting"/> forbids is refused.</summary>
    public static NDArray AsType(NDArray x, DType dtype, Casting casting = Casting.Unsafe, bool copy = true) => ArrayFunctions.AsType.Invoke(Dispatcher, new AsTypeArgs(x, dtype, casting, copy));

    /// <summary>Elements at <paramref name="indices"/> along <paramref name="axis"/> (the flattened array when null).</summary>
    /// <exception cref="DTypeMismatchException">uint64 indices: NumPy casts the indices to intp under the 'safe' rule, which uint64 fails (indexing, <c>x[indices]</c>, takes them).</exception>
    public static NDArray Take(NDArray x, NDArray indices, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.DType == DType.UInt64) throw new DTypeMismatchException(DTypes.CastErrorMessage(DType.UInt64, DType.Int64, Casting.Safe), nameof(indices));
        return ArrayFunctions.Take.Invoke(Dispatcher, new TakeArgs(x, indices, axis));
    }

    /// <summary>NumPy indexing (<c>x[index]</c>).</summary>
    public static NDArray GetItem(NDArray x, params ArrayIndex[] index) => ArrayFunctions.GetItem.Invoke(Dispatcher, new IndexArgs(x, index));

    /// <summary>Assignment through an index (<c>x[index] = value</c>); returns <paramref name="x"/>.</summary>
    public static NDArray SetItem(NDArray x, ArrayIndex[] index, Operand value) => ArrayFunctions.SetItem.Invoke(Dispatcher, new IndexArgs(x, index, value));

    /// <summary>A sorted copy along <paramref name="axis"/> (the flattened array when null).</summary>
    public static NDArray Sort(NDArray x, int? axis = -1, bool stable = true, bool descending = false) => ArrayFunctions.Sort.Invoke(Dispatcher, new SortArgs(x, axis, stable, descending));

    /// <summary>The indices that sort <paramref name="x"/> along <paramref name="axis"/>; stable by default.</summary>
    public static NDArray Argsort(NDArray x, int? axis = -1, bool stable = true, bool descending = false) => ArrayFunctions.Argsort.Invoke(Dispatcher, new SortArgs(x, axis, stable, descending));

    /// <summary>The sorted unique elements, and optionally first indices, inverse indices and counts.</summary>
    public static UniqueResult Unique(NDArray x, bool returnIndex = false, bool returnInverse = false, bool returnCounts = false) =>
        Unique(x, returnIndex, returnInverse, returnCounts, equalNan: true);

    /// <summary>
    /// As <see cref="Unique(NDArray, bool, bool, bool)"/>, with NumPy's <c>equal_nan</c>: true (the default) collapses every
    /// NaN into one value, false keeps each NaN apart (a complex value is NaN when either part is).
    /// </summary>
    public static UniqueResult Unique(NDArray x, bool returnIndex, bool returnInverse, bool returnCounts, bool equalNan) =>
        ArrayFunctions.Unique.Invoke(Dispatcher, new UniqueArgs(x, returnIndex, returnInverse, returnCounts) { EqualNan = equalNan });

    /// <summary>The indices of non-zero elements, one array per axis.</summary>
    public static NDArray[] Nonzero(NDArray x) => ArrayFunctions.Nonzero.Invoke(Dispatcher, new ArrayArgs(x));

    /// <summary>The indices of non-zero elements, one row per element.</summary>
    public static NDArray Argwhere(NDArray x) => ArrayFunctions.Argwhere.Invoke(Dispatcher, new ArrayArgs(x));

    /// <summary>Where to insert <paramref name="v"/> into sorted <paramref name="a"/> to keep it sorted.</summary>
    public static NDArray SearchSorted(NDArray a, NDArray v, bool right = false) => ArrayFunctions.SearchSorted.Invoke(Dispatcher, new SearchSortedArgs(a, v, right));
}
