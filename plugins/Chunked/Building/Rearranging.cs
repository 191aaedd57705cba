using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Functions that repeat, order or look up elements, built as Dask builds them: <c>repeat</c> and <c>tile</c> blockwise
/// (each block repeated; copies concatenated), <c>meshgrid</c> as broadcasts, <c>searchsorted</c> against the sorted
/// array in one block with the needles' chunks kept, and <c>sort</c>/<c>argsort</c> (which Dask lacks) with the sorted axis
/// in one block and every block sorted on its own.
/// </summary>
internal static class Rearranging
{
    /// <summary>NumPy's <c>repeat</c>: each block along the axis repeated with its own counts (an output chunk per input chunk).</summary>
    public static ChunkedArray Repeat(ChunkedContext context, ChunkedArray x, int[] repeats, Axes axisArg)
    {
        if (axisArg.IsAll) x = Manipulation.Reshape(context, x, [-1]);
        int axis = axisArg.IsAll ? 0 : Shape.NormalizeAxis(axisArg.Values[0], x.Rank);
        int[] counts = ManipulationRules.RepeatCounts(x.Shape.Dims[axis], repeats);
        int[] offsets = x.Chunks.Offsets(axis);
        var sizes = new int[x.Chunks.BlockCounts[axis]];
        var blockCounts = new int[sizes.Length][];
        for (int b = 0; b < sizes.Length; b++)
        {
            int[] slice = counts[offsets[b]..offsets[b + 1]];
            sizes[b] = checked(slice.Sum());
            blockCounts[b] = slice.Length > 0 && slice.All(c => c == slice[0]) ? [slice[0]] : slice;
        }
        var dims = x.Shape.ToArray();
        dims[axis] = checked(sizes.Sum());
        string name = Names.Layer("repeat", x.Name, axis, string.Join(",", repeats.Take(64)), repeats.Length);
        return LayerBuilder.BuildSpec(context, name, "repeat", new Shape(dims), x.Chunks.WithAxis(axis, sizes), x.Meta, [x.Layer], index =>
            ([x.KeyOf(index)], TaskSpec.Call(ArrayFunctions.Repeat, new RepeatArgs(TaskSpec.Slot(0), blockCounts[index[axis]], Axes.Of(axis)))));
    }

    /// <summary>NumPy's <c>tile</c> as Dask's: the array (with leading axes added) concatenated with itself along each repeated axis.</summary>
    public static ChunkedArray Tile(ChunkedContext context, ChunkedArray x, int[] reps)
    {
        (_, _, Shape result) = ManipulationRules.TileShapes(x.Shape, reps);   // NumPy's errors
        int rank = result.Rank;
        while (x.Rank < rank) x = Manipulation.ExpandDims(context, x, 0);
        for (int axis = 0; axis < rank; axis++)
        {
            int r = axis < rank - reps.Length ? 1 : reps[axis - (rank - reps.Length)];
            if (r == 1) continue;
            if (r == 0)
            {
                var index = new ArrayIndex[rank];
                for (int k = 0; k < rank; k++) index[k] = k == axis ? new Slice(0, 0) : ArrayIndex.All;
                x = Slicing.GetItem(context, x, index);
                continue;
            }
            x = Manipulation.Concatenate(context, Enumerable.Repeat(x, r).ToArray(), axis);
        }
        return x;
    }

