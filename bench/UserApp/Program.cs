using System.Diagnostics;
using System.Globalization;
using ArrayDispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Issue #21's rows as a user's own app makes them: generic host, Dense deployed as a plugin, default GC settings.
// One JSON line per row (names as bench/anchors/numpy_anchors.py and numpy_rows.py beside this file):
//   median_s/min_s over `reps` calls after warm-up (30 calls and 0.5 s, then 250 ms for tiered compilation), results dropped (the user writes `var c = a + b;`), and
//   the same with the result disposed at once (`using var c = a + b;`; NDArray.Dispose is a no-op before issue #21);
//   rss_*: the process's resident memory after one call and the peak over a loop of 100 calls.
int reps = args.Length > 0 && char.IsDigit(args[0][0]) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 15;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
using IHost host = builder.Build();
await host.StartAsync();

const int N = 10_000_000;
var rng = Np.Random.DefaultRng(42);
NDArray a = Np.Random.Sample(N, rng);
NDArray b = Np.Random.Sample(N, rng);
if (args.Contains("--wrapped-inputs"))
{
    // The inputs as .NET arrays the app holds (Np.AsArray wraps them): what the app's own data looks like.
    a = Np.AsArray(a.ToArray<double>());
    b = Np.AsArray(b.ToArray<double>());
}
const double resultMb = N * 8 / 1e6;

// Resident memory first (a fresh process): one result held, then the peak over a loop of 100 allocating calls, each
// result held while measured and then dropped (or disposed).
foreach (bool dispose in new[] { false, true })
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    NDArray one = a + b;
    long rssOne = Rss();
    Drop(one, dispose);
    long peak = 0;
    long t0 = Stopwatch.GetTimestamp();
    for (int i = 0; i < 100; i++)
    {
        NDArray r = a + b;
        peak = Math.Max(peak, Rss());
        if (args.Contains("--trace") && i < 30) Console.Error.WriteLine($"{i}: rss {Rss() / 1e6:F0} MB ({RssParts()}), {PoolCounters()}");
        Drop(r, dispose);
    }
    double seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
    if (args.Contains("--debug")) Console.Error.WriteLine($"gen0/1/2 collections so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms; pool {PoolCounters()}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{{\"section\": \"userapp\", \"name\": \"rss_loop100_add{(dispose ? "_disposed" : "")}\", \"size\": \"{N}\", \"rss_one_mb\": {rssOne / 1e6:F0}, \"rss_peak_mb\": {peak / 1e6:F0}, \"peak_minus_one_in_results\": {(peak - rssOne) / 1e6 / resultMb:F2}, \"loop_s\": {seconds:G4}, \"impl\": \"ArrayDispatch.Dense\"}}"));
}
(string Name, Func<NDArray> Run)[] rows =
[
    ("add_alloc", () => a + b),
    ("mul_scalar_add", () => a * 2.0 + b),
    ("exp_alloc", () => Np.Exp(a)),
];

Console.Error.WriteLine($"GC: server={System.Runtime.GCSettings.IsServerGC}, RetainVM={AppContext.GetData("System.GC.RetainVM") ?? "default"}, ConserveMemory={AppContext.GetData("System.GC.ConserveMemory") ?? "default"}");
foreach ((string name, Func<NDArray> run) in rows)
{
    foreach (bool dispose in new[] { false, true })
    {
        // Warm-up to steady state: tiered compilation promotes a kernel after 30 calls and a quiet 100 ms, in the
        // background; three calls measured the kernels' tier-0 code (a 10M sum ran 2x slower for its first 20 calls).
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 30 || warm.ElapsedMilliseconds < 500; i++) Drop(run(), dispose);
        Thread.Sleep(250);
        Drop(run(), dispose);
        var times = new double[reps];
        for (int i = 0; i < reps; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            NDArray r = run();
            times[i] = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            Drop(r, dispose);
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"section\": \"userapp\", \"name\": \"{name}{(dispose ? "_disposed" : "")}\", \"size\": \"{N}\", \"median_s\": {times[reps / 2]:G6}, \"min_s\": {times[0]:G6}, \"reps\": {reps}, \"impl\": \"ArrayDispatch.Dense\"}}"));
    }
}

await host.StopAsync();

static string PoolCounters()
{
    Type? pool = AppDomain.CurrentDomain.GetAssemblies().Select(x => x.GetType("ArrayDispatch.Memory.NativePool")).FirstOrDefault(t => t is not null);
    if (pool is null) return "none";
    object? counters = pool.GetProperty("Counters")?.GetValue(null);
    object? pooled = pool.GetProperty("PooledBytes")?.GetValue(null);
    object? live = pool.Assembly.GetType("ArrayDispatch.Dense.Storage.DenseStorage")?.GetProperty("LiveBytes")?.GetValue(null);
    return $"(rents, hits) {counters}, pooled MB {Convert.ToInt64(pooled) / 1e6:F0}, live native MB {Convert.ToInt64(live) / 1e6:F0}";
}

static void Drop(NDArray r, bool dispose)
{
    if (dispose) (r as IDisposable)?.Dispose();
}

static string RssParts() => string.Join(", ", File.ReadLines("/proc/self/status")
    .Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal) || l.StartsWith("RssFile:", StringComparison.Ordinal))
    .Select(l => l.Replace("\t", " ").Replace("  ", " ")));

static long Rss()
{
    foreach (string line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
        }
    }
    return 0;
}
