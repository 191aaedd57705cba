using System.Numerics.Tensors;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Interop;

/// <summary>
/// <see cref="NDArray"/> to and from <see cref="Tensor{T}"/> and <see cref="TensorSpan{T}"/> (System.Numerics.Tensors).
/// </summary>
/// <remarks>
/// To a tensor: zero-copy for a host-resident array whose host buffer is a view of its storage (Dense: any view with
/// non-negative strides, broadcast ones included, so writes through the tensor are writes to the array). A negative
/// stride (a flipped view) cannot be expressed by a tensor and is copied to C order; a device array (Gpu) is copied by its
/// download. From a tensor: always a copy, because <see cref="Tensor{T}"/> does not expose the array behind it.
/// </remarks>
public static class TensorInterop
{
    /// <summary>The array as a tensor of <typeparamref name="T"/> (which must be its dtype's element type).</summary>
    /// <exception cref="DTypeMismatchException"><typeparamref name="T"/> is not the array's element type.</exception>
    public static Tensor<T> AsTensor<T>(this NDArray array) where T : unmanaged
    {
        (T[] data, int start, nint[] lengths, nint[] strides) = View<T>(array);
        return Tensor.Create(data, start, lengths, strides);
    }

    /// <summary>The array as a tensor span of <typeparamref name="T"/>; see <see cref="AsTensor{T}"/> for when it aliases.</summary>
    public static TensorSpan<T> AsTensorSpan<T>(this NDArray array) where T : unmanaged
    {
        (T[] data, int start, nint[] lengths, nint[] strides) = View<T>(array);
        return new TensorSpan<T>(data, start, lengths, strides);
    }

    /// <summary>A new array of <paramref name="backend"/> (the default creating backend when null) with the tensor's values.</summary>
    public static NDArray ToNDArray<T>(this Tensor<T> tensor, string? backend = null) where T : unmanaged =>
        ToNDArray((ReadOnlyTensorSpan<T>)tensor.AsReadOnlyTensorSpan(), backend);

    /// <summary>A new array of <paramref name="backend"/> with the span's values, in C order.</summary>
    public static NDArray ToNDArray<T>(this ReadOnlyTensorSpan<T> span, string? backend = null) where T : unmanaged
    {
        var values = new T[checked((int)span.FlattenedLength)];
        span.FlattenTo(values);
        int[] shape = span.Lengths.ToArray().Select(l => checked((int)l)).ToArray();
        return Np.AsArray(HostBuffer.FromContiguous(values, new Shape(shape)), backend);
    }

    private static (T[] Data, int Start, nint[] Lengths, nint[] Strides) View<T>(NDArray array) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        HostBuffer host = array.ToHost();
        if (host.Data is not T[] data)
        {
            throw new DTypeMismatchException($"the array holds {host.DType.Name()} ({host.Data.GetType().GetElementType()?.Name}), not {typeof(T).Name}", "T");
        }
        nint[] lengths = host.Shape.Dims.ToArray().Select(d => (nint)d).ToArray();
        if (host.Strides.Any(s => s < 0) || host.Offset > int.MaxValue)
        {
            T[] copy = host.ToContiguous<T>();
            return (copy, 0, lengths, host.Shape.ContiguousStrides().ToArray().Select(s => (nint)s).ToArray());
        }
        return (data, (int)host.Offset, lengths, host.Strides.Select(s => (nint)s).ToArray());
    }
}
