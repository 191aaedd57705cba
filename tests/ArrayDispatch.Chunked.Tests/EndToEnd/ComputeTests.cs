using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

public sealed class ComputeTests
{
    [Fact]
    public void Operations_BuildGraphAndComputeNothing()
    {
        using TestHost host = Create();
        var x = (ChunkedArray)Np.Random.Sample((100, 10), Np.Random.DefaultRng(1), backend: "Chunked", chunks: [10, 10]);
        var y = (ChunkedArray)Np.Sum(x * 2.0, 0);
        y.Graph.Count.ShouldBeGreaterThan(10);
        y.Name.ShouldStartWith("sum-");
        x.KeyOf(3, 0).ShouldBe(x.Name + "-3-0");
        x.Name.ShouldStartWith("random-");
    }

    [Fact]
    public void Keys_AreStableForTheSameExpression()
    {
        using TestHost host = Create();
        NDArray a = Np.Ones((10, 10), chunks: [5, 5], backend: "Chunked");
        ((ChunkedArray)(a + 1L)).Name.ShouldBe(((ChunkedArray)(a + 1L)).Name);
        ((ChunkedArray)(a + 1L)).Name.ShouldNotBe(((ChunkedArray)(a + 2L)).Name);
    }

    [Fact]
    public void Compute_SeveralArrays_SharesCommonSubgraphs()
    {
        using TestHost host = Create();
        var x = (ChunkedArray)Np.Random.Sample((40, 40), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [10, 10]);
        NDArray total = Np.Sum(x), columns = Np.Sum(x, 0);
        var keys = new List<ChunkProgress>();

        NDArray[] both;
        using (ChunkedProgress.Subscribe(new Collect(keys)))
        {
            both = Np.Compute(total, columns);
        }

        // Each random chunk is made once and feeds both reductions.
        keys.Count(k => k.Key.StartsWith(x.Name, StringComparison.Ordinal)).ShouldBe(16);
        both[0].Item<double>().ShouldBe(Np.Sum(both[1]).Item<double>(), 1e-9);
        both[1].ToArray<double>().ShouldBe(Np.Sum(x.Compute(), 0).ToArray<double>(), 1e-12);
    }

    [Fact]
    public void Compute_TaskFails_SurfacesKeyAndOriginalException()
    {
        using TestHost host = Create();
        string path = Path.Combine(Path.GetTempPath(), $"chunked-missing-{Guid.NewGuid():N}.npy");
        NpyTests.Write(path, [1.0, 2, 3, 4], new Shape(4));
        NDArray x;
        using (Np.UseBackend("Chunked"))
        {
            x = Np.Call("chunked.from_npy", [], new Dictionary<string, object?> { ["path"] = path, ["chunks"] = 2 })[0];
        }
        File.Delete(path);
        var ex = Should.Throw<ChunkTaskException>(() => (x + 1.0).Compute());
        ex.TaskKey.ShouldStartWith("from-npy-");
        ex.InnerException.ShouldBeAssignableTo<IOException>();
    }

    [Fact]
    public void Compute_ReportsProgressThroughTheStaticChannel()
    {
        using TestHost host = Create();
        var seen = new List<ChunkProgress>();
        NDArray x = Np.Ones((20, 20), chunks: [5, 5], backend: "Chunked");
        var sum = (ChunkedArray)Np.Sum(x + 1.0);
        var keys = sum.Graph.Tasks.Keys.ToHashSet();
        using (ChunkedProgress.Subscribe(new Collect(seen)))
        {
            sum.Compute().Item<double>().ShouldBe(800);
        }
        // Other tests compute in parallel through the same process-wide channel: keep this graph's reports.
        List<ChunkProgress> mine = [.. seen.Where(p => keys.Contains(p.Key))];
        string last = sum.KeyOf();
        mine.ShouldContain(p => p.Key == last);
        mine.ShouldContain(p => p.Completed == p.Total);
        mine.Count.ShouldBe(mine[0].Total);
    }

