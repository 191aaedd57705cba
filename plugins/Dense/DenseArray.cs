using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Dense;

/// <summary>
/// An n-dimensional array on the CPU: storage of the dtype's element type (<c>bool</c>, <c>sbyte</c> … <c>ulong</c>,
/// <c>Half</c>, <c>float</c>, <c>double</c>, <c>Complex64</c>, <c>Complex</c>) plus an offset and element strides, like a
/// NumPy <c>ndarray</c>. Basic slicing, transposes and <c>broadcast_to</c> return views sharing the storage.
/// </summary>
/// <remarks>
/// <para>Storage: arrays of at least <see cref="NativeThresholdBytes"/> that the library allocates live in native memory
/// (64-byte aligned, from a per-process pool of freed buffers), smaller ones and wrapped .NET arrays in managed arrays.
/// <see cref="Dispose"/> (or <c>using</c>) hands a native buffer back to the pool at once when no other view of it is
/// left; arrays never disposed are released when the GC finalizes them, so disposing is an optimisation, never a must.
/// A disposed array throws <see cref="ObjectDisposedException"/>; its views stay valid.</para>
/// <para>Getting at the data: <see cref="From{T}(T[], int[])"/> wraps a C-ordered array without copying;
/// <see cref="AsSpan{T}"/> is the storage of a C-contiguous array (keep the array reachable while using the span);
/// <see cref="AsMemory{T}"/> the same as <see cref="Memory{T}"/> (it keeps the storage alive);
/// <see cref="ContiguousSpan{T}"/> reads any array in C order (copying only when strided); <see cref="EnsureContiguous"/>
/// gives a C-contiguous array (itself when it is one). <see cref="Data"/> and <see cref="Storage{T}"/> are for managed
/// storage only.</para>
/// </remarks>
public sealed partial class DenseArray : NDArray, IHostContiguousBytes
{
    /// <summary>
    /// Results of at least this many bytes live in native memory (64-byte aligned, pooled, released by
    /// <see cref="Dispose"/>); smaller ones in managed arrays, which the GC's gen0 allocates and frees faster.
    /// </summary>
    public const long NativeThresholdBytes = 1 << 20;

    private readonly Shape _shape;
    private readonly DType _dtype;
    private readonly long[] _strides;
    private readonly DenseStorage _storage;
    private int _disposed;

    /// <summary>Creates a view over <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The element type is not <paramref name="dtype"/>'s, or the view reaches outside the storage.</exception>
    public DenseArray(Array data, DType dtype, Shape shape, long[] strides, long offset = 0)
    {
        // HostBuffer validates element type, rank of strides and bounds.
        _ = new HostBuffer(data, dtype, shape, strides, offset);
        _storage = DenseStorage.Wrap(data);
        _storage.AddReference();
        _dtype = dtype;
        _shape = shape;
        _strides = strides;
        Offset = offset;
    }

    // Unchecked constructor for a new array over a managed array no other storage wraps: the storage is this array's
    // alone, so its first reference is taken without an interlocked operation (DenseStorage.WrapOwned).
    private DenseArray(Array data, DType dtype, Shape shape, long[] strides, long offset, bool _)
    {
        _storage = DenseStorage.WrapOwned(data);
        _dtype = dtype;
        _shape = shape;
        _strides = strides;
        Offset = offset;
    }

    // An array over a storage made for it, whose one reference is this array's (a deferred result's storage).
    private DenseArray(DenseStorage owned, DType dtype, Shape shape)
    {
        _storage = owned;
        _dtype = dtype;
        _shape = shape;
        _strides = ContiguousStridesOf(shape);
    }

    /// <summary>A C-contiguous result of <paramref name="shape"/> computed by <paramref name="recipe"/> when first read (DenseStorage.Deferral.cs).</summary>
    internal static DenseArray Deferred(DType dtype, Shape shape, Kernels.DeferredElements recipe) =>
        new(DenseStorage.Deferred(shape.Size, dtype.ItemSize(), recipe), dtype, shape);

    /// <summary>Whether this array's values are still to be computed (a deferred result nothing has read yet).</summary>
    internal bool IsDeferred => _storage.IsDeferred;

