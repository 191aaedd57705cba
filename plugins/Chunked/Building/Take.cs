using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// NumPy's <c>take</c>, as Dask builds it. Indices held in memory are known when the graph is built: they are checked
/// then (NumPy's IndexError naming the first bad index), cut into output chunks of at most the axis's chunk size, and each
/// output chunk takes from the input blocks its indices fall in (those blocks joined along the axis, then one take with
/// indices relative to the join), so the other blocks are not read. Chunked indices are lazy: the axis is brought into one
/// block and each chunk of indices takes from it (a bad index then fails the compute, with the chunk backend's error).
/// </summary>
internal static class Take
{
    public static ChunkedArray Build(ChunkedContext context, ChunkedArray x, NDArray indices, int? axisArg)
    {
        if (axisArg is null) x = Manipulation.Reshape(context, x, [-1]);
        int axis = Shape.NormalizeAxis(axisArg ?? 0, x.Rank);
        // The chunk backend's rules (integer indices) and dtype, on the meta with an index 0 of the indices' dtype.
        NDArray indexMeta = context.Invoke(ArrayFunctions.FullLike, new FullLikeArgs(
            indices is ChunkedArray ci ? ci.Meta : LayerBuilder.Meta(context, context.BackendOf(x.Meta), indices.DType, 0), Scalar.Integer(0)));
        NDArray probe = context.Invoke(ArrayFunctions.Take, new TakeArgs(x.Meta, LayerBuilder.WithRank(context, indexMeta, 0), axis));
        NDArray meta = LayerBuilder.MetaLike(context, probe, x.Rank - 1 + indices.Rank);
        return indices is ChunkedArray lazy ? Lazy(context, x, lazy, axis, meta) : Known(context, x, indices, axis, meta);
    }

    private static ChunkedArray Known(ChunkedContext context, ChunkedArray x, NDArray indices, int axis, NDArray meta)
    {
        int n = x.Shape.Dims[axis];
        long[] values = context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(indices, DType.Int64)).ToArray<long>();
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v < -n || v >= n) throw NumPyErrors.IndexOutOfBounds(v, axis, n);
            if (v < 0) values[i] = v + n;
        }
        int[] offsets = x.Chunks.Offsets(axis);
        int piece = Math.Max(1, x.Chunks.ChunkSize()[axis]);
        int[] outSizes = Chunks.Split(values.Length, piece);
        string backend = context.BackendOf(x.Meta);
        // Per output chunk along the axis: the input blocks it reads (ascending) and its indices into their join.
        var plans = new (int[] Blocks, NDArray Local)[outSizes.Length];
        int at = 0;
        for (int p = 0; p < outSizes.Length; p++)
        {
            long[] part = values[at..(at + outSizes[p])];
            at += outSizes[p];
            int[] blocks = [.. part.Select(v => BlockOf(offsets, v)).Distinct().Order()];
            if (blocks.Length == 0) blocks = [0];
            var start = new Dictionary<int, long>();
            long joined = 0;
            foreach (int b in blocks)
            {
                start[b] = joined - offsets[b];
                joined += offsets[b + 1] - offsets[b];
            }
            long[] local = [.. part.Select(v => v + start[BlockOf(offsets, v)])];
            plans[p] = (blocks, context.Create(ArrayFunctions.AsArray, new AsArrayArgs(local, null, false, new Placement(Backend: backend))));
        }
        var sizes = (int[][])x.Chunks.Sizes.Clone();
        sizes[axis] = outSizes;
        var dims = x.Shape.ToArray();
        dims[axis] = values.Length;
        NDArray flatMeta = LayerBuilder.WithRank(context, meta, x.Rank);
        string name = Names.Layer("take", x.Name, axis, string.Join(",", values));
        ChunkedArray taken = LayerBuilder.BuildSpec(context, name, "take", new Shape(dims), Chunks.FromSizes(sizes), flatMeta, [x.Layer], index =>
        {
            var (blocks, local) = plans[index[axis]];
            var deps = new string[blocks.Length];
            for (int k = 0; k < blocks.Length; k++)
            {
                var src = (int[])index.Clone();
                src[axis] = blocks[k];
                deps[k] = x.KeyOf(src);
            }
            return (deps, TaskSpec.Call(ArrayFunctions.Take, new TakeArgs(TaskSpec.Slot(TaskSpec.Concatenate(axis)), local, axis)));
        });
        if (indices.Rank == 1) return taken;
        // The indices' shape in place of the axis (a 0-d index drops it).
        int[] shaped = [.. x.Shape.Dims[..axis], .. indices.Shape.Dims, .. x.Shape.Dims[(axis + 1)..]];
        return Manipulation.Reshape(context, taken, shaped);
    }

    private static ChunkedArray Lazy(ChunkedContext context, ChunkedArray x, ChunkedArray indices, int axis, NDArray meta)
    {
        ChunkedArray whole = Rechunk.To(context, x, x.Chunks.WithAxis(axis, [x.Shape.Dims[axis]]));
        int ni = indices.Rank;
        int[] dims = [.. x.Shape.Dims[..axis], .. indices.Shape.Dims, .. x.Shape.Dims[(axis + 1)..]];
        var sizes = new List<int[]>();
        for (int a = 0; a < axis; a++) sizes.Add([.. whole.Chunks[a]]);
        for (int a = 0; a < ni; a++) sizes.Add([.. indices.Chunks[a]]);
        for (int a = axis + 1; a < x.Rank; a++) sizes.Add([.. whole.Chunks[a]]);
        string name = Names.Layer("take", whole.Name, indices.Name, axis);
        var take = TaskSpec.Call(ArrayFunctions.Take, new TakeArgs(TaskSpec.Slot(0), TaskSpec.Slot(1), axis));
        return LayerBuilder.BuildSpec(context, name, "take", new Shape(dims), Chunks.FromSizes([.. sizes]), meta, [whole.Layer, indices.Layer], index =>
        {
            var src = new int[x.Rank];
            for (int a = 0; a < axis; a++) src[a] = index[a];
            for (int a = axis + 1; a < x.Rank; a++) src[a] = index[a - 1 + ni];
            return ([whole.KeyOf(src), indices.KeyOf(index[axis..(axis + ni)])], take);
        });
    }

    private static int BlockOf(int[] offsets, long v)
    {
        int b = Array.BinarySearch(offsets, (int)v);
        if (b < 0) return ~b - 1;
        // v is a chunk start; skip empty chunks that start there too.
        while (b + 1 < offsets.Length - 1 && offsets[b + 1] == v) b++;
        return Math.Min(b, offsets.Length - 2);
    }
}
