using System.Collections.Concurrent;
using System.Collections.Frozen;
using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Runtime.Registry;

/// <summary>An immutable generation of loaded backends and of plugins that failed to load.</summary>
public sealed class BackendSet
{
    private readonly ConcurrentDictionary<Type, BackendRegistration?> _ownerCache = new();

    internal BackendSet(IReadOnlyList<BackendRegistration> backends, IReadOnlyList<PluginFailure> failures)
    {
        Backends = backends;
        Failures = failures;
        ByName = backends.ToFrozenDictionary(b => b.Name, StringComparer.Ordinal);
        var owners = new Dictionary<Type, BackendRegistration>();
        foreach (BackendRegistration b in backends)
        {
            foreach (Type t in b.OwnedTypes) owners.TryAdd(t, b);
        }
        DirectOwners = owners.ToFrozenDictionary();
    }

    /// <summary>An empty set.</summary>
    public static BackendSet Empty { get; } = new([], []);

    /// <summary>The loaded backends in load order.</summary>
    public IReadOnlyList<BackendRegistration> Backends { get; }

    /// <summary>Plugins that failed to load.</summary>
    public IReadOnlyList<PluginFailure> Failures { get; }

    internal FrozenDictionary<string, BackendRegistration> ByName { get; }

    private FrozenDictionary<Type, BackendRegistration> DirectOwners { get; }

    /// <summary>
    /// The backend owning <paramref name="type"/>: the one that registered it, else the owner of its nearest registered
    /// base type (NEP 18: a subclass belongs to its base's backend unless another backend claims it).
    /// </summary>
    public BackendRegistration? OwnerOf(Type type) => _ownerCache.GetOrAdd(type, static (t, self) =>
    {
        for (Type? current = t; current is not null && current != typeof(NDArray); current = current.BaseType)
        {
            if (self.DirectOwners.TryGetValue(current, out BackendRegistration? owner)) return owner;
        }
        return null;
    }, this);

    /// <summary>The backend that registered exactly <paramref name="type"/>, or null.</summary>
    public BackendRegistration? DirectOwnerOf(Type type) => DirectOwners.GetValueOrDefault(type);

    /// <summary>A new set with <paramref name="backend"/> added (or replacing the one of the same name).</summary>
    internal BackendSet With(BackendRegistration backend) =>
        new([.. Backends.Select(b => b.Name == backend.Name ? backend : b), .. Backends.Any(b => b.Name == backend.Name) ? [] : new[] { backend }],
            [.. Failures.Where(f => f.Name != backend.Name)]);

    /// <summary>A new set with <paramref name="failure"/> recorded.</summary>
    internal BackendSet WithFailure(PluginFailure failure) => new(Backends, [.. Failures, failure]);
}
