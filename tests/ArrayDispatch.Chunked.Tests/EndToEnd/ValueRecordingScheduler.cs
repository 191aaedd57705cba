using System.Collections.Concurrent;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Runs graphs on the local scheduler with every task's work wrapped to record the arrays it returned: the array types
/// of each task's value (a QR or SVD result's factors included), by key.
/// </summary>
internal sealed class ValueRecordingScheduler : IChunkScheduler
{
    private readonly ConcurrentDictionary<string, (string Function, Type[] Arrays)> _values = new(StringComparer.Ordinal);

    /// <summary>Each task that ran: its function and the types of the arrays its value holds.</summary>
    public IReadOnlyDictionary<string, (string Function, Type[] Arrays)> Values => _values;

    public void Clear() => _values.Clear();

    /// <inheritdoc/>
    public ComputeResult Execute(TaskGraph graph, IReadOnlyList<string> outputs, ComputeOptions options, CancellationToken cancellationToken = default)
    {
        var wrapped = new TaskGraph(graph.Tasks.Values.Select(Wrap), graph.Layers);
        return LocalChunkScheduler.Instance.Execute(wrapped, outputs, options, cancellationToken);
    }

    private ChunkTask Wrap(ChunkTask t) => new(t.Key, t.Function, t.Dependencies, Recorded(t, t.Run)!, t.Index)
    {
        FreshResult = t.FreshResult,
        ParallelKernel = t.ParallelKernel,
        ConsumingRun = Recorded(t, t.ConsumingRun),
        Alternative = t.Alternative,
        Spec = t.Spec,
    };

    private TaskFunc? Recorded(ChunkTask t, TaskFunc? run) => run is null ? null : inputs =>
    {
        object value = run(inputs);
        _values[t.Key] = (t.Function, TypesOf(value));
        return value;
    };

    /// <summary>The types of the arrays a value holds; a value of any other kind is recorded as its own type.</summary>
    private static Type[] TypesOf(object value) => value switch
    {
        NDArray a => [a.GetType()],
        Building.OwnedChunk owned => [owned.Array.GetType()],
        _ => TaskValues.Parts(value) is { } parts ? [.. parts.OfType<NDArray>().Select(a => a.GetType())] : [value.GetType()],
    };
}
