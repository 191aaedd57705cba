using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>Shape manipulation and indexing.</summary>
internal sealed class ManipulationHandlers(ChunkedContext context)
{
    [Implements("reshape")]
    public DispatchResult<NDArray> Reshape(in ShapeArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Reshape(context, (ChunkedArray)args.X, args.Shape);
    }

    [Implements("broadcast_to")]
    public DispatchResult<NDArray> BroadcastTo(in ShapeArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.BroadcastTo(context, (ChunkedArray)args.X, args.Shape);
    }

    [Implements("transpose")]

    public DispatchResult<NDArray> Transpose(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Transpose(context, (ChunkedArray)args.X, args.Axes);
    }

    [Implements("squeeze")]

    public DispatchResult<NDArray> Squeeze(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Squeeze(context, (ChunkedArray)args.X, args.Axes);
    }

    [Implements("expand_dims")]

    public DispatchResult<NDArray> ExpandDims(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        if (args.Axes.IsAll) throw new ArgumentException("expand_dims needs an axis", "axis");
        int rank = x.Rank + args.Axes.Values.Length;
        int[] axes = args.Axes.Normalize(rank);
        foreach (int axis in axes) x = Manipulation.ExpandDims(context, x, axis);
        return x;
    }

    [Implements("concatenate")]

    public DispatchResult<NDArray> Concatenate(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray[] arrays = Wrap(args.Arrays);
        if (args.Axis is not { } axis)
        {
            arrays = [.. arrays.Select(a => Manipulation.Reshape(context, a, [-1]))];
            axis = 0;
        }
        return Manipulation.Concatenate(context, arrays, axis);
    }

    [Implements("stack")]

    public DispatchResult<NDArray> Stack(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Stack(context, Wrap(args.Arrays), args.Axis ?? 0);
    }

    [Implements("roll")]
    public DispatchResult<NDArray> Roll(in RollArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Building.Roll.Build(context, (ChunkedArray)args.X, args.Shift, args.Axis);
    }

    [Implements("swapaxes")]
    public DispatchResult<NDArray> SwapAxes(in AxisPairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        return Manipulation.Transpose(context, x, Axes.Of(ManipulationRules.SwapAxesOrder(x.Rank, args.Axis1, args.Axis2)));
    }

    [Implements("moveaxis")]
    public DispatchResult<NDArray> MoveAxis(in MoveAxisArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        return Manipulation.Transpose(context, x, Axes.Of(ManipulationRules.MoveAxisOrder(x.Rank, args.Source, args.Destination)));
    }

    /// <summary>dask's <c>flip</c>: a reversed slice of every flipped axis (each output chunk a reversed input chunk).</summary>
    [Implements("flip")]
    public DispatchResult<NDArray> Flip(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        int[] axes = args.Axes.Normalize(x.Rank);
        var index = new ArrayIndex[x.Rank];
        for (int k = 0; k < index.Length; k++) index[k] = axes.Contains(k) ? new Slice(null, null, -1) : ArrayIndex.All;
        return Slicing.GetItem(context, x, index);
    }

    [Implements("ravel")]
    public DispatchResult<NDArray> Ravel(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Reshape(context, (ChunkedArray)args.X, [-1]);
    }

    /// <summary>NumPy's <c>split</c>: lazy slices of the array along the axis.</summary>
    [Implements("split")]
    public DispatchResult<NDArray[]> Split(in SplitArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int[] bounds = ManipulationRules.SplitBounds(x.Shape.Dims[axis], args.Sections, args.Indices);
        var parts = new NDArray[bounds.Length - 1];
        for (int i = 0; i < parts.Length; i++)
        {
            var index = new ArrayIndex[x.Rank];
            for (int k = 0; k < index.Length; k++) index[k] = k == axis ? new Slice(bounds[i], Math.Max(bounds[i], bounds[i + 1])) : ArrayIndex.All;
            parts[i] = Slicing.GetItem(context, x, index);
        }
        return parts;
    }

