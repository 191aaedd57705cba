using ArrayDispatch.Dispatch;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime.Dispatch;
using ArrayDispatch.Runtime.Options;
using ArrayDispatch.Runtime.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArrayDispatch.Testing;

/// <summary>
/// A dispatcher built the way a host builds it (AddArrayDispatch, options validation), with in-process backends and/or
/// plugin folders, and <see cref="Np"/> bound to it for the calling test's async flow until disposed.
/// </summary>
public sealed class TestHost : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IDisposable _binding;

    private TestHost(ServiceProvider provider, IConfigurationRoot configuration, bool processWide = false)
    {
        _provider = provider;
        Configuration = configuration;
        // Resolving the options runs the validators, as ValidateOnStart does in a generic host.
        _ = provider.GetRequiredService<IOptions<ArrayDispatchOptions>>().Value;
        Dispatcher = provider.GetRequiredService<Dispatcher>();
        _binding = processWide ? Np.Bind(Dispatcher) : Np.UseDispatcher(Dispatcher);
    }

    /// <summary>The host's dispatcher.</summary>
    public Dispatcher Dispatcher { get; }

    /// <summary>The container.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The configuration root; set keys and call <see cref="Reload"/> to change the rules live.</summary>
    public IConfigurationRoot Configuration { get; }

    /// <summary>The plugin load outcomes.</summary>
    public IReadOnlyList<PluginLoadResult> LoadResults => _provider.GetRequiredService<PluginLoadReport>().Results;

    /// <summary>A host whose backends are <paramref name="plugins"/>, in-process; <c>DefaultBackend</c> is the first one.</summary>
    public static TestHost Create(params IArrayBackendPlugin[] plugins) => Create(new Dictionary<string, string?>(), plugins);

    /// <summary>A host configured by <paramref name="settings"/> (keys under <c>ArrayDispatch:</c>) with in-process <paramref name="plugins"/>.</summary>
    public static TestHost Create(IDictionary<string, string?> settings, params IArrayBackendPlugin[] plugins) =>
        Create(settings, processWide: false, plugins);

    /// <summary>
    /// A host like <see cref="Create(IDictionary{string, string?}, IArrayBackendPlugin[])"/> whose dispatcher is bound
    /// process-wide (<see cref="Np.Bind"/>), as a generic host binds it when it starts, not for one async flow: what a
    /// benchmark of the dispatch path must measure (a flow binding makes every call read the flow's state). Not for
    /// tests that run in parallel.
    /// </summary>
    public static TestHost CreateProcessWide(IDictionary<string, string?> settings, params IArrayBackendPlugin[] plugins) =>
        Create(settings, processWide: true, plugins);

    private static TestHost Create(IDictionary<string, string?> settings, bool processWide, IArrayBackendPlugin[] plugins)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var values = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        if (plugins.Length > 0 && !values.ContainsKey("ArrayDispatch:DefaultBackend")) values["ArrayDispatch:DefaultBackend"] = plugins[0].Name;
        IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        IArrayDispatchBuilder builder = services.AddArrayDispatch(configuration.GetSection("ArrayDispatch"));
        foreach (IArrayBackendPlugin plugin in plugins) builder.AddBackend(plugin);
        return new TestHost(services.BuildServiceProvider(), configuration, processWide);
    }

    /// <summary>Sets configuration keys (full paths, e.g. <c>ArrayDispatch:Priority:0</c>) and reloads, as a changed appsettings.json would.</summary>
    public void Set(params (string Key, string? Value)[] settings)
    {
        foreach ((string key, string? value) in settings) Configuration[key] = value;
        Configuration.Reload();
    }

    /// <summary>Raises the configuration's reload token.</summary>
    public void Reload() => Configuration.Reload();

    /// <inheritdoc/>
    public void Dispose()
    {
        _binding.Dispose();
        _provider.Dispose();
    }
}
