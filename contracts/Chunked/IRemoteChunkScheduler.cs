namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// Runs a Chunked task graph in other processes (an Orleans cluster's workers): the app registers one in its services
/// and the Chunked plugin, loaded from its folder, takes it from there when <c>Backends:Chunked:Scheduler</c> names it
/// (<see cref="Name"/>). The plugin hands over tasks as descriptions it wrote itself (<see cref="RemoteTask.Spec"/>,
/// opaque here) and reads the outputs' bytes back itself; the workers run the descriptions with their own Chunked plugin
/// (<see cref="IChunkTaskRunner"/>), so nothing but this contract is shared between the scheduler and the plugin.
/// </summary>
public interface IRemoteChunkScheduler
{
    /// <summary>The name <c>Backends:Chunked:Scheduler</c> selects it by (<c>Orleans</c>).</summary>
    string Name { get; }

    /// <summary>Runs the tasks <see cref="RemoteCompute.Outputs"/> need and returns the outputs' values as written by the workers' <see cref="IChunkTaskRunner.WriteValue"/>.</summary>
    /// <exception cref="ChunkTaskException">A task threw; names its key (and, in the inner exception, the worker).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    RemoteComputeResult Execute(RemoteCompute compute, CancellationToken cancellationToken = default);
}

/// <summary>One task as data.</summary>
/// <param name="Key">The task's key, unique in its graph.</param>
/// <param name="Function">The function's name, for messages.</param>
/// <param name="Dependencies">The keys whose values the task receives, in order.</param>
/// <param name="Spec">The task's description, written by the plugin and read by the workers' <see cref="IChunkTaskRunner"/>.</param>
public sealed record RemoteTask(string Key, string Function, IReadOnlyList<string> Dependencies, byte[] Spec);

/// <summary>A compute: the graph's tasks (every one with a path to an output), the output keys, progress.</summary>
/// <param name="Tasks">The tasks.</param>
/// <param name="Outputs">The keys whose values come back, in order, each once.</param>
/// <param name="Progress">Receives a report after every finished task (the same events as the local scheduler), or null.</param>
public sealed record RemoteCompute(IReadOnlyList<RemoteTask> Tasks, IReadOnlyList<string> Outputs, IProgress<ChunkProgress>? Progress = null);

/// <summary>The outputs' values (as bytes, one per output key, in order) and what the compute did.</summary>
/// <param name="Values">Each output's value as written by <see cref="IChunkTaskRunner.WriteValue"/>.</param>
/// <param name="Statistics">Tasks run, peak bytes held on the workers together, elapsed time.</param>
public sealed record RemoteComputeResult(IReadOnlyList<byte[]> Values, ComputeStatistics Statistics);
