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
/// </remarks>
public sealed class HostBuffer
{
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
        Data = data;
        DType = dtype;
        Shape = shape;
        Strides = strides;
        Offset = offset;
        CheckBounds();
    }

    /// <summary>The storage: a one-dimensional array of <see cref="DType"/>'s CLR type.</summary>
    public Array Data { get; }

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
        // An exact type test: the runtime lets a byte[] pass as an sbyte[] (and uint[] as int[]) in an 'is' test.
        if (Data.GetType() != typeof(T[]) || Data is not T[] source)
        {
            throw new ArgumentException($"the buffer holds '{DType.Name()}' elements, not {typeof(T).Name}", nameof(T));
        }
        long size = Shape.Size;
        if (mayAlias && Offset == 0 && IsCContiguous && source.LongLength == size) return source;
        var result = new T[size];
        if (IsCContiguous)
        {
            Array.Copy(source, Offset, result, 0, size);
            return result;
        }
        CopyStrided(source, result);
        return result;
    }

    /// <summary>
    /// The elements in C order, in an array of the element type: the storage itself when it is already exactly that (and
    /// <paramref name="mayAlias"/>), else a copy. The untyped form of <see cref="ToContiguous{T}(bool)"/>.
    /// </summary>
    public Array ToContiguousArray(bool mayAlias = false)
    {
        long size = Shape.Size;
        if (mayAlias && Offset == 0 && IsCContiguous && Data.LongLength == size) return Data;
        Array result = Array.CreateInstance(Data.GetType().GetElementType()!, size);
        if (IsCContiguous)
        {
            Array.Copy(Data, Offset, result, 0, size);
            return result;
        }
        int rank = Shape.Rank;
        var index = new int[rank];
        long position = Offset;
        for (long k = 0; k < size; k++)
        {
            Array.Copy(Data, position, result, k, 1);
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                index[axis]++;
                position += Strides[axis];
                if (index[axis] < Shape.Dims[axis]) break;
                position -= Strides[axis] * index[axis];
                index[axis] = 0;
            }
        }
        return result;
    }

    private void CopyStrided<T>(T[] source, T[] destination)
    {
        int rank = Shape.Rank;
        var index = new int[rank];
        long position = Offset;
        for (long k = 0; k < destination.LongLength; k++)
        {
            destination[k] = source[position];
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

    private void CheckBounds()
    {
        if (Shape.Size == 0) return;
        long lo = Offset, hi = Offset;
        for (int i = 0; i < Shape.Rank; i++)
        {
            long reach = Strides[i] * (Shape.Dims[i] - 1);
            if (reach < 0) lo += reach; else hi += reach;
        }
        if (lo < 0 || hi >= Data.LongLength)
        {
            throw new ArgumentException($"shape {Shape} with strides {Shape.Format(Array.ConvertAll(Strides, s => (int)s))} and offset {Offset} reaches outside a buffer of {Data.LongLength} elements", nameof(Strides));
        }
    }
}
