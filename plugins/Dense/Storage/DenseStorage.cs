using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArrayDispatch.Memory;

namespace ArrayDispatch.Dense.Storage;

/// <summary>
/// The elements behind one or more <see cref="DenseArray"/> views: a managed one-dimensional array (small arrays, and
/// arrays the caller handed in) or a 64-byte aligned native buffer from the protocol's <see cref="NativePool"/> (large
/// arrays; the pool every backend shares).
/// </summary>
/// <remarks>
/// Every <see cref="DenseArray"/> over the storage holds one reference (taken in its constructor, dropped by its
/// <see cref="DenseArray.Dispose"/>); the native buffer goes back to the pool when the last is dropped, so disposing a
/// parent while views of it live only drops the parent's reference. Arrays that are never disposed are covered by the
/// finalizer: once no view references the storage object the buffer goes back to the pool from the finalizer thread.
/// Only native storage has a finalizer (<see cref="Native"/>): an object with one is registered with the GC when it is
/// allocated, which on a 1-element array cost more than the whole sum (Sum_Dense1: 232 B and ~2x the time).
/// The GC is told about the native bytes the process holds (<see cref="GC.AddMemoryPressure"/>, by the pool when it maps
/// and unmaps buffers, not per array: see <see cref="NativePool"/>) so that undisposed results are collected at
/// the pace they are made.
/// </remarks>
internal unsafe partial class DenseStorage
{
    private readonly Array? _managed;
    private NativeBlock? _block;
    private nint _pointer;
    private int _references;
    private Deferral? _deferral;
    private bool _escaped;

    private DenseStorage(Array managed, long length)
    {
        _managed = managed;
        Length = length;
    }

    // A deferred result's storage: its buffer is rented when the values are first needed (Deferral.cs).
    private DenseStorage(long length, long bytes, Deferral deferral)
    {
        _deferral = deferral;
        _references = 1;
        Length = length;
        Bytes = bytes;
    }

    private DenseStorage(void* pointer, long length, long bytes)
    {
        _block = new NativeBlock((nint)pointer, bytes);
        _pointer = (nint)pointer;
        Length = length;
        Bytes = bytes;
    }

    /// <summary>The number of elements.</summary>
    public long Length { get; }

    /// <summary>The native buffer's size in bytes (0 for managed storage).</summary>
    public long Bytes { get; }

    /// <summary>The managed array, or null when the storage is native (an access that may write: see <see cref="Elements{T}"/>).</summary>
    public Array? Managed
    {
        get
        {
            Settle(write: true);
            return _managed;
        }
    }

    /// <summary>The managed array, or null when the storage is native, for reading only.</summary>
    public Array? ReadManaged
    {
        get
        {
            Settle(write: false);
            return _managed;
        }
    }

    /// <summary>The address of element 0 (native storage only), for reading only.</summary>
    public void* ReadPointer
    {
        get
        {
            Settle(write: false);
            return (void*)_pointer;
        }
    }

    /// <summary>Whether the elements are in a native buffer.</summary>
    public bool IsNative => _managed is null;

    /// <summary>Whether the native buffer went back to the pool (every view over it was disposed).</summary>
    public bool IsReleased => _managed is null && Volatile.Read(ref _pointer) == 0 && !IsDeferred;

    /// <summary>The address of element 0 (native storage only; an access that may write).</summary>
    public void* Pointer
    {
        get
        {
            Settle(write: true);
            return (void*)_pointer;
        }
    }

    /// <summary>Storage over a managed array (no copy).</summary>
    public static DenseStorage Wrap(Array data) => new(data, data.LongLength) { _escaped = true };   // the caller keeps the array

    /// <summary>
    /// Storage over a managed array holding the one reference of the array being made over it: the storage object is
    /// new and not yet shared, so its count starts at 1 without an interlocked increment.
    /// </summary>
    public static DenseStorage WrapOwned(Array data) => new(data, data.LongLength) { _references = 1 };

    private static long s_liveBytes, s_liveAtCollect;

    /// <summary>Native bytes held by storages now (rented and not yet released).</summary>
    public static long LiveBytes => Volatile.Read(ref s_liveBytes);