    /// <summary>
    /// Whether a deferred result may read this array: a C-contiguous view of storage the library alone can write (not a
    /// caller's .NET array, not handed out as a span, Memory, array or pointer) whose values exist.
    /// </summary>
    internal bool CanBeDeferredInput => !_storage.IsEscaped && !_storage.IsDeferred && IsCContiguous && !IsDisposed;

    /// <summary>Records that code outside the library holds this array's memory (a wrapped caller array).</summary>
    internal void MarkEscaped() => _storage.MarkEscaped();

    /// <summary>The recipe of this array's values when they are deferred and this array is all of them, in C order; else null.</summary>
    internal Kernels.DeferredElements<T>? DeferredWhole<T>() where T : unmanaged =>
        _storage.Recipe is Kernels.DeferredElements<T> recipe && Offset == 0 && _shape.Size == _storage.Length && IsCContiguous ? recipe : null;

    /// <summary>A view over <paramref name="storage"/> (it takes its own reference).</summary>
    internal static DenseArray OverStorage(DenseStorage storage, DType dtype, Shape shape, long[] strides, long offset) =>
        new(storage, dtype, shape, strides, offset);

    private DenseArray(DenseStorage storage, DType dtype, Shape shape, long[] strides, long offset)
    {
        _storage = storage;
        storage.AddReference();
        _dtype = dtype;
        _shape = shape;
        _strides = strides;
        Offset = offset;
    }

    /// <inheritdoc/>
    public override Shape Shape => _shape;

    /// <inheritdoc/>
    public override DType DType => _dtype;

    /// <inheritdoc/>
    public override bool IsHostResident => true;

    /// <summary>
    /// The storage as a one-dimensional managed array of <see cref="DType"/>'s CLR type, possibly shared with other views:
    /// only for arrays whose storage is managed (<see cref="IsNative"/> false); native storage is reached through
    /// <see cref="AsSpan{T}"/>, <see cref="AsMemory{T}"/>, <see cref="ContiguousSpan{T}"/> or <see cref="ToHost"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The storage is native.</exception>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    public Array Data
    {
        get
        {
            ThrowIfDisposed();
            _storage.MarkEscaped();
            return _storage.Managed ?? throw new InvalidOperationException(
                $"this {_dtype.Name()} array of shape {_shape} lives in native memory, not in a .NET array; use AsSpan<T>(), AsMemory<T>(), ContiguousSpan<T>() or ToHost()");
        }
    }

    /// <summary>Whether the storage is a native buffer (arrays of at least <see cref="NativeThresholdBytes"/> the library allocates) rather than a .NET array.</summary>
    public bool IsNative => _storage.IsNative;

