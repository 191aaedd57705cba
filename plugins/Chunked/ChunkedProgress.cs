using System.Diagnostics;
using ArrayDispatch.Chunked.Scheduling;

namespace ArrayDispatch.Chunked;

/// <summary>
/// Progress of every chunked compute in the process, including those started through <c>Np.Compute</c> and
/// <c>x.Compute()</c>, which take no callback. Subscribe in-process with <see cref="Subscribe"/> or <see cref="Reported"/>;
/// a host that loads the plugin in its own load context (and so cannot name <see cref="ChunkProgress"/>) listens to the
/// <see cref="DiagnosticListener"/> named <c>"ArrayDispatch.Chunked"</c>: event <c>"Progress"</c> with a
/// <c>(int Completed, int Total, string Key)</c> value tuple, and <c>"Completed"</c> with
/// <c>(int Tasks, long PeakBytes, TimeSpan Elapsed)</c>.
/// </summary>
public static class ChunkedProgress
{
    private static readonly DiagnosticListener s_listener = new("ArrayDispatch.Chunked");
    private static ComputeStatistics? s_last;

    /// <summary>Raised after every finished task of every compute (on the worker thread that ran it).</summary>
    public static event EventHandler<ChunkProgress>? Reported;

    /// <summary>Raised when a compute finishes.</summary>
    public static event EventHandler<ComputeStatistics>? Completed;

    /// <summary>The statistics of the last compute that finished in this process.</summary>
    public static ComputeStatistics? LastStatistics => Volatile.Read(ref s_last);

    /// <summary>Sends every progress report to <paramref name="progress"/> until the result is disposed.</summary>
    public static IDisposable Subscribe(IProgress<ChunkProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        EventHandler<ChunkProgress> handler = (_, p) => progress.Report(p);
        Reported += handler;
        return new Unsubscriber(handler);
    }

    internal static IProgress<ChunkProgress>? Wrap(IProgress<ChunkProgress>? progress)
    {
        if (Reported is null && !s_listener.IsEnabled()) return progress;
        return new Forwarder(progress);
    }

    internal static void OnCompleted(ComputeStatistics statistics)
    {
        Volatile.Write(ref s_last, statistics);
        Completed?.Invoke(null, statistics);
        if (s_listener.IsEnabled("Completed")) s_listener.Write("Completed", (statistics.Tasks, statistics.PeakBytes, statistics.Elapsed));
    }

    private sealed class Forwarder(IProgress<ChunkProgress>? inner) : IProgress<ChunkProgress>
    {
        public void Report(ChunkProgress value)
        {
            inner?.Report(value);
            Reported?.Invoke(null, value);
            if (s_listener.IsEnabled("Progress")) s_listener.Write("Progress", (value.Completed, value.Total, value.Key));
        }
    }

    private sealed class Unsubscriber(EventHandler<ChunkProgress> handler) : IDisposable
    {
        public void Dispose() => Reported -= handler;
    }
}
