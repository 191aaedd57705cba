using System.Collections.Concurrent;
using System.Diagnostics;
using ArrayDispatch.Chunked.Scheduling;

namespace ArrayDispatch.Chunked.Bench;

/// <summary>Prints when each task of one compute finished (<c>--trace</c>): where a graph waits on a single task.</summary>
internal static class Trace
{
    public static void Run(string name, Action body)
    {
        body();   // warm up
        var finished = new ConcurrentQueue<(double Ms, string Key)>();
        var clock = Stopwatch.StartNew();
        void Handler(object? sender, ChunkProgress p) => finished.Enqueue((clock.Elapsed.TotalMilliseconds, p.Key));
        ChunkedProgress.Reported += Handler;
        try
        {
            clock.Restart();
            body();
        }
        finally
        {
            ChunkedProgress.Reported -= Handler;
        }
        Console.Error.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds:F0} ms");
        double last = 0;
        foreach ((double ms, string key) in finished)
        {
            Console.Error.WriteLine($"  {ms,8:F1} ms  (+{ms - last,7:F1})  {key}");
            last = ms;
        }
    }
}
