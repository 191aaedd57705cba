using ArrayDispatch.Chunked.Scheduling;
using global::Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>Makes a silo a chunk worker.</summary>
public static class ChunkedOrleansExtensions
{
    /// <summary>The largest message a worker or client accepts (1 GiB): a chunk value travels as one message.</summary>
    public const int MaxValueBytes = 1 << 30;

    /// <summary>
    /// Adds the chunk worker to a silo whose host also runs <c>AddArrayDispatch</c> with the Chunked plugin among its
    /// plugins: the worker runs task descriptions through the <see cref="IChunkTaskRunner"/> that plugin registers (the copy
    /// loaded from the host's plugin folder), with that host's dispatcher and backends. Settings come from <see cref="WorkerOptions.Section"/> of the silo's configuration.
    /// </summary>
    public static ISiloBuilder AddChunkWorker(this ISiloBuilder silo, WorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        WorkerOptions resolved = options ?? WorkerOptions.From(silo.Configuration);
        silo.Services.AddSingleton(resolved);
        silo.Services.AddSingleton(sp => new WorkerRunner(sp));
        silo.Services.AddSingleton(sp => new ChunkStore(resolved, sp.GetRequiredService<WorkerRunner>()));
        silo.AddPlacementDirector<SiloPlacement, SiloPlacementDirector>();
        // A chunk value is one message; Orleans' default limit (100 MB) would close the connection for a larger one.
        silo.Services.Configure<global::Orleans.Configuration.SiloMessagingOptions>(o => o.MaxMessageBodySize = Math.Max(o.MaxMessageBodySize, MaxValueBytes));
        return silo;
    }
}

/// <summary>The worker host's <see cref="IChunkTaskRunner"/> (registered by its Chunked plugin), resolved at the first task.</summary>
internal sealed class WorkerRunner(IServiceProvider services)
{
    private IChunkTaskRunner? _runner;

    public IChunkTaskRunner Get() => _runner ??= services.GetService<IChunkTaskRunner>()
        ?? throw new InvalidOperationException(
            "this worker's host has no Chunked backend to run tasks with (no IChunkTaskRunner in its services): its plugin folders must " +
            "include Chunked, and its configuration must list 'ArrayDispatch.Chunked.Contracts' in ArrayDispatch:SharedAssemblies");
}
