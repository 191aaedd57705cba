using ArrayDispatch.Chunked.Orleans;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Runtime.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// The app's two Orleans roles (issue #16). <c>worker</c>: a silo whose chunk worker runs tasks with the Chunked plugin
/// this app loads from its folder. Any other command with <c>Backends:Chunked:Scheduler=Orleans</c>: a cluster client whose
/// <see cref="OrleansChunkScheduler"/> is registered as the <see cref="IRemoteChunkScheduler"/> that the folder's Chunked
/// plugin takes from the app's services. Either way the app shares the contract assembly with the plugin
/// (<see cref="ShareContract"/>) and references no plugin.
/// </summary>
internal static class ClusterRoles
{
    /// <summary>The scheduling contract between the Chunked plugin and the Orleans extension.</summary>
    public static readonly string ContractAssembly = typeof(IRemoteChunkScheduler).Assembly.GetName().Name!;

    public static bool UsesOrleans(IConfiguration configuration) =>
        string.Equals(configuration["ArrayDispatch:Backends:Chunked:Scheduler"], "Orleans", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Before AddArrayDispatch loads the plugins: the contract assembly joins <c>ArrayDispatch:SharedAssemblies</c>, so the
    /// Chunked plugin's load context takes the app's copy and the scheduler this app registers (or the task runner the plugin
    /// registers) is one type on both sides.
    /// </summary>
    public static void ShareContract(HostApplicationBuilder builder)
    {
        IConfigurationSection shared = builder.Configuration.GetSection("ArrayDispatch:SharedAssemblies");
        string[] listed = [.. shared.GetChildren().Select(c => c.Value ?? "")];
        if (listed.Contains(ContractAssembly, StringComparer.Ordinal)) return;
        builder.Configuration.AddInMemoryCollection([new($"ArrayDispatch:SharedAssemblies:{listed.Length}", ContractAssembly)]);
    }

    public static void PrepareClient(HostApplicationBuilder builder) => ShareContract(builder);

    public static void AddClient(HostApplicationBuilder builder, AppHost.ServiceProviderSlot services)
    {
        ClusterSettings settings = ClusterSettings.From(builder.Configuration);
        QuietOrleans(builder);
        builder.UseOrleansClient(client => settings.ApplyTo(client));
        builder.Services.AddSingleton(settings);
        var scheduler = new OrleansChunkScheduler(
            () => services.Value!.GetRequiredService<Orleans.IClusterClient>(),
            new DeferredLogger(services),
            settings.ConnectTimeout);
        builder.Services.AddSingleton(scheduler);
        // What the Chunked plugin (loaded from its folder) takes at its first compute.
        builder.Services.AddSingleton<IRemoteChunkScheduler>(scheduler);
    }

    /// <summary>
    /// Before AddArrayDispatch reads the configuration: a worker runs tasks, not graphs, so its own Chunked backend (from
    /// its plugin folder) stays local even when the shared settings say Orleans; its chunk worker runs the tasks through
    /// the <see cref="IChunkTaskRunner"/> that plugin registers.
    /// </summary>
    public static void PrepareWorker(HostApplicationBuilder builder)
    {
        ShareContract(builder);
        builder.Configuration.AddInMemoryCollection([new("ArrayDispatch:Backends:Chunked:Scheduler", "Local")]);
    }

    public static void AddWorker(HostApplicationBuilder builder)
    {
        ClusterSettings settings = ClusterSettings.From(builder.Configuration);
        var endpoint = new WorkerEndpoint(settings);
        QuietOrleans(builder);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(endpoint);
        builder.UseOrleans(silo =>
        {
            (endpoint.SiloPort, endpoint.GatewayPort, endpoint.Primary) = settings.ApplyTo(silo);
            silo.AddChunkWorker(WorkerOptions.From(builder.Configuration));
        });
    }

    /// <summary>
    /// Orleans logs connection retries with stack traces and start-up notes as warnings; the app reports what matters
    /// (unreachable cluster, lost or refused workers) itself. <c>Logging:LogLevel:Orleans</c> in the configuration wins.
    /// </summary>
    private static void QuietOrleans(HostApplicationBuilder builder)
    {
        if (builder.Configuration["Logging:LogLevel:Orleans"] is null) builder.Logging.AddFilter("Orleans", LogLevel.Error);
    }

    /// <summary>Starts the host; a client that cannot reach the cluster in time fails naming the clustering settings.</summary>
    public static void Start(IHost host)
    {
        if (host.Services.GetService<OrleansChunkScheduler>() is null || host.Services.GetService<ClusterSettings>() is not { } settings)
        {
            host.Start();
            return;
        }
        using var timeout = new CancellationTokenSource(settings.ConnectTimeout);
        try
        {
            host.StartAsync(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not Microsoft.Extensions.Options.OptionsValidationException)
        {
            string why = timeout.IsCancellationRequested ? $"no answer within {settings.ConnectTimeout.TotalSeconds:F0} s" : ex.Message;
            throw new ClusterUnreachableException($"the Orleans cluster is unreachable ({settings.Describe()}): {why}", ex);
        }
    }

    /// <summary>The ports a worker took (picked at start when another worker on this machine has the defaults).</summary>
    internal sealed class WorkerEndpoint(ClusterSettings settings)
    {
        public ClusterSettings Settings { get; } = settings;
        public int SiloPort { get; set; }
        public int GatewayPort { get; set; }
        public bool Primary { get; set; }
    }

    /// <summary>A logger that writes through the host's logger factory once the host exists.</summary>
    private sealed class DeferredLogger(AppHost.ServiceProviderSlot services) : ILogger
    {
        private ILogger? Inner => services.Value?.GetService<ILoggerFactory>()?.CreateLogger("ArrayDispatch.Chunked.Orleans");

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Inner?.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Inner?.IsEnabled(logLevel) ?? false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Inner?.Log(logLevel, eventId, state, exception, formatter);
    }
}

/// <summary>The cluster client could not connect; the message names the clustering settings.</summary>
internal sealed class ClusterUnreachableException(string message, Exception inner) : Exception(message, inner);
