using System.Buffers;

namespace ArrayDispatch.Dense.Storage;

/// <summary>
/// <see cref="Memory{T}"/> over part of a native storage (what <see cref="DenseArray.AsMemory{T}"/> returns for native
/// arrays). It references the storage, so the memory stays valid while the Memory is reachable, even after the array
/// it came from is disposed (it holds a reference of its own; with no finalizer here, CA2015, an undisposed manager
/// leaves the buffer to the storage's finalizer).
/// </summary>
internal sealed unsafe class NativeMemoryManager<T> : MemoryManager<T> where T : unmanaged
{
    private readonly DenseStorage _storage;
    private readonly long _offset;
    private readonly int _length;
    private int _released;

    public NativeMemoryManager(DenseStorage storage, long offset, int length)
    {
        _storage = storage;
        _offset = offset;
        _length = length;
        storage.AddReference();
    }

    public override Span<T> GetSpan() => new((T*)_storage.Pointer + _offset, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new((T*)_storage.Pointer + _offset + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _storage.Release();
    }
}
