// The Orleans scheduler beside dask.distributed, same machine, same sitting. Usage (after building host in Release):
//   dotnet run -c Release --project bench/Orleans [-- --quick] [--dask dask.jsonl] [--host path/to/ArrayDispatch.Host.dll]
// where dask.jsonl is the output of `/usr/bin/python3 bench/Orleans/dask_distributed.py`. Starts two `worker` processes
// of the host app (one task at a time each, as LocalCluster(n_workers=2, threads_per_worker=1)), computes through them,
// prints one JSON line per workload and, with --dask, the ratios (ours / Dask).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ArrayDispatch;
using ArrayDispatch.Chunked;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Orleans;
using ArrayDispatch.Dense;
using ArrayDispatch.Runtime.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

bool quick = args.Contains("--quick");
string? daskFile = args.SkipWhile(a => a != "--dask").Skip(1).FirstOrDefault();
string root = FindRoot();
string hostDll = Path.GetFullPath(args.SkipWhile(a => a != "--host").Skip(1).FirstOrDefault()
    ?? new[] { "Release", "Debug" }.Select(c => Path.Combine(root, "host", "bin", c, "net10.0", "ArrayDispatch.Host.dll")).First(File.Exists));

int silo = FreePort(), gateway = FreePort();
string cluster = $"bench-{Guid.NewGuid():N}";
string[] common = ["--config", $"ArrayDispatch:Backends:Chunked:Orleans:ClusterId={cluster}", "--config", $"ArrayDispatch:Backends:Chunked:Orleans:PrimarySiloPort={silo}",
    "--config", "ArrayDispatch:Backends:Chunked:Orleans:MaxDegreeOfParallelism=1"];
using var first = WorkerProcess.Start(hostDll, [.. common, "--config", $"ArrayDispatch:Backends:Chunked:Orleans:SiloPort={silo}", "--config", $"ArrayDispatch:Backends:Chunked:Orleans:GatewayPort={gateway}"]);
using var second = WorkerProcess.Start(hostDll, [.. common, "--config", $"ArrayDispatch:Backends:Chunked:Orleans:SiloPort={FreePort()}", "--config", $"ArrayDispatch:Backends:Chunked:Orleans:GatewayPort={FreePort()}"]);
WorkerProcess[] workers = [first, second];

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ArrayDispatch:DefaultBackend"] = "Dense",
    ["ArrayDispatch:Backends:Chunked:Orleans:ClusterId"] = cluster,
    ["ArrayDispatch:Backends:Chunked:Orleans:GatewayPort"] = gateway.ToString(CultureInfo.InvariantCulture),
});
builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Error);
ClusterSettings settings = ClusterSettings.From(builder.Configuration);
builder.UseOrleansClient(client => settings.ApplyTo(client));
IServiceProvider? services = null;
var scheduler = new OrleansChunkScheduler(() => services!.GetRequiredService<Orleans.IClusterClient>());
builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch")).AddBackend(new DensePlugin()).AddBackend(new ChunkedPlugin(scheduler));
using IHost host = builder.Build();
services = host.Services;
host.Start();
using IDisposable bound = Np.UseDispatcher(host.Services.GetRequiredService<Dispatcher>());

var results = new List<Dictionary<string, object>>();
int repeat = quick ? 2 : 3;
results.Add(Measure("seed_svd_compute_usv", () =>
{
    NDArray x = Np.Random.Sample((5000, 1000), Np.Random.DefaultRng(0), backend: "Chunked", chunks: [1000, 1000]);
    var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
    return [u!, s, v!];
}));
(int n, int c) = quick ? (8000, 2000) : (20000, 2000);
results.Add(Measure($"sum_{n}x{n}_chunks_{c}", () => [Np.Sum(Np.Random.Sample((n, n), Np.Random.DefaultRng(1), backend: "Chunked", chunks: [c, c]))]));
repeat = quick ? 1 : repeat;
results.Add(Measure("noop_10000_chunks", () => [Np.Sum(Np.Zeros(10000, backend: "Chunked", chunks: [1]))]));