    /// <summary>
    /// A managed array of <paramref name="length"/> elements (the kernels that fill a .NET array before wrapping it): a
    /// length beyond <see cref="Array.MaxLength"/> is refused with NumPy's MemoryError message naming the size, where
    /// <c>new T[length]</c> threw an OverflowException without one ("Arithmetic operation resulted in an overflow").
    /// <paramref name="uninitialized"/> skips zeroing, for callers that write every element.
    /// </summary>
    public static T[] ManagedArray<T>(long length, bool uninitialized = false)
    {
        if (length > Array.MaxLength) throw NumPyErrors.CannotAllocate(length, Unsafe.SizeOf<T>(), $"more elements than a .NET array holds ({Array.MaxLength})");
        try
        {
            return uninitialized ? GC.AllocateUninitializedArray<T>((int)length) : new T[length];
        }
        catch (OutOfMemoryException ex)
        {
            throw NumPyErrors.CannotAllocate(length, Unsafe.SizeOf<T>(), null, ex);
        }
    }

    /// <summary>Refuses, with NumPy's MemoryError message, a result a kernel fills through one span but that has more elements than a span holds.</summary>
    public static void CheckSpanLength<T>(long length)
    {
        if (length > Array.MaxLength) throw NumPyErrors.CannotAllocate(length, Unsafe.SizeOf<T>(), $"more elements than one span holds ({Array.MaxLength})");
    }

    /// <summary>Native storage for <paramref name="length"/> elements of <paramref name="elementSize"/> bytes.</summary>
    public static DenseStorage Allocate(long length, int elementSize, bool zero)
    {
        void* p = Rent(length, elementSize, out long bytes);
        if (zero) NativeMemory.Clear(p, (nuint)bytes);
        var storage = new Native(p, length, bytes);
        Track(storage, storage._block!);
        return storage;
    }

    // A pooled native buffer for length elements, counted in the live bytes (the pacing collection reads them).
    private static void* Rent(long length, int elementSize, out long bytes)
    {
        if (length > long.MaxValue / elementSize)
        {
            throw NumPyErrors.CannotAllocate(length, elementSize, "more bytes than a 64-bit size can count");
        }
        bytes = length * elementSize;
        CollectUndisposed(bytes);
        void* p;
        try
        {
            p = NativePool.Rent(bytes);
        }
        catch (OutOfMemoryException ex)
        {
            // NumPy's MemoryError names the size ("Unable to allocate 7.28 EiB for an array with shape ..."); .NET's says only
            // "Insufficient memory".
            throw NumPyErrors.CannotAllocate(length, elementSize, null, ex);
        }
        Interlocked.Add(ref s_liveBytes, bytes);
        return p;
    }

    /// <summary>
    /// Results dropped without Dispose come back only when the GC finalizes them, and a loop of allocating calls makes
    /// garbage faster than memory pressure alone collects it (measured: 12 results resident in a loop of 100 `a + b` on
    /// 10M float64 with managed storage, 6-7 with native storage and memory pressure only). So when the native bytes held
    /// grew by more than four requests of this size (at most a quarter of the pool's capacity, at least this request) since
    /// the last time, a gen1 collection runs (gen1: a result alive during an earlier collection is in gen1). Four, not
    /// the whole quarter: a loop of 10 MB results (10M uint8) made twelve fresh buffers between collections, each call
    /// faulting in its pages (8 ms where a warm buffer takes 0.7 ms); the pool keeps the batch that comes back.
    /// Requests of 32 MB and more collect as soon as one earlier result is pending: there a collection costs little beside
    /// the call, and every pending result is that much resident memory (a loop of dropped 10M float64 `a + b` held 4
    /// result buffers with the four-request rule, 3 with this one; issue #21 asks for at most 3 over one call's). Dropped results are young: right after the
    /// collection this thread returns their buffers to the pool itself (<see cref="ReclaimDropped"/>); only when that found none but the collection queued
    /// finalizers does this request wait up to 10 ms (a timed wait on the pool, never on the finalizer thread, so no deadlock) for one of its size to come back
    /// warm rather than faulting in fresh pages.
    /// A gen1 collection of a small heap costs well under a millisecond.
    /// </summary>
    private static void CollectUndisposed(long bytes)
    {
        long live = Volatile.Read(ref s_liveBytes);
        long budget = bytes >= (32L << 20) ? bytes / 2 : Math.Max(bytes, Math.Min(NativePool.Capacity / 4, 4 * bytes));
        if (live - Volatile.Read(ref s_liveAtCollect) <= budget) return;
        Volatile.Write(ref s_liveAtCollect, live);
        GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        int reclaimed = ReclaimDropped();
        if (reclaimed == 0 && bytes >= (32L << 20))
        {
            // Nothing came back: the dropped results were still referenced at an earlier collection (the caller's variable
            // holds the previous result until the new one is assigned), which promoted them out of gen1's reach. Left to
            // the GC's own pace of gen2s (slower the more native bytes the process reports), a loop of dropped 10M float64
            // `a + b` on native inputs held four results instead of two (bench/UserApp, session 13). A gen2 of the small
            // managed heap such a loop has costs about 1-2 ms beside an 80 MB call; a gen2 every second call only (when
            // two results had piled up) still held 3.2-4.1.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            reclaimed = ReclaimDropped();
        }
        if (reclaimed == 0 && GC.GetGCMemoryInfo(GCKind.Any).FinalizationPendingCount > 0) NativePool.WaitForFree(bytes, TimeSpan.FromMilliseconds(10));
        Volatile.Write(ref s_liveAtCollect, Math.Min(live, Volatile.Read(ref s_liveBytes)));
    }

