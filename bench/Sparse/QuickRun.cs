using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace ArrayDispatch.Sparse.Benchmarks;

/// <summary>A stopwatch harness over the same benchmark methods, printing numpy_anchors.py's JSONL schema.</summary>
internal static class QuickRun
{
    public static int Run(string[] filter)
    {
        var bench = new SparseBenchmarks();
        var setup = Stopwatch.StartNew();
        bench.Setup();
        Console.Error.WriteLine($"setup {setup.Elapsed.TotalSeconds:F1} s");
        foreach (MethodInfo m in typeof(SparseBenchmarks).GetMethods())
        {
            if (m.GetCustomAttribute<BenchmarkAttribute>() is not { } attribute) continue;
            string name = attribute.Description!;
            if (filter.Length > 0 && !filter.Contains(name)) continue;
            for (int w = 0; w < 2; w++) m.Invoke(bench, null);
            var times = new List<double>();
            for (int r = 0; r < 7; r++)
            {
                GC.Collect();
                var sw = Stopwatch.StartNew();
                m.Invoke(bench, null);
                times.Add(sw.Elapsed.TotalSeconds);
            }
            times.Sort();
            string size = name is "csr_matmul_csr" ? "100000x100000" : name is "csr_matmul_dense" ? "100000x100000 @ 100000x16" : "1000000x1000000";
            Console.WriteLine($"{{\"section\": \"sparse\", \"name\": \"{name}\", \"size\": \"{size}\", \"median_s\": {times[3]:G6}, \"min_s\": {times[0]:G6}, \"max_s\": {times[6]:G6}, \"reps\": 7, \"label\": \"ArrayDispatch.Sparse\"}}");
        }
        return 0;
    }
}
