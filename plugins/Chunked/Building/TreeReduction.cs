using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Dask's <c>reduction</c> machinery, generic in what a partial result is: each chunk is turned into a partial with
/// the reduced axes kept at length 1 (<c>chunk</c>), groups of at most <c>split_every</c> partials are combined until
/// one is left per output chunk (<c>combine</c>), and the last partial becomes the output chunk (<c>finish</c>, then the
/// reduced axes are dropped unless <c>keepdims</c>).
/// </summary>
internal static class TreeReduction
{
    /// <summary>Builds the reduction of <paramref name="x"/> over <paramref name="axes"/>.</summary>
    /// <param name="context">The plugin's context.</param>
    /// <param name="label">The function name shown in keys and labels (<c>sum</c>, <c>argmax</c>).</param>
    /// <param name="parameters">What else defines the result besides the input and axes (dtype...), for the layer token.</param>
    /// <param name="x">The input.</param>
    /// <param name="axes">Normalised axes to reduce.</param>
    /// <param name="keepDims">Keep the reduced axes at length 1.</param>
    /// <param name="meta">The meta of the output chunk with the reduced axes kept (rank of <paramref name="x"/>).</param>
    /// <param name="chunk">A chunk and its block index to its partial.</param>
    /// <param name="combine">Partials, in block order, to one partial.</param>
    /// <param name="finish">The last partial to the output chunk (with reduced axes kept); null when partials are the output.</param>
    /// <param name="chunkSpec"><paramref name="chunk"/> as a description (see TaskSpec), or null.</param>
    /// <param name="combineSpec"><paramref name="combine"/> as a description, or null.</param>
    /// <param name="chunkSpecAt"><paramref name="chunk"/> as a description per block index (when it depends on the index), or null.</param>
    /// <param name="finishSpec"><paramref name="finish"/> as a description applied to input 0, or null.</param>
    public static ChunkedArray Build(
        ChunkedContext context, string label, object?[] parameters, ChunkedArray x, int[] axes, bool keepDims, NDArray meta,
        Func<NDArray, int[], object> chunk, Func<object[], object> combine, Func<object, NDArray>? finish = null,
        TaskSpec? chunkSpec = null, TaskSpec? combineSpec = null, Func<int[], TaskSpec>? chunkSpecAt = null, TaskSpec? finishSpec = null)
    {
        // With descriptions of chunk, combine and finish (when there is one), every task is described (see TaskSpec), so
        // the reduction can run on a distributed scheduler; the closures then stay unused.
        bool described = (chunkSpec is not null || chunkSpecAt is not null) && combineSpec is not null && (finish is null || finishSpec is not null);
        int rank = x.Rank;
        var reduced = new bool[rank];
        foreach (int a in axes) reduced[a] = true;

        // 1. One partial per chunk: an array whose reduced axes have one element per chunk.
        var partialSizes = new int[rank][];
        for (int axis = 0; axis < rank; axis++)
        {
            partialSizes[axis] = reduced[axis] ? Enumerable.Repeat(1, x.Chunks.BlockCounts[axis]).ToArray() : [.. x.Chunks[axis]];
        }
        string name = Names.Layer(label + "-chunk", [x.Name, Axes.Of(axes).ToString(), .. parameters]);
        ChunkedArray current = described
            ? LayerBuilder.BuildSpec(
                context, name, label, new Shape(Array.ConvertAll(partialSizes, s => s.Sum())), Chunks.FromSizes(partialSizes), meta, [x.Layer],
                index => ([x.KeyOf(index)], chunkSpecAt?.Invoke(index) ?? chunkSpec!))
            : LayerBuilder.Build(
                context, name, label, new Shape(Array.ConvertAll(partialSizes, s => s.Sum())), Chunks.FromSizes(partialSizes), meta, [x.Layer],
                index => ([x.KeyOf(index)], v => chunk((NDArray)v[0], index)));

        // 2. Combine groups along the reduced axes until one partial is left along each.
        int splitPerAxis = axes.Length == 0 ? 2 : Math.Max(2, (int)Math.Floor(Math.Pow(context.Options.SplitEvery, 1.0 / axes.Length) + 1e-9));
        int round = 0;
        while (axes.Any(a => current.Chunks.BlockCounts[a] > 1))
        {
            ChunkedArray source = current;
            var sizes = new int[rank][];
            var groups = new int[rank];
            for (int axis = 0; axis < rank; axis++)
            {
                int n = source.Chunks.BlockCounts[axis];
                groups[axis] = reduced[axis] ? splitPerAxis : 1;
                sizes[axis] = reduced[axis] ? Enumerable.Repeat(1, (n + splitPerAxis - 1) / splitPerAxis).ToArray() : [.. source.Chunks[axis]];
            }
            string combineName = Names.Layer(label + "-combine", source.Name, round++);
            current = described
                ? LayerBuilder.BuildSpec(
                    context, combineName, label + "-combine", new Shape(Array.ConvertAll(sizes, s => s.Sum())), Chunks.FromSizes(sizes), meta, [source.Layer],
                    index => (GroupKeys(source, index, groups), combineSpec!))
                : LayerBuilder.Build(
                    context, combineName, label + "-combine", new Shape(Array.ConvertAll(sizes, s => s.Sum())), Chunks.FromSizes(sizes), meta, [source.Layer],
                    index => (GroupKeys(source, index, groups), v => combine(v)));
        }

        if (keepDims && finish is null) return current;

        // 3. Finish, and drop the reduced axes from each output chunk.
        ChunkedArray last = current;
        int[] outAxes = [.. Enumerable.Range(0, rank).Where(a => keepDims || !reduced[a])];
        int[][] outSizes = [.. outAxes.Select(a => last.Chunks[a].ToArray())];
        var outChunks = Chunks.FromSizes(outSizes);
        NDArray outMeta = LayerBuilder.WithRank(context, meta, outAxes.Length);
        string aggregate = Names.Layer(label, last.Name, keepDims ? "finish" : "drop");
        if (described)
        {
            return LayerBuilder.BuildSpec(
                context, aggregate, label + "-aggregate", new Shape([.. outAxes.Select(a => last.Shape.Dims[a])]), outChunks, outMeta, [last.Layer], index =>
                {
                    var src = new int[rank];
                    int k = 0;
                    for (int axis = 0; axis < rank; axis++) src[axis] = keepDims || !reduced[axis] ? index[k++] : 0;
                    TaskSpec done = finishSpec ?? TaskSpec.Input(0);
                    TaskSpec drop = keepDims ? done : TaskSpec.Call(ArrayFunctions.Reshape, new ShapeArgs(TaskSpec.Slot(done), outChunks.BlockShape(index)));
                    return ([last.KeyOf(src)], drop);
                });
        }
        return LayerBuilder.Build(
            context, aggregate, label + "-aggregate", new Shape([.. outAxes.Select(a => last.Shape.Dims[a])]), outChunks, outMeta, [last.Layer], index =>
            {
                var src = new int[rank];
                int k = 0;
                for (int axis = 0; axis < rank; axis++) src[axis] = keepDims || !reduced[axis] ? index[k++] : 0;
                int[] blockShape = outChunks.BlockShape(index);
                return ([last.KeyOf(src)], v =>
                {
                    NDArray result = finish is null ? (NDArray)v[0] : finish(v[0]);
                    return keepDims ? result : context.Invoke(ArrayFunctions.Reshape, new ShapeArgs(result, blockShape));
                });
            });
    }

    /// <summary>The keys of the partials of <paramref name="source"/> that output block <paramref name="index"/> combines, in C order.</summary>
    private static string[] GroupKeys(ChunkedArray source, int[] index, int[] groups)
    {
        int rank = index.Length;
        var lo = new int[rank];
        var count = new int[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            lo[axis] = index[axis] * groups[axis];
            count[axis] = Math.Min(groups[axis], source.Chunks.BlockCounts[axis] - lo[axis]);
        }
        var deps = new List<string>();
        var combo = new int[rank];
        int total = count.Aggregate(1, (p, c) => p * c);
        for (int k = 0; k < total; k++)
        {
            var src = new int[rank];
            for (int axis = 0; axis < rank; axis++) src[axis] = lo[axis] + combo[axis];
            deps.Add(source.KeyOf(src));
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                if (++combo[axis] < count[axis]) break;
                combo[axis] = 0;
            }
        }
        return [.. deps];
    }
}
