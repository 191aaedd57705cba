namespace ArrayDispatch.Chunked.Graph;

/// <summary>
/// The tasks one operation adds (all the chunks of one array, Dask's high-level-graph layer), and the layers they read
/// from. Layers are immutable and shared, so arrays built from a common input share its layer and its tasks.
/// </summary>
public sealed class GraphLayer
{
    /// <summary>Creates a layer.</summary>
    /// <param name="name">The layer's name; its tasks' keys start with it.</param>
    /// <param name="tasks">The tasks.</param>
    /// <param name="dependencies">The layers the tasks depend on.</param>
    public GraphLayer(string name, IReadOnlyList<ChunkTask> tasks, IReadOnlyList<GraphLayer> dependencies)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Tasks = tasks;
        Dependencies = dependencies;
    }

    /// <summary>The layer's name.</summary>
    public string Name { get; }

    /// <summary>The tasks of the layer.</summary>
    public IReadOnlyList<ChunkTask> Tasks { get; }

    /// <summary>The layers read by this layer's tasks.</summary>
    public IReadOnlyList<GraphLayer> Dependencies { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Tasks.Count} tasks)";
}
