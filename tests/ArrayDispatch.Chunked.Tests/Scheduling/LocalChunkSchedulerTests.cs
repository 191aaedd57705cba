using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Scheduling;
using CsCheck;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.Graph.TaskGraphTests;

namespace ArrayDispatch.Chunked.Tests.Scheduling;

public sealed class LocalChunkSchedulerTests
{
    private static readonly LocalChunkScheduler s_scheduler = LocalChunkScheduler.Instance;

    [Fact]
    public void Execute_Diamond_ReturnsOutputsInOrder()
    {
        var g = new TaskGraph([Value("a", 2), Sum("b", "a"), Sum("c", "a", "a"), Sum("d", "b", "c")]);
        ComputeResult r = s_scheduler.Execute(g, ["d", "b"], new(4));
        r.Values.ShouldBe(new object[] { 6, 2 });
        r.Statistics.Tasks.ShouldBe(4);
    }

    [Fact]
    public void Execute_RespectsMaxDegreeOfParallelism()
    {
        // The scheduler's cap is under test, not the thread pool's injection rate: with other test classes keeping a
        // 2-core machine's pool busy, the workers could otherwise queue behind them and never overlap (seen once in CI).
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), io);
        int running = 0, peak = 0;
        var tasks = Enumerable.Range(0, 40).Select(i => new ChunkTask($"t-{i}", "sleep", [], _ =>
        {
            int now = Interlocked.Increment(ref running);
            int seen;
            while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            return i;
        })).ToList();
        s_scheduler.Execute(new TaskGraph(tasks), [.. tasks.Select(t => t.Key)], new(3));
        peak.ShouldBeLessThanOrEqualTo(3);
        peak.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Execute_RunsMultiThreadedKernelTasksAlone_AndEverythingElseBesideEachOther()
    {
        int running = 0, kernelsRunning = 0, overlapWithKernel = 0;
        ChunkTask Make(int i)
        {
            bool kernel = i % 2 == 0;
            return new ChunkTask($"t-{i}", kernel ? "matmul" : "add", [], _ =>
            {
                int now = Interlocked.Increment(ref running);
                if (kernel) Interlocked.Increment(ref kernelsRunning);
                if (Volatile.Read(ref kernelsRunning) > 0 && now > 1) Interlocked.Increment(ref overlapWithKernel);
                Thread.Sleep(2);
                if (kernel) Interlocked.Decrement(ref kernelsRunning);
                Interlocked.Decrement(ref running);
                return i;
            });
        }
        var tasks = Enumerable.Range(0, 40).Select(Make).ToList();
        tasks[0].ParallelKernel.ShouldBeTrue();
        tasks[1].ParallelKernel.ShouldBeFalse();
        s_scheduler.Execute(new TaskGraph(tasks), [.. tasks.Select(t => t.Key)], new(3)).Values.Length.ShouldBe(40);
        overlapWithKernel.ShouldBe(0);
    }

    [Fact]
    public void Execute_AmongTasksReadiedTogether_RunsTheOneWithMostDownstreamWorkFirst()
    {
        // The TSQR shape: after "qr2", four products each feed one output, while "svd" feeds all four outputs.
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        ChunkTask Log(string key, params string[] deps) => new(key, "log", deps, _ => { order.Enqueue(key); return key; });
        var tasks = new List<ChunkTask> { Log("qr2") };
        for (int b = 0; b < 4; b++) tasks.Add(Log($"q-{b}", "qr2"));
        tasks.Add(Log("svd", "qr2"));
        for (int b = 0; b < 4; b++) tasks.Add(Log($"u-{b}", $"q-{b}", "svd"));
        foreach (ChunkTask[] arrangement in new[] { tasks.ToArray(), Enumerable.Reverse(tasks).ToArray() })
        {
            order.Clear();
            s_scheduler.Execute(new TaskGraph(arrangement), [.. Enumerable.Range(0, 4).Select(b => $"u-{b}")], new(1));
            order.ToArray()[1].ShouldBe("svd");
        }
    }

    [Fact]
    public void Execute_TaskThrows_SurfacesKeyAndOriginalException()
    {
        var boom = new FormatException("bad chunk");
        var g = new TaskGraph([Value("a", 1), new ChunkTask("explode-0-1", "explode", ["a"], _ => throw boom), Sum("c", "explode-0-1")]);
        var ex = Should.Throw<ChunkTaskException>(() => s_scheduler.Execute(g, ["c"], new(2)));
        ex.TaskKey.ShouldBe("explode-0-1");
        ex.InnerException.ShouldBeSameAs(boom);
        ex.Message.ShouldBe("task 'explode-0-1' failed: bad chunk");
        ex.ShouldBeAssignableTo<InvalidOperationException>();
    }

    [Fact]
    public void Execute_Cancelled_ThrowsOperationCanceledAndStopsStartingTasks()
    {
        using var cts = new CancellationTokenSource();
        int ran = 0;
        var tasks = Enumerable.Range(0, 200).Select(i => new ChunkTask($"t-{i}", "work", [], _ =>
        {
            if (Interlocked.Increment(ref ran) == 5) cts.Cancel();
            Thread.Sleep(1);
            return i;
        })).ToList();
        Should.Throw<OperationCanceledException>(() => s_scheduler.Execute(new TaskGraph(tasks), [.. tasks.Select(t => t.Key)], new(2), cts.Token));
        ran.ShouldBeLessThan(200);
    }

    [Fact]
    public void Execute_ReportsProgressForEveryTask()
    {
        var reports = new List<ChunkProgress>();
        var progress = new SyncProgress(reports);
        var g = new TaskGraph([Value("a", 1), Value("b", 2), Sum("c", "a", "b")]);
        s_scheduler.Execute(g, ["c"], new(2, progress));
        reports.Count.ShouldBe(3);
        reports.Select(r => r.Completed).Order().ShouldBe([1, 2, 3]);
        reports.ShouldAllBe(r => r.Total == 3);
        reports.Single(r => r.Completed == 3).Key.ShouldBe("c");
    }

    [Fact]
    public void Execute_FreesIntermediatesAsSoonAsNoTaskNeedsThem()
    {
        // 50 independent chains: big array -> tiny partial; then a sum of the partials. With depth-first order and
        // freeing, at most a few big arrays are alive at once although 50 are produced.
        var tasks = new List<ChunkTask>();
        for (int i = 0; i < 50; i++)
        {
            tasks.Add(new ChunkTask($"big-{i}", "big", [], _ => new ProbeArray(1000)));
            tasks.Add(new ChunkTask($"small-{i}", "small", [$"big-{i}"], _ => new ProbeArray(1)));
        }
        tasks.Add(new ChunkTask("total", "total", [.. Enumerable.Range(0, 50).Select(i => $"small-{i}")], _ => new ProbeArray(1)));
        ComputeResult r = s_scheduler.Execute(new TaskGraph(tasks), ["total"], new(2));
        r.Statistics.PeakBytes.ShouldBeLessThanOrEqualTo(4 * 8000 + 51 * 8);
    }

    [Fact]
    public void Execute_RandomDags_MatchSequentialEvaluation()
    {
        Gen.Int[1, 60].SelectMany(n => Gen.Int[0, 1000].Array[n].Select(seeds => (n, seeds))).Sample(t =>
        {
            (int n, int[] seeds) = t;
            var tasks = new List<ChunkTask>();
            var expected = new long[n];
            for (int i = 0; i < n; i++)
            {
                var deps = Enumerable.Range(0, i).Where(j => (seeds[i] + j * 7) % 5 == 0).Select(j => $"n-{j}").ToArray();
                long e = i;
                foreach (string d in deps) e += expected[int.Parse(d[2..])];
                expected[i] = e % 1_000_003;
                int self = i;
                tasks.Add(new ChunkTask($"n-{i}", "node", deps, inputs => (inputs.Sum(v => (long)v) + self) % 1_000_003));
            }
            ComputeResult r = s_scheduler.Execute(new TaskGraph(tasks), [$"n-{n - 1}"], new(3));
            r.Values[0].ShouldBe(expected[n - 1]);
        }, iter: 50, seed: "0N0XIzNsQ0O2");
    }

    private sealed class SyncProgress(List<ChunkProgress> reports) : IProgress<ChunkProgress>
    {
        public void Report(ChunkProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
