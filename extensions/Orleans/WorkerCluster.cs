using global::Orleans;
using global::Orleans.Runtime;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// What the scheduler asks of the cluster: which silos are active members now, and the chunk worker of a silo. One seam,
/// so a compute's handling of workers that vanish can be tested with a worker that never answers.
/// </summary>
internal interface IWorkerCluster
{
    /// <summary>The silos the cluster's membership lists as active, by their parsable address (the worker's key).</summary>
    Task<IReadOnlyList<string>> ActiveSilosAsync(CancellationToken cancellationToken);

    /// <summary>The chunk worker placed on <paramref name="silo"/>.</summary>
    IChunkWorkerGrain Worker(string silo);
}

/// <summary>The cluster seen through an Orleans client: its management grain's host list and worker grains keyed by silo.</summary>
internal sealed class ClientWorkerCluster(Func<IClusterClient> client) : IWorkerCluster
{
    public async Task<IReadOnlyList<string>> ActiveSilosAsync(CancellationToken cancellationToken)
    {
        Dictionary<SiloAddress, SiloStatus> hosts = await client().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. hosts.Keys.Select(s => s.ToParsableString())];
    }

    public IChunkWorkerGrain Worker(string silo) => client().GetGrain<IChunkWorkerGrain>(silo);
}
