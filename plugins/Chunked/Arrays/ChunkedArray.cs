using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;

namespace ArrayDispatch.Chunked.Arrays;

/// <summary>
/// A lazy array cut into chunks (Dask's <c>dask.array.Array</c>): a shape, chunk sizes per axis, a dtype, and the task
/// graph that produces each chunk. Chunks are arrays of any backend. Operations build graph; <c>Compute()</c> runs it.
/// </summary>
public sealed class ChunkedArray : NDArray, IHtmlFormattable
{
    internal ChunkedArray(ChunkedContext context, GraphLayer layer, Shape shape, Chunks chunks, NDArray meta, Fusion? fusion = null)
    {
        if (chunks.Rank != shape.Rank) throw new ArgumentException($"chunks {chunks} do not match shape {shape}", nameof(chunks));
        Context = context;
        Layer = layer;
        Shape = shape;
        Chunks = chunks;
        Meta = meta;
        Fusion = fusion;
    }

    /// <inheritdoc/>
    public override Shape Shape { get; }

    /// <inheritdoc/>
    public override DType DType => Meta.DType;

    /// <summary>The chunk sizes per axis (the protocol's <see cref="NDArray.Chunks"/>, typed).</summary>
    public override Chunks Chunks { get; }

    /// <summary>The name of the layer that produces this array's chunks; chunk keys start with it.</summary>
    public string Name => Layer.Name;

    /// <summary>The layer that produces the chunks (and, through its dependencies, the whole graph).</summary>
    public GraphLayer Layer { get; private set; }

    /// <summary>
    /// The tasks this array's chunks need: its layers' tasks culled from its chunk keys (layers are shared, so one may hold
    /// tasks only another array reads, e.g. TSQR's full QR of the stack, which U reads and V does not). Not fused; the graph a
    /// compute runs is <see cref="ChunkedCompute.Plan"/>'s.
    /// </summary>
    public TaskGraph Graph => GraphOptimizer.Cull(TaskGraph.FromLayers(Layer), [.. Keys()]);

    /// <summary>The number of chunks.</summary>
    public int BlockCount => Chunks.BlockCount;

    /// <summary>The type of the chunks' arrays (Dask's <c>chunktype</c>).</summary>
    public Type ChunkType => Meta.GetType();

    /// <summary>A one-element array of the chunks' backend and dtype, with this array's rank (Dask's <c>_meta</c>).</summary>
    internal NDArray Meta { get; }

    internal ChunkedContext Context { get; }

    /// <summary>The element-wise expression this array's chunks compute, for blockwise fusion; null for other layers.</summary>
    internal Fusion? Fusion { get; private set; }

    /// <summary>
    /// Makes this array the one <paramref name="layer"/> produces (same shape, chunks and dtype): an assignment into it
    /// (<c>x[...] = v</c>), as Dask's <c>__setitem__</c> replaces the array's graph. Arrays built from it before keep the old one.
    /// </summary>
    internal void Assign(GraphLayer layer)
    {
        Layer = layer;
        Fusion = null;
    }

    /// <summary>The key of the chunk at <paramref name="index"/>.</summary>
    public string KeyOf(params ReadOnlySpan<int> index) => Names.Key(Name, index);

    /// <summary>The keys of every chunk, in C order.</summary>
    public IEnumerable<string> Keys() => Chunks.Indices().Select(i => KeyOf(i));

    /// <inheritdoc/>
    public override HostBuffer ToHost() => ChunkedCompute.Run([this]).Arrays[0].ToHost();

    /// <summary>
    /// Dask's summary, without computing anything (every format string gives the same text, as Dask's str and repr do):
    /// <c>dask.array&lt;svd-v, shape=(1000, 1000), dtype=float64, chunksize=(1000, 1000), chunktype=Dense&gt;</c>. The name is
    /// the layer's without its token (Dask's <c>key_split</c>); <c>x.Compute()</c> prints the values.
    /// </summary>
    public override string ToString(string? format, IFormatProvider? formatProvider) =>
        $"dask.array<{Names.Prefix(Name)}, shape={Shape}, dtype={DType.Name()}, chunksize={Shape.Format(Chunks.ChunkSize())}, chunktype={Context.BackendOf(Meta)}>";

    /// <summary>Dask's HTML card: bytes, shape, chunk and layer counts and dtype, and a picture of the chunk grid; computes nothing.</summary>
    public string ToHtml() => DaskCard.Of(this);
}
