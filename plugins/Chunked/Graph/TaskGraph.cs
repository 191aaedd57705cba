namespace ArrayDispatch.Chunked.Graph;

/// <summary>An immutable DAG of keyed tasks, flattened from layers (or built from tasks directly).</summary>
public sealed class TaskGraph
{
    private readonly Dictionary<string, ChunkTask> _tasks;

    /// <summary>Builds a graph from tasks; every dependency must be one of them.</summary>
    /// <exception cref="ArgumentException">Two tasks share a key, or a dependency is missing.</exception>
    public TaskGraph(IEnumerable<ChunkTask> tasks, IReadOnlyList<GraphLayer>? layers = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        _tasks = new Dictionary<string, ChunkTask>(StringComparer.Ordinal);
        foreach (ChunkTask t in tasks)
        {
            if (!_tasks.TryAdd(t.Key, t)) throw new ArgumentException($"two tasks have the key '{t.Key}'", nameof(tasks));
        }
        foreach (ChunkTask t in _tasks.Values)
        {
            foreach (string d in t.Dependencies)
            {
                if (!_tasks.ContainsKey(d)) throw new ArgumentException($"task '{t.Key}' depends on '{d}', which is not in the graph", nameof(tasks));
            }
        }
        Layers = layers ?? [];
    }

    /// <summary>The graph of every layer reachable from <paramref name="roots"/>; shared layers are included once.</summary>
    public static TaskGraph FromLayers(params IEnumerable<GraphLayer> roots)
    {
        List<GraphLayer> ordered = TopologicalLayers(roots);
        var tasks = new List<ChunkTask>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (GraphLayer layer in ordered)
        {
            foreach (ChunkTask t in layer.Tasks)
            {
                if (seen.Add(t.Key)) tasks.Add(t);
            }
        }
        return new TaskGraph(tasks, ordered);
    }

    /// <summary>The layers the graph was built from, dependencies first (empty when built from tasks).</summary>
    public IReadOnlyList<GraphLayer> Layers { get; }

    /// <summary>The tasks by key.</summary>
    public IReadOnlyDictionary<string, ChunkTask> Tasks => _tasks;

    /// <summary>The number of tasks.</summary>
    public int Count => _tasks.Count;

    /// <summary>The task with <paramref name="key"/>.</summary>
    public ChunkTask this[string key] => _tasks[key];

    /// <summary>Whether the graph has a task with <paramref name="key"/>.</summary>
    public bool Contains(string key) => _tasks.ContainsKey(key);

    /// <summary>The tasks in an order where every task comes after its dependencies.</summary>
    /// <exception cref="InvalidOperationException">The graph has a cycle.</exception>
    public IReadOnlyList<ChunkTask> TopologicalOrder()
    {
        var order = new List<ChunkTask>(_tasks.Count);
        var state = new Dictionary<string, byte>(_tasks.Count, StringComparer.Ordinal);
        var stack = new Stack<(ChunkTask Task, int Next)>();
        foreach (ChunkTask root in _tasks.Values)
        {
            if (state.ContainsKey(root.Key)) continue;
            stack.Push((root, 0));
            state[root.Key] = 1;
            while (stack.Count > 0)
            {
                (ChunkTask task, int next) = stack.Pop();
                if (next < task.Dependencies.Count)
                {
                    stack.Push((task, next + 1));
                    ChunkTask dep = _tasks[task.Dependencies[next]];
                    if (!state.TryGetValue(dep.Key, out byte s))
                    {
                        state[dep.Key] = 1;
                        stack.Push((dep, 0));
                    }
                    else if (s == 1)
                    {
                        throw new InvalidOperationException($"the task graph has a cycle through '{dep.Key}'");
                    }
                    continue;
                }
                state[task.Key] = 2;
                order.Add(task);
            }
        }
        return order;
    }

    private static List<GraphLayer> TopologicalLayers(IEnumerable<GraphLayer> roots)
    {
        var order = new List<GraphLayer>();
        var done = new HashSet<GraphLayer>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(GraphLayer Layer, int Next)>();
        foreach (GraphLayer root in roots)
        {
            if (!done.Add(root)) continue;
            stack.Push((root, 0));
            while (stack.Count > 0)
            {
                (GraphLayer layer, int next) = stack.Pop();
                if (next < layer.Dependencies.Count)
                {
                    stack.Push((layer, next + 1));
                    GraphLayer dep = layer.Dependencies[next];
                    if (done.Add(dep)) stack.Push((dep, 0));
                    continue;
                }
                order.Add(layer);
            }
        }
        return order;
    }
}
