namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// One chunk worker per silo (placed on the silo its key names, see <see cref="SiloPlacementAttribute"/>): it runs task
/// descriptions with the plugins of its host, keeps their values until the client releases them, and serves them to other
/// workers and to the client's gather.
/// </summary>
[Alias("ArrayDispatch.Chunked.IChunkWorkerGrain")]
public interface IChunkWorkerGrain : IGrainWithStringKey
{
    /// <summary>The worker's silo, backends and parallelism, for the client's plugin check and placement.</summary>
    [Alias("Describe")]
    Task<WorkerInfo> Describe();

    /// <summary>
    /// Runs one task: fetches inputs it does not hold from the workers that do, runs the description, keeps the value.
    /// <paramref name="cancellationToken"/> is the client's (Orleans carries its cancellation to the worker): a cancelled
    /// compute's task stops waiting for a slot, and a running one stops between the parts of a fused or folded task.
    /// </summary>
    /// <remarks>
    /// No response timeout in practice: a task may run for as long as its chunk needs (Dask has none either), where
    /// Orleans' default 30 s declared a worker lost while it was still computing a large chunk on a busy machine. A worker
    /// that is really gone is found by its broken connection or the cluster's membership; a compute waiting on a hung one
    /// ends with its cancellation.
    /// </remarks>
    [Alias("Run")]
    [ResponseTimeout(WorkerTimeouts.Unbounded)]
    Task<TaskDone> Run(TaskOrder order, CancellationToken cancellationToken = default);

    /// <summary>A value this worker holds, as bytes (for another worker's task or the client's gather).</summary>
    /// <remarks>A chunk of gigabytes takes longer than Orleans' default 30 s on a slow network: bounded by the connection, as <see cref="Run"/>.</remarks>
    [Alias("Fetch")]
    [ResponseTimeout(WorkerTimeouts.Unbounded)]
    Task<byte[]> Fetch(string compute, string key);

    /// <summary>Drops values whose consumers have all run.</summary>
    [Alias("Release")]
    Task Release(string compute, string[] keys);

    /// <summary>Drops every value of a compute (it finished, failed or was cancelled); tasks of it still queued are skipped.</summary>
    [Alias("EndCompute")]
    Task<WorkerStats> EndCompute(string compute);
}

/// <summary>What a worker runs with, how many tasks it is running now, and how many it stopped because their compute was cancelled.</summary>
[GenerateSerializer, Immutable, Alias("ArrayDispatch.Chunked.WorkerInfo")]
public sealed record WorkerInfo(
    [property: Id(0)] string Silo,
    [property: Id(1)] string[] Backends,
    [property: Id(2)] int Degree,
    [property: Id(3)] long TasksCancelled = 0,
    [property: Id(4)] int TasksRunning = 0);

/// <summary>A task for a worker: its description, and for each input the worker that holds it.</summary>
[GenerateSerializer, Immutable, Alias("ArrayDispatch.Chunked.TaskOrder")]
public sealed record TaskOrder(
    [property: Id(0)] string Compute,
    [property: Id(1)] string Key,
    [property: Id(2)] byte[] Spec,
    [property: Id(3)] string[] Inputs,
    [property: Id(4)] string[] Holders);

/// <summary>How a task ended: the value's size, or the error (with the key of the part that threw), or a lost input holder.</summary>
[GenerateSerializer, Immutable, Alias("ArrayDispatch.Chunked.TaskDone")]
public sealed record TaskDone(
    [property: Id(0)] long Bytes,
    [property: Id(1)] long FetchedBytes,
    [property: Id(2)] string? Error = null,
    [property: Id(3)] string? ErrorKey = null,
    [property: Id(4)] string? LostHolder = null,
    [property: Id(5)] bool Skipped = false,
    [property: Id(6)] double RunSeconds = 0,
    [property: Id(7)] double FetchSeconds = 0);

/// <summary>A worker's counters for one compute.</summary>
[GenerateSerializer, Immutable, Alias("ArrayDispatch.Chunked.WorkerStats")]
public sealed record WorkerStats(
    [property: Id(0)] string Silo,
    [property: Id(1)] int Tasks,
    [property: Id(2)] long PeakBytes,
    [property: Id(3)] long SpilledBytes,
    [property: Id(4)] long ReceivedBytes);

/// <summary>The response timeouts of the worker's long calls.</summary>
internal static class WorkerTimeouts
{
    /// <summary>Seven days: long enough that only a broken connection or a cancellation ends a call (Orleans needs a finite value).</summary>
    public const string Unbounded = "7.00:00:00";
}