    /// <summary>Whether <see cref="Dispose"/> was called on this array (views of it are unaffected).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// Drops this array's reference to its storage; a native buffer goes back to the process's pool (warm for the next
    /// result) when the last array over it (this one and its views) is disposed, else when the GC finalizes the
    /// storage. Views stay valid after their parent is disposed. Calling it twice does nothing more.
    /// </summary>
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _storage.Release();
    }

    internal DenseStorage StorageObject => _storage;

    /// <summary>Disposes this array when it is a temporary the library made, not <paramref name="original"/> itself.</summary>
    internal void DisposeTemporary(DenseArray original)
    {
        if (!ReferenceEquals(this, original)) Dispose();
    }

    /// <inheritdoc/>
    public override object? StorageIdentity => _storage;

    /// <summary>Whether this array and <paramref name="other"/> are views of the same storage.</summary>
    internal bool SharesStorage(DenseArray other) => ReferenceEquals(_storage, other._storage);

    /// <summary>The storage's elements for a kernel (T is the element type).</summary>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    internal Elements<T> Elements<T>() where T : unmanaged
    {
        CheckElementAccess<T>();
        return _storage.Elements<T>();
    }

    /// <summary>The storage's elements for a kernel that only reads them (deferred results reading this array stay deferred).</summary>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    internal Elements<T> ReadElements<T>() where T : unmanaged
    {
        CheckElementAccess<T>();
        return _storage.ReadElements<T>();
    }

    private void CheckElementAccess<T>() where T : unmanaged
    {
        ThrowIfDisposed();
        if (_dtype.ClrType() != typeof(T)) throw new DTypeMismatchException($"the array holds '{_dtype.Name()}' elements, not {typeof(T).Name}");
    }

    /// <summary>Copies <paramref name="count"/> storage elements (any dtype, same on both sides) between storages, like <see cref="Array.Copy(Array, long, Array, long, long)"/>.</summary>
    internal static void CopyStorage(DenseArray source, long from, DenseArray destination, long to, long count)
    {
        source.ThrowIfDisposed();
        destination.ThrowIfDisposed();
        DenseStorage.CopyElements(source._storage, from, destination._storage, to, count, source._dtype.ItemSize());
    }

    /// <summary><c>destination[to + i] = source[from + indices[i]]</c> (same dtype), each index in <c>[0, count)</c>: take's gather of single elements.</summary>
    internal static void GatherStorage(DenseArray source, long from, long count, ReadOnlySpan<long> indices, DenseArray destination, long to)
    {
        source.ThrowIfDisposed();
        destination.ThrowIfDisposed();
        DenseStorage.GatherElements(source._storage, from, count, indices, destination._storage, to, source._dtype.ItemSize());
    }

    internal void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(DenseArray), $"this DenseArray of shape {_shape} and dtype {_dtype.Name()} was disposed; its elements can no longer be read or written (views taken before disposing stay valid)");
        }
    }

    /// <summary>The index in the storage of element <c>[0, 0, …]</c>.</summary>
    public long Offset { get; }

    /// <summary>The step between neighbours along each axis, in elements (0 for broadcast axes, negative for reversed ones).</summary>
    public ReadOnlySpan<long> Strides => _strides;

    internal long[] StrideArray => _strides;

    /// <summary>The view's geometry (shape, strides, offset), for the protocol's view arithmetic.</summary>
    public StridedLayout Layout => new(_shape, _strides, Offset);

    /// <inheritdoc/>
    public override StridedLayout? MemoryLayout => Layout;

    /// <summary>Whether the elements lie in C order starting at <see cref="Offset"/> without gaps.</summary>
    public bool IsCContiguous
    {
        get
        {
            long expected = 1;
            ReadOnlySpan<int> dims = _shape.Dims;
            for (int i = dims.Length - 1; i >= 0; i--)
            {
                if (dims[i] != 1 && _strides[i] != expected) return dims[i] == 0 || _shape.Size == 0;
                expected *= dims[i];
            }
            return true;
        }
    }

    /// <summary>
    /// Exports the array without copying: the storage, offset and strides. Native storage exports as a native
    /// <see cref="HostBuffer"/> (any size, beyond 2^31 elements too) whose owner holds a reference on the storage until the
    /// GC collects the buffer, so the memory stays valid after the array is disposed.
    /// </summary>
    public override HostBuffer ToHost()
    {
        ThrowIfDisposed();
        _storage.MarkEscaped();   // the caller may write through the buffer, unseen
        return Export();
    }

    /// <summary>
    /// <see cref="ToHost"/> for a reader that disposes the buffer before the array is used again (printing, ToArray,
    /// saving): the storage is not marked as handed out, so deferred results may still read it.
    /// </summary>
    public override HostBuffer ToHostForReading()
    {
        ThrowIfDisposed();
        return Export();
    }

    private unsafe HostBuffer Export()
    {
        if (_storage.ReadManaged is { } managed) return new(managed, _dtype, _shape, (long[])_strides.Clone(), Offset);
        return new((nint)_storage.ReadPointer, _storage.Length, _dtype, _shape, (long[])_strides.Clone(), Offset, new StorageLease(_storage));
    }

    bool IHostContiguousBytes.IsHostCContiguous => IsCContiguous;

    /// <summary>The bytes <c>[start, start + length)</c> of a C-contiguous array's elements, in place (managed or native storage).</summary>
    Span<byte> IHostContiguousBytes.HostBytes(long start, int length)
    {
        ThrowIfDisposed();
        if (!IsCContiguous) throw new InvalidOperationException($"this {_dtype.Name()} array of shape {_shape} is not C-contiguous; its bytes are not one run in memory");
        _storage.MarkEscaped();
        int itemSize = _dtype.ItemSize();
        long total = _shape.Size * itemSize;
        if (start < 0 || length < 0 || start > total - length)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"bytes [{start}, {start + length}) are outside the array's {total} bytes");
        }
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref _storage.ByteReference, (nint)(Offset * itemSize + start)), length);
    }

    /// <summary>A new C-contiguous array of <paramref name="dtype"/>; the elements are zero.</summary>
    public static DenseArray Create(DType dtype, Shape shape)
    {
        if (UsesNative(dtype, shape.Size)) return new(DenseStorage.Allocate(shape.Size, dtype.ItemSize(), zero: true), dtype, shape, ContiguousStridesOf(shape), 0);
        return new(NewManaged(dtype, shape.Size, zero: true), dtype, shape, ContiguousStridesOf(shape), 0, false);
    }

    /// <summary>Whether a new array of <paramref name="size"/> elements of <paramref name="dtype"/> goes to native memory.</summary>
    internal static bool UsesNative(DType dtype, long size) => size >= NativeThresholdBytes / dtype.ItemSize();   // never size * ItemSize: it wraps for huge sizes

    /// <summary>A new C-contiguous array in managed memory whatever its size (for exports to .NET arrays); elements unspecified.</summary>
    internal static DenseArray CreateManaged(DType dtype, Shape shape) =>
        new(NewManaged(dtype, shape.Size, zero: true), dtype, shape, ContiguousStridesOf(shape), 0, false);

    /// <summary>A new C-contiguous array whose elements are unspecified (for results every element of which is written).</summary>
    internal static DenseArray CreateUninitialized(DType dtype, Shape shape) => CreateUninitialized(dtype, shape, ContiguousStridesOf(shape));

    // A new array with strides that cover its elements without gaps or overlap (C order, or another axis order).
    private static DenseArray CreateUninitialized(DType dtype, Shape shape, long[] strides)
    {
        long n = shape.Size;
        if (UsesNative(dtype, n)) return new(DenseStorage.Allocate(n, dtype.ItemSize(), zero: false), dtype, shape, strides, 0);
        return new(NewManaged(dtype, n, zero: n < 1024), dtype, shape, strides, 0, false);
    }

    /// <summary>
    /// A new array for the result of an element-wise operation on <paramref name="operands"/>, laid out in NumPy's
    /// <c>order='K'</c> (<see cref="StridedLayout.KeepOrderAxes(Shape, ReadOnlySpan{StridedLayout})"/>): C-contiguous when
    /// the operands are, Fortran-contiguous when they are Fortran-ordered (NumPy's <c>np.exp(f)</c>, <c>f + 1</c>,
    /// <c>c.T * 2</c>), so the loop then walks every operand in memory order. Elements unspecified.
    /// </summary>
    internal static DenseArray CreateUninitialized(DType dtype, Shape shape, params ReadOnlySpan<DenseArray> operands)
    {
        if (shape.Rank < 2 || AllCContiguous(operands)) return CreateUninitialized(dtype, shape);
        var layouts = new StridedLayout[operands.Length];
        for (int k = 0; k < operands.Length; k++) layouts[k] = operands[k].Layout;
        int[] axes = StridedLayout.KeepOrderAxes(shape, layouts);
        bool identity = true;
        for (int i = 0; i < axes.Length && identity; i++) identity = axes[i] == i;
        if (identity) return CreateUninitialized(dtype, shape);
        var strides = new long[axes.Length];
        long stride = 1;
        for (int i = axes.Length - 1; i >= 0; i--)
        {
            strides[axes[i]] = stride;
            stride *= shape[axes[i]];
        }
        return CreateUninitialized(dtype, shape, strides);
    }

    /// <summary>
    /// A new array of <paramref name="like"/>'s shape laid out as NumPy's <c>PyArray_NewLikeArray</c> with
    /// <c>order='K'</c> (<see cref="StridedLayout.NewLikeAxes"/>: astype's result): C-contiguous for a C-contiguous array,
    /// else its axes by decreasing |stride|, broadcast axes innermost. Elements unspecified.
    /// </summary>
    internal static DenseArray CreateUninitializedLike(DType dtype, DenseArray like)
    {
        if (like.Rank < 2 || like.IsCContiguous) return CreateUninitialized(dtype, like.Shape);
        int[] axes = like.Layout.NewLikeAxes();
        var strides = new long[axes.Length];
        long stride = 1;
        for (int i = axes.Length - 1; i >= 0; i--)
        {
            strides[axes[i]] = stride;
            stride *= like.Shape[axes[i]];
        }
        return CreateUninitialized(dtype, like.Shape, strides);
    }

    private static bool AllCContiguous(ReadOnlySpan<DenseArray> operands)
    {
        foreach (DenseArray a in operands) if (!a.IsCContiguous) return false;
        return true;
    }

    /// <summary>
    /// A .NET array of <paramref name="dtype"/>'s element type, allocated by its type (<see cref="Array.CreateInstance(Type, long[])"/>
    /// took a lengths array and the reflection path: 64 B and most of the allocation's time on a 1-element result).
    /// Below 1024 elements zeroing is cheaper than the uninitialized allocation's own path.
    /// </summary>
    private static Array NewManaged(DType dtype, long size, bool zero) =>
        dtype.Apply<NewManagedArray, Array>(new NewManagedArray(checked((int)size), zero));

    private readonly struct NewManagedArray(int length, bool zero) : IDTypeFunction<Array>
    {
        public Array Number<T>() where T : unmanaged, System.Numerics.INumberBase<T> => zero ? new T[length] : GC.AllocateUninitializedArray<T>(length);

        public Array Bool() => zero ? new bool[length] : GC.AllocateUninitializedArray<bool>(length);
    }

    private static readonly long[] s_scalarStrides = [];
    private static readonly long[] s_vectorStrides = [1];

    /// <summary>
    /// The C-order strides of <paramref name="shape"/>; 0-d and 1-d shapes share one array each (a 1-d C-contiguous array's
    /// stride is 1 whatever its length), saving an allocation per result. Stride arrays are never written after an array
    /// is made (views and kernels build new ones), so sharing them is safe.
    /// </summary>
    internal static long[] ContiguousStridesOf(Shape shape) => shape.Rank switch
    {
        0 => s_scalarStrides,
        1 => s_vectorStrides,
        _ => shape.ContiguousStrides(),
    };

    /// <summary>A new C-contiguous array of <typeparamref name="T"/>; the elements are zero.</summary>
    public static DenseArray Create<T>(Shape shape) where T : unmanaged => Create(DTypes.Of<T>(), shape);

    /// <summary>Wraps a C-ordered .NET array without copying; with no shape, a 1-d array of its length.</summary>
    /// <exception cref="ShapeMismatchException">The shape's size is not the array's length.</exception>
    public static DenseArray From<T>(T[] data, params int[] shape) where T : unmanaged
    {
        DenseArray wrapped = Owned(data, shape);
        wrapped._storage.MarkEscaped();   // the caller keeps the array
        return wrapped;
    }

    /// <summary><see cref="From{T}(T[], int[])"/> for a .NET array the library made and no one else holds.</summary>
    internal static DenseArray Owned<T>(T[] data, params int[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        Shape s = shape is null || shape.Length == 0 ? new Shape(data.Length) : new Shape(shape);
        if (s.Size != data.LongLength)
        {
            throw new ShapeMismatchException($"cannot reshape array of size {data.LongLength} into shape {s}", s);
        }
        return Wrap(data, s);
    }

    /// <summary>Copies a 2-d .NET array, keeping its shape.</summary>
    public static DenseArray From<T>(T[,] data) where T : unmanaged => FromMultiDimensional<T>(data);

    /// <summary>Copies a 3-d .NET array, keeping its shape.</summary>
    public static DenseArray From<T>(T[,,] data) where T : unmanaged => FromMultiDimensional<T>(data);

    /// <summary>Copies a .NET array of any rank (its elements are read in C order), keeping its shape.</summary>
    public static DenseArray FromMultiDimensional<T>(Array data) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var dims = new int[data.Rank];
        for (int i = 0; i < dims.Length; i++) dims[i] = data.GetLength(i);
        var copy = new T[data.LongLength];
        if (copy.Length > 0)
        {
            ref byte source = ref MemoryMarshal.GetArrayDataReference(data);
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref source), copy.Length).CopyTo(copy);
        }
        return Wrap(copy, new Shape(dims));
    }

    /// <summary>A 0-d array holding <paramref name="value"/>.</summary>
    public static DenseArray Scalar<T>(T value) where T : unmanaged => Wrap(new[] { value }, Shape.Scalar);

    internal static DenseArray Wrap<T>(T[] data, Shape shape) where T : unmanaged =>
        new(data, DTypes.Of<T>(), shape, ContiguousStridesOf(shape), 0, false);

    internal static DenseArray Wrap(Array data, DType dtype, Shape shape) => new(data, dtype, shape, ContiguousStridesOf(shape), 0, false);

    /// <summary>A view of the same storage with another shape, strides and offset (not validated: kernels only).</summary>
    internal DenseArray View(Shape shape, long[] strides, long offset)
    {
        ThrowIfDisposed();
        return new(_storage, _dtype, shape, strides, offset) { IsReadOnly = IsReadOnly };
    }

    /// <summary>A view nothing may be assigned through (NumPy's <c>writeable=False</c>): <c>broadcast_to</c>'s result, whose elements alias.</summary>
    internal DenseArray ReadOnlyView(StridedLayout layout)
    {
        ThrowIfDisposed();
        return new(_storage, _dtype, layout.Shape, layout.StrideArray(), layout.Offset) { IsReadOnly = true };
    }

    /// <summary>Whether assignment into this array is refused (a broadcast view, and every view of one, as NumPy's flags.writeable).</summary>
    internal bool IsReadOnly { get; private init; }

    /// <summary>Refuses assignment into a read-only view with NumPy's <c>ValueError</c>.</summary>
    /// <exception cref="ArgumentException">The array is read-only.</exception>
    internal void ThrowIfReadOnly(string what = "assignment destination")
    {
        if (IsReadOnly) throw NumPyErrors.ReadOnly(what);
    }

    /// <summary>A view of the same storage with the geometry <paramref name="layout"/> (made by <see cref="StridedLayout"/>'s view arithmetic from this array's).</summary>
    internal DenseArray View(StridedLayout layout) => View(layout.Shape, layout.StrideArray(), layout.Offset);

    /// <summary>The storage as <typeparamref name="T"/>[] (managed storage only: see <see cref="Data"/>).</summary>
    /// <exception cref="DTypeMismatchException"><typeparamref name="T"/> is not the element type.</exception>
    /// <exception cref="InvalidOperationException">The storage is native.</exception>
    public T[] Storage<T>() where T : unmanaged =>
        Data.GetType() == typeof(T[]) ? (T[])Data : throw new DTypeMismatchException($"the array holds '{_dtype.Name()}' elements, not {typeof(T).Name}");

    /// <summary>The elements of a C-contiguous array as a span over the storage (writes go to the array).</summary>
    /// <exception cref="InvalidOperationException">The array is not C-contiguous (call <see cref="EnsureContiguous"/> first).</exception>
    public Span<T> AsSpan<T>() where T : unmanaged
    {
        if (!IsCContiguous)
        {
            throw new InvalidOperationException($"an array of shape {_shape} with strides {FormatStrides()} is not C-contiguous; call EnsureContiguous() first");
        }
        // An empty view's offset need not lie in the storage (a reversed (2, 0, 3) view starts before it): nothing to span.
        if (_shape.Size == 0) return Span<T>.Empty;
        Elements<T> elements = Elements<T>();
        _storage.MarkEscaped();   // the span can write where no access of the storage sees it
        return elements.AsSpan(Offset, checked((int)_shape.Size));
    }

    /// <summary>The elements in C order: a span over the storage when the array is C-contiguous, else over a copy.</summary>
    public ReadOnlySpan<T> ContiguousSpan<T>() where T : unmanaged => EnsureContiguous().AsSpan<T>();

    /// <summary>This array when it is C-contiguous, else a C-contiguous copy.</summary>
    public DenseArray EnsureContiguous() => IsCContiguous ? this : Kernels.Copy.Contiguous(this);

    /// <summary>A C-contiguous copy with offset 0.</summary>
    public DenseArray Clone() => Kernels.Copy.Contiguous(this);

    internal string FormatStrides() => Shape.Format(Array.ConvertAll(_strides, s => (int)s));

}
