namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>Progress of one compute: reported after every finished task.</summary>
/// <param name="Completed">Tasks finished so far.</param>
/// <param name="Total">Tasks in the optimised graph.</param>
/// <param name="Key">The key of the task that just finished.</param>
public readonly record struct ChunkProgress(int Completed, int Total, string Key)
{
    /// <summary>The fraction done, in [0, 1].</summary>
    public double Fraction => Total == 0 ? 1 : (double)Completed / Total;
}
