using ArrayDispatch.Chunked.Orleans;
using ArrayDispatch.Testing;
using Shouldly;

namespace ArrayDispatch.Orleans.Tests;

/// <summary>
/// A worker whose silo leaves the cluster without its calls failing (no broken connection reaches the client) is found by
/// the compute's membership checks, not waited on forever: the worker calls have no response timeout.
/// </summary>
[Collection("orleans")]
public sealed class LivenessTests(Cluster fixture)
{
    [Fact]
    public void A_worker_that_stops_answering_and_leaves_the_membership_is_given_up_and_its_tasks_run_on_the_others()
    {
        static NDArray[] Sum()
        {
            NDArray x = Np.Random.Sample((600, 400), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [100, 100]);
            return [Np.Sum(x, axis: 0).Compute()];
        }
        NDArray[] local;
        using (ClusterFixture<WorkerSilo>.Client(Chunked.Scheduling.LocalChunkScheduler.Instance)) local = Sum();

        var cluster = new ClusterWithSilentWorker(new ClientWorkerCluster(() => fixture.Cluster.Client));
        var scheduler = new OrleansChunkScheduler(cluster, null, null, TimeSpan.FromMilliseconds(50));
        using (ClusterFixture<WorkerSilo>.Client(scheduler))
        {
            NDArray[] remote = Sum();
            remote[0].ToArray<double>().ShouldBe(local[0].ToArray<double>(), 1e-9);
        }
        cluster.Silent.TasksReceived.ShouldBeGreaterThan(0);
        ClusterComputeReport report = scheduler.LastReport.ShouldNotBeNull();
        report.Lost.ShouldBe([ClusterWithSilentWorker.SilentKey]);
        report.WorkersUsed.ShouldNotContain(ClusterWithSilentWorker.SilentKey);
    }

    /// <summary>The real cluster plus one worker that takes tasks and never answers; its silo leaves the membership once it has one.</summary>
    private sealed class ClusterWithSilentWorker(IWorkerCluster real) : IWorkerCluster
    {
        public const string SilentKey = "127.0.0.1:1@1";
        private string? _template;

        public SilentWorker Silent { get; private set; } = null!;

        public async Task<IReadOnlyList<string>> ActiveSilosAsync(CancellationToken cancellationToken)
        {
            IReadOnlyList<string> silos = await real.ActiveSilosAsync(cancellationToken);
            _template ??= silos[0];
            return Silent is null || Silent.TasksReceived == 0 ? [.. silos, SilentKey] : silos;
        }

        public IChunkWorkerGrain Worker(string silo) =>
            silo == SilentKey ? Silent ??= new SilentWorker(real.Worker(_template!)) : real.Worker(silo);
    }

    /// <summary>Describes itself as a worker with the real workers' plugins, then accepts tasks and never answers.</summary>
    private sealed class SilentWorker(IChunkWorkerGrain template) : IChunkWorkerGrain
    {
        private int _received;

        public int TasksReceived => Volatile.Read(ref _received);

        public async Task<WorkerInfo> Describe() => (await template.Describe()) with { Silo = ClusterWithSilentWorker.SilentKey, Degree = 1 };

        public Task<TaskDone> Run(TaskOrder order, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _received);
            return new TaskCompletionSource<TaskDone>().Task;
        }

        public Task<byte[]> Fetch(string compute, string key) => new TaskCompletionSource<byte[]>().Task;

        public Task Release(string compute, string[] keys) => Task.CompletedTask;

        public Task<WorkerStats> EndCompute(string compute) => new TaskCompletionSource<WorkerStats>().Task;
    }
}