    /// <summary>dask's <c>tril</c>: blockwise, each block masked at the diagonal moved by its global offsets (see <see cref="Diagonals"/>).</summary>
    [Implements("tril")]
    public DispatchResult<NDArray> Tril(in DiagonalArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Diagonals.Triangle(context, (ChunkedArray)args.X, args.Offset, lower: true) : NotImplemented.Value;

    /// <summary>dask's <c>triu</c>: blockwise, as <see cref="Tril"/>.</summary>
    [Implements("triu")]
    public DispatchResult<NDArray> Triu(in DiagonalArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Diagonals.Triangle(context, (ChunkedArray)args.X, args.Offset, lower: false) : NotImplemented.Value;

    /// <summary>NumPy's <c>diagonal</c> (axes 0 and 1): one task per block the diagonal crosses.</summary>
    [Implements("diagonal")]
    public DispatchResult<NDArray> Diagonal(in DiagonalArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Diagonals.Diagonal(context, (ChunkedArray)args.X, args.Offset) : NotImplemented.Value;

    /// <summary>NumPy's <c>trace</c>: the diagonal's tree sum.</summary>
    [Implements("trace")]
    public DispatchResult<NDArray> Trace(in DiagonalArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Diagonals.Trace(context, (ChunkedArray)args.X, args.Offset) : NotImplemented.Value;

    /// <summary>NumPy's <c>repeat</c>: each block along the axis repeated with its own counts.</summary>
    [Implements("repeat")]
    public DispatchResult<NDArray> Repeat(in RepeatArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Rearranging.Repeat(context, (ChunkedArray)args.X, args.Repeats, args.Axis) : NotImplemented.Value;

    /// <summary>NumPy's <c>tile</c>: the array concatenated with itself along each repeated axis (Dask's).</summary>
    [Implements("tile")]
    public DispatchResult<NDArray> Tile(in TileArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Rearranging.Tile(context, (ChunkedArray)args.X, args.Reps) : NotImplemented.Value;

    /// <summary>NumPy's <c>meshgrid</c>: broadcasts of the flattened inputs (Dask's).</summary>
    [Implements("meshgrid")]
    public DispatchResult<NDArray[]> Meshgrid(in MeshgridArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Rearranging.Meshgrid(context, Wrap(args.Arrays), args.MatrixIndexing) : NotImplemented.Value;

    /// <summary>NumPy's <c>searchsorted</c>: the sorted array in one block, the needles' chunks kept.</summary>
    [Implements("searchsorted")]
    public DispatchResult<NDArray> SearchSorted(in SearchSortedArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Rearranging.SearchSorted(context, Wrap(args.A), Wrap(args.V), args.Right) : NotImplemented.Value;

    /// <summary>
    /// NumPy's <c>sort</c> (Dask has none): the sorted axis rechunked to one block, each block sorted on the chunk backend
    /// (axis=None: the flattened array in one block). The sorted axis is not split across tasks.
    /// </summary>
    [Implements("sort")]
    public DispatchResult<NDArray> Sort(in SortArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Rearranging.Sort(context, (ChunkedArray)args.X, args, indices: false) : NotImplemented.Value;

    /// <summary>NumPy's <c>argsort</c> (Dask has none): as <see cref="Sort"/>, the sorted axis in one block.</summary>
    [Implements("argsort")]
    public DispatchResult<NDArray> Argsort(in SortArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Rearranging.Sort(context, (ChunkedArray)args.X, args, indices: true) : NotImplemented.Value;

    /// <summary>NumPy's <c>take</c>: known indices read only the blocks they fall in; chunked indices take from the axis in one block (see <see cref="Building.Take"/>).</summary>
    [Implements("take")]
    public DispatchResult<NDArray> Take(in TakeArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Building.Take.Build(context, Wrap(args.X), args.Indices, args.Axis) : NotImplemented.Value;

    /// <summary>NumPy's <c>argwhere</c> as Dask's; the count of each block is computed when called (the result's length), the indices lazily.</summary>
    [Implements("argwhere")]
    public DispatchResult<NDArray> Argwhere(in ArrayArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Searching.Argwhere(context, (ChunkedArray)args.X) : NotImplemented.Value;

    /// <summary>NumPy's <c>nonzero</c>: the columns of <see cref="Argwhere"/>.</summary>
    [Implements("nonzero")]
    public DispatchResult<NDArray[]> Nonzero(in ArrayArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Searching.Nonzero(context, (ChunkedArray)args.X) : NotImplemented.Value;

    /// <summary>NumPy's <c>unique</c> (and so the array API's four): computed when called, its length depending on the data (see <see cref="Searching.Unique"/>).</summary>
    [Implements("unique")]
    public DispatchResult<UniqueResult> Unique(in UniqueArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Searching.Unique(context, (ChunkedArray)args.X, args) : NotImplemented.Value;

    /// <summary>Assignment through basic indices, as Dask's: a new layer for the array, touched blocks copied and assigned (see <see cref="Building.SetItem"/>).</summary>
    [Implements("setitem")]
    public DispatchResult<NDArray> SetItem(in IndexArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types) || args.X is not ChunkedArray x) return NotImplemented.Value;
        return Building.SetItem.Assign(context, x, args.Index, args.Value, Wrap);
    }

    [Implements("getitem")]

    public DispatchResult<NDArray> GetItem(in IndexArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Slicing.GetItem(context, (ChunkedArray)args.X, args.Index);
    }

    private ChunkedArray Wrap(NDArray a) => a as ChunkedArray ?? LayerBuilder.FromArray(context, a);

    private ChunkedArray[] Wrap(NDArray[] arrays)
    {
        var result = new ChunkedArray[arrays.Length];
        for (int i = 0; i < arrays.Length; i++) result[i] = arrays[i] as ChunkedArray ?? LayerBuilder.FromArray(context, arrays[i]);
        return result;
    }
}
