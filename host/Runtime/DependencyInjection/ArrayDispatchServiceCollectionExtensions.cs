using ArrayDispatch;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime;
using ArrayDispatch.Runtime.Diagnostics;
using ArrayDispatch.Runtime.Dispatch;
using ArrayDispatch.Runtime.Options;
using ArrayDispatch.Runtime.Plugins;
using ArrayDispatch.Runtime.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Extension methods for adding ArrayDispatch to an <see cref="IServiceCollection"/>.</summary>
public static class ArrayDispatchServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dispatcher, its options bound to <paramref name="configuration"/> (the <c>ArrayDispatch</c> section), the
    /// plugins found in <c>PluginDirectories</c> (loaded now, so that their services join this container and start-up
    /// validation knows every backend name), <see cref="IArrayApi"/>, a health check and the hosted service that binds
    /// <see cref="Np"/> to this host. A second call changes nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>ArrayDispatch</c> configuration section. Backend settings live under its <c>Backends:&lt;Name&gt;</c>.</param>
    /// <returns>A builder for adding in-process backends.</returns>
    public static IArrayDispatchBuilder AddArrayDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ArrayDispatchState))?.ImplementationInstance is ArrayDispatchState existing)
        {
            return new ArrayDispatchBuilder(services, existing);
        }

        // A section that does not fit the options (unknown keys, 'maybe' for a boolean) is not bound: the validator
        // refuses it at start-up with every key path, instead of the binder throwing or ignoring it.
        bool wellFormed = ConfigurationSchema.Check(configuration).Count == 0;
        ArrayDispatchOptions options = (wellFormed ? configuration.Get<ArrayDispatchOptions>() : null) ?? new ArrayDispatchOptions();
        StartupTrace.Mark("AddArrayDispatch: options bound");
        var registry = new BackendRegistry();
        var report = new PluginLoadReport();
        var metrics = new ArrayDispatchMetrics();
        var dispatcher = new Dispatcher(registry, options, metrics);
        var loggers = new DeferredLoggerFactory();
        var host = new PluginHost(options, configuration, registry, report, dispatcher, loggers);
        var changes = new AppliedOptionsChangeSource();
        var state = new ArrayDispatchState(configuration, registry, report, metrics, dispatcher, loggers, host, changes);

        services.AddSingleton(state);
        services.AddSingleton(registry);
        services.AddSingleton(report);
        services.AddSingleton(metrics);
        services.TryAddSingleton(sp => state.Activate(sp));
        services.TryAddSingleton<IArrayDispatcher>(sp => sp.GetRequiredService<Dispatcher>());
        services.TryAddSingleton<IArrayApi>(sp => new ArrayApi(sp.GetRequiredService<IArrayDispatcher>()));
        services.AddOptions<ArrayDispatchOptions>()
            .Configure(o => { if (ConfigurationSchema.Check(configuration).Count == 0) configuration.Bind(o); })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArrayDispatchOptions>>(new ArrayDispatchOptionsValidator(registry, report, configuration));
        // IOptionsMonitor<ArrayDispatchOptions> follows the configuration the dispatcher applied: without a change token
        // source it kept the start-up values forever (OnChange never fired), while the dispatch rules reloaded.
        services.AddSingleton<IOptionsChangeTokenSource<ArrayDispatchOptions>>(changes);
        services.AddHostedService<ArrayDispatchHostedService>();
        services.AddHealthChecks().AddCheck<ArrayDispatchHealthCheck>("arraydispatch");
        if (options.HotReload)
        {
            // Created by the container so that it is disposed with it (watchers and timers stop with the host).
            services.AddSingleton(sp => new PluginReloader(host, sp.GetRequiredService<ILoggerFactory>().CreateLogger("ArrayDispatch.HotReload")));
        }

        host.LoadAll(services);
        return new ArrayDispatchBuilder(services, state);
    }
}

/// <summary>Configures ArrayDispatch after <c>AddArrayDispatch</c>.</summary>
public interface IArrayDispatchBuilder
{
    /// <summary>The application's service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Adds a backend compiled into the application instead of loaded from a plugin folder.</summary>
    IArrayDispatchBuilder AddBackend(IArrayBackendPlugin plugin);
}

internal sealed class ArrayDispatchBuilder(IServiceCollection services, ArrayDispatchState state) : IArrayDispatchBuilder
{
    public IServiceCollection Services { get; } = services;

    public IArrayDispatchBuilder AddBackend(IArrayBackendPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        state.Host.AddInProcess(plugin, Services);
        return this;
    }
}

