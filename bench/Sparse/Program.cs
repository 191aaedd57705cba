using BenchmarkDotNet.Running;

namespace ArrayDispatch.Sparse.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release -- --filter '*'</c> runs BenchmarkDotNet; <c>quick</c> times each workload with a
    /// stopwatch (median of 7 after 2 warm-up calls) and prints JSONL in numpy_anchors.py's schema for <c>--compare</c>;
    /// <c>lanes [reps]</c> times SpMM's rows at Vector256 against Vector512 (<see cref="LanesAB"/>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "lanes") return LanesAB.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 21);
        if (args.Length > 0 && args[0] == "quick") return QuickRun.Run(args.Skip(1).ToArray());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
