using ArrayDispatch.Interchange;

namespace ArrayDispatch.Printing;

/// <summary>
/// Formats the elements of one array so that they line up (NumPy's per-dtype format functions): built once from every
/// element that will print, then called per element. A new dtype is one subclass and one line in <see cref="ForDType"/>.
/// </summary>
internal abstract class ElementFormat
{
    /// <summary>The text of the element at <paramref name="offset"/> in the buffer's storage, padded to the common width.</summary>
    public abstract string Format(long offset);

    /// <summary>The format for <paramref name="buffer"/>'s dtype, fitted to the elements at <paramref name="offsets"/>.</summary>
    /// <remarks>
    /// A native buffer gives the format only the elements at <paramref name="offsets"/>: it may hold more elements than a
    /// .NET array can, and copying all of it to print a dozen would cost the whole array's time and memory.
    /// Every offset later passed to <see cref="Format"/> must be among <paramref name="offsets"/>.
    /// </remarks>
    public static ElementFormat For(HostBuffer buffer, List<long> offsets, PrintOptions options)
    {
        bool zeroD = buffer.Shape.Rank == 0;
        if (!buffer.IsNative) return ForDType(buffer.Data, buffer.DType, zeroD, offsets, options);
        var index = new Dictionary<long, int>(offsets.Count);
        var distinct = new List<long>(offsets.Count);
        foreach (long offset in offsets)
        {
            if (index.TryAdd(offset, distinct.Count)) distinct.Add(offset);
        }
        Array gathered = buffer.DType.Apply<Gather, Array>(new Gather(buffer, distinct));
        List<long> compact = offsets.ConvertAll(offset => (long)index[offset]);
        return new Gathered(ForDType(gathered, buffer.DType, zeroD, compact, options), index);
    }

    /// <remarks>Chosen by dtype, not by the storage's array type: the runtime lets a <c>byte[]</c> pass as an <c>sbyte[]</c>.</remarks>
    private static ElementFormat ForDType(Array data, DType dtype, bool zeroD, List<long> offsets, PrintOptions options) => dtype switch
    {
        DType.Bool => new BoolFormat((bool[])data, zeroD),
        DType.Int8 => new IntegerFormat<sbyte>((sbyte[])data, offsets),
        DType.Int16 => new IntegerFormat<short>((short[])data, offsets),
        DType.Int32 => new IntegerFormat<int>((int[])data, offsets),
        DType.Int64 => new IntegerFormat<long>((long[])data, offsets),
        DType.UInt8 => new IntegerFormat<byte>((byte[])data, offsets),
        DType.UInt16 => new IntegerFormat<ushort>((ushort[])data, offsets),
        DType.UInt32 => new IntegerFormat<uint>((uint[])data, offsets),
        DType.UInt64 => new IntegerFormat<ulong>((ulong[])data, offsets),
        DType.Float16 or DType.Float32 or DType.Float64 => new FloatingFormat(data, offsets, options),
        DType.Complex64 or DType.Complex128 => new ComplexFormat(data, offsets, options),
        _ => throw new NotSupportedException($"printing arrays of dtype '{dtype.Name()}' is not supported yet"),
    };

    /// <summary>The elements at some storage offsets, in that order, as a .NET array of the dtype's element type.</summary>
    private readonly struct Gather(HostBuffer buffer, List<long> offsets) : IDTypeFunction<Array>
    {
        public Array Number<T>() where T : unmanaged, System.Numerics.INumberBase<T> => Read<T>();

        public Array Bool() => Read<bool>();

        private T[] Read<T>() where T : unmanaged
        {
            var values = new T[offsets.Count];
            for (int i = 0; i < values.Length; i++) values[i] = buffer.AsSpan<T>(offsets[i], 1)[0];
            return values;
        }
    }

    /// <summary>A format over gathered elements, addressed by their offsets in the original storage.</summary>
    private sealed class Gathered(ElementFormat inner, Dictionary<long, int> index) : ElementFormat
    {
        public override string Format(long offset) => inner.Format(index[offset]);
    }
}
