using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dispatch;
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
        ComputePlan plan = Plan(arrays);
        IReadOnlyList<string> outputs = plan.Outputs;
        ComputeResult result = Execute(context, plan, progress, cancellationToken);
        var byKey = new Dictionary<string, NDArray>(outputs.Count, StringComparer.Ordinal);
        for (int i = 0; i < outputs.Count; i++) byKey[outputs[i]] = (NDArray)result.Values[i];
        var arraysOut = new NDArray[arrays.Count];
        for (int i = 0; i < arrays.Count; i++)
        {
            ChunkedArray a = arrays[i];
            NDArray[] blocks = [.. a.Keys().Select(k => byKey[k])];
            arraysOut[i] = blocks.Length == 1 ? blocks[0] : LayerBuilder.Assemble(context, blocks, a.Chunks.BlockCounts);
        }
        context.Logger.LogDebug("Computed {Arrays} chunked arrays: {Tasks} tasks ({Graph} built, {Culled} culled, {Fused} fused), peak {PeakBytes} bytes held, {Elapsed}",
            arrays.Count, result.Statistics.Tasks, plan.Built.Count, plan.Culled, plan.Fused, result.Statistics.PeakBytes, result.Statistics.Elapsed);
        ChunkedProgress.OnCompleted(result.Statistics);
        return new ChunkedComputeResult(arraysOut, result.Statistics);
    }

    /// <summary>
    /// The values of tasks <paramref name="keys"/> of <paramref name="layers"/>, computed now: what a function whose result's
    /// shape depends on the data (nonzero's counts, unique's values) needs before it can build its result.
    /// </summary>
    internal static object[] RunKeys(ChunkedContext context, IEnumerable<GraphLayer> layers, IReadOnlyList<string> keys)
    {
        ComputePlan plan = ComputePlan.Create(layers, keys, context.Options.Optimize);
        ComputeResult result = Execute(context, plan, null, CancellationToken.None);
        ChunkedProgress.OnCompleted(result.Statistics);
        var byKey = new Dictionary<string, object>(StringComparer.Ordinal);
        for (int i = 0; i < plan.Outputs.Count; i++) byKey[plan.Outputs[i]] = result.Values[i];
        return [.. keys.Select(k => byKey[k])];
    }

    private static ComputeResult Execute(ChunkedContext context, ComputePlan plan, IProgress<ChunkProgress>? progress, CancellationToken cancellationToken)
    {
        // A token the caller passed wins; else the flow's (Np.Compute(arrays, token), x.Compute(token), Np.UseCancellation),
        // which also reaches the computes a host app starts implicitly (reading a lazy array's values).
        CancellationToken ambient = ComputeCancellation.Token;
        if (!cancellationToken.CanBeCanceled) cancellationToken = ambient;
        using CancellationTokenSource? linked = ambient.CanBeCanceled && ambient != cancellationToken
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ambient) : null;
        if (linked is not null) cancellationToken = linked.Token;
        var options = new ComputeOptions(context.Options.MaxDegreeOfParallelism, ChunkedProgress.Wrap(progress), context.Options.RecycleChunks) { CarryOver = context.CarryOver };
        using (Np.UseDispatcher(context.Dispatcher))
        {
            return context.Scheduler.Execute(plan.Graph, plan.Outputs, options, cancellationToken);
        }
    }

    /// <summary>
    /// The graph a compute of <paramref name="arrays"/> runs (culled from their chunk keys, fused when the options say so);
    /// <c>Visualize</c> draws the same one.
    /// </summary>
    public static ComputePlan Plan(IReadOnlyList<ChunkedArray> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Count == 0) return ComputePlan.Create([], [], false);
        return ComputePlan.Create(arrays.Select(a => a.Layer), arrays.SelectMany(a => a.Keys()), arrays[0].Context.Options.Optimize);
    }
}
