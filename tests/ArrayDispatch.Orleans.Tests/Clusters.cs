using ArrayDispatch.Chunked.Orleans;
using ArrayDispatch.Dense;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse;
using ArrayDispatch.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace ArrayDispatch.Orleans.Tests;

/// <summary>
/// A silo that is a chunk worker with Dense and Chunked (whose task runner the worker runs descriptions with), one task at a
/// time (three share the test machine's cores).
/// </summary>
public class WorkerSilo : ISiloConfigurator
{
    /// <summary>When set, the next silo configured loads Sparse instead of Dense (a worker whose plugins differ).</summary>
    public static volatile bool NextWithoutDense;

    public void Configure(ISiloBuilder siloBuilder)
    {
        IConfiguration settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DefaultBackend"] = NextWithoutDense ? "Sparse" : "Dense",
        }).Build();
        IArrayBackendPlugin backend = NextWithoutDense ? new SparsePlugin() : new DensePlugin();
        NextWithoutDense = false;
        siloBuilder.Services.AddLogging();
        siloBuilder.Services.AddArrayDispatch(settings).AddBackend(backend).AddBackend(new Chunked.ChunkedPlugin());
        siloBuilder.AddChunkWorker(Options());
    }

    protected virtual WorkerOptions Options() => new() { MaxDegreeOfParallelism = 1 };
}

/// <summary>A worker that keeps at most 1 byte in memory: every value but the newest is spilled to disk.</summary>
public sealed class SpillingWorkerSilo : WorkerSilo
{
    public static readonly string Directory = Path.Combine(Path.GetTempPath(), "arraydispatch-orleans-tests-spill");

    protected override WorkerOptions Options() => new() { MaxDegreeOfParallelism = 1, MemoryLimit = 1, SpillDirectory = Directory };
}

/// <summary>Three in-process silos of <typeparamref name="TSilo"/> and a client.</summary>
public abstract class ClusterFixture<TSilo> : IAsyncLifetime where TSilo : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<TSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>The client side: Dense and Chunked, with Chunked's graphs run by <paramref name="scheduler"/>.</summary>
    public static TestHost Client(Chunked.Scheduling.IChunkScheduler scheduler) => TestHost.Create(
        new Dictionary<string, string?> { ["ArrayDispatch:Backends:Chunked:MaxDegreeOfParallelism"] = "2" },
        new DensePlugin(), new Chunked.ChunkedPlugin(scheduler));

    /// <summary>The client side: Dense and Chunked, with Chunked's graphs run on the cluster by <paramref name="scheduler"/>.</summary>
    public static TestHost Client(Chunked.Scheduling.IRemoteChunkScheduler scheduler) => Client(new Chunked.Scheduling.RemoteChunkScheduler(scheduler));
}

public sealed class Cluster : ClusterFixture<WorkerSilo>;

public sealed class SpillingCluster : ClusterFixture<SpillingWorkerSilo>;

[CollectionDefinition("orleans")]
public sealed class OrleansCollection : ICollectionFixture<Cluster>;
