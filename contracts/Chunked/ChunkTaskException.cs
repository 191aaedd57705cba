namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// A task of a chunked compute threw: names the task's key and wraps the original exception, whose message it carries
/// (NumPy's, for a refused input). <see cref="NumPyErrors.Classify"/> sees through it to the original's category, so a
/// lazy refusal is the same ValueError/LinAlgError/... as an eager one.
/// </summary>
public sealed class ChunkTaskException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ChunkTaskException(string taskKey, Exception inner)
        : base($"task '{taskKey}' failed: {inner?.Message}", inner)
    {
        TaskKey = taskKey;
    }

    /// <summary>The key of the task that threw.</summary>
    public string TaskKey { get; }
}