    /// <summary>Takes one view's reference.</summary>
    /// <exception cref="ObjectDisposedException">The native buffer was already released (every view over it disposed).</exception>
    public void AddReference()
    {
        if (Interlocked.Increment(ref _references) == 1 && _managed is null && Volatile.Read(ref _pointer) == 0 && !IsDeferred)
        {
            throw new ObjectDisposedException(nameof(DenseArray), "the array's storage was released: every array over it was disposed");
        }
    }

    /// <summary>Drops one view's reference; the last one returns a native buffer to the pool.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0 && _managed is null)
        {
            Free();
            GC.SuppressFinalize(this);
        }
    }

    private void Free()
    {
        Volatile.Write(ref _pointer, 0);
        if (_block is not null) Release(_block);
        if (_deferral is { } deferral) Drop(deferral);
    }

    /// <summary>Returns a native buffer to the pool once: the storage's last release, its finalizer and the sweep of dropped storages may all try.</summary>
    private static void Release(NativeBlock block)
    {
        void* p = (void*)Interlocked.Exchange(ref block.Pointer, 0);
        if (p is null) return;
        NativePool.Return(p, block.Bytes);
        long live = Interlocked.Add(ref s_liveBytes, -block.Bytes);
        if (live < Volatile.Read(ref s_liveAtCollect)) Volatile.Write(ref s_liveAtCollect, live);
    }

    /// <summary>A native buffer, shared by its storage and the list of storages not yet released.</summary>
    private sealed class NativeBlock(nint pointer, long bytes)
    {
        public nint Pointer = pointer;
        public readonly long Bytes = bytes;
    }

    // Native storages not yet released, each with a short weak reference: the GC clears it when the storage becomes
    // unreachable, before its finalizer is even queued. So right after the pacing collection above, the thread that
    // allocates takes the dropped buffers back itself instead of waiting for the finalizer thread to run (on a busy
    // 2-core VM that wait made a loop of `a * 2.0 + b` with the temporary dropped vary 12.6-25.9 ms a call).
    private static readonly List<(WeakReference<DenseStorage> Owner, NativeBlock Block)> s_unreleased = [];
    private static int s_compactAt = 64;

    private static void Track(DenseStorage storage, NativeBlock block)
    {
        lock (s_unreleased)
        {
            if (s_unreleased.Count >= s_compactAt)
            {
                s_unreleased.RemoveAll(static e => Volatile.Read(ref e.Block.Pointer) == 0);   // released by Dispose meanwhile
                s_compactAt = Math.Max(64, 2 * s_unreleased.Count);
            }
            s_unreleased.Add((new WeakReference<DenseStorage>(storage), block));
        }
    }

    /// <summary>Returns the buffers of storages the GC found unreachable to the pool; how many.</summary>
    internal static int ReclaimDropped()
    {
        var dropped = new List<NativeBlock>();
        lock (s_unreleased)
        {
            s_unreleased.RemoveAll(e =>
            {
                if (Volatile.Read(ref e.Block.Pointer) == 0) return true;
                if (e.Owner.TryGetTarget(out _)) return false;
                dropped.Add(e.Block);
                return true;
            });
            s_compactAt = Math.Max(64, 2 * s_unreleased.Count);
        }
        foreach (NativeBlock block in dropped) Release(block);   // outside the lock: the pool has its own
        return dropped.Count;
    }

    /// <summary>Native storage: the finalizer is the safety net for arrays nobody disposed.</summary>
    private sealed class Native : DenseStorage
    {
        public Native(void* pointer, long length, long bytes) : base(pointer, length, bytes)
        {
        }

        public Native(long length, long bytes, Deferral deferral) : base(length, bytes, deferral)
        {
        }

        ~Native() => Free();
    }

    /// <summary>A reference to the first byte of element 0 (an access that may write).</summary>
    public ref byte ByteReference
    {
        get
        {
            Settle(write: true);
            return ref ReadByteReference;
        }
    }

    /// <summary>A reference to the first byte of element 0, for reading only.</summary>
    public ref byte ReadByteReference
    {
        get
        {
            Settle(write: false);
            return ref _managed is not null ? ref MemoryMarshal.GetArrayDataReference(_managed) : ref Unsafe.AsRef<byte>((void*)_pointer);
        }
    }

    /// <summary>
    /// <c>destination[to + i] = source[from + indices[i]]</c> for every i, elements of <paramref name="itemSize"/> bytes
    /// (take's gather of single elements: one load and store each, not a copy call per element). Every index must lie
    /// in <c>[0, count)</c> and <c>[from, from + count)</c> in the source.
    /// </summary>
    public static void GatherElements(DenseStorage source, long from, long count, ReadOnlySpan<long> indices, DenseStorage destination, long to, int itemSize)
    {
        if (indices.IsEmpty) return;   // nothing gathered: an empty source view's offset may lie past its storage
        if ((ulong)from > (ulong)source.Length || (ulong)count > (ulong)(source.Length - from)
            || (ulong)to > (ulong)destination.Length || (ulong)indices.Length > (ulong)(destination.Length - to))
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"gathering {indices.Length} elements from {from} (+{count}) of {source.Length} to {to} of {destination.Length} is out of bounds");
        }
        foreach (long i in indices)
        {
            if ((ulong)i >= (ulong)count) throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} is outside [0, {count})");
        }
        ref byte s = ref Unsafe.Add(ref source.ReadByteReference, (nint)(from * itemSize));
        ref byte d = ref Unsafe.Add(ref destination.ByteReference, (nint)(to * itemSize));
        switch (itemSize)
        {
            case 1: Gather<byte>(ref s, indices, ref d); break;
            case 2: Gather<ushort>(ref s, indices, ref d); break;
            case 4: Gather<uint>(ref s, indices, ref d); break;
            case 8: Gather<ulong>(ref s, indices, ref d); break;
            case 16: Gather<Int128>(ref s, indices, ref d); break;
            default:
                for (int i = 0; i < indices.Length; i++)
                {
                    MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref s, (nint)(indices[i] * itemSize)), itemSize).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, (nint)((long)i * itemSize)), itemSize));
                }
                break;
        }
        GC.KeepAlive(source);
        GC.KeepAlive(destination);
    }

    private static void Gather<T>(ref byte source, ReadOnlySpan<long> indices, ref byte destination) where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        for (int i = 0; i < indices.Length; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, (nint)i * size), Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref source, (nint)indices[i] * size)));
        }
    }

    /// <summary>
    /// Copies <paramref name="count"/> elements of <paramref name="itemSize"/> bytes from <paramref name="source"/>
    /// at <paramref name="from"/> to <paramref name="destination"/> at <paramref name="to"/> (overlap allowed).
    /// </summary>
    public static void CopyElements(DenseStorage source, long from, DenseStorage destination, long to, long count, int itemSize)
    {
        if (count == 0) return;   // an empty view's offset may lie past its (empty) storage: a reversed (2, 0, 3) array's is 5
        if ((ulong)from > (ulong)source.Length || (ulong)count > (ulong)(source.Length - from)
            || (ulong)to > (ulong)destination.Length || (ulong)count > (ulong)(destination.Length - to))
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"copying {count} elements from {from} of {source.Length} to {to} of {destination.Length} is out of bounds");
        }
        ref byte s = ref Unsafe.Add(ref source.ReadByteReference, (nint)(from * itemSize));
        ref byte d = ref Unsafe.Add(ref destination.ByteReference, (nint)(to * itemSize));
        long bytes = count * itemSize;
        if (Unsafe.IsAddressGreaterThan(ref d, ref s) && !Unsafe.AreSame(ref s, ref d) && bytes > int.MaxValue)
        {
            // Overlapping forward copy of more than one span's worth: copy from the end.
            for (long done = bytes; done > 0;)
            {
                int part = (int)Math.Min(done, 1 << 30);
                done -= part;
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref s, (nint)done), part).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, (nint)done), part));
            }
        }
        else
        {
            for (long done = 0; done < bytes;)
            {
                int part = (int)Math.Min(bytes - done, 1 << 30);
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref s, (nint)done), part).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref d, (nint)done), part));
                done += part;
            }
        }
        GC.KeepAlive(source);
        GC.KeepAlive(destination);
    }

    /// <summary>
    /// The elements as <see cref="Elements{T}"/> (T must be the element type: the caller checked), for reading or
    /// writing: deferred results reading this storage are computed first (<see cref="Deferral"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Elements<T> Elements<T>() where T : unmanaged
    {
        if (_deferral is not null) Settle(write: true);
        return _managed is null ? new Elements<T>(this, (T*)_pointer) : new Elements<T>(Unsafe.As<T[]>(_managed));
    }

    /// <summary>The elements for reading only: deferred results reading this storage stay deferred.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Elements<T> ReadElements<T>() where T : unmanaged
    {
        if (_deferral is not null) Settle(write: false);
        return _managed is null ? new Elements<T>(this, (T*)_pointer) : new Elements<T>(Unsafe.As<T[]>(_managed));
    }
}

