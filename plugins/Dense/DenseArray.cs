using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Dense;

/// <summary>
/// An n-dimensional array on the CPU: a one-dimensional .NET array of the dtype's element type (<c>bool[]</c>,
/// <c>sbyte[]</c> … <c>ulong[]</c>, <c>Half[]</c>, <c>float[]</c>, <c>double[]</c>, <c>Complex64[]</c>, <c>Complex[]</c>) plus an offset and element strides, like a NumPy <c>ndarray</c>. Basic slicing,
/// transposes and <c>broadcast_to</c> return views sharing the storage.
/// </summary>
/// <remarks>
/// Getting at the data: <see cref="From{T}(T[], int[])"/> wraps a C-ordered array without copying;
/// <see cref="AsSpan{T}"/> is the storage of a C-contiguous array; <see cref="ContiguousSpan{T}"/> reads any array in
/// C order (copying only when strided); <see cref="EnsureContiguous"/> gives a C-contiguous array (itself when it is one).
/// </remarks>
public sealed partial class DenseArray : NDArray
{
    private readonly Shape _shape;
    private readonly DType _dtype;
    private readonly long[] _strides;

    /// <summary>Creates a view over <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The element type is not <paramref name="dtype"/>'s, or the view reaches outside the storage.</exception>
    public DenseArray(Array data, DType dtype, Shape shape, long[] strides, long offset = 0)
    {
        // HostBuffer validates element type, rank of strides and bounds.
        _ = new HostBuffer(data, dtype, shape, strides, offset);
        Data = data;
        _dtype = dtype;
        _shape = shape;
        _strides = strides;
        Offset = offset;
    }

    // Unchecked constructor for views the kernels have already validated.
    private DenseArray(Array data, DType dtype, Shape shape, long[] strides, long offset, bool _)
    {
        Data = data;
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

    /// <summary>The storage: a one-dimensional array of <see cref="DType"/>'s CLR type, possibly shared with other views.</summary>
    public Array Data { get; }

    /// <summary>The index in <see cref="Data"/> of element <c>[0, 0, …]</c>.</summary>
    public long Offset { get; }

    /// <summary>The step between neighbours along each axis, in elements (0 for broadcast axes, negative for reversed ones).</summary>
    public ReadOnlySpan<long> Strides => _strides;

    internal long[] StrideArray => _strides;

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

    /// <summary>Exports the array without copying: the storage, offset and strides.</summary>
    public override HostBuffer ToHost() => new(Data, _dtype, _shape, (long[])_strides.Clone(), Offset);

    /// <summary>A new C-contiguous array of <paramref name="dtype"/>; the elements are zero.</summary>
    public static DenseArray Create(DType dtype, Shape shape) =>
        new(Array.CreateInstance(dtype.ClrType(), shape.Size), dtype, shape, shape.ContiguousStrides(), 0, false);

    /// <summary>A new C-contiguous array whose elements are unspecified (for results every element of which is written).</summary>
    internal static DenseArray CreateUninitialized(DType dtype, Shape shape)
    {
        long n = shape.Size;
        if (n < 1024) return Create(dtype, shape);
        Array data = dtype switch
        {
            DType.Bool => GC.AllocateUninitializedArray<bool>((int)n),
            DType.Int8 => GC.AllocateUninitializedArray<sbyte>((int)n),
            DType.Int16 => GC.AllocateUninitializedArray<short>((int)n),
            DType.Int32 => GC.AllocateUninitializedArray<int>((int)n),
            DType.Int64 => GC.AllocateUninitializedArray<long>((int)n),
            DType.UInt8 => GC.AllocateUninitializedArray<byte>((int)n),
            DType.UInt16 => GC.AllocateUninitializedArray<ushort>((int)n),
            DType.UInt32 => GC.AllocateUninitializedArray<uint>((int)n),
            DType.UInt64 => GC.AllocateUninitializedArray<ulong>((int)n),
            DType.Float16 => GC.AllocateUninitializedArray<Half>((int)n),
            DType.Float32 => GC.AllocateUninitializedArray<float>((int)n),
            DType.Float64 => GC.AllocateUninitializedArray<double>((int)n),
            DType.Complex64 => GC.AllocateUninitializedArray<Complex64>((int)n),
            DType.Complex128 => GC.AllocateUninitializedArray<System.Numerics.Complex>((int)n),
            _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, $"unknown dtype {(int)dtype}"),
        };
        return new DenseArray(data, dtype, shape, shape.ContiguousStrides(), 0, false);
    }

    /// <summary>A new C-contiguous array of <typeparamref name="T"/>; the elements are zero.</summary>
    public static DenseArray Create<T>(Shape shape) where T : unmanaged => Wrap(new T[shape.Size], shape);

    /// <summary>Wraps a C-ordered .NET array without copying; with no shape, a 1-d array of its length.</summary>
    /// <exception cref="ShapeMismatchException">The shape's size is not the array's length.</exception>
    public static DenseArray From<T>(T[] data, params int[] shape) where T : unmanaged
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
        new(data, DTypes.Of<T>(), shape, shape.ContiguousStrides(), 0, false);

    internal static DenseArray Wrap(Array data, DType dtype, Shape shape) => new(data, dtype, shape, shape.ContiguousStrides(), 0, false);

    /// <summary>A view of the same storage with another shape, strides and offset (not validated: kernels only).</summary>
    internal DenseArray View(Shape shape, long[] strides, long offset) => new(Data, _dtype, shape, strides, offset, false);

    /// <summary>The storage as <typeparamref name="T"/>[].</summary>
    /// <exception cref="DTypeMismatchException"><typeparamref name="T"/> is not the element type.</exception>
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
        return Storage<T>().AsSpan((int)Offset, (int)_shape.Size);
    }

    /// <summary>The elements in C order: a span over the storage when the array is C-contiguous, else over a copy.</summary>
    public ReadOnlySpan<T> ContiguousSpan<T>() where T : unmanaged => EnsureContiguous().AsSpan<T>();

    /// <summary>This array when it is C-contiguous, else a C-contiguous copy.</summary>
    public DenseArray EnsureContiguous() => IsCContiguous ? this : Kernels.Copy.Contiguous(this);

    /// <summary>A C-contiguous copy with offset 0.</summary>
    public DenseArray Clone() => Kernels.Copy.Contiguous(this);

    internal string FormatStrides() => Shape.Format(Array.ConvertAll(_strides, s => (int)s));

}
