using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ArrayDispatch.Dense;

// Conversions to and from .NET memory types, without copying where the memory allows it.
public sealed partial class DenseArray
{
    /// <summary>Wraps the array behind <paramref name="memory"/> without copying (a copy when it is not array-backed).</summary>
    public static DenseArray From<T>(Memory<T> memory, params int[] shape) where T : unmanaged
    {
        Shape s = shape is null || shape.Length == 0 ? new Shape(memory.Length) : new Shape(shape);
        if (s.Size != memory.Length) throw new ShapeMismatchException($"cannot reshape array of size {memory.Length} into shape {s}", s);
        if (MemoryMarshal.TryGetArray((ReadOnlyMemory<T>)memory, out ArraySegment<T> segment) && segment.Array is { } array)
        {
            var wrapped = new DenseArray(array, DTypes.Of<T>(), s, s.ContiguousStrides(), segment.Offset, false);
            wrapped._storage.MarkEscaped();   // the caller keeps the memory
            return wrapped;
        }
        return Wrap(memory.Span.ToArray(), s);
    }

    /// <summary>Copies <paramref name="span"/> (spans cannot be kept) into a new array of <paramref name="shape"/>.</summary>
    public static DenseArray From<T>(ReadOnlySpan<T> span, params int[] shape) where T : unmanaged => From(span.ToArray(), shape);

    /// <summary>The elements of a C-contiguous array as <see cref="Memory{T}"/> over the storage (writes go to the array).</summary>
    /// <exception cref="InvalidOperationException">The array is not C-contiguous.</exception>
    public Memory<T> AsMemory<T>() where T : unmanaged
    {
        _ = AsSpan<T>();
        if (_storage.Managed is { } managed) return ((T[])managed).AsMemory((int)Offset, (int)_shape.Size);
        return new Storage.NativeMemoryManager<T>(_storage, Offset, checked((int)_shape.Size)).Memory;
    }

    /// <summary>
    /// A <see cref="Tensor{T}"/> over the same storage, with the same strides (no copy); arrays with negative strides
    /// (flipped views) are copied first, as Tensor strides cannot be negative, and so are arrays in native memory (a
    /// Tensor holds a .NET array).
    /// </summary>
    public Tensor<T> ToTensor<T>() where T : unmanaged
    {
        DenseArray source = _strides.Any(s => s < 0) || IsNative ? Kernels.Copy.ContiguousManaged(this) : this;
        var lengths = new nint[source.Rank];
        var strides = new nint[source.Rank];
        for (int i = 0; i < lengths.Length; i++)
        {
            lengths[i] = source.Shape.Dims[i];
            strides[i] = (nint)source._strides[i];
        }
        return Tensor.Create(source.Storage<T>(), (int)source.Offset, lengths, strides);
    }

    /// <summary>Copies a <see cref="Tensor{T}"/> (its storage is not reachable as an array) into a new C-contiguous array.</summary>
    public static DenseArray FromTensor<T>(Tensor<T> tensor) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var dims = new int[tensor.Rank];
        for (int i = 0; i < dims.Length; i++) dims[i] = checked((int)tensor.Lengths[i]);
        var data = new T[tensor.FlattenedLength];
        tensor.FlattenTo(data);
        return Wrap(data, new Shape(dims));
    }

    /// <summary>Copies the elements into a new 2-d .NET array.</summary>
    /// <exception cref="ShapeMismatchException">The array is not 2-d.</exception>
    public T[,] ToArray2D<T>() where T : unmanaged
    {
        if (Rank != 2) throw new ShapeMismatchException($"ToArray2D needs a 2-d array, not shape {Shape}", Shape);
        var result = new T[Shape.Dims[0], Shape.Dims[1]];
        ReadOnlySpan<T> source = ContiguousSpan<T>();
        if (source.Length > 0) source.CopyTo(MemoryMarshal.CreateSpan(ref result[0, 0], result.Length));
        return result;
    }
}
