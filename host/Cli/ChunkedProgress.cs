using System.Diagnostics;

namespace ArrayDispatch.Host.Cli;

/// <summary>Listens to the Chunked plugin's <see cref="DiagnosticListener"/> without referencing the plugin.</summary>
internal static class ChunkedProgress
{
    public static IDisposable Subscribe(Action<int, int> progress, Action<(int Tasks, long PeakBytes, TimeSpan Elapsed)> completed)
    {
        var inner = new List<IDisposable>();
        IDisposable all = DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name != "ArrayDispatch.Chunked") return;
            lock (inner)
            {
                inner.Add(listener.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                {
                    if (e.Value is ValueTuple<int, int, string> p) progress(p.Item1, p.Item2);
                    else if (e.Value is ValueTuple<int, long, TimeSpan> c) completed(c);
                })));
            }
        }));
        return new Subscriptions(all, inner);
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(T value) => onNext(value);
    }

    private sealed class Subscriptions(IDisposable all, List<IDisposable> inner) : IDisposable
    {
        public void Dispose()
        {
            all.Dispose();
            lock (inner) foreach (IDisposable d in inner) d.Dispose();
        }
    }
}
