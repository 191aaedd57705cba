using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.TestArrays;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>Hot reload between two real builds of one plugin ("Versioned", answering "v1" or "v2").</summary>
public sealed class HotReloadTests : IDisposable
{
    private static readonly string s_built = Path.Combine(AppContext.BaseDirectory, "plugins");
    private readonly PluginFolder _plugins = new();
    private readonly string _folder;

    public HotReloadTests() => _folder = _plugins.Add("VersionedV1", "Versioned");

    public void Dispose() => _plugins.Dispose();

    private static string Stamp() => ((TestArray)Np.Sum(new OtherArray())).MadeBy;

    private static void CopyOver(string version, string target)
    {
        foreach (string file in Directory.GetFiles(Path.Combine(s_built, version)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static string WaitFor(string expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        string stamp = Stamp();
        while (stamp != expected && clock.Elapsed < timeout)
        {
            Thread.Sleep(50);
            stamp = Stamp();
        }
        return stamp;
    }

    private static PluginHost PluginHostOf(Testing.TestHost host) =>
        host.Services.GetRequiredService<ArrayDispatchState>().Host;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool AllCollected(IEnumerable<WeakReference> contexts)
    {
        for (int attempt = 0; attempt < 40; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            if (contexts.All(c => !c.IsAlive)) return true;
            Thread.Sleep(50);
        }
        return false;
    }

    [Fact]
    public void Overwriting_the_files_swaps_versions_while_four_threads_dispatch_and_the_old_context_is_collected()
    {
        using var host = _plugins.Host(("ArrayDispatch:HotReload", "true"));
        Stamp().ShouldBe("v1");
        var results = new ConcurrentQueue<(long StartedMs, string Stamp)>();
        var errors = new ConcurrentQueue<Exception>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        Thread[] workers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            using var bound = Np.UseDispatcher(host.Dispatcher);
            while (!stop.IsCancellationRequested)
            {
                long started = clock.ElapsedMilliseconds;
                try { results.Enqueue((started, Stamp())); }
                catch (Exception ex) { errors.Enqueue(ex); }
                Thread.Sleep(1);
            }
        })).ToArray();
        foreach (Thread t in workers) t.Start();

        Thread.Sleep(200);
        CopyOver("VersionedV2", _folder);
        WaitFor("v2", TimeSpan.FromMinutes(2)).ShouldBe("v2");   // a hang guard: the reload takes longer on a loaded machine
        long seenAt = clock.ElapsedMilliseconds;
        while (clock.ElapsedMilliseconds < seenAt + 500) Thread.Sleep(50);
        stop.Cancel();
        foreach (Thread t in workers) t.Join();

        errors.ShouldBeEmpty();
        results.Select(r => r.Stamp).Distinct().Order().ShouldBe(["v1", "v2"]);
        // Once one thread sees the new version no call started later sees the old one (the swap is one published snapshot).
        results.Where(r => r.StartedMs > seenAt).ShouldNotBeEmpty();
        results.Where(r => r.StartedMs > seenAt).ShouldAllBe(r => r.Stamp == "v2");
        PluginHost plugins = PluginHostOf(host);
        plugins.RetiredContexts.Count.ShouldBeGreaterThan(0);
        AllCollected(plugins.RetiredContexts).ShouldBeTrue("the replaced version's load context is still referenced");
    }

    [Fact]
    public void An_atomic_rename_into_place_is_picked_up()
    {
        using var host = _plugins.Host(("ArrayDispatch:HotReload", "true"));
        var reloads = new ConcurrentQueue<PluginLoadResult>();
        PluginHostOf(host).Reloaded += reloads.Enqueue;
        Stamp().ShouldBe("v1");
        string staging = Path.Combine(Path.GetDirectoryName(_plugins.Root)!, $"staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        CopyOver("VersionedV2", staging);
        string retired = staging + ".old";

        Directory.Move(_folder, retired);       // mv plugins/Versioned away …
        Directory.Move(staging, _folder);       // … and mv the new build into place

        WaitFor("v2", TimeSpan.FromMinutes(2)).ShouldBe("v2", string.Join("; ", reloads));
        Directory.Delete(retired, recursive: true);
    }

    [Fact]
    public async Task A_corrupt_new_version_keeps_the_old_one_serving_and_reports_the_failure()
    {
        using var host = _plugins.Host(("ArrayDispatch:HotReload", "true"));
        var done = new TaskCompletionSource<PluginLoadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        PluginHostOf(host).Reloaded += r => done.TrySetResult(r);

        File.WriteAllBytes(Path.Combine(_folder, "Versioned.dll"), "not an assembly any more"u8.ToArray());
        PluginLoadResult reload = await done.Task.WaitAsync(TimeSpan.FromMinutes(2));

        reload.Outcome.ShouldBe(PluginOutcome.NotAManagedAssembly);
        Stamp().ShouldBe("v1");
        HealthReport health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        health.Status.ShouldBe(HealthStatus.Degraded);
        health.Entries["arraydispatch"].Description.ShouldBe("Versioned: reload failed");
    }

    [Fact]
    public void Fifty_swaps_leave_no_load_context_behind_and_memory_flat()
    {
        using var host = _plugins.Host(("ArrayDispatch:HotReload", "true"));
        PluginHost plugins = PluginHostOf(host);
        Stamp().ShouldBe("v1");
        AllCollected([]);
        long before = GC.GetTotalMemory(forceFullCollection: true);

        for (int i = 0; i < 50; i++)
        {
            string next = i % 2 == 0 ? "v2" : "v1";
            CopyOver(next == "v2" ? "VersionedV2" : "VersionedV1", _folder);
            WaitFor(next, TimeSpan.FromMinutes(2)).ShouldBe(next);
        }

        AllCollected(plugins.RetiredContexts).ShouldBeTrue("a replaced version's load context is still referenced");
        long growth = GC.GetTotalMemory(forceFullCollection: true) - before;
        // Bound: 50 reloads of a 10 KB plugin; anything over 16 MB means versions are being kept.
        growth.ShouldBeLessThan(16L << 20);
    }
}
