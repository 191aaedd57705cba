using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArrayDispatch.Interchange;

/// <summary>
/// A strided view of array data in host memory: the protocol's interchange format (the role of NumPy's
/// <c>__array_interface__</c> and DLPack). Every backend exports to it and imports from it, so any two backends convert
/// through it without knowing each other.
/// </summary>
/// <remarks>
/// <see cref="Data"/> is a one-dimensional .NET array whose element type is <see cref="DType"/>'s CLR type
/// (<see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="float"/>, <see cref="double"/>). Element
/// <c>[i0, i1, …]</c> is at <c>Offset + Σ ik * Strides[k]</c>. Strides are in elements and may be zero (broadcast) or negative.
/// The buffer may alias the exporter's storage: importers that keep it must copy unless they own it.
/// <para>A native buffer (<see cref="IsNative"/>: a Dense array in native memory, which may exceed 2^31 elements) wraps
/// <see cref="Length"/> elements at <see cref="Address"/> without copying, and holds <see cref="Owner"/>, which keeps the
/// memory alive as long as the buffer is reachable (Dense's owner holds a reference on the array's storage, so disposing
/// the array does not free memory a buffer still reads). Read it with <see cref="AsSpan{T}(long, int)"/> a chunk at a
/// time; <see cref="Data"/> of a native buffer is a .NET-array copy made on first use (below Array.MaxLength elements),
/// for readers written against .NET arrays: writes to that copy do not reach the array. Keep the buffer reachable while
/// using a span of it. <see cref="Dispose"/> lets go of the memory at once (Dense's storage goes back to its pool when
/// no array uses it either); a buffer never disposed lets go when the GC collects it.</para>
/// </remarks>
public sealed unsafe class HostBuffer : IDisposable
{
    private int _disposed;
    private Array? _data;
    private readonly nint _address;
    private readonly long _length;