foreach (var r in results) Console.WriteLine(JsonSerializer.Serialize(r));
if (daskFile is not null) Ratios(results, daskFile);
return;

Dictionary<string, object> Measure(string name, Func<NDArray[]> build)
{
    Np.Compute(build());   // warm-up: JIT, grain activations, connections
    var times = new List<double>();
    long moved = 0;
    int tasks = 0;
    foreach (WorkerProcess w in workers) w.ResetPeak();
    for (int i = 0; i < repeat; i++)
    {
        NDArray[] arrays = build();
        var clock = Stopwatch.StartNew();
        var result = ChunkedCompute.Run([.. arrays.Cast<ChunkedArray>()]);
        times.Add(clock.Elapsed.TotalSeconds);
        tasks = result.Statistics.Tasks;
        moved = scheduler.LastReport!.BytesBetweenWorkers;
    }
    times.Sort();
    return new()
    {
        ["system"] = "ArrayDispatch+Orleans", ["name"] = name, ["median_s"] = times[times.Count / 2], ["min_s"] = times[0], ["tasks"] = tasks,
        ["bytes_between_workers"] = moved, ["worker_peak_rss"] = workers.Select(w => w.PeakRss()).Order().ToArray(),
        ["worker_peak_held_bytes"] = scheduler.LastReport!.Workers.Select(w => w.PeakBytes).Order().ToArray(),
        ["per_task_ms"] = times[times.Count / 2] * 1000 / Math.Max(1, tasks),
    };
}

static void Ratios(List<Dictionary<string, object>> ours, string file)
{
    var dask = File.ReadAllLines(file).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(e => e.GetProperty("name").GetString()!);
    Console.WriteLine();
    Console.WriteLine("| workload | ours (s) | dask.distributed (s) | ratio | tasks ours / Dask | per task ours / Dask (ms) | MB between workers ours / Dask | worker peak RSS MB ours / Dask |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (var r in ours)
    {
        string name = (string)r["name"];
        if (!dask.TryGetValue(name, out JsonElement d)) continue;
        double o = (double)r["median_s"], t = d.GetProperty("median_s").GetDouble();
        int dt = d.TryGetProperty("tasks", out JsonElement te) && te.ValueKind == JsonValueKind.Number ? te.GetInt32() : 0;
        string rss(IEnumerable<long> v) => string.Join("+", v.Select(x => (x / 1e6).ToString("F0", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {o:F2} | {t:F2} | {o / t:F2}x | {r["tasks"]} / {dt} | {(double)r["per_task_ms"]:F3} / {(dt > 0 ? t * 1000 / dt : double.NaN):F3} | " +
            $"{(long)r["bytes_between_workers"] / 1e6:F1} / {d.GetProperty("bytes_between_workers").GetInt64() / 1e6:F1} | " +
            $"{rss((long[])r["worker_peak_rss"])} / {rss(d.GetProperty("worker_peak_rss").EnumerateArray().Select(x => x.GetInt64()))} |"));
    }
}

static int FreePort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}

static string FindRoot()
{
    for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
    {
        if (File.Exists(Path.Combine(d.FullName, "Plugins.sln"))) return d.FullName;
    }
    throw new DirectoryNotFoundException("no Plugins.sln above the bench");
}

/// <summary>A `worker` process of the host app; its peak resident memory is read from /proc (VmHWM, reset through clear_refs).</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ManualResetEventSlim _ready = new();

    private WorkerProcess(Process process) => _process = process;

    public static WorkerProcess Start(string hostDll, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(hostDll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(hostDll);
        info.ArgumentList.Add("worker");
        foreach (string a in args) info.ArgumentList.Add(a);
        var worker = new WorkerProcess(Process.Start(info)!);
        worker._process.OutputDataReceived += (_, e) => { if (e.Data?.StartsWith("worker: ", StringComparison.Ordinal) == true) worker._ready.Set(); };
        worker._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("worker: " + e.Data); };
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        if (!worker._ready.Wait(TimeSpan.FromSeconds(120))) throw new TimeoutException("a worker did not start within 120 s");
        return worker;
    }

    public void ResetPeak()
    {
        try { File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public long PeakRss()
    {
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }
}
