using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// First-use JIT moved off the main thread at start-up (issue #18's start-up row; bench/README.md, "Start-up"). With the
/// app and its packages precompiled (build/ReadyToRun.targets), what a command still JIT-compiles is framework generics
/// instantiated over Spectre's and the DI container's own value types (crossgen2 cannot precompile them outside the
/// framework's version bubble): ~140 methods for the first table, ~100 for the first service provider, ~60 ms of CPU
/// on the main thread's path. While the main thread parses the command line and loads the plugins, the start-up thread
/// renders a table into a writer that keeps nothing and builds and disposes a small service provider, so that code is
/// compiled when the command's own table and the host's container need it. Nothing it makes is kept or shared; a failure
/// here changes nothing but the time.
/// </summary>
internal static class StartupWarmup
{
    public static void Run(IAnsiConsole console)
    {
        try
        {
            Table(console);
            ServiceProvider();
        }
        catch (Exception)
        {
            // Only a warm-up.
        }
    }

    /// <summary>A table with markup and a markup line, rendered with the real console's capabilities into nowhere.</summary>
    private static void Table(IAnsiConsole console)
    {
        IAnsiConsole sink = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = console.Profile.Capabilities.Ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = (ColorSystemSupport)console.Profile.Capabilities.ColorSystem,
            Out = new AnsiConsoleOutput(TextWriter.Null),
        });
        sink.Profile.Width = console.Profile.Width;
        sink.Write(new Table().AddColumns("Backend", "Status").AddRow(Markup.Escape("[x]"), "[green]loaded[/]").AddRow("y", "[red]refused[/]"));
        sink.MarkupLine($"[bold]{Markup.Escape("x")}[/]; z");
    }

    /// <summary>A service provider with what every host registers (singletons, factories, enumerables, options, logging).</summary>
    private static void ServiceProvider()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<WarmupOptions>().Configure(o => o.Value = 1);
        services.AddSingleton<WarmupService>();
        services.AddSingleton(sp => new WarmupService());
        using ServiceProvider provider = services.BuildServiceProvider();
        _ = provider.GetServices<WarmupService>().Count();
        _ = provider.GetRequiredService<IOptions<WarmupOptions>>().Value;
        _ = provider.GetRequiredService<ILoggerFactory>().CreateLogger("warmup");
    }

    private sealed class WarmupOptions
    {
        public int Value { get; set; }
    }

    private sealed class WarmupService;
}
