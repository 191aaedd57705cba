using System.Diagnostics;
using System.Globalization;
using ArrayDispatch.Bench.Dense;
using BenchmarkDotNet.Running;

if (args.Contains("lanes"))
{
    // Vector256 against Vector512 for the width-generic kernels, calls alternating in one process (issue #18).
    LanesAB.Run(int.Parse(args.SkipWhile(a => a != "--reps").Skip(1).FirstOrDefault() ?? "41", CultureInfo.InvariantCulture));
    return;
}

if (args.Contains("quick"))
{
    // Median of repetitions (after warm-up), one JSON line per measurement, names as in numpy_anchors.py.
    string? only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
    int reps = int.Parse(args.SkipWhile(a => a != "--reps").Skip(1).FirstOrDefault() ?? "15", CultureInfo.InvariantCulture);
    // "quick fft": issue #14's transforms only, without the dense section's 10^7-element arrays.
    // "quick complex": issue #13's complex128 element-wise and complex matmul rows.
    using FftWorkload? fft = args.Contains("fft") ? new FftWorkload() : null;
    using ComplexWorkload? complex = args.Contains("complex") ? new ComplexWorkload() : null;
    using DenseWorkload? work = fft is null && complex is null ? new DenseWorkload() : null;
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    foreach ((string section, string name, string size, Func<object> run) in fft?.Cases() ?? complex?.Cases() ?? work!.Cases())
    {
        if (only is not null && !only.Split(',').Contains(name)) continue;
        // Warm-up to steady state: tiered compilation promotes a kernel after 30 calls and a quiet 100 ms, in the
        // background; three calls measured the kernels' tier-0 code (a 10M sum ran 2x slower for its first 20 calls).
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 30 || warm.ElapsedMilliseconds < 500; i++) run();
        Thread.Sleep(250);
        run();
        var times = new double[reps];
        int g2 = GC.CollectionCount(2);
        TimeSpan pause = GC.GetTotalPauseDuration();
        for (int i = 0; i < reps; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            run();
            times[i] = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        }
        Array.Sort(times);
        if (args.Contains("--gc")) Console.Error.WriteLine($"{name}: gen2 collections {GC.CollectionCount(2) - g2}, GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"section\": \"{section}\", \"name\": \"{name}\", \"size\": \"{size}\", \"median_s\": {times[reps / 2]:G6}, \"min_s\": {times[0]:G6}, \"reps\": {reps}, \"impl\": \"ArrayDispatch.Dense\"}}"));
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(DenseBenchmarks).Assembly).Run(args);
