// Chunked backend timings beside Dask's on the same machine. Usage:
//   dotnet run -c Release --project bench/Chunked [-- --dask dask.jsonl] [--quick] [--no-recycle] [--cholesky-qr] [--only NAME]
// where dask.jsonl is the output of `/usr/bin/python3 shared/bench/dask_anchors.py`. Prints one JSON line per
// measurement (same names as dask_anchors.py) and, with --dask, a table of ratios (ours / Dask; the goal is <= 0.5).
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ArrayDispatch;
using ArrayDispatch.Chunked;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Bench;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dense;
using ArrayDispatch.Testing;

bool quick = args.Contains("--quick");
string? daskFile = args.SkipWhile(a => a != "--dask").Skip(1).FirstOrDefault();
Timing.Only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
// --degree N: the scheduler's degree (default: the cores .NET sees, which DOTNET_PROCESSOR_COUNT can lower for the kernels).
int cores = int.TryParse(args.SkipWhile(a => a != "--degree").Skip(1).FirstOrDefault(), out int d) ? d : Environment.ProcessorCount;
ThreadPool.GetMinThreads(out int minWorkers, out int minIo);
ThreadPool.SetMinThreads(Math.Max(minWorkers, cores), minIo);
using TestHost host = TestHost.Create(
    new Dictionary<string, string?>
    {
        ["ArrayDispatch:Backends:Chunked:MaxDegreeOfParallelism"] = cores.ToString(CultureInfo.InvariantCulture),
        // --no-recycle: every chunk on fresh memory (the behaviour before the recycle pool), for before/after tables.
        ["ArrayDispatch:Backends:Chunked:RecycleChunks"] = args.Contains("--no-recycle") ? "false" : "true",
        // --cholesky-qr: tall-and-skinny float64 QR/SVD by CholeskyQR2 (Backends:Chunked:CholeskyQr); TSQR, Dask's graph, otherwise.
        ["ArrayDispatch:Backends:Chunked:CholeskyQr"] = args.Contains("--cholesky-qr") ? "true" : "false",
    },
    new DensePlugin(), new ChunkedPlugin());
if (args.Contains("--profile")) { Profile.Run(); return; }
var results = new List<Measurement>();

// The seed's example: 5000x1000 random, chunks 1000x1000, svd.
(NDArray U, NDArray S, NDArray V) Build()
{
    NDArray x = Np.Random.Sample((5000, 1000), Np.Random.DefaultRng(0), backend: "Chunked", chunks: [1000, 1000]);
    var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
    return (u!, s, v!);
}
var built = Build();
if (args.Contains("--trace"))
{
    ArrayDispatch.Chunked.Bench.Trace.Run("seed_svd_compute_all", () => { var b = Build(); Np.Compute(b.U, b.S, b.V); });
    ArrayDispatch.Chunked.Bench.Trace.Run("sum_8000x8000", () => Np.Sum(Np.Random.Sample((8000, 8000), Np.Random.DefaultRng(1), backend: "Chunked", chunks: [2000, 2000])).Compute());
    return;
}
results.Add(Timing.Run("seed_svd_graph_build", () => Build(), repeat: 20, extra: new() { ["tasks"] = TaskGraph.FromLayers(((ChunkedArray)built.V).Layer).Count, ["tasks_culled_graph"] = ((ChunkedArray)built.V).Graph.Count }));
results.Add(Timing.Run("seed_svd_compute_v", () => Build().V.Compute(), repeat: quick ? 2 : 5));
results.Add(Timing.Run("seed_svd_compute_all", () => { var b = Build(); Np.Compute(b.U, b.S, b.V); }, repeat: quick ? 2 : 5));

// A larger-than-cache reduction: 20000x20000 float64 (3.2 GB if materialised), chunks 2000x2000.
int n = quick ? 8000 : 20000, c = quick ? 800 : 2000;
NDArray Big() => Np.Random.Sample((n, n), Np.Random.DefaultRng(1), backend: "Chunked", chunks: [c, c]);
ComputeStatistics? sumStats = null;
long peakWorkingSet = 0;
results.Add(Timing.Run("sum_20000x20000", () =>
{
    using var sampler = new WorkingSetSampler();
    sumStats = ChunkedCompute.Run([(ChunkedArray)Np.Sum(Big())]).Statistics;
    peakWorkingSet = Math.Max(peakWorkingSet, sampler.PeakAboveBaseline);
}, repeat: 3, extra: new() { ["chunks"] = (n / c) * (n / c) }));
long chunkBytes = (long)c * c * 8;
// Results held between tasks (the scheduler's own accounting), and the process's working set above its level before the compute.
results[^1].Extra["peak_held_bytes"] = sumStats?.PeakBytes ?? 0;
results[^1].Extra["peak_working_set_above_baseline_bytes"] = peakWorkingSet;
results[^1].Extra["peak_working_set_chunks_per_core"] = Math.Round((double)peakWorkingSet / chunkBytes / cores, 2);
results.Add(Timing.Run("mean_axis0_20000x20000", () => Np.Mean(Big(), 0).Compute(), repeat: 3));
results.Add(Timing.Run("elementwise_then_sum_20000x20000", () => Np.Sum(Big() * 2.0 + 1.0).Compute(), repeat: 3));

// Scheduler overhead: 10,000 independent no-op tasks plus one gathering task.
TaskGraph NoopGraph()
{
    var tasks = new List<ChunkTask>(10001);
    var keys = new string[10000];
    for (int i = 0; i < 10000; i++)
    {
        keys[i] = "noop-" + i.ToString(CultureInfo.InvariantCulture);
        object boxed = i;
        tasks.Add(new ChunkTask(keys[i], "noop", [], _ => boxed));
    }
    tasks.Add(new ChunkTask("gather", "len", keys, v => v.Length));
    return new TaskGraph(tasks);
}
var noop = Timing.Run("scheduler_10000_noop_tasks", () => LocalChunkScheduler.Instance.Execute(NoopGraph(), ["gather"], new ComputeOptions(cores)), repeat: 5);
if (!double.IsNaN(noop.MedianSeconds)) noop.Extra["us_per_task"] = Math.Round(noop.MedianSeconds / 10001 * 1e6, 3);
results.Add(noop);

foreach (Measurement m in results.Where(m => !double.IsNaN(m.MedianSeconds))) Console.WriteLine(m.ToJson());
if (daskFile is not null) Timing.PrintRatios(results, daskFile);
