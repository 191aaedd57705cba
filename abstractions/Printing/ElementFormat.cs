using ArrayDispatch.Interchange;

namespace ArrayDispatch.Printing;

/// <summary>
/// Formats the elements of one array so that they line up (NumPy's per-dtype format functions): built once from every
/// element that will print, then called per element. A new dtype is one subclass and one line in <see cref="For"/>.
/// </summary>
internal abstract class ElementFormat
{
    /// <summary>The text of the element at <paramref name="offset"/> in the buffer's storage, padded to the common width.</summary>
    public abstract string Format(long offset);

    /// <summary>The format for <paramref name="buffer"/>'s dtype, fitted to the elements at <paramref name="offsets"/>.</summary>
    /// <remarks>Chosen by dtype, not by the storage's array type: the runtime lets a <c>byte[]</c> pass as an <c>sbyte[]</c>.</remarks>
    public static ElementFormat For(HostBuffer buffer, List<long> offsets, PrintOptions options) => buffer.DType switch
    {
        DType.Bool => new BoolFormat((bool[])buffer.Data, buffer.Shape.Rank == 0),
        DType.Int8 => new IntegerFormat<sbyte>((sbyte[])buffer.Data, offsets),
        DType.Int16 => new IntegerFormat<short>((short[])buffer.Data, offsets),
        DType.Int32 => new IntegerFormat<int>((int[])buffer.Data, offsets),
        DType.Int64 => new IntegerFormat<long>((long[])buffer.Data, offsets),
        DType.UInt8 => new IntegerFormat<byte>((byte[])buffer.Data, offsets),
        DType.UInt16 => new IntegerFormat<ushort>((ushort[])buffer.Data, offsets),
        DType.UInt32 => new IntegerFormat<uint>((uint[])buffer.Data, offsets),
        DType.UInt64 => new IntegerFormat<ulong>((ulong[])buffer.Data, offsets),
        DType.Float16 or DType.Float32 or DType.Float64 => new FloatingFormat(buffer.Data, offsets, options),
        DType.Complex64 or DType.Complex128 => new ComplexFormat(buffer.Data, offsets, options),
        _ => throw new NotSupportedException($"printing arrays of dtype '{buffer.DType.Name()}' is not supported yet"),
    };
}