    [Fact]
    public void Compute_LargeReduction_PeakMemoryStaysWithinFewChunksPerWorker()
    {
        using TestHost host = Create(degree: 2);
        NDArray x = Np.Random.Sample((2000, 2000), Np.Random.DefaultRng(5), backend: "Chunked", chunks: [250, 250]);
        ChunkedComputeResult r = ChunkedCompute.Run([(ChunkedArray)Np.Sum(x)]);
        long chunkBytes = 250 * 250 * 8;
        r.Statistics.PeakBytes.ShouldBeLessThanOrEqualTo(4 * chunkBytes * 2);
        r.Arrays[0].Item<double>().ShouldBe(2000 * 2000 / 2.0, 2000 * 2000 * 0.01);
    }

    [Fact]
    public void Compute_Cancelled_Throws()
    {
        using TestHost host = Create();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var x = (ChunkedArray)Np.Ones((10, 10), chunks: [2, 2], backend: "Chunked");
        Should.Throw<OperationCanceledException>(() => ChunkedCompute.Run([x], null, cts.Token));
    }

    [Fact]
    public void Visualize_WritesDotGroupedByLayerWithDaskLabels()
    {
        using TestHost host = Create();
        NDArray x = Np.Ones((4, 4), chunks: [2, 2], backend: "Chunked");
        string path = Path.Combine(Path.GetTempPath(), $"chunked-{Guid.NewGuid():N}.dot");
        string written = Np.Sum(x * 2.0, 0).Visualize(path);
        written.ShouldBe(path);
        string dot = File.ReadAllText(path);
        dot.ShouldStartWith("digraph G {");
        dot.ShouldContain("subgraph cluster_");
        dot.ShouldContain("label=\"full-multiply-sum (1, 0)\"");                  // the graph compute runs: fused chains drawn as one task
        dot.ShouldContain("label=\"6 tasks (16 built: 0 culled, 10 fused)\"");
        File.Delete(path);
    }

    [Fact]
    public void Visualize_Svg_WritesTheDotAlways_AndTheSvgWhenGraphvizIsOnThePath()
    {
        using TestHost host = Create();
        NDArray x = Np.Ones((4, 4), chunks: [2, 2], backend: "Chunked");
        string path = Path.Combine(Path.GetTempPath(), $"chunked-{Guid.NewGuid():N}.svg");
        string dot = Path.ChangeExtension(path, ".dot");
        string written = x.Visualize(path);
        File.Exists(dot).ShouldBeTrue();
        File.ReadAllText(dot).ShouldStartWith("digraph G {");
        if (ArrayDispatch.Chunked.Visualization.GraphRenderer.FindOnPath("dot") is null)
        {
            written.ShouldBe(dot);
        }
        else
        {
            written.ShouldBe(path);
            File.ReadAllText(path).ShouldContain("<svg");
            File.Delete(path);
        }
        File.Delete(dot);
    }

    [Fact]
    public void Scheduler_IsReplaceable_WithoutChangingGraphCode()
    {
        var counting = new CountingScheduler();
        using TestHost host = TestHost.Create(new Dense.DensePlugin(), new ChunkedPlugin(counting));
        NDArray x = Np.Ones((6, 6), chunks: [3, 3], backend: "Chunked");
        Np.Sum(x).Compute().Item<double>().ShouldBe(36);
        counting.Calls.ShouldBe(1);
    }

    private sealed class CountingScheduler : IChunkScheduler
    {
        public int Calls;

        public ComputeResult Execute(ArrayDispatch.Chunked.Graph.TaskGraph graph, IReadOnlyList<string> outputs, ComputeOptions options, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            return LocalChunkScheduler.Instance.Execute(graph, outputs, options with { MaxDegreeOfParallelism = 1 }, cancellationToken);
        }
    }

    private sealed class Collect(List<ChunkProgress> into) : IProgress<ChunkProgress>
    {
        public void Report(ChunkProgress value)
        {
            lock (into) into.Add(value);
        }
    }
}
