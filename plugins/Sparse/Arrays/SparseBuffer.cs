using System.Numerics;
using ArrayDispatch.Memory;

namespace ArrayDispatch.Sparse;

/// <summary>
/// One buffer of a sparse array's storage (its values, indices, index pointer or one axis's coordinates): a .NET array
/// below <see cref="SparseBuffers.NativeThresholdBytes"/>, a <see cref="NativeBuffer{T}"/> from the protocol's pool at or
/// above it. Reference counted per buffer, not per array, because arrays share single buffers: a CSR array's transpose
/// view shares all three, its COO form shares the column indices and values but not the (new) row coordinates.
/// </summary>
/// <remarks>
/// Every array that holds a buffer took a reference (<see cref="AddReference"/>) and gives it back when disposed
/// (<see cref="Release"/>); the last release returns a native buffer to the pool at once. A buffer nobody disposes goes
/// back when the GC finalizes its <see cref="NativeBuffer{T}"/> (the safety net). A new buffer has no reference: a
/// kernel's temporary that no array adopted is given back by <see cref="Dispose"/> (<c>using</c>), which does nothing to
/// a buffer an array holds.
/// </remarks>
internal abstract class SparseBuffer : IDisposable
{
    private int _references;

    /// <summary>The number of elements.</summary>
    public abstract long Length { get; }

    /// <summary>Whether the elements live in a native buffer rather than a .NET array.</summary>
    public abstract bool IsNative { get; }

    /// <summary>The element type.</summary>
    public abstract Type ElementType { get; }

    /// <summary>
    /// The elements as a 1-d host buffer of <paramref name="dtype"/> without copying (over the .NET array, or over the
    /// native memory with this buffer as its owner, so it stays alive; disposing the host buffer disposes this one, which
    /// does nothing while an array holds it). For writers that take host buffers (<c>.npy</c>).
    /// </summary>
    public abstract Interchange.HostBuffer ToHostBuffer(DType dtype);

    /// <summary>Calls <paramref name="function"/> with the buffer typed by its element type.</summary>
    public abstract TResult Visit<TF, TResult>(TF function) where TF : IBufferFunction<TResult>;

    /// <summary>Calls <paramref name="function"/> with the buffer typed: numbers through one generic path, bool apart.</summary>
    public TResult VisitValues<TF, TResult>(TF function) where TF : IValuesBufferFunction<TResult> => this switch
    {
        SparseBuffer<double> b => function.Number(b),
        SparseBuffer<float> b => function.Number(b),
        SparseBuffer<long> b => function.Number(b),
        SparseBuffer<int> b => function.Number(b),
        SparseBuffer<bool> b => function.Bool(b),
        SparseBuffer<sbyte> b => function.Number(b),
        SparseBuffer<short> b => function.Number(b),
        SparseBuffer<byte> b => function.Number(b),
        SparseBuffer<ushort> b => function.Number(b),
        SparseBuffer<uint> b => function.Number(b),
        SparseBuffer<ulong> b => function.Number(b),
        SparseBuffer<Half> b => function.Number(b),
        SparseBuffer<Complex> b => function.Number(b),
        SparseBuffer<Complex64> b => function.Number(b),
        _ => throw new InvalidOperationException($"a sparse buffer of {ElementType.Name} is not a sparse dtype's. This is a bug in ArrayDispatch; please report it."),
    };

    /// <summary>Whether an array holds the buffer (a kernel must not write into it).</summary>
    public bool IsHeld => Volatile.Read(ref _references) > 0;

    /// <summary>Takes a reference for an array that holds the buffer.</summary>
    public void AddReference() => Interlocked.Increment(ref _references);

    /// <summary>Gives an array's reference back; the last one frees a native buffer.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Free();
    }

    /// <summary>Frees a buffer no array holds (a kernel's temporary); does nothing to one an array holds.</summary>
    public void Dispose()
    {
        if (Volatile.Read(ref _references) == 0) Free();
    }

    private protected abstract void Free();

    /// <summary>A buffer over <paramref name="values"/> (not copied), typed by its exact element type.</summary>
    public static SparseBuffer Wrap(Array values) => Kernels.ArrayOps.Visit<WrapFunction, SparseBuffer>(values, default);

    private readonly struct WrapFunction : Kernels.IValuesFunction<SparseBuffer>
    {
        public SparseBuffer Number<T>(T[] values) where T : unmanaged, INumberBase<T> => new SparseBuffer<T>(values);

        public SparseBuffer Bool(bool[] values) => new SparseBuffer<bool>(values);
    }
}

/// <summary>A <see cref="SparseBuffer"/> of <typeparamref name="T"/>.</summary>
internal sealed unsafe class SparseBuffer<T> : SparseBuffer where T : unmanaged
{
    private readonly T[]? _array;
    private readonly NativeBuffer<T>? _native;

    public SparseBuffer(T[] array) => _array = array;

    public SparseBuffer(NativeBuffer<T> native) => _native = native;

    /// <inheritdoc/>
    public override long Length => _array?.LongLength ?? _native!.Length;

