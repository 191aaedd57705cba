using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace ArrayDispatch.Sparse.Benchmarks;

/// <summary>A stopwatch harness over the same benchmark methods, printing numpy_anchors.py's JSONL schema.</summary>
internal static class QuickRun
{
    /// <summary>Timed calls per row (the 100000 x 1000 product, seconds per call, takes 3).</summary>
    private static readonly int Reps = int.TryParse(Environment.GetEnvironmentVariable("SPARSE_BENCH_REPS"), out int r) && r > 0 ? r : 9;

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
            int reps = name.EndsWith("_1000", StringComparison.Ordinal) ? 3 : Reps;
            for (int w = 0; w < (reps < Reps ? 1 : 2); w++) m.Invoke(bench, null);
            var times = new List<double>();
            int inducedGen2 = 0;
            (long rentsBefore, long hitsBefore) = ArrayDispatch.Memory.NativePool.Counters;
            for (int r = 0; r < reps; r++)
            {
                GC.Collect();
                int gen2 = GC.CollectionCount(2);
                var sw = Stopwatch.StartNew();
                m.Invoke(bench, null);
                times.Add(sw.Elapsed.TotalSeconds);
                inducedGen2 += GC.CollectionCount(2) - gen2;
                if (Environment.GetEnvironmentVariable("SPARSE_BENCH_TRACE") is not null) Console.Error.Write($"{sw.Elapsed.TotalMilliseconds:F0} ");
            }
            times.Sort();
            // Gen2 collections inside the timed calls (a native buffer's memory pressure can induce them), on standard error.
            if (inducedGen2 > 0) Console.Error.WriteLine($"{name}: {inducedGen2} gen2 collections in {reps} timed calls");
            (long rents, long hits) = ArrayDispatch.Memory.NativePool.Counters;
            Console.Error.WriteLine($"{name}: native pool {rents - rentsBefore} rents, {hits - hitsBefore} from the pool; {ArrayDispatch.Memory.NativePool.PooledBytes >> 20} MB pooled, {ArrayDispatch.Memory.NativePool.RentedBytes >> 20} MB rented, capacity {ArrayDispatch.Memory.NativePool.Capacity >> 20} MB");
            string size = bench.SizeOf(name);
            bool extra = name.EndsWith("_1000", StringComparison.Ordinal);
            string row = extra ? "csr_matmul_dense" : name;
            Console.WriteLine($"{{\"section\": \"sparse\", \"name\": \"{row}\", \"size\": \"{size}\", \"median_s\": {times[reps / 2]:G6}, \"min_s\": {times[0]:G6}, \"max_s\": {times[^1]:G6}, \"reps\": {reps}{(extra ? ", \"extra\": true" : "")}, \"label\": \"ArrayDispatch.Sparse\"}}");
        }
        return 0;
    }
}
