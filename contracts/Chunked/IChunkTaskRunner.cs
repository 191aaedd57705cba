namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// Runs task descriptions and moves task values as bytes: the Chunked plugin registers one in the services of every host
/// that loads it, so a worker process (an Orleans silo) runs tasks with the plugin loaded from its own folder.
/// Thread-safe.
/// </summary>
public interface IChunkTaskRunner
{
    /// <summary>Computes a task's value from its description and its inputs' values (in the order of its dependencies).</summary>
    /// <exception cref="ChunkTaskException">A part of a fused task threw; names that part's key.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before or between the parts of the task.</exception>
    object Run(byte[] spec, object[] inputs, CancellationToken cancellationToken = default);

    /// <summary>The bytes of a task's value (raw buffers with dtype and shape; no per-element serialization).</summary>
    /// <exception cref="NotSupportedException">The value is of a kind that cannot travel, naming its type.</exception>
    byte[] WriteValue(object value);

    /// <summary>The value written by <see cref="WriteValue"/>.</summary>
    object ReadValue(byte[] data);

    /// <summary>The bytes a value holds in memory (what memory limits and placement count).</summary>
    long SizeOf(object value);
}
