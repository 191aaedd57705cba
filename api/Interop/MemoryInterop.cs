using System.Runtime.InteropServices;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Interop;

/// <summary><see cref="NDArray"/> to and from <see cref="Memory{T}"/> and <see cref="Span{T}"/>.</summary>
public static class MemoryInterop
{
    /// <summary>
    /// The elements of a C-contiguous host-resident array as memory over its storage (no copy: writes change the array).
    /// </summary>
    /// <exception cref="NotSupportedException">The array is a strided view (transposed, sliced with a step, broadcast);
    /// memory is one run of elements, so use <see cref="TensorInterop.AsTensorSpan{T}"/> or copy with <c>ToArray</c>.</exception>
    public static Memory<T> AsMemory<T>(this NDArray array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        HostBuffer host = array.ToHost();
        if (host.Data is not T[] data)
        {
            throw new DTypeMismatchException($"the array holds {host.DType.Name()}, not {typeof(T).Name}", "T");
        }
        if (!host.IsCContiguous)
        {
            throw new NotSupportedException($"an array of shape {host.Shape} with strides ({string.Join(", ", host.Strides)}) is not one run of elements; use AsTensorSpan<T>() for a strided view or ToArray<T>() for a copy");
        }
        return data.AsMemory(checked((int)host.Offset), checked((int)host.Shape.Size));
    }

    /// <summary>The elements as a span; see <see cref="AsMemory{T}"/>.</summary>
    public static Span<T> AsSpan<T>(this NDArray array) where T : unmanaged => array.AsMemory<T>().Span;

    /// <summary>
    /// An array over <paramref name="memory"/> with <paramref name="shape"/>. Zero-copy when the memory is backed by a
    /// .NET array and the backend wraps arrays (Dense: the NDArray aliases the memory); otherwise the values are copied.
    /// </summary>
    public static NDArray ToNDArray<T>(this ReadOnlyMemory<T> memory, Shape shape, string? backend = null) where T : unmanaged
    {
        if (memory.Length != shape.Size) throw new ShapeMismatchException($"memory of {memory.Length} elements cannot have shape {shape} ({shape.Size} elements)", "shape", shape);
        if (MemoryMarshal.TryGetArray(memory, out ArraySegment<T> segment) && segment.Array is { } whole)
        {
            NDArray all = Np.AsArray(whole, backend);
            NDArray run = segment.Offset == 0 && segment.Count == whole.Length ? all : all[new Slice(segment.Offset, segment.Offset + segment.Count)];
            return run.Reshape(shape.Dims.ToArray());
        }
        return Np.AsArray(HostBuffer.FromContiguous(memory.ToArray(), shape), backend);
    }
}