/// <summary>
/// A kernel's handle on a storage's elements, managed or native, indexed by 64-bit positions: what kernels keep in
/// closures (a span cannot be captured). It references the storage, so a kernel holding it keeps the buffer alive.
/// </summary>
internal readonly unsafe struct Elements<T> where T : unmanaged
{
    private readonly T[]? _array;
    private readonly T* _pointer;
    private readonly DenseStorage? _owner;

    public Elements(T[] array)
    {
        _array = array;
        _pointer = null;
        _owner = null;
        Length = array.LongLength;
    }

    /// <summary>Elements at <paramref name="pointer"/> that the caller keeps alive (a pinned span: the linalg wrappers' scratch).</summary>
    public Elements(T* pointer, long length)
    {
        _array = null;
        _pointer = pointer;
        _owner = null;
        Length = length;
    }

    public Elements(DenseStorage owner, T* pointer)
    {
        _array = null;
        _pointer = pointer;
        _owner = owner;
        Length = owner.Length;
    }

    /// <summary>The number of elements in the storage.</summary>
    public long Length { get; }

    public static implicit operator Elements<T>(T[] array) => new(array);

    /// <summary>Element <paramref name="index"/> of the storage.</summary>
    public ref T this[long index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_array is not null) return ref _array[index];
            if ((ulong)index >= (ulong)Length) ThrowIndex(index);
            return ref _pointer[index];
        }
    }

    /// <summary>A reference to element 0 (for vector loads at computed offsets).</summary>
    public ref T Reference
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _array is not null ? ref MemoryMarshal.GetArrayDataReference(_array) : ref Unsafe.AsRef<T>(_pointer);
    }

    /// <summary><paramref name="length"/> elements from <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> AsSpan(long start, int length)
    {
        if (_array is not null) return _array.AsSpan(checked((int)start), length);
        if ((ulong)start > (ulong)Length || (ulong)length > (ulong)(Length - start)) ThrowIndex(start + length);
        return new Span<T>(_pointer + start, length);
    }

    /// <summary>The whole storage (below 2^31 elements).</summary>
    public Span<T> AsSpan() => AsSpan(0, checked((int)Length));

    /// <summary>Keeps the storage reachable up to this call (after a loop over spans taken from it).</summary>
    public void KeepAlive() => GC.KeepAlive(_owner);

    private void ThrowIndex(long index) =>
        throw new IndexOutOfRangeException($"index {index} is out of bounds for a storage of {Length} elements");
}
