namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>How one compute runs.</summary>
/// <param name="MaxDegreeOfParallelism">How many tasks run at once; 0 or less means the number of cores.</param>
/// <param name="Progress">Receives a report after every finished task, or <see langword="null"/>.</param>
/// <param name="RecycleChunks">
/// Reuse the buffers of freed intermediate chunks for new chunks of the same type, dtype and shape within the compute (as
/// malloc reuses freed blocks); results are the same either way.
/// </param>
public sealed record ComputeOptions(int MaxDegreeOfParallelism = 0, IProgress<ChunkProgress>? Progress = null, bool RecycleChunks = true)
{
    /// <summary>The degree actually used.</summary>
    public int EffectiveDegree => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>Where free chunk buffers wait between computes (the backend's); null drops them when the compute ends.</summary>
    internal RecycleCarryOver? CarryOver { get; init; }
}
