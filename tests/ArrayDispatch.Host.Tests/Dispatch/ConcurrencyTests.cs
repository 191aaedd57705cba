using ArrayDispatch.TestArrays;

namespace ArrayDispatch.Host.Tests.Dispatch;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base", "Other");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Eight_threads_dispatching_while_the_configuration_changes_100_times_see_only_allowed_backends()
    {
        using var host = _plugins.Host(("ArrayDispatch:Priority:0", "Base"), ("ArrayDispatch:Priority:1", "Other"));
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        long calls = 0;
        using var stop = new CancellationTokenSource();
        var dispatcher = host.Dispatcher;

        Thread[] workers = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            using var bound = Np.UseDispatcher(dispatcher);
            var a = new BaseArray();
            var b = new OtherArray();
            while (!stop.IsCancelled())
            {
                try
                {
                    // Whatever the generation, add(Base, Other) may only go to one of the two owners.
                    string by = ((TestArray)Np.Add(a, b)).MadeBy;
                    if (by is not ("Base" or "Other")) errors.Enqueue($"unexpected backend {by}");
                    if (((TestArray)Np.Sum(a)).MadeBy != "Base") errors.Enqueue("sum(Base) left Base");
                    Interlocked.Increment(ref calls);
                }
                catch (Exception ex)
                {
                    errors.Enqueue(ex.ToString());
                }
            }
        })).ToArray();
        foreach (Thread t in workers) t.Start();

        for (int i = 0; i < 100; i++)
        {
            (string first, string second) = i % 2 == 0 ? ("Other", "Base") : ("Base", "Other");
            host.Set(("ArrayDispatch:Priority:0", first), ("ArrayDispatch:Priority:1", second));
            using (Np.UseDispatcher(dispatcher))
            {
                ((TestArray)Np.Add(new BaseArray(), new OtherArray())).MadeBy.ShouldBe(first);   // the new rule holds at once
            }
        }
        stop.Cancel();
        foreach (Thread t in workers) t.Join();

        errors.ShouldBeEmpty();
        Interlocked.Read(ref calls).ShouldBeGreaterThan(0);
    }
}

internal static class CancellationExtensions
{
    public static bool IsCancelled(this CancellationTokenSource source) => source.IsCancellationRequested;
}
