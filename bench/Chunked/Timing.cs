using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ArrayDispatch.Chunked.Bench;

internal static class Timing
{
    /// <summary>When set, only measurements whose name contains it run (<c>--only name</c>).</summary>
    public static string? Only { get; set; }

    public static Measurement Run(string name, Action body, int repeat, int warmup = 1, Dictionary<string, object>? extra = null)
    {
        if (Only is not null && !name.Contains(Only, StringComparison.Ordinal)) return new Measurement(name, double.NaN, double.NaN, double.NaN, extra ?? []);
        for (int i = 0; i < warmup; i++) body();
        var times = new double[repeat];
        var cpu = new double[repeat];
        var allocated = new double[repeat];
        using var process = Process.GetCurrentProcess();
        for (int i = 0; i < repeat; i++)
        {
            GC.Collect();
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            long bytes0 = GC.GetTotalAllocatedBytes();
            var clock = Stopwatch.StartNew();
            body();
            times[i] = clock.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpu0).TotalSeconds;
            allocated[i] = (GC.GetTotalAllocatedBytes() - bytes0) / 1e6;
        }
        Array.Sort(times);
        Array.Sort(cpu);
        // CPU seconds the process used (all threads): less sensitive than wall time to other load on a shared machine.
        extra ??= [];
        extra["cpu_s_median"] = Math.Round(cpu[repeat / 2], 3);
        Array.Sort(allocated);
        extra["allocated_mb_median"] = Math.Round(allocated[repeat / 2], 1);
        double median = repeat % 2 == 1 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;
        Console.Error.WriteLine($"{name}: median {median * 1e3:F2} ms (min {times[0] * 1e3:F2}, max {times[^1] * 1e3:F2}), cpu median {cpu[repeat / 2] * 1e3:F0} ms, allocated {allocated[repeat / 2]:F0} MB");
        return new Measurement(name, median, times[0], times[^1], extra);
    }

    public static void PrintRatios(List<Measurement> ours, string daskFile)
    {
        var dask = new Dictionary<string, double>();
        foreach (string line in File.ReadLines(daskFile))
        {
            if (string.IsNullOrWhiteSpace(line) || line[0] != '{') continue;
            using JsonDocument doc = JsonDocument.Parse(line);
            dask[doc.RootElement.GetProperty("name").GetString()!] = doc.RootElement.GetProperty("median_s").GetDouble();
        }
        Console.WriteLine();
        Console.WriteLine($"| {"measurement",-34} | {"Chunked",12} | {"Dask",12} | {"ratio",6} | goal |");
        Console.WriteLine($"|{new string('-', 36)}|{new string('-', 14)}|{new string('-', 14)}|{new string('-', 8)}|------|");
        foreach (Measurement m in ours)
        {
            if (double.IsNaN(m.MedianSeconds) || !dask.TryGetValue(m.Name, out double d)) continue;
            double ratio = m.MedianSeconds / d;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Name,-34} | {Format(m.MedianSeconds),12} | {Format(d),12} | {ratio,6:F2} | {(ratio <= 0.5 ? "met" : "MISS")} |"));
        }
    }

    private static string Format(double seconds) => seconds >= 1 ? $"{seconds:F2} s" : seconds >= 1e-3 ? $"{seconds * 1e3:F1} ms" : $"{seconds * 1e6:F0} µs";
}
