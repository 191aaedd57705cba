namespace ArrayDispatch.Chunked.Graph;

/// <summary>
/// What a compute of some arrays runs: the graph their layers build, and the graph left after culling from their chunk
/// keys (and fusing, when the optimiser is on). <c>Compute</c> runs <see cref="Graph"/>; <c>Visualize</c> draws it.
/// </summary>
/// <param name="Built">Every task of the arrays' layers (what <c>ChunkedArray.Graph</c> returns).</param>
/// <param name="Graph">The tasks that run: every one has a path to an output.</param>
/// <param name="Outputs">The arrays' chunk keys, in order, each once.</param>
/// <param name="Culled">Tasks of <see cref="Built"/> that no output needs.</param>
/// <param name="Fused">Tasks that run inside another one (linear chains).</param>
public sealed record ComputePlan(TaskGraph Built, TaskGraph Graph, IReadOnlyList<string> Outputs, int Culled, int Fused)
{
    /// <summary>Builds the plan for <paramref name="layers"/> and their <paramref name="outputs"/>.</summary>
    /// <param name="layers">The output arrays' layers.</param>
    /// <param name="outputs">The output keys (repeats are dropped).</param>
    /// <param name="optimize">Fuse linear chains after culling (culling always happens).</param>
    public static ComputePlan Create(IEnumerable<GraphLayer> layers, IEnumerable<string> outputs, bool optimize)
    {
        TaskGraph built = TaskGraph.FromLayers(layers);
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in outputs)
        {
            if (seen.Add(key)) keys.Add(key);
        }
        TaskGraph culled = GraphOptimizer.Cull(built, keys);
        TaskGraph graph = optimize ? GraphOptimizer.FuseLinearChains(culled, keys) : culled;
        return new ComputePlan(built, graph, keys, built.Count - culled.Count, culled.Count - graph.Count);
    }
}
