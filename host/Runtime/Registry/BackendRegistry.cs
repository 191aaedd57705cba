namespace ArrayDispatch.Runtime.Registry;

/// <summary>The host's current <see cref="BackendSet"/>; each change publishes a new immutable generation.</summary>
public sealed class BackendRegistry
{
    private readonly Lock _gate = new();
    private BackendSet _current = BackendSet.Empty;

    /// <summary>The current generation.</summary>
    public BackendSet Current => Volatile.Read(ref _current);

    /// <summary>Raised after a new generation is published.</summary>
    public event Action<BackendSet>? Changed;

    internal void Update(Func<BackendSet, BackendSet> change)
    {
        BackendSet next;
        lock (_gate)
        {
            next = change(_current);
            Volatile.Write(ref _current, next);
        }
        Changed?.Invoke(next);
    }
}
