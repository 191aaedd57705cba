using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// The line a refused plugin gets is logged under <c>ArrayDispatch.Plugins</c>: it was logged under
/// <c>Microsoft.Extensions.DependencyInjection.ArrayDispatchHostedService</c>, so an app quieting <c>"Microsoft"</c> (a
/// common appsettings line) lost the only word that a plugin had been refused.
/// </summary>
public sealed class PluginLogCategoryTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Base");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public async Task A_refused_plugin_is_logged_under_ArrayDispatch_Plugins_even_when_Microsoft_categories_are_quiet()
    {
        _plugins.Write("Garbage/Garbage.dll", "this is not a PE file"u8.ToArray());
        var lines = new ConcurrentQueue<(string Category, LogLevel Level, string Message)>();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root,
            ["ArrayDispatch:SharedAssemblies:0"] = "ArrayDispatch.TestArrays",
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new Capture(lines));
        builder.Logging.AddFilter("Microsoft", LogLevel.None);
        builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
        using IHost host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();

        var refused = lines.Where(l => l.Message.StartsWith("Refused plugin Garbage", StringComparison.Ordinal)).ToArray();
        refused.ShouldHaveSingleItem().Category.ShouldBe("ArrayDispatch.Plugins");
        refused[0].Level.ShouldBe(LogLevel.Warning);
        refused[0].Message.ShouldContain("NotAManagedAssembly");
    }

    [Fact]
    public async Task A_plugin_directory_that_is_a_file_or_a_dangling_link_is_logged_as_such_and_the_other_directories_load()
    {
        // Both were logged "Plugin directory … does not exist", though the path was there.
        string file = Path.Combine(_plugins.Root, "..", $"plugins-{Guid.NewGuid():N}.txt");
        string link = Path.Combine(_plugins.Root, "..", $"plugins-{Guid.NewGuid():N}-link");
        File.WriteAllText(file, "not a folder");
        File.CreateSymbolicLink(link, "/nonexistent-plugins-folder");
        try
        {
            var lines = new ConcurrentQueue<(string Category, LogLevel Level, string Message)>();
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ArrayDispatch:PluginDirectories:0"] = file,
                ["ArrayDispatch:PluginDirectories:1"] = link,
                ["ArrayDispatch:PluginDirectories:2"] = _plugins.Root,
                ["ArrayDispatch:SharedAssemblies:0"] = "ArrayDispatch.TestArrays",
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new Capture(lines));
            builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
            using IHost host = builder.Build();
            await host.StartAsync();
            host.Services.GetRequiredService<ArrayDispatch.Runtime.Plugins.PluginLoadReport>().Results.ShouldContain(r => r.Name == "Base" && r.Loaded);
            await host.StopAsync();

            string[] directories = [.. lines.Where(l => l.Message.StartsWith("Plugin directory ", StringComparison.Ordinal)).Select(l => l.Message)];
            directories.ShouldContain(m => m.Contains(Path.GetFileName(file)) && m.EndsWith(" is a file, not a folder of plugin folders"), string.Join("\n", directories));
            directories.ShouldContain(m => m.Contains(Path.GetFileName(link)) && m.EndsWith(" is a symbolic link to '/nonexistent-plugins-folder', which does not resolve to a folder"), string.Join("\n", directories));
        }
        finally
        {
            File.Delete(file);
            File.Delete(link);
        }
    }

    internal sealed class Capture(ConcurrentQueue<(string, LogLevel, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }
}