/// <summary>What <c>AddArrayDispatch</c> created before the container existed; activated once the container is built.</summary>
internal sealed class ArrayDispatchState(IConfiguration configuration, BackendRegistry registry, PluginLoadReport report,
    ArrayDispatchMetrics metrics, Dispatcher dispatcher, DeferredLoggerFactory loggers, PluginHost host, AppliedOptionsChangeSource changes)
{
    private IDisposable? _reloadSubscription;

    public BackendRegistry Registry { get; } = registry;

    public PluginLoadReport Report { get; } = report;

    public ArrayDispatchMetrics Metrics { get; } = metrics;

    public PluginHost Host { get; } = host;

    /// <summary>Connects the pre-built dispatcher to the container: logging, and configuration reloads through the options pipeline.</summary>
    public Dispatcher Activate(IServiceProvider services)
    {
        ILoggerFactory factory = services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        loggers.Attach(factory);
        ILogger logger = factory.CreateLogger("ArrayDispatch");
        dispatcher.AttachLogger(logger);
        dispatcher.AttachServices(services);
        IOptionsFactory<ArrayDispatchOptions> options = services.GetRequiredService<IOptionsFactory<ArrayDispatchOptions>>();
        _reloadSubscription = Primitives.ChangeToken.OnChange(configuration.GetReloadToken, () => Reload(options, logger));
        _ = services.GetService<PluginReloader>();   // starts watching when hot reload is on
        return dispatcher;
    }

    // A reload that fails validation (or a malformed file) keeps the last good tables serving and is logged; it never makes calls throw.
    private void Reload(IOptionsFactory<ArrayDispatchOptions> options, ILogger logger)
    {
        try
        {
            dispatcher.Reconfigure(options.Create(Microsoft.Extensions.Options.Options.DefaultName));
            logger.ConfigurationApplied();
            try
            {
                changes.Changed();   // a change the validator refused is not seen by IOptionsMonitor either: it keeps the last good values
            }
            catch (AggregateException ex)
            {
                logger.ConfigurationRejected($"applied, but an IOptionsMonitor<ArrayDispatchOptions> listener threw: {ex.InnerException?.Message}");
            }
        }
        catch (OptionsValidationException ex)
        {
            logger.ConfigurationRejected(ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            logger.ConfigurationRejected(ex.Message);
        }
    }
}

/// <summary>
/// Binds <see cref="Np"/> to the host's dispatcher while the host runs, and logs one line per plugin under the
/// <c>ArrayDispatch.Plugins</c> category (with the missing-folder warning), not under this class's namespace
/// (<c>Microsoft.Extensions.DependencyInjection</c>), where an app's <c>"Microsoft": "Error"</c> log level hid refusals.
/// It binds in <see cref="StartingAsync"/>, before any hosted service starts, and unbinds in <see cref="StoppedAsync"/>,
/// after all have stopped: a worker registered before <c>AddArrayDispatch</c> (as <c>dotnet new worker</c> writes it)
/// starts before this service, and found <see cref="Np"/> unbound at its first call.
/// </summary>
internal sealed class ArrayDispatchHostedService(Dispatcher dispatcher, PluginLoadReport report, ILoggerFactory loggers) : IHostedLifecycleService
{
    private readonly ILogger logger = loggers.CreateLogger("ArrayDispatch.Plugins");
    private IDisposable? _binding;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        foreach (PluginLoadResult r in report.Results)
        {
            if (r.Loaded) logger.PluginLoaded(r.Name, r.Version ?? new Version(0, 0), r.Folder ?? "(in-process)", r.ArrayTypes?.Count ?? 0, r.FunctionCount);
            else if (r.Outcome == PluginOutcome.Disabled) logger.PluginDisabled(r.Name, r.Folder ?? "(in-process)");
            else logger.PluginRefused(r.Name, r.Folder ?? "(in-process)", r.Outcome, r.Reason);
        }
        _binding ??= Np.Bind(dispatcher);
        return Task.CompletedTask;
    }

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _binding, null)?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Tells <see cref="IOptionsMonitor{TOptions}"/> that the dispatcher applied a configuration change, so its
/// <c>CurrentValue</c> and <c>OnChange</c> listeners see what the dispatcher serves: only changes that passed validation.
/// </summary>
internal sealed class AppliedOptionsChangeSource : IOptionsChangeTokenSource<ArrayDispatchOptions>
{
    private CancellationTokenSource _current = new();

    public string Name => Microsoft.Extensions.Options.Options.DefaultName;

    public Primitives.IChangeToken GetChangeToken() => new Primitives.CancellationChangeToken(Volatile.Read(ref _current).Token);

    public void Changed()
    {
        using CancellationTokenSource previous = Interlocked.Exchange(ref _current, new CancellationTokenSource());
        previous.Cancel();
    }
}
