using ArrayDispatch.Dispatch;
using global::Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>Makes a silo a chunk worker.</summary>
public static class ChunkedOrleansExtensions
{
    /// <summary>The largest message a worker or client accepts (1 GiB): a chunk value travels as one message.</summary>
    public const int MaxValueBytes = 1 << 30;

    /// <summary>
    /// Adds the chunk worker to a silo whose host also runs <c>AddArrayDispatch</c> (the worker runs tasks with that
    /// host's dispatcher and plugins). Settings come from <see cref="WorkerOptions.Section"/> of the silo's configuration.
    /// </summary>
    public static ISiloBuilder AddChunkWorker(this ISiloBuilder silo, WorkerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        WorkerOptions resolved = options ?? WorkerOptions.From(silo.Configuration);
        silo.Services.AddSingleton(resolved);
        silo.Services.AddSingleton(sp => new ChunkStore(resolved, sp.GetRequiredService<IArrayDispatcher>()));
        silo.AddPlacementDirector<SiloPlacement, SiloPlacementDirector>();
        // A chunk value is one message; Orleans' default limit (100 MB) would close the connection for a larger one.
        silo.Services.Configure<global::Orleans.Configuration.SiloMessagingOptions>(o => o.MaxMessageBodySize = Math.Max(o.MaxMessageBodySize, MaxValueBytes));
        return silo;
    }
}
