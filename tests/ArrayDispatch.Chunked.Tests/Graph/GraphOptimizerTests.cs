using ArrayDispatch.Chunked.Graph;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.Graph.TaskGraphTests;

namespace ArrayDispatch.Chunked.Tests.Graph;

public sealed class GraphOptimizerTests
{
    [Fact]
    public void Cull_DropsTasksTheOutputsDoNotNeed()
    {
        var g = new TaskGraph([Value("a", 1), Value("b", 2), Sum("c", "a"), Sum("d", "b")]);
        TaskGraph culled = GraphOptimizer.Cull(g, ["c"]);
        culled.Tasks.Keys.Order().ShouldBe(["a", "c"]);
    }

    [Fact]
    public void FuseLinearChains_ChainBecomesOneTaskWithTheLastKey()
    {
        var g = new TaskGraph([
            Value("a", 1),
            new ChunkTask("b", "double", ["a"], i => (int)i[0] * 2),
            new ChunkTask("c", "inc", ["b"], i => (int)i[0] + 1),
        ]);
        TaskGraph fused = GraphOptimizer.FuseLinearChains(g, ["c"]);
        fused.Count.ShouldBe(1);
        fused["c"].Function.ShouldBe("value-double-inc");
        fused["c"].Run([]).ShouldBe(3);
    }

    [Theory]
    [InlineData(true, false, "consumed")]    // a fresh result read by one task only: that task may overwrite it
    [InlineData(false, false, "copied")]     // the producer's result may be shared (a wrapped array, a view)
    [InlineData(true, true, "copied")]       // the producer is an output: not fused, so never overwritten
    public void FuseLinearChains_UsesTheConsumingFormOnlyOnAFreshUnsharedResult(bool fresh, bool producerIsOutput, string expected)
    {
        var g = new TaskGraph([
            new ChunkTask("make", "make", [], _ => new int[] { 1 }) { FreshResult = fresh },
            new ChunkTask("use", "use", ["make"], _ => "copied") { ConsumingRun = _ => "consumed" },
        ]);
        TaskGraph fused = GraphOptimizer.FuseLinearChains(g, producerIsOutput ? ["make", "use"] : ["use"]);
        LocalChunkSchedulerRun(fused, "use").ShouldBe(expected);
    }

    private static object LocalChunkSchedulerRun(TaskGraph g, string output) =>
        ArrayDispatch.Chunked.Scheduling.LocalChunkScheduler.Instance.Execute(g, [output], new ArrayDispatch.Chunked.Scheduling.ComputeOptions(1)).Values[0];

    [Fact]
    public void Cull_TakesATaskFromItsAlternativeOnlyWhenThatIsComputedAnyway()
    {
        int cheap = 0;
        var g = new TaskGraph([
            Value("x", 10),
            new ChunkTask("full", "full", ["x"], v => new[] { (int)v[0], (int)v[0] * 2 }),
            new ChunkTask("part", "part", ["x"], v => { Interlocked.Increment(ref cheap); return (int)v[0]; })
            {
                Alternative = new TaskAlternative("full", v => ((int[])v)[0]),
            },
            Sum("a", "part"),
            new ChunkTask("b", "second", ["full"], v => ((int[])v[0])[1]),
        ]);
        TaskGraph alone = GraphOptimizer.Cull(g, ["a"]);
        alone.Tasks.Keys.Order().ShouldBe(["a", "part", "x"]);
        TaskGraph both = GraphOptimizer.Cull(g, ["a", "b"]);
        both["part"].Dependencies.ShouldBe(["full"]);
        ComputeBoth(both).ShouldBe(new object[] { 10, 20 });
        cheap.ShouldBe(0);
    }

    private static object[] ComputeBoth(TaskGraph g) =>
        ArrayDispatch.Chunked.Scheduling.LocalChunkScheduler.Instance.Execute(g, ["a", "b"], new ArrayDispatch.Chunked.Scheduling.ComputeOptions(2)).Values;

    [Fact]
    public void FuseLinearChains_KeepsTasksWithSeveralDependentsOrOutputs()
    {
        var g = new TaskGraph([Value("a", 1), Sum("b", "a"), Sum("c", "a"), Sum("d", "b", "c")]);
        GraphOptimizer.FuseLinearChains(g, ["d"]).Count.ShouldBe(4);
        var chain = new TaskGraph([Value("a", 1), Sum("b", "a")]);
        GraphOptimizer.FuseLinearChains(chain, ["a", "b"]).Count.ShouldBe(2);
    }

    [Fact]
    public void Optimize_ResultEqualsUnoptimisedResult()
    {
        var tasks = new List<ChunkTask>();
        for (int i = 0; i < 20; i++)
        {
            tasks.Add(Value($"x-{i}", i));
            tasks.Add(new ChunkTask($"sq-{i}", "square", [$"x-{i}"], v => (int)v[0] * (int)v[0]));
        }
        tasks.Add(Sum("total", [.. Enumerable.Range(0, 20).Select(i => $"sq-{i}")]));
        tasks.Add(Value("unused", 99));
        var g = new TaskGraph(tasks);
        TaskGraph opt = GraphOptimizer.Optimize(g, ["total"]);
        opt.Count.ShouldBe(21);
        var result = ArrayDispatch.Chunked.Scheduling.LocalChunkScheduler.Instance.Execute(opt, ["total"], new());
        result.Values[0].ShouldBe(Enumerable.Range(0, 20).Sum(i => i * i));
    }
}
