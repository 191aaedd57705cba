namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>What one compute did.</summary>
/// <param name="Tasks">Tasks run.</param>
/// <param name="PeakBytes">The most bytes of task results held at once (arrays' elements; intermediate chunks are freed as soon as no task needs them).</param>
/// <param name="PeakValues">The most task results held at once.</param>
/// <param name="Elapsed">The wall time.</param>
/// <param name="Recycled">Chunk buffers reused from freed intermediates (the local scheduler's <c>ComputeOptions.RecycleChunks</c>); pooled buffers count in <paramref name="PeakBytes"/>.</param>
public sealed record ComputeStatistics(int Tasks, long PeakBytes, int PeakValues, TimeSpan Elapsed, long Recycled = 0);