    /// <summary>
    /// NumPy's <c>meshgrid</c> as Dask's: each input flattened, placed along its grid axis and broadcast to the grid, every
    /// output taking each input's chunks along that input's axis (a chunk is a broadcast view of one input chunk).
    /// </summary>
    public static NDArray[] Meshgrid(ChunkedContext context, ChunkedArray[] xs, bool matrixIndexing)
    {
        (Shape grid, int[] along) = ManipulationRules.MeshgridPlan([.. xs.Select(x => x.Size)], matrixIndexing);
        var flat = xs.Select(x => Manipulation.Reshape(context, x, [-1])).ToArray();
        var gridChunks = new int[xs.Length][];
        for (int i = 0; i < xs.Length; i++) gridChunks[along[i]] = [.. flat[i].Chunks[0]];
        var result = new NDArray[xs.Length];
        for (int i = 0; i < xs.Length; i++)
        {
            var one = new int[xs.Length];
            Array.Fill(one, 1);
            one[along[i]] = grid.Dims[along[i]];
            ChunkedArray line = Manipulation.Reshape(context, flat[i], one);
            result[i] = Manipulation.BroadcastTo(context, line, grid.ToArray(), gridChunks);
        }
        return result;
    }

    /// <summary>NumPy's <c>searchsorted</c>: the sorted array in one block, one task per chunk of the needles (their chunks kept).</summary>
    public static ChunkedArray SearchSorted(ChunkedContext context, ChunkedArray a, ChunkedArray v, bool right)
    {
        ManipulationRules.RequireSortedVector(a.Shape);
        NDArray meta = LayerBuilder.MetaLike(context, context.Invoke(ArrayFunctions.SearchSorted, new SearchSortedArgs(a.Meta, v.Meta, right)), v.Rank);
        ChunkedArray whole = Rechunk.To(context, a, Chunks.Single(a.Shape));
        string name = Names.Layer("searchsorted", whole.Name, v.Name, right);
        string sorted = whole.KeyOf(new int[whole.Rank]);
        return LayerBuilder.BuildSpec(context, name, "searchsorted", v.Shape, v.Chunks, meta, [whole.Layer, v.Layer], index =>
            ([sorted, v.KeyOf(index)], TaskSpec.Call(ArrayFunctions.SearchSorted, new SearchSortedArgs(TaskSpec.Slot(0), TaskSpec.Slot(1), right))));
    }

    /// <summary>
    /// <c>sort</c>/<c>argsort</c>, which Dask lacks: the sorted axis is rechunked to one block (the other axes keep their
    /// chunks), then every block is sorted on the chunk backend; <c>axis=None</c> sorts the flattened array in one block.
    /// </summary>
    public static ChunkedArray Sort(ChunkedContext context, ChunkedArray x, in SortArgs args, bool indices)
    {
        ArrayFunction<SortArgs, NDArray> function = indices ? ArrayFunctions.Argsort : ArrayFunctions.Sort;
        NDArray probe = context.Invoke(function, args with { X = x.Meta });   // the chunk backend's errors (axis) and dtype
        if (args.Axis is null) x = Manipulation.Reshape(context, x, [-1]);
        NDArray meta = LayerBuilder.MetaLike(context, probe, x.Rank == 0 ? probe.Rank : x.Rank);
        SortArgs blockArgs = args with { X = TaskSpec.Slot(0), Axis = args.Axis is null ? 0 : args.Axis };
        string label = indices ? "argsort" : "sort";
        if (x.Rank == 0)
        {
            // One element: the chunk backend's answer for it, in the meta's shape (argsort of a 0-d array is 1-d).
            string single = Names.Layer(label, x.Name, args.Axis, args.Stable, args.Descending);
            return LayerBuilder.BuildSpec(context, single, label, probe.Shape, Chunks.Single(probe.Shape), meta, [x.Layer], _ =>
                ([x.KeyOf()], TaskSpec.Call(function, blockArgs)));
        }
        int axis = Shape.NormalizeAxis(args.Axis ?? 0, x.Rank);
        ChunkedArray whole = Rechunk.To(context, x, x.Chunks.WithAxis(axis, [x.Shape.Dims[axis]]));
        string name = Names.Layer(label, whole.Name, args.Axis, args.Stable, args.Descending);
        return LayerBuilder.BuildSpec(context, name, label, whole.Shape, whole.Chunks, meta, [whole.Layer], index =>
            ([whole.KeyOf(index)], TaskSpec.Call(function, blockArgs)));
    }
}
