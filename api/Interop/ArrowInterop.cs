using System.Buffers;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Interop;

/// <summary>
/// 1-d arrays to and from Apache Arrow primitive arrays (<see cref="DoubleArray"/>, <see cref="FloatArray"/>,
/// <see cref="Int64Array"/>, <see cref="Int32Array"/>, <see cref="BooleanArray"/>).
/// </summary>
/// <remarks>
/// To Arrow: zero-copy for a C-contiguous host-resident numeric array (the Arrow value buffer is the array's storage);
/// a strided view or a bool array (Arrow packs booleans into bits) is copied. From Arrow: a copy (Arrow's buffers are
/// bytes, not arrays of the element type); a null entry is refused, except in floating-point arrays where
/// <c>nullsAsNaN</c> makes it NaN, as pandas does.
/// </remarks>
public static class ArrowInterop
{
    /// <summary>The 1-d array as an Arrow array of its dtype.</summary>
    /// <exception cref="ShapeMismatchException">The array is not 1-d.</exception>
    public static IArrowArray ToArrow(this NDArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Rank != 1) throw new ShapeMismatchException($"an Arrow array is 1-d; this array has shape {array.Shape} (Ravel it, or write one column per row)", "array", array.Shape);
        HostBuffer host = array.ToHost();
        int n = array.Shape[0];
        return host.DType switch
        {
            DType.Float64 => new DoubleArray(Values<double>(host), ArrowBuffer.Empty, n, 0, 0),
            DType.Float32 => new FloatArray(Values<float>(host), ArrowBuffer.Empty, n, 0, 0),
            DType.Int64 => new Int64Array(Values<long>(host), ArrowBuffer.Empty, n, 0, 0),
            DType.Int32 => new Int32Array(Values<int>(host), ArrowBuffer.Empty, n, 0, 0),
            DType.Bool => new BooleanArray.Builder().AppendRange(host.ToContiguous<bool>()).Build(),
            _ => throw new DTypeMismatchException($"no Arrow type for dtype {host.DType.Name()}", "array"),
        };
    }

    /// <summary>A new 1-d array of <paramref name="backend"/> with the Arrow array's values.</summary>
    /// <exception cref="ArgumentException">The Arrow array has nulls (and they are not floating point with <paramref name="nullsAsNaN"/>).</exception>
    /// <exception cref="DTypeMismatchException">The Arrow type has no dtype here.</exception>
    public static NDArray ToNDArray(this IArrowArray arrow, string? backend = null, bool nullsAsNaN = false)
    {
        ArgumentNullException.ThrowIfNull(arrow);
        if (arrow.NullCount > 0 && !(nullsAsNaN && arrow.Data.DataType.TypeId is ArrowTypeId.Double or ArrowTypeId.Float))
        {
            throw new ArgumentException($"the Arrow array has {arrow.NullCount} nulls and arrays here have none; fill them first, or pass nullsAsNaN: true for floating-point data", nameof(arrow));
        }
        System.Array values = arrow switch
        {
            DoubleArray d => Copy(d, double.NaN),
            FloatArray f => Copy(f, float.NaN),
            Int64Array l => l.Values.ToArray(),
            Int32Array i => i.Values.ToArray(),
            BooleanArray b => Enumerable.Range(0, b.Length).Select(k => b.GetValue(k) ?? false).ToArray(),
            _ => throw new DTypeMismatchException($"no dtype for Arrow type {arrow.Data.DataType.Name}; supported: double, float, int64, int32, boolean", nameof(arrow)),
        };
        return Np.AsArray(values, backend);
    }

    private static T[] Copy<T>(PrimitiveArray<T> array, T missing) where T : struct, IEquatable<T>
    {
        T[] values = array.Values.ToArray();
        if (array.NullCount > 0)
        {
            for (int k = 0; k < values.Length; k++)
            {
                if (array.IsNull(k)) values[k] = missing;
            }
        }
        return values;
    }

    // The storage itself as Arrow's byte buffer when it is one run of elements; a copy otherwise.
    private static ArrowBuffer Values<T>(HostBuffer host) where T : unmanaged
    {
        if (host.IsCContiguous && host.Data is T[] data)
        {
            return new ArrowBuffer(new ByteView<T>(data, checked((int)host.Offset), checked((int)host.Shape.Size)).Memory);
        }
        return new ArrowBuffer(MemoryMarshal.AsBytes(host.ToContiguous<T>().AsSpan()).ToArray());
    }

    /// <summary>A run of a <typeparamref name="T"/>[] seen as bytes, without copying (what Arrow's buffers are made of).</summary>
    private sealed class ByteView<T>(T[] data, int start, int length) : MemoryManager<byte> where T : unmanaged
    {
        private GCHandle _pin;

        public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(data.AsSpan(start, length));

        public override unsafe MemoryHandle Pin(int elementIndex = 0)
        {
            if (!_pin.IsAllocated) _pin = GCHandle.Alloc(data, GCHandleType.Pinned);
            byte* first = (byte*)_pin.AddrOfPinnedObject() + (long)start * sizeof(T);
            return new MemoryHandle(first + elementIndex, default, this);
        }

        public override void Unpin()
        {
            if (_pin.IsAllocated) _pin.Free();
        }

        protected override void Dispose(bool disposing) => Unpin();
    }
}
