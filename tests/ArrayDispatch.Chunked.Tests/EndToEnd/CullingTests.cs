using System.Text.RegularExpressions;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Visualization;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>Compute runs, and Visualize draws, only what the requested outputs need (issue #23).</summary>
public sealed partial class CullingTests
{
    [Fact]
    public void SeedSvd_V_GraphHasNoFullQr_AndThePictureIsTheComputedGraph()
    {
        using TestHost host = CreateTsqr();   // Dask's TSQR graph, whose full QR of the stack only U reads
        NDArray x = Np.Random.Sample((5000, 1000), Np.Random.DefaultRng(42), backend: "Chunked", chunks: [1000, 1000]);
        var (_, _, v) = Np.Linalg.Svd(x, fullMatrices: false);
        var vc = (ChunkedArray)v!;
        // The layers hold the full QR of the stack (U and Q read it); nothing of v does, so v's graph leaves it out.
        TaskGraph layers = TaskGraph.FromLayers(vc.Layer);
        layers.Count.ShouldBe(11);
        layers.Tasks.Keys.ShouldContain(k => k.StartsWith("tsqr-qr2-", StringComparison.Ordinal));
        vc.Graph.Count.ShouldBe(10);
        vc.Graph.Tasks.Keys.ShouldNotContain(k => k.StartsWith("tsqr-qr2-", StringComparison.Ordinal));
        ComputePlan plan = ChunkedCompute.Plan([vc]);
        plan.Culled.ShouldBe(1);
        plan.Graph.Tasks.Keys.ShouldNotContain(k => k.StartsWith("tsqr-qr2-", StringComparison.Ordinal));
        plan.Graph.Tasks.Values.ShouldNotContain(t => t.Function == "qr");
        AssertEveryTaskReachesAnOutput(plan.Graph, plan.Outputs);

        string path = Path.Combine(Path.GetTempPath(), $"cull-{Guid.NewGuid():N}.dot");
        try
        {
            vc.Visualize(path);
            string dot = File.ReadAllText(path);
            TaskKeys(dot).Order(StringComparer.Ordinal).ShouldBe(plan.Graph.Tasks.Keys.Order(StringComparer.Ordinal));
            dot.ShouldContain($"label=\"{plan.Graph.Count} tasks (11 built: 1 culled, {plan.Fused} fused)\"");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Compute_RunsExactlyTheVisualizedGraph(bool optimize)
    {
        var recorder = new RecordingScheduler();
        using TestHost host = Create(2, 16, optimize, recorder);
        NDArray x = Np.Random.Sample((500, 100), Np.Random.DefaultRng(42), backend: "Chunked", chunks: [100, 100]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        foreach (NDArray[] outputs in new[] { new[] { v! }, [s], [u!], [u!, s, v!] })
        {
            string path = Path.Combine(Path.GetTempPath(), $"cull-{Guid.NewGuid():N}.dot");
            try
            {
                Np.Visualize(path, outputs);
                Np.Compute(outputs);
                var (graph, _, ran) = recorder.Runs[^1];
                string[] drawn = [.. TaskKeys(File.ReadAllText(path)).Order(StringComparer.Ordinal)];
                drawn.ShouldBe(graph.Tasks.Keys.Order(StringComparer.Ordinal));
                ran.Order(StringComparer.Ordinal).ShouldBe(drawn);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The tooltips of the task nodes of a DOT text written by <see cref="DotWriter"/> (their keys).</summary>
    internal static IEnumerable<string> TaskKeys(string dot) =>
        TaskNode().Matches(dot).Select(m => m.Groups[1].Value);

    /// <summary>Every task of <paramref name="graph"/> has a path to one of <paramref name="outputs"/>.</summary>
    internal static void AssertEveryTaskReachesAnOutput(TaskGraph graph, IEnumerable<string> outputs)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (string o in outputs)
        {
            if (reached.Add(o)) stack.Push(o);
        }
        while (stack.Count > 0)
        {
            foreach (string d in graph[stack.Pop()].Dependencies)
            {
                if (reached.Add(d)) stack.Push(d);
            }
        }
        graph.Tasks.Keys.Where(k => !reached.Contains(k)).ShouldBeEmpty("tasks with no path to an output");
    }

    [GeneratedRegex("^\\s*n\\d+ \\[label=\"[^\"]*\", tooltip=\"([^\"]*)\"\\];$", RegexOptions.Multiline)]
    private static partial Regex TaskNode();
}
