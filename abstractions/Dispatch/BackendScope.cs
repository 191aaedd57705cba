using System.Collections.Concurrent;

namespace ArrayDispatch.Dispatch;

/// <summary>
/// A scoped backend override (uarray's <c>set_backend</c>): inside it, calls try <see cref="Backend"/> first. Scopes nest:
/// the innermost is tried first, then the enclosing ones, then the configured rules (unless a scope is <see cref="Only"/>).
/// Flows with the async context; dispose it to leave the scope.
/// </summary>
public sealed class BackendScope : IDisposable
{
    private static readonly ConcurrentDictionary<string, int> s_ids = new(StringComparer.Ordinal);
    private readonly AmbientState? _previous;
    private bool _disposed;

    internal BackendScope(string backend, bool only, bool coerce)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backend);
        AmbientState.Opened();
        _previous = AmbientState.Current;
        Backend = backend;
        Only = only;
        Coerce = coerce;
        Parent = _previous?.Scope;
        Key = (Parent is null ? "" : Parent.Key + ">") + $"{backend}|{(only ? 1 : 0)}{(coerce ? 1 : 0)}";
        Id = s_ids.GetOrAdd(Key, static (_, count) => count + 1, s_ids.Count);
        AmbientState.Current = new AmbientState(_previous?.Dispatcher, this);
    }

    /// <summary>The backend tried first.</summary>
    public string Backend { get; }

    /// <summary>Try no backend outside the scope chain (uarray's <c>only=True</c>).</summary>
    public bool Only { get; }

    /// <summary>Let the backend convert arrays it does not own (uarray's <c>coerce=True</c>).</summary>
    public bool Coerce { get; }

    /// <summary>The enclosing scope, or <see langword="null"/>.</summary>
    public BackendScope? Parent { get; }

    /// <summary>A process-wide id of this scope chain's configuration; equal chains share it (used to cache resolved chains).</summary>
    public int Id { get; }

    /// <summary>A readable key of the chain, innermost last.</summary>
    public string Key { get; }

    /// <summary>The innermost scope of the current async context, or <see langword="null"/>.</summary>
    public static BackendScope? Current => AmbientState.Current?.Scope;

    /// <summary>Leaves the scope, restoring the enclosing one.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        AmbientState.Current = _previous;
        AmbientState.Closed();
    }
}

/// <summary>The async-local state read once per call: the ambient dispatcher and the scope chain.</summary>
/// <remarks>
/// An AsyncLocal read costs tens of nanoseconds once the execution context holds values, which is most of a dispatch's
/// budget. While no scope or flow binding is open anywhere in the process (the common case of a host bound once with
/// <see cref="Np.Bind"/>), <see cref="Open"/> is zero and the read is skipped.
/// </remarks>
internal sealed record AmbientState(IArrayDispatcher? Dispatcher, BackendScope? Scope)
{
    private static readonly AsyncLocal<AmbientState?> s_current = new();
    private static int s_open;

    public static AmbientState? Current
    {
        get => Volatile.Read(ref s_open) == 0 ? null : s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>Scopes and flow bindings opened and not yet disposed, process-wide.</summary>
    public static int Open => Volatile.Read(ref s_open);

    public static void Opened() => Interlocked.Increment(ref s_open);

    public static void Closed() => Interlocked.Decrement(ref s_open);
}
