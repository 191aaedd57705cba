using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// Runs a graph through an <see cref="IRemoteChunkScheduler"/> (another process's workers, e.g. an Orleans cluster): every
/// task travels as its description (<see cref="TaskSpec"/>, written here by <see cref="TaskSpecCodec"/>), the workers run
/// the descriptions with their own Chunked plugin, and the outputs' bytes are read back here. A task that has only a
/// closure is refused, naming its function, before anything runs: running it here instead would silently defeat the cluster.
/// </summary>
public sealed class RemoteChunkScheduler : IChunkScheduler
{
    private readonly IArrayDispatcher? _dispatcher;

    /// <summary>Runs graphs through <paramref name="remote"/>; descriptions are written and values read with <paramref name="dispatcher"/> (the ambient one when null).</summary>
    public RemoteChunkScheduler(IRemoteChunkScheduler remote, IArrayDispatcher? dispatcher = null)
    {
        ArgumentNullException.ThrowIfNull(remote);
        Remote = remote;
        _dispatcher = dispatcher;
    }

    /// <summary>The scheduler the tasks go to.</summary>
    public IRemoteChunkScheduler Remote { get; }

    /// <inheritdoc/>
    public ComputeResult Execute(TaskGraph graph, IReadOnlyList<string> outputs, ComputeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        IArrayDispatcher dispatcher = _dispatcher ?? Np.Dispatcher;
        var tasks = new RemoteTask[graph.Count];
        int i = 0;
        foreach (ChunkTask t in graph.Tasks.Values)
        {
            if (t.Spec is null)
            {
                throw new NotSupportedException(
                    $"task '{t.Key}' (function '{t.Function}') has no description a worker can run, so the {Remote.Name} scheduler cannot run it; " +
                    "only tasks built from a TaskSpec travel (set ArrayDispatch:Backends:Chunked:Scheduler=Local to run this graph locally)");
            }
            tasks[i++] = new RemoteTask(t.Key, t.Function, t.Dependencies, TaskSpecCodec.Write(t.Spec, dispatcher));
        }
        RemoteComputeResult result = Remote.Execute(new RemoteCompute(tasks, outputs, options.Progress), cancellationToken);
        var values = new object[result.Values.Count];
        for (int k = 0; k < values.Length; k++) values[k] = TaskSpecCodec.ReadValue(result.Values[k], dispatcher);
        return new ComputeResult(values, result.Statistics);
    }
}
