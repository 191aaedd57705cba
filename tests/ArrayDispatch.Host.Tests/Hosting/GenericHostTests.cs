using System.Collections.Concurrent;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Host.Tests.Dispatch;
using ArrayDispatch.Host.Tests.Plugins;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArrayDispatch.Host.Tests.Hosting;

/// <summary>These tests bind <see cref="Np"/> process-wide and set environment variables: they run alone.</summary>
[CollectionDefinition(nameof(ProcessWideHosts), DisableParallelization = true)]
public sealed class ProcessWideHosts;

/// <summary>
/// An app developer's generic host (README, "Quick start in your own generic-host app"): a worker service reading its
/// options from appsettings.json, the environment and the command line; two hosts in one process; plugins' loggers
/// after the host is gone; <see cref="IOptionsMonitor{TOptions}"/> following configuration reloads.
/// </summary>
[Collection(nameof(ProcessWideHosts))]
public sealed class GenericHostTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("arraydispatch-generic-host-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_worker_service_reads_the_options_from_appsettings_then_the_environment_then_the_command_line()
    {
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), """{ "ArrayDispatch": { "DefaultBackend": "A" } }""");
        Environment.SetEnvironmentVariable("ArrayDispatch__DefaultBackend", "B");
        try
        {
            (await RunWorker([])).ShouldBe("B");                                          // environment over appsettings.json
            (await RunWorker(["--ArrayDispatch:DefaultBackend=A"])).ShouldBe("A");        // command line over environment
        }
        finally
        {
            Environment.SetEnvironmentVariable("ArrayDispatch__DefaultBackend", null);
        }
        (await RunWorker([])).ShouldBe("A");                                              // appsettings.json alone
    }

    [Fact]
    public async Task A_hosted_service_registered_before_AddArrayDispatch_can_use_the_static_facade_when_it_starts()
    {
        // dotnet new worker registers its services first; hosted services start in registration order, and Np was bound
        // by ArrayDispatch's own hosted service: a StartAsync that called Np found "no array dispatcher is bound".
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = _root });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<CreatedOn>();
        builder.Services.AddHostedService<StaticFacadeWorker>();
        builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch")).AddBackend(new DuckBackend<DuckArray>("A"));
        using IHost host = builder.Build();
        await host.StartAsync();
        (await host.Services.GetRequiredService<CreatedOn>().Backend.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe("A");
        await host.StopAsync();
    }

    [Fact]
    public async Task Stopping_the_newer_of_two_started_hosts_gives_the_static_facade_back_to_the_older()
    {
        using IHost a = Build([], new DuckBackend<DuckArray>("A"));
        using IHost b = Build([], new DuckBackend<DuckArray>("B"));
        await a.StartAsync();
        await b.StartAsync();
        ((DuckArray)Np.Sum(new DuckArray())).Tag.ShouldBe("B");   // the newest started serves the static facade

        await b.StopAsync();
        // Was "no array dispatcher is bound" while host A still ran.
        ((DuckArray)Np.Sum(new DuckArray())).Tag.ShouldBe("A");
        a.Services.GetRequiredService<IArrayApi>().Run(() => ((DuckArray)Np.Sum(new DuckArray())).Tag).ShouldBe("A");
        await a.StopAsync();
        IArrayDispatcher? after = null;
        try { after = Np.Dispatcher; }
        catch (InvalidOperationException) { }   // "no array dispatcher is bound", unless a host of another test still is
        after.ShouldNotBeSameAs(a.Services.GetRequiredService<IArrayDispatcher>());
    }

    [Fact]
    public async Task A_plugins_logger_used_after_the_host_is_disposed_does_not_throw()
    {
        // A Chunked compute still running when its host was disposed finished its work, then threw
        // ObjectDisposedException ('LoggerFactory') from its next log line.
        var plugin = new LoggingPlugin();
        IHost host = Build([], new DuckBackend<DuckArray>("A"), plugin);
        await host.StartAsync();
        await host.StopAsync();
        host.Dispose();

        Should.NotThrow(() => plugin.Logger!.LogDebug("computed {Tasks} tasks", 12));
    }

    [Fact]
    public async Task Loading_is_logged_under_ArrayDispatch_Plugins_at_information_and_hidden_by_a_warning_level()
    {
        var lines = new ConcurrentQueue<(string Category, LogLevel Level, string Message)>();
        using (IHost host = Build([], lines, new DuckBackend<DuckArray>("A")))
        {
            await host.StartAsync();
            await host.StopAsync();
        }
        lines.ShouldContain(l => l.Category == "ArrayDispatch.Plugins" && l.Level == LogLevel.Information && l.Message.StartsWith("Loaded plugin A ", StringComparison.Ordinal));

        lines.Clear();
        using (IHost host = Build(["--Logging:LogLevel:ArrayDispatch=Warning"], lines, new DuckBackend<DuckArray>("A")))
        {
            await host.StartAsync();
            await host.StopAsync();
        }
        lines.ShouldNotContain(l => l.Category.StartsWith("ArrayDispatch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IOptionsMonitor_sees_a_configuration_change_the_dispatcher_applied_and_not_one_it_refused()
    {
        using IHost host = Build([], new DuckBackend<DuckArray>("A"), new DuckBackend<OtherDuckArray>("B"));
        await host.StartAsync();
        var monitor = host.Services.GetRequiredService<IOptionsMonitor<ArrayDispatchOptions>>();
        var seen = new ConcurrentQueue<string>();
        using IDisposable? listener = monitor.OnChange(o => seen.Enqueue(string.Join(",", o.Priority)));
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();

        configuration["ArrayDispatch:Priority:0"] = "B";
        configuration["ArrayDispatch:Priority:1"] = "A";
        configuration.Reload();
        // Was: CurrentValue kept the start-up values and OnChange never fired, while the dispatch rules reloaded.
        monitor.CurrentValue.Priority.ShouldBe(["B", "A"]);
        seen.ShouldContain("B,A");
        host.Services.GetRequiredService<Runtime.Dispatch.Dispatcher>().Options.Priority.ShouldBe(["B", "A"]);

        configuration["ArrayDispatch:Priority:0"] = "Nope";   // refused: the dispatcher keeps the last good rules, and so does the monitor
        configuration.Reload();
        monitor.CurrentValue.Priority.ShouldBe(["B", "A"]);
        seen.ShouldNotContain(s => s.Contains("Nope"));
        await host.StopAsync();
    }

    private async Task<string> RunWorker(string[] args)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = _root });
        builder.Logging.ClearProviders();
        builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"))
            .AddBackend(new DuckBackend<DuckArray>("A")).AddBackend(new DuckBackend<OtherDuckArray>("B"));
        builder.Services.AddSingleton<CreatedOn>();
        builder.Services.AddHostedService<CreatingWorker>();
        using IHost host = builder.Build();
        await host.StartAsync();
        string backend = await host.Services.GetRequiredService<CreatedOn>().Backend.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await host.StopAsync();
        return backend;
    }

    private IHost Build(string[] args, params IArrayBackendPlugin[] plugins) => Build(args, null, plugins);

    private IHost Build(string[] args, ConcurrentQueue<(string, LogLevel, string)>? lines, params IArrayBackendPlugin[] plugins)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = _root });
        builder.Logging.ClearProviders();
        if (lines is not null) builder.Logging.AddProvider(new PluginLogCategoryTests.Capture(lines));
        IArrayDispatchBuilder dispatch = builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
        foreach (IArrayBackendPlugin plugin in plugins) dispatch.AddBackend(plugin);
        return builder.Build();
    }

    private sealed class CreatedOn
    {
        public TaskCompletionSource<string> Backend { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A worker service's background loop: creation goes to <c>DefaultBackend</c>, through the injected API.</summary>
    private sealed class CreatingWorker(IArrayApi api, CreatedOn result) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken)
        {
            result.Backend.TrySetResult(api.Run(() => ((DuckArray)Np.Zeros([2])).Tag));
            return Task.CompletedTask;
        }
    }

    /// <summary>A hosted service calling the static facade in its StartAsync (a warm-up, a cache filled at start).</summary>
    private sealed class StaticFacadeWorker(CreatedOn result) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            try { result.Backend.TrySetResult(((DuckArray)Np.Zeros([2])).Tag); }
            catch (Exception ex) { result.Backend.TrySetException(ex); }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class LoggingPlugin : IArrayBackendPlugin
    {
        public ILogger? Logger { get; private set; }
        public string Name => "Logging";
        public Version ProtocolVersion => ArrayProtocol.Version;
        public void Register(IBackendBuilder backend) => Logger = backend.Logger;
    }
}
