namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>How one compute runs.</summary>
/// <param name="MaxDegreeOfParallelism">How many tasks run at once; 0 or less means the number of cores.</param>
/// <param name="Progress">Receives a report after every finished task, or <see langword="null"/>.</param>
public sealed record ComputeOptions(int MaxDegreeOfParallelism = 0, IProgress<ChunkProgress>? Progress = null)
{
    /// <summary>The degree actually used.</summary>
    public int EffectiveDegree => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;
}