    /// <summary>Creates a buffer over <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The element type of <paramref name="data"/> is not <paramref name="dtype"/>'s, or the strides do not fit.</exception>
    public HostBuffer(Array data, DType dtype, Shape shape, long[] strides, long offset = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strides);
        if (data.GetType().GetElementType() != dtype.ClrType() || data.Rank != 1)
        {
            throw new ArgumentException($"a HostBuffer of dtype '{dtype.Name()}' needs a {dtype.ClrType().Name}[] but got {data.GetType().Name}", nameof(data));
        }
        if (strides.Length != shape.Rank)
        {
            throw new ArgumentException($"{strides.Length} strides given for shape {shape} of rank {shape.Rank}", nameof(strides));
        }
        _data = data;
        _length = data.LongLength;
        DType = dtype;
        Shape = shape;
        Strides = strides;
        Offset = offset;
        CheckBounds();
    }

    /// <summary>
    /// Creates a buffer over <paramref name="length"/> elements of <paramref name="dtype"/> in native memory at
    /// <paramref name="address"/>, without copying; <paramref name="owner"/> is held by the buffer to keep the memory alive.
    /// </summary>
    /// <exception cref="ArgumentException">The address is zero, or the strides do not fit.</exception>
    public HostBuffer(nint address, long length, DType dtype, Shape shape, long[] strides, long offset, object owner)
    {
        ArgumentNullException.ThrowIfNull(strides);
        ArgumentNullException.ThrowIfNull(owner);
        if (address == 0) throw new ArgumentException("a native HostBuffer needs a non-zero address", nameof(address));
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (strides.Length != shape.Rank)
        {
            throw new ArgumentException($"{strides.Length} strides given for shape {shape} of rank {shape.Rank}", nameof(strides));
        }
        _address = address;
        _length = length;
        Owner = owner;
        DType = dtype;
        Shape = shape;
        Strides = strides;
        Offset = offset;
        CheckBounds();
    }

    /// <summary>
    /// The storage: a one-dimensional array of <see cref="DType"/>'s CLR type. For a native buffer, a copy of the native
    /// elements made on first use (writes to it do not reach the memory at <see cref="Address"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">A native buffer holds more elements than a .NET array can.</exception>
    public Array Data => _data ?? CopyNative();

    /// <summary>
    /// Lets go of a native buffer's memory now (the owner's hold on it, when the owner is <see cref="IDisposable"/>): the
    /// buffer's spans are invalid after, and its accessors throw <see cref="ObjectDisposedException"/>. Nothing for a
    /// buffer over a .NET array. Optional: an undisposed buffer lets go when it is collected.
    /// </summary>
    public void Dispose()
    {
        if (_address == 0 || Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (Owner is IDisposable owner) owner.Dispose();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    /// <summary>Whether the elements are in native memory at <see cref="Address"/> (not in a .NET array).</summary>
    public bool IsNative => _address != 0;

    /// <summary>The address of storage element 0 of a native buffer; 0 for a buffer over a .NET array.</summary>
    public nint Address => _address;

    /// <summary>The number of storage elements (of <see cref="Data"/>, or at <see cref="Address"/>).</summary>
    public long Length => _length;

    /// <summary>What keeps a native buffer's memory alive (null for a buffer over a .NET array).</summary>
    public object? Owner { get; }

    /// <summary>
    /// Storage elements <c>[start, start + length)</c> in place (native memory or the .NET array): writes change the
    /// exporter's elements where the buffer aliases them.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not the buffer's element type.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the storage.</exception>
    public Span<T> AsSpan<T>(long start, int length) where T : unmanaged
    {
        if (typeof(T) != DType.ClrType()) throw new ArgumentException($"the buffer holds '{DType.Name()}' elements, not {typeof(T).Name}", nameof(T));
        ThrowIfDisposed();
        if (start < 0 || length < 0 || start > _length - length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"elements [{start}, {start + length}) are outside the buffer's {_length} storage elements");
        }
        ref T first = ref _data is { } data ? ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)) : ref Unsafe.AsRef<T>((void*)_address);
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref first, (nint)start), length);
    }

    /// <summary>All storage elements in place, as <see cref="AsSpan{T}(long, int)"/>.</summary>
    /// <exception cref="InvalidOperationException">The storage holds more elements than a span can (read it in chunks).</exception>
    public Span<T> AsSpan<T>() where T : unmanaged
    {
        if (_length > int.MaxValue)
        {
            throw new InvalidOperationException($"the buffer holds {_length} elements, more than a Span<T> can ({int.MaxValue}); read it in chunks with AsSpan<T>(start, length)");
        }
        return AsSpan<T>(0, (int)_length);
    }

    private Array CopyNative()
    {
        ThrowIfDisposed();
        if (_length > Array.MaxLength)
        {
            throw new InvalidOperationException($"this native buffer holds {_length} elements, more than a .NET array can ({Array.MaxLength}); read it in chunks with AsSpan<T>(start, length)");
        }
        Array copy = Array.CreateInstance(DType.ClrType(), _length);
        int itemSize = DType.ItemSize();
        for (long at = 0; at < _length; at += 1 << 27)
        {
            long count = Math.Min(1 << 27, _length - at);
            new ReadOnlySpan<byte>((byte*)_address + at * itemSize, (int)(count * itemSize))
                .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(copy), (nint)(at * itemSize)), (int)(count * itemSize)));
        }
        GC.KeepAlive(Owner);
        return Interlocked.CompareExchange(ref _data, copy, null) ?? copy;
    }

    /// <summary>The element type.</summary>
    public DType DType { get; }

    /// <summary>The shape.</summary>
    public Shape Shape { get; }

    /// <summary>The step between neighbours along each axis, in elements.</summary>
    public long[] Strides { get; }

    /// <summary>The index in <see cref="Data"/> of element <c>[0, 0, …]</c>.</summary>
    public long Offset { get; }

    /// <summary>Whether the elements lie in C order at <see cref="Offset"/> without gaps.</summary>
    public bool IsCContiguous
    {
        get
        {
            long expected = 1;
            for (int i = Shape.Rank - 1; i >= 0; i--)
            {
                if (Shape.Dims[i] != 1 && Strides[i] != expected) return false;
                expected *= Shape.Dims[i];
            }
            return true;
        }
    }

    /// <summary>Wraps a C-contiguous array without copying.</summary>
    public static HostBuffer FromContiguous<T>(T[] data, Shape shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != shape.Size)
        {
            throw new ArgumentException($"cannot view {data.LongLength} elements as shape {shape} ({shape.Size} elements)", nameof(data));
        }
        return new HostBuffer(data, DTypes.Of<T>(), shape, shape.ContiguousStrides());
    }

    /// <summary>
    /// The elements in C order as a <typeparamref name="T"/>[]: the storage itself when it is already exactly that
    /// (and <paramref name="mayAlias"/>), else a copy.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not the buffer's element type.</exception>
    public T[] ToContiguous<T>(bool mayAlias = false) where T : unmanaged
    {
        if (typeof(T) != DType.ClrType())
        {
            throw new ArgumentException($"the buffer holds '{DType.Name()}' elements, not {typeof(T).Name}", nameof(T));
        }
        long size = Shape.Size;
        // A native buffer is read in place: going through Data would keep a second copy of the elements alive.
        if (_data is T[] source && mayAlias && Offset == 0 && IsCContiguous && source.LongLength == size) return source;
        var result = new T[size];
        CopyTo<T>(result);
        return result;
    }

    /// <summary>
    /// The elements in C order, in an array of the element type: the storage itself when it is already exactly that (and
    /// <paramref name="mayAlias"/>), else a copy. The untyped form of <see cref="ToContiguous{T}(bool)"/>.
    /// </summary>
    public Array ToContiguousArray(bool mayAlias = false) => DType.Apply<ContiguousCopy, Array>(new(this, mayAlias));

    private readonly struct ContiguousCopy(HostBuffer buffer, bool mayAlias) : IDTypeFunction<Array>
    {
        public Array Number<T>() where T : unmanaged, System.Numerics.INumberBase<T> => buffer.ToContiguous<T>(mayAlias);

        public Array Bool() => buffer.ToContiguous<bool>(mayAlias);
    }

    /// <summary>
    /// The elements in C order, read-only: the storage in place (native or managed) when the buffer is C-contiguous, else
    /// a copy. The way to read a buffer without keeping a second copy of a large native array.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not the buffer's element type.</exception>
    public ReadOnlySpan<T> ContiguousSpan<T>() where T : unmanaged
    {
        long size = Shape.Size;
        if (IsCContiguous && size <= int.MaxValue) return AsSpan<T>(Offset, (int)size);
        return ToContiguous<T>();
    }

    /// <summary>
    /// Copies the elements in C order into <paramref name="destination"/> (at least <see cref="Shape"/>'s size long),
    /// straight from the storage, native or managed, whatever the strides.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not the buffer's element type, or the destination is too short.</exception>
    public void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        if (typeof(T) != DType.ClrType())
        {
            throw new ArgumentException($"the buffer holds '{DType.Name()}' elements, not {typeof(T).Name}", nameof(T));
        }
        long size = Shape.Size;
        if (destination.Length < size) throw new ArgumentException($"the destination holds {destination.Length} elements; the buffer has {size}", nameof(destination));
        if (size == 0) return;
        ThrowIfDisposed();
        ref T first = ref _data is { } data ? ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(data)) : ref Unsafe.AsRef<T>((void*)_address);
        if (IsCContiguous)
        {
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref first, (nint)Offset), (int)size).CopyTo(destination);
        }
        else
        {
            int rank = Shape.Rank;
            Span<int> index = stackalloc int[rank];
            long position = Offset;
            for (int k = 0; k < size; k++)
            {
                destination[k] = Unsafe.Add(ref first, (nint)position);
                for (int axis = rank - 1; axis >= 0; axis--)
                {
                    index[axis]++;
                    position += Strides[axis];
                    if (index[axis] < Shape.Dims[axis]) break;
                    position -= Strides[axis] * index[axis];
                    index[axis] = 0;
                }
            }
        }
        GC.KeepAlive(Owner);
    }

    private void CheckBounds()
    {
        if (Shape.Size == 0) return;
        long lo = Offset, hi = Offset;
        for (int i = 0; i < Shape.Rank; i++)
        {
            long reach = Strides[i] * (Shape.Dims[i] - 1);
            if (reach < 0) lo += reach; else hi += reach;
        }
        if (lo < 0 || hi >= _length)
        {
            throw new ArgumentException($"shape {Shape} with strides {Shape.Format(Array.ConvertAll(Strides, s => (int)s))} and offset {Offset} reaches outside a buffer of {_length} elements", nameof(Strides));
        }
    }

    /// <summary>The element at storage offset <paramref name="offset"/>, boxed as its element type, without copying a native buffer.</summary>
    internal object GetValue(long offset) => _data is { } data ? data.GetValue(offset)! : DType.Apply<BoxedElement, object>(new BoxedElement(this, offset));

    private readonly struct BoxedElement(HostBuffer buffer, long offset) : IDTypeFunction<object>
    {
        public object Number<T>() where T : unmanaged, System.Numerics.INumberBase<T> => buffer.AsSpan<T>(offset, 1)[0];

        public object Bool() => buffer.AsSpan<bool>(offset, 1)[0];
    }
}
