using System.Diagnostics;

namespace ArrayDispatch.Printing;

/// <summary>What a debugger shows when an <see cref="NDArray"/> is expanded: its shape, dtype and first elements.</summary>
/// <remarks>Elements are read only from host-resident arrays, so that inspecting a variable never computes a lazy graph or copies from a device.</remarks>
/// <param name="array">The array under inspection.</param>
public sealed class NDArrayDebugView(NDArray array)
{
    /// <summary>The most elements shown.</summary>
    public const int MaxElements = 100;

    /// <summary>The dimensions.</summary>
    public Shape Shape => array.Shape;

    /// <summary>The element type.</summary>
    public DType DType => array.DType;

    /// <summary>The array's .NET type (its backend's array type).</summary>
    public string Type => array.GetType().Name;

    /// <summary>The first elements in C order (at most <see cref="MaxElements"/>); empty for arrays that are not host-resident.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
    public object[] Elements
    {
        get
        {
            if (!array.IsHostResident) return [];
            using Interchange.HostBuffer buffer = array.ToHostForReading();
            int count = (int)Math.Min(buffer.Shape.Size, MaxElements);
            var result = new object[count];
            int rank = buffer.Shape.Rank;
            var index = new int[rank];
            for (int k = 0; k < count; k++)
            {
                long offset = buffer.Offset;
                for (int axis = 0; axis < rank; axis++) offset += index[axis] * buffer.Strides[axis];
                result[k] = buffer.GetValue(offset);   // one element at a time: Data would copy a whole native buffer per element
                for (int axis = rank - 1; axis >= 0 && ++index[axis] == buffer.Shape.Dims[axis]; axis--) index[axis] = 0;
            }
            return result;
        }
    }

    /// <summary>The array as NumPy prints it (summarised when large).</summary>
    public string Text => array.ToString();
}
