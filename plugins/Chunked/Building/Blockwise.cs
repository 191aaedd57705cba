using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;

namespace ArrayDispatch.Chunked.Building;

/// <summary>Applies a chunk-to-chunk function that keeps chunk shapes (Dask's <c>map_blocks</c>).</summary>
internal static class Blockwise
{
    /// <summary>Applies <paramref name="map"/> to every chunk; <paramref name="spec"/>: the same as a description of input 0's call (see <see cref="TaskSpec"/>).</summary>
    public static ChunkedArray Map(ChunkedContext context, ChunkedArray x, string label, object parameters, Func<NDArray, NDArray> map, TaskSpec? spec = null)
    {
        NDArray meta = map(x.Meta);
        string name = Names.Layer(label, x.Name, parameters);
        return LayerBuilder.Build(context, name, label, x.Shape, x.Chunks, meta, [x.Layer], index =>
            ([x.KeyOf(index)], v => map((NDArray)v[0])), spec: spec);
    }
}
