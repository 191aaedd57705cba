using System.Collections.Frozen;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Runtime.Diagnostics;
using ArrayDispatch.Runtime.Options;
using ArrayDispatch.Runtime.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>
/// The host's <see cref="IArrayDispatcher"/>. Holds one immutable <see cref="DispatchSnapshot"/>; a plugin change or a
/// configuration change builds a new one off the hot path and publishes it with one reference write (readers never lock).
/// It is also an <see cref="IServiceProvider"/> over the host's container (once the container exists): a plugin loaded from
/// a folder registers its services before the container is built, and reaches the app's services at run time through the
/// dispatcher its builder gave it (<c>(backend.Dispatcher as IServiceProvider)?.GetService(typeof(T))</c>); a service
/// type that is to cross load contexts must come from an assembly the host shares (<c>SharedAssemblies</c>).
/// </summary>
public sealed class Dispatcher : IArrayDispatcher, IServiceProvider
{
    private readonly Lock _rebuildGate = new();
    private readonly BackendRegistry _registry;
    private readonly ArrayDispatchMetrics _metrics;
    private ArrayDispatchOptions _options;
    private DispatchSnapshot _snapshot;
    private ILogger _logger = NullLogger.Instance;
    private IServiceProvider? _services;
    private long _generation;

    internal Dispatcher(BackendRegistry registry, ArrayDispatchOptions options, ArrayDispatchMetrics metrics)
    {
        _registry = registry;
        _options = options;
        _metrics = metrics;
        _snapshot = BuildSnapshot(registry.Current, options);
        registry.Changed += set => Rebuild(set, _options, "plugins changed");
    }

    /// <summary>The generation number of the dispatch tables now serving; it grows with every rebuild.</summary>
    public long Generation => Volatile.Read(ref _snapshot).Generation;

    /// <summary>The backends of the current generation.</summary>
    public BackendSet BackendSet => Volatile.Read(ref _snapshot).Context.Backends;

    /// <summary>The options the current tables were built from.</summary>
    public ArrayDispatchOptions Options => Volatile.Read(ref _options);

    /// <inheritdoc/>
    public TResult Invoke<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, IArrayArgs<TArgs>
    {
        ArgumentNullException.ThrowIfNull(function);
        return Volatile.Read(ref _snapshot).Invoke(function, in args);
    }

    /// <inheritdoc/>
    public TResult Create<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, ICreationArgs<TArgs>
    {
        ArgumentNullException.ThrowIfNull(function);
        return Volatile.Read(ref _snapshot).Create(function, in args);
    }

    /// <inheritdoc/>
    public string? OwnerOf(Type arrayType) => BackendSet.OwnerOf(arrayType)?.Name;

    /// <inheritdoc/>
    public IReadOnlyList<string> Backends => BackendSet.Backends.Select(b => b.Name).ToArray();

    /// <inheritdoc/>
    public IReadOnlyCollection<string> FunctionsOf(string backend) =>
        BackendSet.ByName.TryGetValue(backend, out BackendRegistration? b) ? b.FunctionNames : FrozenSet<string>.Empty;

    /// <inheritdoc/>
    public FunctionSupport? SupportOf(string backend, ArrayFunction function)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(function);
        return BackendSet.ByName.TryGetValue(backend, out BackendRegistration? b) ? b.SupportFor(function) : null;
    }

    /// <inheritdoc/>
    public DispatchPlan Explain(ArrayFunction function, IReadOnlyList<Type> types)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(types);
        DispatchSnapshot snapshot = Volatile.Read(ref _snapshot);
        var ordered = new List<Type>();
        foreach (Type t in types)
        {
            if (ordered.Contains(t)) continue;
            int at = ordered.FindIndex(o => o.IsAssignableFrom(t));
            ordered.Insert(at < 0 ? ordered.Count : at, t);
        }
        Resolution resolution = ordered.Count == 0 && function.Kind == FunctionKind.Creation
            ? ChainResolver.ResolveCreation(snapshot.Context.Backends, snapshot.Context.Rules, function, null, BackendScope.Current)
            : ChainResolver.Resolve(snapshot.Context.Backends, snapshot.Context.Rules, function, ordered, BackendScope.Current);
        return new DispatchPlan(function.Name, ordered, resolution.Candidates.Select(c => c.Explain).ToArray(), resolution.Excluded);
    }

    /// <summary>Applies new options (already validated); calls in flight finish on the old tables.</summary>
    public void Reconfigure(ArrayDispatchOptions options, string trigger = "configuration changed")
    {
        ArgumentNullException.ThrowIfNull(options);
        Rebuild(_registry.Current, options, trigger);
    }

    internal void AttachLogger(ILogger logger) => _logger = logger;

    /// <summary>Connects the host's container (when the dispatcher is first resolved from it).</summary>
    internal void AttachServices(IServiceProvider services) => Volatile.Write(ref _services, services);

    /// <summary>A service of the host's container; null before the container exists or when none is registered.</summary>
    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return Volatile.Read(ref _services)?.GetService(serviceType);
    }

    private void Rebuild(BackendSet set, ArrayDispatchOptions options, string trigger)
    {
        lock (_rebuildGate)
        {
            DispatchSnapshot next = BuildSnapshot(set, options);
            DispatchSnapshot old = _snapshot;
            Volatile.Write(ref _options, options);
            Volatile.Write(ref _snapshot, next);
            old.Token.Retire();   // cached invokers of the old tables stop serving at their next hit test
            foreach (ArrayFunction function in FunctionCatalog.All) function.ForgetInvoker(old.Token);   // and can be collected
            _logger.SnapshotRebuilt(next.Generation, set.Backends.Count, trigger);
        }
    }

    private DispatchSnapshot BuildSnapshot(BackendSet set, ArrayDispatchOptions options) =>
        new(new DispatchContext(set, new DispatchRules(options), _metrics, this), Interlocked.Increment(ref _generation));
}
