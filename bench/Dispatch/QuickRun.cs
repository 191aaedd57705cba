using System.Diagnostics;

namespace ArrayDispatch.Bench.Dispatch;

/// <summary>
/// `quick`: nanoseconds per call as the minimum over many short rounds. On a shared, loaded VM BenchmarkDotNet's means
/// move by 2x between runs; the fastest round is what the code costs when it gets the core, which is what a change to
/// the dispatch path moves. Use BenchmarkDotNet's rows (means, allocation) on a quiet machine for the README.
/// </summary>
internal static class QuickRun
{
    public static void Run(string[] args)
    {
        // `quick Dense100` runs only the rows whose name contains "Dense100".
        s_only = args.Length > 0 ? args[0] : null;
        var b = new DispatchBenchmarks();
        b.Setup();
        try
        {
            Row("Sum_Constant_Direct", () => b.Sum_Constant_Direct());
            Row("Sum_Constant_Dispatched", () => b.Sum_Constant_Dispatched());
            Row("Sum_Constant_Dispatched_InFlow", () => b.Sum_Constant_Dispatched_InFlow());
            b.EndFlow();
            Row("Add_FirstCandidateDeclines", () => b.Add_FirstCandidateDeclines());
            Row("Sum_Dense1_Dispatched", () => b.Sum_Dense1_Dispatched());
            Row("Add_Dense1_Dispatched", () => b.Add_Dense1_Dispatched());
            Row("Add_Dense1_Operator", () => b.Add_Dense1_Operator());
            Row("Multiply_Dense1_Scalar", () => b.Multiply_Dense1_Scalar());
            Row("Exp_Dense1", () => b.Exp_Dense1());
            Row("Sum_Dense100_Dispatched", () => b.Sum_Dense100_Dispatched());
            Row("Add_Dense100_Dispatched", () => b.Add_Dense100_Dispatched());
            Row("Add_Dense100_Operator", () => b.Add_Dense100_Operator());
            Row("Multiply_Dense100_Scalar", () => b.Multiply_Dense100_Scalar());
            Row("Exp_Dense100", () => b.Exp_Dense100());
        }
        finally
        {
            b.Cleanup();
        }
    }

    private static string? s_only;

    private static void Row(string name, Func<NDArray> call)
    {
        if (s_only is not null && !name.Contains(s_only, StringComparison.OrdinalIgnoreCase)) return;
        const int PerRound = 200_000;
        for (int i = 0; i < 3_000_000; i++) call();   // past tiered compilation's promotion to optimized code
        Thread.Sleep(200);
        for (int i = 0; i < 1_000_000; i++) call();
        var rounds = new double[41];
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < rounds.Length; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < PerRound; i++) call();
            rounds[r] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / PerRound;
        }
        double bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - before) / (rounds.Length * PerRound);
        Array.Sort(rounds);
        Console.WriteLine($"{name,-28} min {rounds[0],7:F2} ns   median {rounds[rounds.Length / 2],7:F2} ns   {bytes:F0} B/call");
    }
}
