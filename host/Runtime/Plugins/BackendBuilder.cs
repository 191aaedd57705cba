using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime.Registry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// Collects one plugin's registration into scratch state; the host turns it into a <see cref="BackendRegistration"/>
/// and merges its services only when <see cref="IArrayBackendPlugin.Register"/> returned normally.
/// </summary>
internal sealed class BackendBuilder(string name, IConfiguration configuration, ILogger logger, IArrayDispatcher dispatcher) : IBackendBuilder
{
    private readonly List<Type> _types = [];
    private readonly Dictionary<ArrayFunction, Delegate> _handlers = [];
    private readonly Dictionary<ArrayFunction, Func<Delegate>> _factories = [];
    private readonly Dictionary<ArrayFunction, FunctionSupport> _declared = [];
    private FunctionSupport _default = FunctionSupport.Everything;
    private readonly List<BackendSetting> _backendSettings = [];

    public string Name { get; } = name;

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = configuration;

    public ILogger Logger { get; } = logger;

    public IArrayDispatcher Dispatcher { get; } = dispatcher;

    /// <summary>Whether <see cref="OnlyOwnArrayTypes"/> was declared.</summary>
    public bool OwnTypesOnly { get; private set; }

    public IBackendBuilder OnlyOwnArrayTypes()
    {
        OwnTypesOnly = true;
        return this;
    }

    public IBackendBuilder AddArrayType<TArray>() where TArray : NDArray
    {
        if (!_types.Contains(typeof(TArray))) _types.Add(typeof(TArray));
        return this;
    }

    public IBackendBuilder Implement<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, ArrayHandler<TArgs, TResult> handler)
        where TArgs : struct, IArrayArgs<TArgs>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[function] = handler;
        _factories.Remove(function);   // the last registration of a function wins, whichever form it took
        return this;
    }

    public IBackendBuilder ImplementOnFirstUse(ArrayFunction function, Func<Delegate> factory)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[function] = factory;
        _handlers.Remove(function);
        return this;
    }

    public IBackendBuilder Declare(ArrayFunction function, FunctionSupport support)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(support);
        _declared[function] = support;
        return this;
    }

    public IBackendBuilder DeclareBackendSetting(string key) => DeclareSetting(key, null);

    public IBackendBuilder DeclareBackendSetting(string key, string defaultValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(defaultValue);
        return DeclareSetting(key, defaultValue);
    }

    private BackendBuilder DeclareSetting(string key, string? defaultValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _backendSettings.RemoveAll(s => string.Equals(s.Key, key, StringComparison.OrdinalIgnoreCase));
        _backendSettings.Add(new BackendSetting(key, defaultValue));
        return this;
    }

    public IBackendBuilder DeclareDefault(FunctionSupport support)
    {
        ArgumentNullException.ThrowIfNull(support);
        _default = support;
        return this;
    }

    public IBackendBuilder ImplementFrom(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        ImplementsScanner.Register(this, type, null, message => new PluginRegistrationException(message), Nearest);
        return this;
    }

    public IBackendBuilder ImplementFrom(object handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        ImplementsScanner.Register(this, handlers.GetType(), handlers, message => new PluginRegistrationException(message), Nearest);
        return this;
    }

    private static string? Nearest(string name) => NameMatcher.Nearest(name, FunctionCatalog.All.Select(f => f.Name));

    public BackendRegistration Build(Version version, string? folder) =>
        new(Name, version, folder, _types.ToArray(), _handlers, OwnTypesOnly, _declared, _default, _factories) { BackendSettings = _backendSettings.ToArray() };
}
