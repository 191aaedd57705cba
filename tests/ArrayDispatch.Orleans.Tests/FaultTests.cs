using ArrayDispatch.Chunked.Orleans;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Testing;
using Shouldly;

namespace ArrayDispatch.Orleans.Tests;

/// <summary>Workers that spill, leave mid-compute, or load other plugins (a cluster of its own: these tests change it).</summary>
public sealed class FaultTests(SpillingCluster fixture) : IClassFixture<SpillingCluster>
{
    private static NDArray[] SeedSvd(int rows = 800)
    {
        NDArray x = Np.Random.Sample((rows, 100), Np.Random.DefaultRng(11), backend: "Chunked", chunks: [100, 100]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        return Np.Compute(u!, s, v!);
    }

    private static NDArray[] Local(int rows)
    {
        using TestHost host = ClusterFixture<WorkerSilo>.Client(LocalChunkScheduler.Instance);
        return SeedSvd(rows);
    }

    [Fact]
    public void Workers_past_their_memory_limit_spill_to_disk_and_the_result_is_the_same()
    {
        NDArray[] local = Local(800);
        Directory.CreateDirectory(SpillingWorkerSilo.Directory);
        string[] before = [.. Directory.EnumerateFiles(SpillingWorkerSilo.Directory, "*.bin", SearchOption.AllDirectories)];
        var scheduler = new OrleansChunkScheduler(fixture.Cluster.Client);
        using (ClusterFixture<WorkerSilo>.Client(scheduler))
        {
            NDArray[] remote = SeedSvd(800);
            for (int i = 0; i < remote.Length; i++) remote[i].ToArray<double>().ShouldBe(local[i].ToArray<double>(), 1e-9);
        }
        scheduler.LastReport!.Workers.Sum(w => w.SpilledBytes).ShouldBeGreaterThan(0);
        // The compute's spill files are deleted with its values.
        Directory.EnumerateFiles(SpillingWorkerSilo.Directory, "*.bin", SearchOption.AllDirectories).Except(before).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_silo_stopped_mid_compute_loses_its_chunks_and_they_are_recomputed_on_the_others()
    {
        NDArray[] local = Local(1600);
        var scheduler = new OrleansChunkScheduler(fixture.Cluster.Client);
        global::Orleans.TestingHost.SiloHandle victim = fixture.Cluster.SecondarySilos[0];
        bool stopped = false;
        using (ClusterFixture<WorkerSilo>.Client(scheduler))
        {
            using IDisposable subscription = Chunked.ChunkedProgress.Subscribe(new Progress(p =>
            {
                // Progress is reported on the scheduler's loop, so the compute waits here until the silo is gone, holding
                // the random chunks it made by then.
                if (p.Completed == 6 && !stopped)
                {
                    stopped = true;
                    fixture.Cluster.StopSiloAsync(victim).GetAwaiter().GetResult();
                }
            }));
            NDArray[] remote = SeedSvd(1600);
            for (int i = 0; i < remote.Length; i++) remote[i].ToArray<double>().ShouldBe(local[i].ToArray<double>(), 1e-9);
        }
        stopped.ShouldBeTrue();
        ClusterComputeReport report = scheduler.LastReport!;
        report.Lost.ShouldBe([victim.SiloAddress.ToParsableString()]);
        report.Recomputed.ShouldBeGreaterThan(0);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_worker_without_the_clients_plugins_is_refused_by_name_and_gets_no_tasks()
    {
        WorkerSilo.NextWithoutDense = true;
        global::Orleans.TestingHost.SiloHandle odd = await fixture.Cluster.StartAdditionalSiloAsync();
        try
        {
            var scheduler = new OrleansChunkScheduler(fixture.Cluster.Client);
            using (ClusterFixture<WorkerSilo>.Client(scheduler))
            {
                SeedSvd(400).Length.ShouldBe(3);
            }
            string name = odd.SiloAddress.ToParsableString();
            scheduler.LastReport!.Refused.ShouldHaveSingleItem().ShouldContain(name);
            scheduler.LastReport.Refused[0].ShouldContain("no backend 'Dense'");
            scheduler.LastReport.WorkersUsed.ShouldNotContain(name);
        }
        finally
        {
            await fixture.Cluster.StopSiloAsync(odd);
        }
    }

    private sealed class Progress(Action<ChunkProgress> report) : IProgress<ChunkProgress>
    {
        public void Report(ChunkProgress value) => report(value);
    }
}
