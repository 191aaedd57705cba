namespace ArrayDispatch.Chunked.Graph;

/// <summary>Graph optimisations run before compute, as Dask's <c>cull</c> and <c>fuse</c>.</summary>
public static class GraphOptimizer
{
    /// <summary>Runs <see cref="Cull"/> then <see cref="FuseLinearChains"/>.</summary>
    public static TaskGraph Optimize(TaskGraph graph, IReadOnlyCollection<string> outputs) =>
        FuseLinearChains(Cull(graph, outputs), outputs);

    /// <summary>
    /// Keeps only the tasks that <paramref name="outputs"/> need. A kept task with an <see cref="ChunkTask.Alternative"/>
    /// whose task is kept too takes its value from it instead of computing it again (then what only it needed is dropped).
    /// </summary>
    /// <exception cref="KeyNotFoundException">An output is not in the graph.</exception>
    public static TaskGraph Cull(TaskGraph graph, IReadOnlyCollection<string> outputs)
    {
        TaskGraph culled = CullOnly(graph, outputs);
        List<ChunkTask>? replaced = null;
        foreach (ChunkTask t in culled.Tasks.Values)
        {
            if (t.Alternative is not { } alt || !culled.Contains(alt.Key)) continue;
            replaced ??= [.. culled.Tasks.Values];
            Func<object, object> from = alt.From;
            int i = replaced.FindIndex(r => r.Key == t.Key);
            replaced[i] = new ChunkTask(t.Key, "getitem", [alt.Key], v => from(v[0]), t.Index) { Spec = alt.FromSpec };
        }
        return replaced is null ? culled : CullOnly(new TaskGraph(replaced, graph.Layers), outputs);
    }

    private static TaskGraph CullOnly(TaskGraph graph, IReadOnlyCollection<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(outputs);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (string o in outputs)
        {
            if (!graph.Contains(o)) throw new KeyNotFoundException($"output '{o}' is not a task of the graph");
            if (keep.Add(o)) stack.Push(o);
        }
        while (stack.Count > 0)
        {
            foreach (string d in graph[stack.Pop()].Dependencies)
            {
                if (keep.Add(d)) stack.Push(d);
            }
        }
        if (keep.Count == graph.Count) return graph;
        var tasks = new List<ChunkTask>(keep.Count);
        foreach (ChunkTask t in graph.Tasks.Values)
        {
            if (keep.Contains(t.Key)) tasks.Add(t);
        }
        return new TaskGraph(tasks, graph.Layers);
    }

    /// <summary>
    /// Fuses linear chains: a task whose only dependency is needed by it alone (and is not an output) runs inside it, so
    /// <c>random → sum-chunk</c> is one task and the random chunk is never held between tasks. The fused task keeps the
    /// key of the last task of the chain and a label joining the functions' names.
    /// </summary>
    public static TaskGraph FuseLinearChains(TaskGraph graph, IReadOnlyCollection<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var outputSet = new HashSet<string>(outputs, StringComparer.Ordinal);
        var dependents = new Dictionary<string, int>(graph.Count, StringComparer.Ordinal);
        foreach (ChunkTask t in graph.Tasks.Values)
        {
            foreach (string d in t.Dependencies) dependents[d] = dependents.GetValueOrDefault(d) + 1;
        }
        var current = new Dictionary<string, ChunkTask>(graph.Count, StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        foreach (ChunkTask t in graph.TopologicalOrder())
        {
            if (t.Dependencies.Count == 1)
            {
                string d = t.Dependencies[0];
                if (dependents.GetValueOrDefault(d) == 1 && !outputSet.Contains(d))
                {
                    ChunkTask inner = current[d];
                    removed.Add(d);
                    current[t.Key] = Compose(inner, t);
                    continue;
                }
            }
            current[t.Key] = t;
        }
        if (removed.Count == 0) return graph;
        var tasks = new List<ChunkTask>(current.Count - removed.Count);
        foreach (ChunkTask t in current.Values)
        {
            if (!removed.Contains(t.Key)) tasks.Add(t);
        }
        return new TaskGraph(tasks, graph.Layers);
    }

    /// <summary>Runs the inner part of a fused task; a failure keeps the inner task's key, so errors name the task that threw.</summary>
    private static object RunInner(TaskFunc run, string key, object[] inputs)
    {
        try
        {
            return run(inputs);
        }
        catch (Exception ex) when (ex is not Scheduling.ChunkTaskException && ex is not OperationCanceledException)
        {
            throw new Scheduling.ChunkTaskException(key, ex);
        }
    }

    /// <summary>
    /// The outer task run on the inner one's result; when that result is fresh and the outer task can overwrite its input,
    /// it does (the inner result has no other reader), so <c>random → x * 2 + 1 → sum</c> allocates one chunk, not two.
    /// </summary>
    private static ChunkTask Compose(ChunkTask inner, ChunkTask outer)
    {
        TaskFunc second = inner.FreshResult && outer.ConsumingRun is { } consuming ? consuming : outer.Run;
        string innerKey = inner.Key;
        string label = inner.Function == outer.Function ? outer.Function : inner.Function + "-" + outer.Function;
        TaskFunc first = inner.Run;
        TaskFunc? firstConsuming = inner.ConsumingRun;
        bool fresh = inner.FreshResult;
        return new ChunkTask(outer.Key, label, inner.Dependencies, inputs => Chain(second, RunInner(first, innerKey, inputs), fresh, inputs), outer.Index.Length > 0 ? outer.Index : inner.Index)
        {
            FreshResult = outer.FreshResult,
            ParallelKernel = inner.ParallelKernel || outer.ParallelKernel,
            ConsumingRun = firstConsuming is null ? null : inputs => Chain(second, RunInner(firstConsuming, innerKey, inputs), fresh, inputs),
            // Elsewhere the chain runs as described: the in-place and recycling forms are local memory savings only.
            Spec = inner.Spec is { } innerSpec && outer.Spec is { } outerSpec ? TaskSpec.Fused(innerKey, innerSpec, outerSpec) : null,
        };
    }

    /// <summary>
    /// Runs the outer part on the inner part's value; that value is dead afterwards, so when it was a fresh array and the
    /// outer result does not reference it (it was not overwritten in place, nor viewed), it goes to the compute's recycle pool.
    /// </summary>
    private static object Chain(TaskFunc second, object innerValue, bool fresh, object[] inputs)
    {
        object result = second([innerValue]);
        if (fresh && Scheduling.RecyclePool.Current is { Enabled: true } pool && Scheduling.RecyclePool.Independent(result, innerValue) && Scheduling.RecyclePool.Unshared(innerValue, inputs))
        {
            if (!pool.Offer(innerValue, counted: false)) (innerValue as NDArray)?.Dispose();     // released at once, as the pool would have reused it
        }
        return result;
    }
}
