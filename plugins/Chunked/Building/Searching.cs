using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Functions whose result's length depends on the data: <c>argwhere</c>/<c>nonzero</c> and <c>unique</c>. Dask gives such
/// results unknown chunk sizes (NaN); a chunked array here always knows its shape, so the part that decides the length
/// is computed when the function is called, and no more: for <c>argwhere</c> the count of nonzero elements of each
/// block (the indices themselves stay lazy), for <c>unique</c> the unique values (Dask's way: each block's unique values,
/// then the unique values of their concatenation).
/// </summary>
internal static class Searching
{
    /// <summary>
    /// NumPy's <c>argwhere</c> as Dask's: the array rechunked so that only the first axis is cut (its blocks are then in
    /// C order), each block's <c>argwhere</c> shifted by the block's first row. The blocks' counts are computed now.
    /// </summary>
    public static ChunkedArray Argwhere(ChunkedContext context, ChunkedArray x)
    {
        NDArray meta = LayerBuilder.MetaLike(context, context.Invoke(ArrayFunctions.Argwhere, new ArrayArgs(x.Meta)), 2);
        int rank = x.Rank;
        ChunkedArray rows = x;
        for (int a = 1; a < rank; a++) rows = Rechunk.To(context, rows, rows.Chunks.WithAxis(a, [rows.Shape.Dims[a]]));
        int blocks = rank == 0 ? 1 : rows.Chunks.BlockCounts[0];
        string countName = Names.Layer("count_nonzero-blocks", rows.Name);
        var countTasks = new List<ChunkTask>(blocks);
        for (int b = 0; b < blocks; b++)
        {
            int[] index = new int[rank];
            if (rank > 0) index[0] = b;
            var spec = TaskSpec.Call(ArrayFunctions.CountNonzero, new ReductionArgs(TaskSpec.Slot(0)));
            countTasks.Add(ChunkTask.FromSpec(Names.Key(countName, [b]), "count_nonzero", [rows.KeyOf(index)], spec, context.Dispatcher, [b]));
        }
        var countLayer = new GraphLayer(countName, countTasks, [rows.Layer]);
        object[] values = ChunkedCompute.RunKeys(context, [countLayer], [.. countTasks.Select(t => t.Key)]);
        int[] counts = [.. values.Select(v => checked((int)((NDArray)v).ToArray<long>()[0]))];
        int total = checked(counts.Sum());
        int[] offsets = rank == 0 ? [0] : rows.Chunks.Offsets(0);
        string backend = context.BackendOf(x.Meta);
        var shape = new Shape(total, rank);
        string name = Names.Layer("argwhere", rows.Name);
        return LayerBuilder.BuildSpec(context, name, "argwhere", shape, Chunks.FromSizes([counts, [rank]]), meta, [rows.Layer], index =>
        {
            int b = index[0];
            int[] src = new int[rank];
            if (rank > 0) src[0] = b;
            TaskSpec local = TaskSpec.Call(ArrayFunctions.Argwhere, new ArrayArgs(TaskSpec.Slot(0)));
            if (offsets[b] == 0) return ([rows.KeyOf(src)], local);
            var shift = new long[rank];
            shift[0] = offsets[b];
            NDArray start = context.Create(ArrayFunctions.AsArray, new AsArrayArgs(shift, null, false, new Placement(Backend: backend)));
            return ([rows.KeyOf(src)], TaskSpec.Call(ArrayFunctions.Add, new BinaryArgs(TaskSpec.Slot(local), start)));
        });
    }

    /// <summary>NumPy's <c>nonzero</c>: the columns of <see cref="Argwhere"/> (a 0-d array counts as a 1-d array of one element, as NumPy 1.x).</summary>
    public static NDArray[] Nonzero(ChunkedContext context, ChunkedArray x)
    {
        if (x.Rank == 0) x = Manipulation.Reshape(context, x, [1]);
        ChunkedArray where = Argwhere(context, x);
        var result = new NDArray[x.Rank];
        for (int k = 0; k < result.Length; k++) result[k] = Slicing.GetItem(context, where, [ArrayIndex.All, k]);
        return result;
    }

    /// <summary>
    /// NumPy's <c>unique</c>. The values alone as Dask's: each block's unique values, then the unique values of their
    /// concatenation, computed now. With first indices, the inverse or counts (which need every element's place in the
    /// flattened array), the array in one block and the chunk backend's <c>unique</c>, computed now. Each part
    /// of the answer is a chunked array of the computed values.
    /// </summary>
    public static UniqueResult Unique(ChunkedContext context, ChunkedArray x, in UniqueArgs args)
    {
        context.Invoke(ArrayFunctions.Unique, args with { X = x.Meta });   // the chunk backend's refusals (equal_nan, dtypes)
        UniqueResult answer;
        if (!args.ReturnIndex && !args.ReturnInverse && !args.ReturnCounts)
        {
            UniqueArgs a = args;
            string name = Names.Layer("unique-blocks", x.Name, a.EqualNan);
            var tasks = new List<ChunkTask>();
            foreach (int[] index in x.Chunks.Indices())
            {
                var spec = TaskSpec.Call(ArrayFunctions.Unique, a with { X = TaskSpec.Slot(0) }).Member("Values");
                tasks.Add(ChunkTask.FromSpec(Names.Key(name, index), "unique", [x.KeyOf(index)], spec, context.Dispatcher, index));
            }
            var perBlock = new GraphLayer(name, tasks, [x.Layer]);
            string combineKey = Names.Layer("unique-combine", x.Name, a.EqualNan);
            NDArray[] slots = [.. Enumerable.Range(0, tasks.Count).Select(TaskSpec.Slot)];
            TaskSpec joined = TaskSpec.Call(ArrayFunctions.Concatenate, new ArrayListArgs(slots, 0));
            TaskSpec combine = TaskSpec.Call(ArrayFunctions.Unique, a with { X = TaskSpec.Slot(joined) }).Member("Values");
            var combineTask = ChunkTask.FromSpec(combineKey, "unique", [.. tasks.Select(t => t.Key)], combine, context.Dispatcher);
            var layer = new GraphLayer(combineKey, [combineTask], [perBlock]);
            var values = (NDArray)ChunkedCompute.RunKeys(context, [layer], [combineKey])[0];
            answer = new UniqueResult(values, null, null, null);
        }
        else
        {
            NDArray whole = ChunkedCompute.Run([Rechunk.To(context, x, Chunks.Single(x.Shape))]).Arrays[0];
            answer = context.Invoke(ArrayFunctions.Unique, args with { X = whole });
        }
        return new UniqueResult(Wrap(context, answer.Values)!, Wrap(context, answer.Indices), Wrap(context, answer.Inverse), Wrap(context, answer.Counts));
    }

    private static ChunkedArray? Wrap(ChunkedContext context, NDArray? a) =>
        a is null ? null : LayerBuilder.FromArray(context, a, Creation.ChunksFor(a.Shape, a.DType, null));
}
