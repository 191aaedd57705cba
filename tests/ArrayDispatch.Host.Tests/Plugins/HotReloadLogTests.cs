using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// What an app's log says while hot reload watches the plugin folder: a folder added while the app runs was logged as
/// "Reloaded", a removed one as "failed: EntryMissing. the folder was removed; the loaded version keeps serving The
/// previous version keeps serving." (the sentence twice, unpunctuated), and a new folder that fails to load as a
/// failed reload whose "previous version" never existed.
/// </summary>
public sealed class HotReloadLogTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base");

    public void Dispose() => _plugins.Dispose();

    private static string WaitForLine(ConcurrentQueue<(string Category, LogLevel Level, string Message)> lines, string start)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            foreach (var line in lines)
            {
                if (line.Message.StartsWith(start, StringComparison.Ordinal)) return line.Message;
            }
            Thread.Sleep(50);
        }
        throw new TimeoutException($"no log line starting '{start}' in: {string.Join(" | ", lines.Select(l => l.Message))}");
    }

    [Fact]
    public async Task Added_removed_and_refused_plugin_folders_are_logged_as_what_happened()
    {
        var lines = new ConcurrentQueue<(string Category, LogLevel Level, string Message)>();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root,
            ["ArrayDispatch:SharedAssemblies:0"] = "ArrayDispatch.TestArrays",
            ["ArrayDispatch:HotReload"] = "true",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new PluginLogCategoryTests.Capture(lines));
        builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
        using IHost host = builder.Build();
        await host.StartAsync();

        string folder = _plugins.Add("VersionedV1", "Versioned");
        WaitForLine(lines, "Loaded plugin Versioned from").ShouldBe($"Loaded plugin Versioned from {folder}, a folder added while the app runs");

        Directory.Delete(folder, recursive: true);
        WaitForLine(lines, "Reload of plugin Versioned").ShouldBe($"Reload of plugin Versioned from {folder} failed: EntryMissing. the folder was removed; the previous version keeps serving");

        _plugins.Write("Garbage/Garbage.dll", "this is not a PE file"u8.ToArray());
        WaitForLine(lines, "Refused plugin Garbage").ShouldContain("NotAManagedAssembly");

        lines.ShouldNotContain(l => l.Message.StartsWith("Reloaded plugin", StringComparison.Ordinal) || l.Message.StartsWith("Reload of plugin Garbage", StringComparison.Ordinal));
        lines.Where(l => l.Message.Contains("Versioned") || l.Message.Contains("Garbage")).ShouldAllBe(l => l.Category == "ArrayDispatch.HotReload");
        await host.StopAsync();
    }
}
