using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Runtime.Dispatch;
using global::Orleans.Concurrency;
using global::Orleans.Runtime;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// The chunk worker of one silo: it runs task descriptions through the <see cref="IChunkTaskRunner"/> of its host's Chunked
/// plugin (loaded from the host's plugin folder; this assembly never references the plugin). Reentrant: while tasks run (off the grain's scheduler, at most the configured degree at
/// once) it keeps answering fetches from other workers, so a worker waiting for an input never blocks the worker that has it.
/// </summary>
[Reentrant]
[SiloPlacement]
internal sealed class ChunkWorkerGrain(
    ChunkStore store, WorkerOptions options, WorkerRunner runner, IArrayDispatcher dispatcher, ILocalSiloDetails silo, ILogger<ChunkWorkerGrain> logger)
    : Grain, IChunkWorkerGrain
{
    private static readonly Dictionary<string, SemaphoreSlim> s_gates = new(StringComparer.Ordinal);

    private string Self => silo.SiloAddress.ToParsableString();

    /// <summary>One gate per silo (grain activations may come and go; the degree is the silo's).</summary>
    private SemaphoreSlim Gate
    {
        get
        {
            lock (s_gates)
            {
                if (!s_gates.TryGetValue(Self, out SemaphoreSlim? gate)) s_gates[Self] = gate = new SemaphoreSlim(options.EffectiveDegree);
                return gate;
            }
        }
    }

    public Task<WorkerInfo> Describe()
    {
        string[] backends = dispatcher is Dispatcher runtime
            ? [.. runtime.BackendSet.Backends.Select(b => $"{b.Name} {b.Version}")]
            : [];
        return Task.FromResult(new WorkerInfo(Self, backends, options.EffectiveDegree, store.TasksCancelled, store.TasksRunning));
    }

    public async Task<TaskDone> Run(TaskOrder order, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RunAsync(order, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client cancelled the compute: nothing of this task is kept, and the slot is free again.
            store.CountCancelled();
            return new TaskDone(0, 0, Skipped: true);
        }
    }

    private async Task<TaskDone> RunAsync(TaskOrder order, CancellationToken cancellationToken)
    {
        if (store.Ended(order.Compute)) return new TaskDone(0, 0, Skipped: true);
        var inputs = new object[order.Inputs.Length];
        long fetched = 0;
        long fetchStart = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int i = 0; i < inputs.Length; i++)
        {
            string holder = order.Holders[i];
            // Its own value, or a copy fetched for an earlier task (dask.distributed keeps those too).
            if (store.Get(order.Compute, order.Inputs[i]) is { } held)
            {
                inputs[i] = held;
                continue;
            }
            if (holder == Self) throw new InvalidOperationException($"worker {Self} was told it holds '{order.Inputs[i]}' but does not");
            byte[] bytes;
            try
            {
                // Worker to worker: the client only said where the input is.
                bytes = await GrainFactory.GetGrain<IChunkWorkerGrain>(holder).Fetch(order.Compute, order.Inputs[i]).WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Chunk worker {Worker} could not fetch '{Key}' from {Holder}: {Error}", Self, order.Inputs[i], holder, ex.Message);
                return new TaskDone(0, fetched, LostHolder: holder);
            }
            fetched += bytes.Length;
            inputs[i] = runner.Get().ReadValue(bytes);
            // Kept as a replica until the client releases the key here too, so the next task here that reads it does not fetch again.
            store.Put(order.Compute, order.Inputs[i], inputs[i], runner.Get().SizeOf(inputs[i]), replica: true);
        }
        store.CountReceived(order.Compute, fetched);
        double fetchSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(fetchStart).TotalSeconds;

        SemaphoreSlim gate = Gate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (store.Ended(order.Compute)) return new TaskDone(0, fetched, Skipped: true);
            // Off the grain's single-threaded scheduler: tasks are CPU work that should use the silo's cores.
            long runStart = System.Diagnostics.Stopwatch.GetTimestamp();
            (object? value, Exception? error) = await Task.Run(() =>
            {
                store.CountStarted();
                try
                {
                    using (Np.UseDispatcher(dispatcher))
                    {
                        return (runner.Get().Run(order.Spec, inputs, cancellationToken), (Exception?)null);
                    }
                }
                catch (Exception ex)
                {
                    return ((object?)null, ex);
                }
                finally
                {
                    store.CountStopped();
                }
            });
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested) throw error;
            if (error is not null)
            {
                // A fused task names the part that threw.
                (string key, Exception cause) = error is ChunkTaskException { InnerException: { } inner } part ? (part.TaskKey, inner) : (order.Key, error);
                return new TaskDone(0, fetched, $"{cause.GetType().Name}: {cause.Message}", key);
            }
            double runSeconds = System.Diagnostics.Stopwatch.GetElapsedTime(runStart).TotalSeconds;
            long bytes = runner.Get().SizeOf(value!);
            store.Put(order.Compute, order.Key, value!, bytes);
            return new TaskDone(bytes, fetched, RunSeconds: runSeconds, FetchSeconds: fetchSeconds);
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<byte[]> Fetch(string compute, string key)
    {
        object value = store.Get(compute, key) ?? throw new KeyNotFoundException($"worker {Self} does not hold '{key}' of compute {compute}");
        return Task.FromResult(runner.Get().WriteValue(value));
    }

    public Task Release(string compute, string[] keys)
    {
        store.Release(compute, keys);
        return Task.CompletedTask;
    }

    public Task<WorkerStats> EndCompute(string compute)
    {
        (int tasks, long peak, long spilled, long received) = store.End(compute);
        return Task.FromResult(new WorkerStats(Self, tasks, peak, spilled, received));
    }
}
