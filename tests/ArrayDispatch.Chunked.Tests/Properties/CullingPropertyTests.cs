using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Tests.EndToEnd;
using ArrayDispatch.Testing;
using CsCheck;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.Properties;

/// <summary>
/// Random compositions of chunked operations (element-wise, reductions, arg-reductions, scans, rechunk, slicing,
/// concatenation, transpose, matmul, TSQR qr/svd, svd_compressed), random outputs among their results: the graph Compute
/// runs and Visualize draws is the same, every task in it reaches an output, every dependency edge is one the task reads
/// (so culling by edges drops everything no output needs), and computing a subset runs only that subset's ancestors.
/// </summary>
public sealed class CullingPropertyTests
{
    private static readonly Gen<(int Rows, int Cols, int[] Chunks)> s_layout =
        Gen.Select(Gen.Int[1, 10], Gen.Int[1, 6]).SelectMany(rc => Gen.Select(Gen.Int[1, rc.Item1], Gen.Int[1, rc.Item2]).Select(c => (rc.Item1, rc.Item2, new[] { c.Item1, c.Item2 })));

    private static readonly Gen<(int Op, int Input, int P, int Q)[]> s_steps =
        Gen.Select(Gen.Int[0, 12], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, 99]).Array[1, 6];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RandomGraphs_RunAndDrawOnlyWhatTheirOutputsNeed(bool optimize)
    {
        var recorder = new RecordingScheduler();
        using TestHost host = Create(2, 3, optimize, recorder);
        Gen.Select(s_layout, s_steps, Gen.Int[1, int.MaxValue]).Sample(t =>
        {
            var ((rows, cols, chunks), steps, mask) = t;
            List<ChunkedArray> pool = Compose(rows, cols, chunks, steps);
            ChunkedArray[] outputs = [.. pool.Where((_, i) => (mask >> (i % 31) & 1) == 1)];
            if (outputs.Length == 0) outputs = [pool[^1]];
            ComputePlan plan = ChunkedCompute.Plan(outputs);
            CullingTests.AssertEveryTaskReachesAnOutput(plan.Graph, plan.Outputs);
            HashSet<string> ancestors = Ancestors(plan.Built, plan.Outputs);
            ancestors.IsSupersetOf(plan.Graph.Tasks.Keys).ShouldBeTrue();
            AssertEveryDependencyIsRead(GraphOptimizer.Cull(plan.Built, plan.Outputs));
            foreach (ChunkedArray o in outputs) CullingTests.AssertEveryTaskReachesAnOutput(o.Graph, o.Keys());

            // Visualize draws what Compute runs, and Compute runs each of those tasks once.
            string path = Path.Combine(Path.GetTempPath(), $"cull-prop-{Guid.NewGuid():N}.dot");
            try
            {
                Np.Visualize(path, outputs);
                string[] drawn = [.. CullingTests.TaskKeys(File.ReadAllText(path)).Order(StringComparer.Ordinal)];
                drawn.ShouldBe(plan.Graph.Tasks.Keys.Order(StringComparer.Ordinal));
                Np.Compute(outputs);
                var (graph, _, ran) = recorder.Runs[^1];
                graph.Tasks.Keys.Order(StringComparer.Ordinal).ShouldBe(drawn);
                ran.Order(StringComparer.Ordinal).ShouldBe(drawn);
                if (!optimize && !plan.Built.Tasks.Values.Any(k => k.Alternative is not null)) ran.Count.ShouldBe(ancestors.Count);
            }
            finally
            {
                File.Delete(path);
            }

            // A subset of the outputs: only its ancestors run.
            ChunkedArray alone = outputs[mask % outputs.Length];
            alone.Compute();
            IReadOnlyList<string> aloneRan = recorder.Runs[^1].Ran;
            HashSet<string> aloneAncestors = Ancestors(alone.Graph, [.. alone.Keys()]);
            aloneAncestors.IsSupersetOf(aloneRan).ShouldBeTrue();
            aloneRan.Count.ShouldBe(ChunkedCompute.Plan([alone]).Graph.Count);
        }, iter: 100, threads: 1, seed: "0Yw3N0Rza5GE");
    }

    /// <summary>Applies the steps to a random array; every result (all factors of a factorization) joins the pool.</summary>
    private static List<ChunkedArray> Compose(int rows, int cols, int[] chunks, (int Op, int Input, int P, int Q)[] steps)
    {
        var pool = new List<ChunkedArray> { (ChunkedArray)Np.Random.Sample((rows, cols), Np.Random.DefaultRng(7), backend: "Chunked", chunks: chunks) };
        foreach ((int op, int input, int p, int q) in steps)
        {
            ChunkedArray a = pool[input % pool.Count];
            foreach (NDArray r in Apply(op, a, p, q, pool)) pool.Add((ChunkedArray)r);
        }
        return pool;
    }

    private static NDArray[] Apply(int op, ChunkedArray a, int p, int q, List<ChunkedArray> pool)
    {
        int rank = a.Rank;
        if (rank == 0) return [a * 2.0 + 1.0];
        int[] dims = a.Shape.Dims.ToArray();
        int axis = p % rank;
        bool tall = rank == 2 && dims[0] >= dims[1] && a.DType == DType.Float64;
        switch (op)
        {
            case 0: return [Np.Abs(a * 2.0 - 1.0)];
            case 1:
                ChunkedArray b = pool[p % pool.Count];
                return [b.Shape == a.Shape ? a + b : a * a];
            case 2: return [p % (rank + 1) == rank ? Np.Sum(a) : Np.Sum(a, axis)];
            case 3:
                int[] sizes = [.. dims.Select((d, k) => 1 + (p + 7 * k) % Math.Max(d, 1))];
                return Np.Call("chunked.rechunk", [a], new Dictionary<string, object?> { ["chunks"] = sizes });
            case 4: return [a[new Slice(p % Math.Max(dims[0], 1), null, 1 + q % 2)]];
            case 5: return [Np.Concatenate([a, a], 0)];
            case 6: return [Np.Argmax(a, axis)];
            case 7: return [Np.Cumsum(a, axis)];
            case 8: return [rank == 2 ? Np.Transpose(a) : a * 3.0];
            case 9 when tall:
                NDArray one = Np.Call("chunked.rechunk", [a], new Dictionary<string, object?> { ["chunks"] = new[] { 1 + q % dims[0], -1 } })[0];
                if (p % 2 == 0)
                {
                    var (qq, r) = Np.Linalg.Qr(one);
                    return [qq!, r];
                }
                var (u, s, v) = Np.Linalg.Svd(one, fullMatrices: false);
                return [u!, s, v!];
            case 9 when rank == 2 && a.DType == DType.Float64:
                // Short and fat: one row of chunks, the SVD of the transpose.
                NDArray row = Np.Call("chunked.rechunk", [a], new Dictionary<string, object?> { ["chunks"] = new[] { -1, 1 + q % dims[1] } })[0];
                var (uw, sw, vw) = Np.Linalg.Svd(row, fullMatrices: false);
                return [uw!, sw, vw!];
            case 10 when rank == 2 && dims[0] > 0 && dims[1] > 0:
                return Np.Call("chunked.linalg.svd_compressed", [a], new Dictionary<string, object?> { ["k"] = 1, ["n_power_iter"] = q % 2, ["seed"] = 3UL });
            case 11 when rank == 2: return [Np.MatMul(a, Np.Transpose(a))];
            default: return [Np.Mean(a, axis)];
        }
    }

    /// <summary>The keys <paramref name="outputs"/> reach through dependency edges, outputs included.</summary>
    private static HashSet<string> Ancestors(TaskGraph graph, IEnumerable<string> outputs)
    {
        var reached = new HashSet<string>(outputs, StringComparer.Ordinal);
        var stack = new Stack<string>(reached);
        while (stack.Count > 0)
        {
            foreach (string d in graph[stack.Pop()].Dependencies)
            {
                if (reached.Add(d)) stack.Push(d);
            }
        }
        return reached;
    }

    /// <summary>
    /// Runs every task once with its real inputs and once per dependency with that input replaced by a foreign object: a
    /// task that still succeeds without passing the object on does not read that dependency, so the edge would keep a task
    /// alive that no output needs.
    /// </summary>
    private static void AssertEveryDependencyIsRead(TaskGraph graph)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var probe = new object();
        foreach (ChunkTask t in graph.TopologicalOrder())
        {
            object[] inputs = [.. t.Dependencies.Select(d => values[d])];
            values[t.Key] = t.Run(inputs);
            foreach (string d in t.Dependencies.Distinct())
            {
                object[] poisoned = [.. t.Dependencies.Select(k => k == d ? probe : values[k])];
                object? result;
                try
                {
                    result = t.Run(poisoned);
                }
                catch (Exception)
                {
                    continue; // it read the input
                }
                result.ShouldBeSameAs(probe, $"task '{t.Key}' ({t.Function}) ran without reading its dependency '{d}'");
            }
        }
    }
}
