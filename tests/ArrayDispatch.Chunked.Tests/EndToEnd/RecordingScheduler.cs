using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Scheduling;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>Runs graphs on the local scheduler and keeps what each compute was given and which tasks ran.</summary>
internal sealed class RecordingScheduler : IChunkScheduler
{
    private readonly List<(TaskGraph Graph, IReadOnlyList<string> Outputs, IReadOnlyList<string> Ran)> _runs = [];

    /// <summary>The graphs computed, their outputs and the keys of the tasks that ran, in order.</summary>
    public IReadOnlyList<(TaskGraph Graph, IReadOnlyList<string> Outputs, IReadOnlyList<string> Ran)> Runs
    {
        get
        {
            lock (_runs) return [.. _runs];
        }
    }

    /// <inheritdoc/>
    public ComputeResult Execute(TaskGraph graph, IReadOnlyList<string> outputs, ComputeOptions options, CancellationToken cancellationToken = default)
    {
        var ran = new List<string>();
        IProgress<ChunkProgress>? inner = options.Progress;
        var progress = new Progress(p =>
        {
            lock (ran) ran.Add(p.Key);
            inner?.Report(p);
        });
        ComputeResult result = LocalChunkScheduler.Instance.Execute(graph, outputs, options with { Progress = progress }, cancellationToken);
        lock (_runs) _runs.Add((graph, [.. outputs], [.. ran]));
        return result;
    }

    private sealed class Progress(Action<ChunkProgress> report) : IProgress<ChunkProgress>
    {
        public void Report(ChunkProgress value) => report(value);
    }
}
