using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Visualization;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>The lazy-evaluation protocol: <c>compute</c> and <c>visualize</c>.</summary>
internal sealed class LazyHandlers(ILogger logger)
{
    /// <summary>Computes every chunked array in one graph (shared subgraphs run once); other arrays come back as they are.</summary>
    [Implements("compute")]
    public DispatchResult<NDArray[]> Compute(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray[] lazy = [.. args.Arrays.OfType<ChunkedArray>()];
        NDArray[] computed = ChunkedCompute.Run(lazy).Arrays;
        var result = new NDArray[args.Arrays.Length];
        int k = 0;
        for (int i = 0; i < result.Length; i++) result[i] = args.Arrays[i] is ChunkedArray ? computed[k++] : args.Arrays[i];
        return result;
    }

    /// <summary>Draws the graph that computing the chunked arrays would run, titled with how many tasks were culled and fused.</summary>
    [Implements("visualize")]
    public DispatchResult<string> Visualize(in VisualizeArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        // The graph a compute of the same arrays runs: culled from their chunks (and fused when the optimiser is on).
        ComputePlan plan = ChunkedCompute.Plan([.. args.Arrays.OfType<ChunkedArray>()]);
        return GraphRenderer.Render(plan, args.Path, logger);
    }
}
