namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>The values of the requested keys, and statistics.</summary>
/// <param name="Values">One value per requested key, in order.</param>
/// <param name="Statistics">What the compute did.</param>
public sealed record ComputeResult(object[] Values, ComputeStatistics Statistics);