    /// <inheritdoc/>
    public override bool IsNative => _native is not null;

    /// <inheritdoc/>
    public override Type ElementType => typeof(T);

    /// <summary>The .NET array, when the buffer is managed.</summary>
    public T[]? Managed => _array;

    /// <summary>
    /// Every element (below 2^31, which indices of type int guarantee). Kernels hold the buffer, not the span, in
    /// parallel lambdas, and take the span inside them.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The native buffer went back to the pool.</exception>
    public Span<T> Span => _array is not null ? _array : _native!.Span;

    /// <summary><paramref name="length"/> elements from <paramref name="start"/>.</summary>
    public Span<T> Slice(int start, int length) => Span.Slice(start, length);

    /// <inheritdoc/>
    public override Interchange.HostBuffer ToHostBuffer(DType dtype) => _array is not null
        ? new Interchange.HostBuffer(_array, dtype, new Shape(_array.Length), [1])
        : new Interchange.HostBuffer((nint)_native!.Pointer, _native.Length, dtype, new Shape(checked((int)_native.Length)), [1], 0, this);

    /// <inheritdoc/>
    public override TResult Visit<TF, TResult>(TF function) => function.Visit(this);

    private protected override void Free() => _native?.Dispose();

    public static implicit operator SparseBuffer<T>(T[] array) => new(array);
}

/// <summary>A kernel over a value buffer of any element type (see <see cref="SparseBuffer.Visit{TF, TResult}"/>).</summary>
internal interface IBufferFunction<TResult>
{
    TResult Visit<T>(SparseBuffer<T> buffer) where T : unmanaged;
}

/// <summary>A kernel over a value buffer: numbers by one generic path, bool apart (see <see cref="SparseBuffer.VisitValues{TF, TResult}"/>).</summary>
internal interface IValuesBufferFunction<TResult>
{
    TResult Number<T>(SparseBuffer<T> values) where T : unmanaged, INumberBase<T>;

    TResult Bool(SparseBuffer<bool> values);
}

/// <summary>The one allocator of the plugin's result and temporary buffers.</summary>
internal static class SparseBuffers
{
    /// <summary>
    /// Buffers of at least this many bytes are native, from the protocol's pool (the 1 MB at which Dense keeps its arrays
    /// native): a large result given back by Dispose is a warm buffer for the next call instead of a large-object-heap
    /// array for the GC, and it does not count toward gen2 collections. Smaller ones are .NET arrays: gen0 allocates
    /// and frees them faster than a pool rent (a lock, a finalizable owner) and the GC pressure they add is small.
    /// </summary>
    public const long NativeThresholdBytes = 1L << 20;

    /// <summary>A buffer of <paramref name="length"/> elements, native at or above the threshold; contents unspecified unless <paramref name="clear"/>.</summary>
    public static SparseBuffer<T> Allocate<T>(long length, bool clear = false) where T : unmanaged
    {
        if (length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() >= NativeThresholdBytes) return new(new NativeBuffer<T>(length, clear));
        int n = checked((int)length);
        return new(clear ? new T[n] : GC.AllocateUninitializedArray<T>(n));
    }

    /// <summary>A value buffer of <paramref name="dtype"/>'s element type.</summary>
    public static SparseBuffer Allocate(DType dtype, long length, bool clear = false) =>
        Kernels.ArrayOps.Visit<AllocateLike, SparseBuffer>(Kernels.ArrayOps.Allocate(dtype, 0), new(length, clear));

    private readonly struct AllocateLike(long length, bool clear) : Kernels.IValuesFunction<SparseBuffer>
    {
        public SparseBuffer Number<T>(T[] values) where T : unmanaged, INumberBase<T> => Allocate<T>(length, clear);

        public SparseBuffer Bool(bool[] values) => Allocate<bool>(length, clear);
    }

    /// <summary>
    /// A buffer over values a kernel built in a .NET array: the array itself below the threshold, a native copy at or
    /// above it (the array is then garbage of this call, and the result a native buffer like every large result).
    /// </summary>
    public static SparseBuffer Adopt(Array values)
    {
        SparseBuffer wrapped = SparseBuffer.Wrap(values);
        return (long)values.Length * CooArray.DTypeOf(values).ItemSize() >= NativeThresholdBytes ? CopyOf(wrapped) : wrapped;
    }

    /// <summary>A buffer holding a copy of <paramref name="source"/> (native at or above the threshold).</summary>
    public static SparseBuffer<T> CopyOf<T>(ReadOnlySpan<T> source) where T : unmanaged
    {
        SparseBuffer<T> result = Allocate<T>(source.Length);
        source.CopyTo(result.Span);
        return result;
    }

    /// <summary>A copy of a value buffer.</summary>
    public static SparseBuffer CopyOf(SparseBuffer source) => source.Visit<CopyFunction, SparseBuffer>(default);

    private readonly struct CopyFunction : IBufferFunction<SparseBuffer>
    {
        public SparseBuffer Visit<T>(SparseBuffer<T> buffer) where T : unmanaged => CopyOf<T>(buffer.Span);
    }
}
