using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>Builds layers (one task per chunk) and the small meta arrays that carry a chunked array's dtype and chunk type.</summary>
internal static class LayerBuilder
{
    /// <summary>
    /// Builds an array whose chunk at each index is made by <paramref name="block"/>'s task. <paramref name="freshResults"/>:
    /// every task returns a new array nothing else references; <paramref name="consumingRun"/>: the tasks' work when they may
    /// overwrite their single input (see <see cref="ChunkTask.ConsumingRun"/>); <paramref name="spec"/>: every task's work as
    /// data, when it is the same for all (see <see cref="ChunkTask.Spec"/>).
    /// </summary>
    public static ChunkedArray Build(
        ChunkedContext context, string name, string function, Shape shape, Chunks chunks, NDArray meta,
        IReadOnlyList<GraphLayer> dependencies, Func<int[], (string[] Deps, TaskFunc Run)> block, Fusion? fusion = null,
        bool freshResults = false, TaskFunc? consumingRun = null, TaskSpec? spec = null)
    {
        var tasks = new List<ChunkTask>(chunks.BlockCount);
        foreach (int[] index in chunks.Indices())
        {
            (string[] deps, TaskFunc run) = block(index);
            tasks.Add(new ChunkTask(Names.Key(name, index), function, deps, run, index)
            {
                FreshResult = freshResults,
                ConsumingRun = deps.Length == 1 ? consumingRun : null,
                Spec = spec,
            });
        }
        var layer = new GraphLayer(name, tasks, Distinct(dependencies));
        return new ChunkedArray(context, layer, shape, chunks, meta, fusion);
    }

    /// <summary>
    /// <see cref="Build"/> for tasks described as data (<see cref="TaskSpec"/>): each task's closure is built from its
    /// description, so the local scheduler and a distributed one run the same work.
    /// </summary>
    public static ChunkedArray BuildSpec(
        ChunkedContext context, string name, string function, Shape shape, Chunks chunks, NDArray meta,
        IReadOnlyList<GraphLayer> dependencies, Func<int[], (string[] Deps, TaskSpec Spec)> block, bool freshResults = false)
    {
        var tasks = new List<ChunkTask>(chunks.BlockCount);
        foreach (int[] index in chunks.Indices())
        {
            (string[] deps, TaskSpec spec) = block(index);
            tasks.Add(new ChunkTask(Names.Key(name, index), function, deps, spec.Bind(context.Dispatcher), index) { Spec = spec, FreshResult = freshResults });
        }
        var layer = new GraphLayer(name, tasks, Distinct(dependencies));
        return new ChunkedArray(context, layer, shape, chunks, meta, null);
    }

    /// <summary>Wraps an in-memory array of any backend, cut into <paramref name="chunks"/> by slicing it (views where the backend gives them).</summary>
    public static ChunkedArray FromArray(ChunkedContext context, NDArray source, Chunks? chunks = null)
    {
        chunks ??= Chunks.Single(source.Shape);
        string name = Names.Unique("array");
        NDArray meta = Meta(context, context.BackendOf(source), source.DType, source.Rank);
        if (chunks.BlockCount == 1)
        {
            return BuildSpec(context, name, "array", source.Shape, chunks, meta, [], _ => ([], TaskSpec.SourceChunk(source, null)));
        }
        return BuildSpec(context, name, "array", source.Shape, chunks, meta, [], index => ([], TaskSpec.SourceChunk(source, Slices(chunks, index))));
    }

    /// <summary>The slices that select chunk <paramref name="index"/> out of the whole array.</summary>
    public static ArrayIndex[] Slices(Chunks chunks, ReadOnlySpan<int> index)
    {
        var slices = new ArrayIndex[chunks.Rank];
        for (int axis = 0; axis < chunks.Rank; axis++)
        {
            int start = 0;
            for (int b = 0; b < index[axis]; b++) start += chunks[axis][b];
            slices[axis] = new Slice(start, start + chunks[axis][index[axis]]);
        }
        return slices;
    }

    /// <summary>
    /// A one-element array of <paramref name="backend"/> with <paramref name="dtype"/> and <paramref name="rank"/>. It holds
    /// 1, so evaluating functions on metas does not divide by zero; a backend that declares it cannot hold a nonzero fill
    /// (Sparse, whose arrays are all-zero unless built from entries) gets 0, so its own rules (e.g. refusing exp of a
    /// sparse array) apply when the graph is built.
    /// </summary>
    public static NDArray Meta(ChunkedContext context, string backend, DType dtype, int rank)
    {
        bool nonzero = context.Dispatcher.SupportOf(backend, ArrayFunctions.Full)?.NonzeroFill ?? true;
        return context.Create(ArrayFunctions.Full, new FullArgs(Ones(rank), dtype, Scalar.Integer(nonzero ? 1 : 0), new Placement(Backend: backend)));
    }

    /// <summary>
    /// The meta of an array of <paramref name="rank"/> whose chunks are of <paramref name="probe"/>'s backend and dtype: what a
    /// chunk function returned for a meta or a stand-in (which may hold another number of elements) made a one-element meta.
    /// </summary>
    public static NDArray MetaLike(ChunkedContext context, NDArray probe, int rank) => Meta(context, context.BackendOf(probe), probe.DType, rank);

    /// <summary><paramref name="meta"/> reshaped to <paramref name="rank"/> ones (same backend and dtype).</summary>
    public static NDArray WithRank(ChunkedContext context, NDArray meta, int rank) =>
        meta.Rank == rank ? meta : context.Invoke(ArrayFunctions.Reshape, new ShapeArgs(meta, Ones(rank).ToArray()));

    /// <summary><paramref name="meta"/> converted to <paramref name="dtype"/>.</summary>
    public static NDArray WithDType(ChunkedContext context, NDArray meta, DType dtype) =>
        meta.DType == dtype ? meta : context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(meta, dtype));

    public static Shape Ones(int rank)
    {
        var dims = new int[rank];
        Array.Fill(dims, 1);
        return new Shape(dims);
    }

    /// <summary>Joins an n-d grid of parts (C order, <paramref name="counts"/> per axis) by concatenating, last axis first.</summary>
    public static NDArray Assemble(ChunkedContext context, NDArray[] parts, ReadOnlySpan<int> counts)
    {
        NDArray[] grid = parts;
        for (int axis = counts.Length - 1; axis >= 0; axis--)
        {
            int run = counts[axis];
            if (run == 1) continue;
            var next = new NDArray[grid.Length / run];
            for (int g = 0; g < next.Length; g++)
            {
                next[g] = context.Invoke(ArrayFunctions.Concatenate, new ArrayListArgs(grid[(g * run)..((g + 1) * run)], axis));
            }
            grid = next;
        }
        return grid[0];
    }

    private static GraphLayer[] Distinct(IReadOnlyList<GraphLayer> layers)
    {
        var seen = new HashSet<GraphLayer>(ReferenceEqualityComparer.Instance);
        var result = new List<GraphLayer>(layers.Count);
        foreach (GraphLayer l in layers)
        {
            if (seen.Add(l)) result.Add(l);
        }
        return [.. result];
    }
}
