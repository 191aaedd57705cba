using System.Collections.Frozen;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Runtime.Registry;

/// <summary>What one backend declared at registration: the array types it owns and a handler per function.</summary>
public sealed class BackendRegistration
{
    internal BackendRegistration(string name, Version version, string? folder, IReadOnlyList<Type> ownedTypes,
        IReadOnlyDictionary<ArrayFunction, Delegate> handlers, bool ownTypesOnly = false,
        IReadOnlyDictionary<ArrayFunction, FunctionSupport>? declared = null, FunctionSupport? defaultSupport = null)
    {
        DefaultSupport = defaultSupport ?? FunctionSupport.Everything;
        SupportById = (declared ?? new Dictionary<ArrayFunction, FunctionSupport>()).ToFrozenDictionary(kv => kv.Key.Id, kv => kv.Value);
        OwnTypesOnly = ownTypesOnly;
        Name = name;
        Version = version;
        Folder = folder;
        OwnedTypes = ownedTypes;
        HandlersById = handlers.ToFrozenDictionary(kv => kv.Key.Id, kv => kv.Value);
        FunctionNames = handlers.Keys.Select(f => f.Name).Order(StringComparer.Ordinal).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The backend's name.</summary>
    public string Name { get; }

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

    internal Delegate? HandlerFor(ArrayFunction function) => HandlersById.GetValueOrDefault(function.Id);

    /// <summary>What the backend takes for every function it declared nothing particular for.</summary>
    public FunctionSupport DefaultSupport { get; }

    internal FrozenDictionary<int, FunctionSupport> SupportById { get; }

    /// <summary>
    /// What the backend declared it takes for <paramref name="function"/> (its own declaration, else its default), or
    /// <see langword="null"/> when it does not implement the function.
    /// </summary>
    public FunctionSupport? SupportFor(ArrayFunction function) =>
        HandlerFor(function) is null ? null : SupportById.GetValueOrDefault(function.Id) ?? DefaultSupport;
}
