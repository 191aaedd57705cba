using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Scheduling;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Chunked;

/// <summary>
/// Runs chunked arrays' graphs (Dask's <c>dask.compute</c>): one optimised graph for all of them, so common subgraphs run
/// once; the chunks of each array are joined into one array of the chunk backend.
/// </summary>
public static class ChunkedCompute
{
    /// <summary>Computes <paramref name="arrays"/> together, with a progress callback and cancellation.</summary>
    /// <exception cref="ChunkTaskException">A task threw; it names the task's key and wraps the original exception.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static ChunkedComputeResult Run(IReadOnlyList<ChunkedArray> arrays, IProgress<ChunkProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Count == 0) return new ChunkedComputeResult([], new ComputeStatistics(0, 0, 0, TimeSpan.Zero));
        ChunkedContext context = arrays[0].Context;
        TaskGraph graph = TaskGraph.FromLayers(arrays.Select(a => a.Layer));
        var outputs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ChunkedArray a in arrays)
        {
            foreach (string key in a.Keys())
            {
                if (seen.Add(key)) outputs.Add(key);
            }
        }
        TaskGraph optimized = context.Options.Optimize ? GraphOptimizer.Optimize(graph, outputs) : GraphOptimizer.Cull(graph, outputs);
        var options = new ComputeOptions(context.Options.MaxDegreeOfParallelism, ChunkedProgress.Wrap(progress), context.Options.RecycleChunks) { CarryOver = context.CarryOver };
        ComputeResult result;
        using (Np.UseDispatcher(context.Dispatcher))
        {
            result = context.Scheduler.Execute(optimized, outputs, options, cancellationToken);
        }
        var byKey = new Dictionary<string, NDArray>(outputs.Count, StringComparer.Ordinal);
        for (int i = 0; i < outputs.Count; i++) byKey[outputs[i]] = (NDArray)result.Values[i];
        var arraysOut = new NDArray[arrays.Count];
        for (int i = 0; i < arrays.Count; i++)
        {
            ChunkedArray a = arrays[i];
            NDArray[] blocks = [.. a.Keys().Select(k => byKey[k])];
            arraysOut[i] = blocks.Length == 1 ? blocks[0] : LayerBuilder.Assemble(context, blocks, a.Chunks.BlockCounts);
        }
        context.Logger.LogDebug("Computed {Arrays} chunked arrays: {Tasks} tasks ({Graph} before optimisation), peak {PeakBytes} bytes held, {Elapsed}",
            arrays.Count, result.Statistics.Tasks, graph.Count, result.Statistics.PeakBytes, result.Statistics.Elapsed);
        ChunkedProgress.OnCompleted(result.Statistics);
        return new ChunkedComputeResult(arraysOut, result.Statistics);
    }
}
