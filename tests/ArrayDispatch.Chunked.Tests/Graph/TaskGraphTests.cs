using ArrayDispatch.Chunked.Graph;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.Graph;

public sealed class TaskGraphTests
{
    internal static ChunkTask Value(string key, object value) => new(key, "value", [], _ => value);

    internal static ChunkTask Sum(string key, params string[] deps) =>
        new(key, "sum", deps, inputs => inputs.Sum(i => (int)i));

    [Fact]
    public void Constructor_MissingDependency_NamesTaskAndKey()
    {
        var ex = Should.Throw<ArgumentException>(() => new TaskGraph([Sum("b", "a")]));
        ex.Message.ShouldStartWith("task 'b' depends on 'a', which is not in the graph");
    }

    [Fact]
    public void Constructor_DuplicateKey_Refused()
    {
        Should.Throw<ArgumentException>(() => new TaskGraph([Value("a", 1), Value("a", 2)])).Message.ShouldStartWith("two tasks have the key 'a'");
    }

    [Fact]
    public void TopologicalOrder_PutsDependenciesFirst()
    {
        var g = new TaskGraph([Sum("d", "b", "c"), Sum("b", "a"), Sum("c", "a"), Value("a", 1)]);
        var order = g.TopologicalOrder().Select(t => t.Key).ToList();
        order.IndexOf("a").ShouldBeLessThan(order.IndexOf("b"));
        order.IndexOf("b").ShouldBeLessThan(order.IndexOf("d"));
        order.IndexOf("c").ShouldBeLessThan(order.IndexOf("d"));
    }

    [Fact]
    public void TopologicalOrder_Cycle_Throws()
    {
        var g = new TaskGraph([Sum("a", "b"), Sum("b", "a")]);
        Should.Throw<InvalidOperationException>(() => g.TopologicalOrder()).Message.ShouldContain("cycle");
    }

    [Fact]
    public void FromLayers_SharedLayerIncludedOnce()
    {
        var input = new GraphLayer("x", [Value("x-0", 1), Value("x-1", 2)], []);
        var left = new GraphLayer("l", [Sum("l-0", "x-0", "x-1")], [input]);
        var right = new GraphLayer("r", [Sum("r-0", "x-1")], [input]);
        TaskGraph g = TaskGraph.FromLayers(left, right);
        g.Count.ShouldBe(4);
        g.Layers.Select(l => l.Name).ShouldBe(["x", "l", "r"]);
    }

    [Fact]
    public void Label_IsFunctionAndChunkIndex()
    {
        new ChunkTask("qr-1-2-0", "qr", [], _ => 0, [2, 0]).Label.ShouldBe("qr (2, 0)");
    }
}
