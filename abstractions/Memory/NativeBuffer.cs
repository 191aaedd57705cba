using System.Buffers;
using System.Runtime.CompilerServices;

namespace ArrayDispatch.Memory;

/// <summary>
/// The owner of one 64-byte aligned native buffer of <see cref="Length"/> elements rented from the process's
/// <see cref="NativePool"/>: the storage a backend keeps large arrays in, with no 2^31 limit and nothing for the GC to
/// scan or copy. <see cref="Dispose"/> gives the buffer back to the pool at once; an owner nobody disposed gives it back
/// from its finalizer (the safety net), and the pool has told the GC of the native bytes so that dropped owners are
/// collected at the pace they are made.
/// </summary>
/// <remarks>
/// As with any <see cref="IMemoryOwner{T}"/>, spans and <see cref="Memory"/> taken from the buffer are valid until it is
/// disposed; keep the owner reachable while a span of it is in use (a field of the array that uses it, a <c>using</c>
/// or <see cref="GC.KeepAlive"/>), since a span does not keep it alive. A disposed buffer throws
/// <see cref="ObjectDisposedException"/> on every access; disposing twice is harmless.
/// </remarks>
/// <typeparam name="T">The element type (any unmanaged type).</typeparam>
public sealed unsafe class NativeBuffer<T> : IMemoryOwner<T> where T : unmanaged
{
    private nint _pointer;
    private readonly long _bytes;
    private Manager? _manager;

    /// <summary>Rents a buffer of <paramref name="length"/> elements.</summary>
    /// <param name="length">The number of elements (may exceed 2^31).</param>
    /// <param name="clear">Whether to zero the elements; false leaves them unspecified, for callers that write every one.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    /// <exception cref="OutOfMemoryException">The buffer cannot be allocated (the message names its size, as NumPy's MemoryError).</exception>
    public NativeBuffer(long length, bool clear = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int size = Unsafe.SizeOf<T>();
        if (length > long.MaxValue / size) throw NumPyErrors.CannotAllocate(length, size, "more bytes than a 64-bit size can count");
        _bytes = length * size;
        void* p;
        try
        {
            p = NativePool.Rent(_bytes);
        }
        catch (OutOfMemoryException ex)
        {
            throw NumPyErrors.CannotAllocate(length, size, null, ex);
        }
        if (clear) System.Runtime.InteropServices.NativeMemory.Clear(p, (nuint)_bytes);
        _pointer = (nint)p;
        Length = length;
    }

    /// <summary>The number of elements.</summary>
    public long Length { get; }

    /// <summary>Whether the buffer went back to the pool.</summary>
    public bool IsDisposed => Volatile.Read(ref _pointer) == 0;

    /// <summary>The address of element 0 (64-byte aligned).</summary>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public T* Pointer
    {
        get
        {
            nint p = Volatile.Read(ref _pointer);
            if (p == 0) ThrowDisposed();
            return (T*)p;
        }
    }

    /// <summary>Every element (buffers below 2^31 elements; take larger ones a part at a time with <see cref="AsSpan(long, int)"/>).</summary>
    /// <exception cref="InvalidOperationException">The buffer has more elements than a span holds.</exception>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public Span<T> Span
    {
        get
        {
            if (Length > int.MaxValue) throw TooLong();
            return new Span<T>(Pointer, (int)Length);
        }
    }

    /// <summary><paramref name="length"/> elements from element <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the buffer.</exception>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public Span<T> AsSpan(long start, int length)
    {
        if ((ulong)start > (ulong)Length || (ulong)length > (ulong)(Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"elements {start} to {start + length} are outside a buffer of {Length} elements");
        }
        return new Span<T>(Pointer + start, length);
    }

    /// <summary>Element <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the buffer.</exception>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public ref T this[long index]
    {
        get
        {
            if ((ulong)index >= (ulong)Length) throw new IndexOutOfRangeException($"index {index} is out of bounds for a buffer of {Length} elements");
            return ref Pointer[index];
        }
    }

    /// <summary>
    /// The elements as <see cref="Memory{T}"/> (buffers below 2^31 elements), for APIs that take Memory (streams,
    /// pipelines). The Memory keeps this owner reachable; it is valid until the owner is disposed.
    /// </summary>
    /// <exception cref="InvalidOperationException">The buffer has more elements than a Memory holds.</exception>
    /// <exception cref="ObjectDisposedException">The buffer was disposed.</exception>
    public Memory<T> Memory
    {
        get
        {
            if (IsDisposed) ThrowDisposed();
            if (Length > int.MaxValue) throw TooLong();
            return (_manager ??= new Manager(this)).Memory;
        }
    }

    /// <summary>Gives the buffer back to the pool at once (once; later calls do nothing).</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    /// <summary>The safety net: a buffer nobody disposed goes back to the pool when the GC finds its owner unreachable.</summary>
    ~NativeBuffer() => Free();

    private void Free()
    {
        nint p = Interlocked.Exchange(ref _pointer, 0);
        if (p != 0) NativePool.Return((void*)p, _bytes);
    }

    private InvalidOperationException TooLong() =>
        new($"a buffer of {Length} elements has more than one span holds ({int.MaxValue}); take it a part at a time with AsSpan(start, length)");

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowDisposed() => throw new ObjectDisposedException(nameof(NativeBuffer<T>), "the buffer went back to the pool (it was disposed)");

    // The Memory's manager: it references the owner, so a Memory in use keeps the buffer from the finalizer; it has no
    // finalizer of its own (CA2015) and disposing it does nothing (the owner owns the buffer).
    private sealed class Manager(NativeBuffer<T> owner) : MemoryManager<T>
    {
        public override Span<T> GetSpan() => owner.Span;

        public override MemoryHandle Pin(int elementIndex = 0)
        {
            if ((uint)elementIndex > (uint)owner.Length) throw new ArgumentOutOfRangeException(nameof(elementIndex));
            return new MemoryHandle(owner.Pointer + elementIndex);
        }

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
