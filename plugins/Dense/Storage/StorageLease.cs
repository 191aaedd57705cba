namespace ArrayDispatch.Dense.Storage;

/// <summary>
/// The owner of a native <see cref="ArrayDispatch.Interchange.HostBuffer"/> exported by <see cref="DenseArray.ToHost"/>:
/// it holds one reference on the storage (as a view does), dropped when the buffer is disposed or else when the GC
/// finalizes the lease, so the memory stays valid while the buffer is in use even after every array over it was disposed.
/// </summary>
internal sealed class StorageLease : IDisposable
{
    private int _released;

    public StorageLease(DenseStorage storage)
    {
        storage.AddReference();
        Storage = storage;
    }

    /// <summary>The storage this lease keeps alive.</summary>
    public DenseStorage Storage { get; }

    /// <summary>Drops the reference (once).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0) return;
        Storage.Release();
        GC.SuppressFinalize(this);
    }

    ~StorageLease()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) Storage.Release();
    }
}
