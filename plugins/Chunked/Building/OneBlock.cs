using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Functions Dask lacks, run as one task on a single block: every input is rechunked to one block and the chunk
/// backend's own function computes the whole answer (its kernel, dtype rules and errors). Lazy, but not split across
/// tasks: the inputs must fit one chunk. The result's dtype comes from the same function called on a stand-in of each
/// input (every axis of length min(n, 1), holding ones), so it is the chunk backend's answer.
/// </summary>
internal static class OneBlock
{
    /// <summary>A chunk-backend array of <paramref name="x"/>'s dtype whose every axis has length min(n, 1), holding ones.</summary>
    public static NDArray StandIn(ChunkedContext context, ChunkedArray x)
    {
        var dims = System.Array.ConvertAll(x.Shape.ToArray(), d => Math.Min(d, 1));
        NDArray view = context.Invoke(ArrayFunctions.BroadcastTo, new ShapeArgs(x.Meta, dims));
        return context.Invoke(ArrayFunctions.Copy, new ArrayArgs(view));
    }

    /// <summary>The array computed by <paramref name="spec"/> from the inputs' single blocks (input i is <c>Slot(i)</c>).</summary>
    public static ChunkedArray Array(ChunkedContext context, string label, ChunkedArray[] inputs, TaskSpec spec, Shape shape, NDArray meta, params object?[] parts)
    {
        ChunkedArray[] whole = Whole(context, inputs);
        string name = Names.Layer(label, [.. whole.Select(w => w.Name), .. parts]);
        string[] deps = [.. whole.Select(w => w.KeyOf(new int[w.Rank]))];
        return LayerBuilder.BuildSpec(context, name, label, shape, Chunks.Single(shape), LayerBuilder.MetaLike(context, meta, shape.Rank),
            [.. whole.Select(w => w.Layer)], _ => (deps, spec));
    }

    /// <summary>A task computing a compound value (eigh's, slogdet's, unique's) from the inputs' single blocks; <see cref="Member"/> takes its parts.</summary>
    public static (GraphLayer Layer, string Key) Compound(ChunkedContext context, string label, ChunkedArray[] inputs, TaskSpec spec, params object?[] parts)
    {
        ChunkedArray[] whole = Whole(context, inputs);
        string name = Names.Layer(label, [.. whole.Select(w => w.Name), .. parts]);
        string[] deps = [.. whole.Select(w => w.KeyOf(new int[w.Rank]))];
        var task = ChunkTask.FromSpec(name, label, deps, spec, context.Dispatcher);
        return (new GraphLayer(name, [task], [.. whole.Select(w => w.Layer).Distinct()]), name);
    }

    /// <summary>Part <paramref name="member"/> of a compound value, as a one-block array of <paramref name="shape"/>.</summary>
    public static ChunkedArray Member(ChunkedContext context, (GraphLayer Layer, string Key) compound, string member, Shape shape, NDArray meta)
    {
        string name = Names.Layer(compound.Key + "-" + member.ToLowerInvariant());
        return LayerBuilder.BuildSpec(context, name, member.ToLowerInvariant(), shape, Chunks.Single(shape), LayerBuilder.MetaLike(context, meta, shape.Rank),
            [compound.Layer], _ => ([compound.Key], TaskSpec.Input(0).Member(member)));
    }

    private static ChunkedArray[] Whole(ChunkedContext context, ChunkedArray[] inputs) =>
        [.. inputs.Select(x => Rechunk.To(context, x, Chunks.Single(x.Shape)))];
}
