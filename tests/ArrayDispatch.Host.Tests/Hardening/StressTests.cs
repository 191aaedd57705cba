using System.Collections.Concurrent;
using System.Diagnostics;
using ArrayDispatch.TestArrays;
using Xunit.Abstractions;

namespace ArrayDispatch.Host.Tests.Hardening;

/// <summary>
/// 16 threads dispatch across Dense, Sparse and Chunked (real plugins from disk) while the configuration changes every
/// 10 ms and a plugin is hot-reloaded every second. Bounded to 12 s of load (the issue allows 30 s).
/// </summary>
public sealed class StressTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan s_duration = TimeSpan.FromSeconds(12);
    private readonly PluginFolder _plugins = new("Dense", "Sparse", "Chunked");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Sixteen_threads_under_reconfiguration_and_hot_reload_get_single_threaded_results_and_no_unexpected_exception()
    {
        string versioned = _plugins.Add("VersionedV1", "Versioned");
        using var host = _plugins.Host(("ArrayDispatch:HotReload", "true"), ("ArrayDispatch:DefaultBackend", "Dense"),
            ("ArrayDispatch:Priority:0", "Sparse"), ("ArrayDispatch:Priority:1", "Chunked"), ("ArrayDispatch:Priority:2", "Dense"));

        double[] values = [1, -2, 3.5, 0, 0, 4, -1, 0.25, 0, 2, 0, -3];
        NDArray dense = Np.AsArray(values).Reshape(3, 4);
        NDArray sparse = Np.AsArray(dense, backend: "Sparse", format: "csr");
        NDArray chunked = Np.AsArray(dense, backend: "Chunked", chunks: [2, 2]);
        // The single-threaded answers every concurrent call must reproduce.
        var calls = new (string Name, Func<double[]> Call)[]
        {
            ("dense sum axis 0", () => Np.Sum(dense, axis: 0).ToArray<double>()),
            ("dense a*2+b", () => (dense * 2.0 + dense).ToArray<double>()),
            ("sparse sum axis 1", () => Np.Sum(sparse, axis: 1).ToArray<double>()),
            ("sparse * dense", () => Np.AsArray(Np.Multiply(sparse, dense), backend: "Dense").ToArray<double>()),
            ("sparse + dense", () => Np.Add(sparse, dense).ToArray<double>()),
            ("chunked mean", () => Np.Mean(chunked * 3.0, axis: 1).Compute().ToArray<double>()),
            ("chunked @ dense.T", () => Np.MatMul(chunked, dense.T).Compute().ToArray<double>()),
        };
        var expected = calls.Select(c => c.Call()).ToArray();

        var errors = new ConcurrentQueue<string>();
        var stamps = new ConcurrentDictionary<string, long>();   // which build of the reloaded plugin answered, and how often
        long dispatches = 0, versionedCalls = 0;
        int reloads = 0, reconfigurations = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(s_duration);
        Thread[] workers = Enumerable.Range(0, 16).Select(w => new Thread(() =>
        {
            using var bound = Np.UseDispatcher(host.Dispatcher);
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                int k = random.Next(calls.Length + 1);
                try
                {
                    if (k == calls.Length)
                    {
                        string stamp = ((TestArray)Np.Sum(new OtherArray())).MadeBy;
                        if (stamp is not ("v1" or "v2")) errors.Enqueue($"Versioned answered {stamp}");
                        stamps.AddOrUpdate(stamp, 1, (_, n) => n + 1);
                        Interlocked.Increment(ref versionedCalls);
                        continue;
                    }
                    double[] got = calls[k].Call();
                    if (!got.SequenceEqual(expected[k])) errors.Enqueue($"{calls[k].Name}: [{string.Join(", ", got)}] != [{string.Join(", ", expected[k])}]");
                    Interlocked.Increment(ref dispatches);
                }
                catch (Exception ex)
                {
                    errors.Enqueue($"{(k == calls.Length ? "versioned" : calls[k].Name)}: {ex}");
                }
            }
        })).ToArray();
        foreach (Thread t in workers) t.Start();

        var reconfigure = new Thread(() =>
        {
            string[][] orders = [["Sparse", "Chunked", "Dense"], ["Chunked", "Dense", "Sparse"], ["Dense", "Sparse", "Chunked"]];
            while (!stop.IsCancellationRequested)
            {
                string[] order = orders[reconfigurations % orders.Length];
                host.Set(("ArrayDispatch:Priority:0", order[0]), ("ArrayDispatch:Priority:1", order[1]), ("ArrayDispatch:Priority:2", order[2]));
                reconfigurations++;
                Thread.Sleep(10);
            }
        });
        reconfigure.Start();
        while (!stop.IsCancellationRequested)
        {
            Thread.Sleep(1000);
            if (stop.IsCancellationRequested) break;
            foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "plugins", reloads % 2 == 0 ? "VersionedV2" : "VersionedV1")))
            {
                File.Copy(file, Path.Combine(versioned, Path.GetFileName(file)), overwrite: true);
            }
            reloads++;
        }
        foreach (Thread t in workers) t.Join();
        reconfigure.Join();

        double seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"{dispatches + versionedCalls} calls in {seconds:F1} s ({(dispatches + versionedCalls) / seconds:F0}/s; {versionedCalls} to the reloaded plugin), {reconfigurations} reconfigurations, {reloads} reload swaps");
        errors.Take(5).ShouldBeEmpty();
        dispatches.ShouldBeGreaterThan(0);
        versionedCalls.ShouldBeGreaterThan(0);
        // The swaps it claims happened: calls were answered by both builds of the hot-reloaded plugin, and the
        // configuration changed many times while the workers ran.
        output.WriteLine($"answers by build: {string.Join(", ", stamps.Select(kv => $"{kv.Key} {kv.Value}"))}");
        stamps.Keys.ShouldBe(["v1", "v2"], ignoreOrder: true);
        reconfigurations.ShouldBeGreaterThan(100);
    }
}
