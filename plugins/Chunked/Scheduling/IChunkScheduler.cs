using ArrayDispatch.Chunked.Graph;

namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// Runs a task graph. The local implementation uses the .NET thread pool; a distributed executor can replace it without
/// any change to the code that builds graphs.
/// </summary>
public interface IChunkScheduler
{
    /// <summary>Runs the tasks <paramref name="outputs"/> need and returns their values.</summary>
    /// <exception cref="ChunkTaskException">A task threw; the exception names its key and wraps the original.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ComputeResult Execute(TaskGraph graph, IReadOnlyList<string> outputs, ComputeOptions options, CancellationToken cancellationToken = default);
}
