using System.Collections.Frozen;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Runtime.Registry;

/// <summary>What one backend declared at registration: the array types it owns and a handler per function.</summary>
public sealed class BackendRegistration
{
    internal BackendRegistration(string name, Version version, string? folder, IReadOnlyList<Type> ownedTypes,
        IReadOnlyDictionary<ArrayFunction, Delegate> handlers, bool ownTypesOnly = false,
        IReadOnlyDictionary<ArrayFunction, FunctionSupport>? declared = null, FunctionSupport? defaultSupport = null,
        IReadOnlyDictionary<ArrayFunction, Func<Delegate>>? factories = null)
    {
        DefaultSupport = defaultSupport ?? FunctionSupport.Everything;
        SupportById = (declared ?? new Dictionary<ArrayFunction, FunctionSupport>()).ToFrozenDictionary(kv => kv.Key.Id, kv => kv.Value);
        OwnTypesOnly = ownTypesOnly;
        Name = name;
        Version = version;
        Folder = folder;
        OwnedTypes = ownedTypes;
        HandlersById = handlers.ToFrozenDictionary(kv => kv.Key.Id, kv => kv.Value);
        _factories = (factories ?? new Dictionary<ArrayFunction, Func<Delegate>>()).ToDictionary(kv => kv.Key.Id, kv => (kv.Key, kv.Value));
        FunctionNames = handlers.Keys.Concat(_factories.Values.Select(f => f.Function)).Select(f => f.Name)
            .Order(StringComparer.Ordinal).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The backend's name.</summary>
    public string Name { get; }

    /// <summary>The keys of the backend's settings that name another backend (<see cref="IBackendBuilder.DeclareBackendSetting(string, string)"/>), checked at start-up.</summary>
    internal IReadOnlyList<BackendSetting> BackendSettings { get; init; } = [];

    /// <summary>The plugin assembly's version.</summary>
    public Version Version { get; }

    /// <summary>The folder it was loaded from, or null for an in-process backend.</summary>
    public string? Folder { get; }

    /// <summary>Whether it declared <see cref="ArrayDispatch.Plugins.IBackendBuilder.OnlyOwnArrayTypes"/>: the dispatcher calls it only with its own types.</summary>
    public bool OwnTypesOnly { get; }

    /// <summary>The array types it owns.</summary>
    public IReadOnlyList<Type> OwnedTypes { get; }

    /// <summary>The names of the functions it handles.</summary>
    public IReadOnlySet<string> FunctionNames { get; }

    internal FrozenDictionary<int, Delegate> HandlersById { get; }

    // Handlers registered to be made on first use (IBackendBuilder.ImplementOnFirstUse), and those made so far.
    private readonly Dictionary<int, (ArrayFunction Function, Func<Delegate> Factory)> _factories;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, Delegate> _made = new();

    /// <summary>Whether the backend registered a handler for <paramref name="function"/> (without making one).</summary>
    internal bool Implements(ArrayFunction function) => HandlersById.ContainsKey(function.Id) || _factories.ContainsKey(function.Id);

    /// <summary>The backend's handler for <paramref name="function"/>, made now if it was registered for first use; null when it has none.</summary>
    /// <exception cref="Plugins.PluginRegistrationException">The factory failed, or the handler it made is not of the function's handler type.</exception>
    internal Delegate? HandlerFor(ArrayFunction function)
    {
        if (HandlersById.TryGetValue(function.Id, out Delegate? handler)) return handler;
        if (_made.TryGetValue(function.Id, out handler)) return handler;
        if (!_factories.TryGetValue(function.Id, out var entry)) return null;
        try
        {
            handler = entry.Factory();   // may run twice when two threads resolve at once: both are valid, one is kept
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new Plugins.PluginRegistrationException(
                $"backend '{Name}' could not make its handler for '{function.Name}': {ex.GetType().Name}: {ex.Message}", ex);
        }
        if (handler is null || handler.GetType() != function.HandlerType)
        {
            throw new Plugins.PluginRegistrationException(
                $"backend '{Name}' made a handler of type {TypeNames.Of(handler?.GetType())} for '{function.Name}', which takes {TypeNames.Of(function.HandlerType)}");
        }
        return _made.GetOrAdd(function.Id, handler);
    }

    /// <summary>What the backend takes for every function it declared nothing particular for.</summary>
    public FunctionSupport DefaultSupport { get; }

    internal FrozenDictionary<int, FunctionSupport> SupportById { get; }

    /// <summary>
    /// What the backend declared it takes for <paramref name="function"/> (its own declaration, else its default), or
    /// <see langword="null"/> when it does not implement the function.
    /// </summary>
    public FunctionSupport? SupportFor(ArrayFunction function) =>
        !Implements(function) ? null : SupportById.GetValueOrDefault(function.Id) ?? DefaultSupport;
}

/// <summary>A backend's setting that names another backend (<see cref="ArrayDispatch.Plugins.IBackendBuilder.DeclareBackendSetting(string, string)"/>), with the plugin's default when it said one.</summary>
internal sealed record BackendSetting(string Key, string? Default)
{
    /// <summary>The setting's full key path (<c>ArrayDispatch:Backends:Chunked:ChunkBackend</c>) and its value under <paramref name="section"/> (null when not set).</summary>
    public (string Path, string? Value) Read(Microsoft.Extensions.Configuration.IConfiguration section, string backend)
    {
        string relative = $"Backends:{backend}:{Key}";
        string prefix = section is Microsoft.Extensions.Configuration.IConfigurationSection s ? s.Path : ArrayDispatch.Runtime.Options.ArrayDispatchOptions.SectionName;
        return ($"{prefix}:{relative}", section[relative] is { Length: > 0 } value ? value : null);
    }
}
