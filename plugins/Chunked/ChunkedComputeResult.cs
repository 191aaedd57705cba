using ArrayDispatch.Chunked.Scheduling;

namespace ArrayDispatch.Chunked;

/// <summary>The arrays a compute produced (of the chunk backend), and what it did.</summary>
/// <param name="Arrays">One in-memory array per input, in order.</param>
/// <param name="Statistics">Tasks run, peak memory held, wall time.</param>
public sealed record ChunkedComputeResult(NDArray[] Arrays, ComputeStatistics Statistics);
