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
    public static ElementFormat For(HostBuffer buffer, List<long> offsets, PrintOptions options) => buffer.Data switch
    {
        bool[] b => new BoolFormat(b, buffer.Shape.Rank == 0),
        int[] i => new IntegerFormat<int>(i, offsets),
        long[] l => new IntegerFormat<long>(l, offsets),
        float[] or double[] => new FloatingFormat(buffer.Data, offsets, options),
        _ => throw new NotSupportedException($"printing arrays of dtype '{buffer.DType.Name()}' is not supported yet"),
    };
}
