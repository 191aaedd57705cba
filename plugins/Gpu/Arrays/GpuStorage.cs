using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// One device buffer shared by an array and its views, reference-counted: the last <see cref="GpuArray.Dispose"/>
/// frees it at once. Buffers whose arrays are never disposed are queued by the finalizer and freed on the next
/// allocation (the safety net; device memory is not visible to the GC, so disposing is what keeps it predictable).
/// </summary>
internal sealed class GpuStorage
{
    private readonly MemoryBuffer _buffer;
    private int _references = 1;

    private GpuStorage(GpuRuntime runtime, MemoryBuffer buffer, DType dtype, long length)
    {
        Runtime = runtime;
        _buffer = buffer;
        DType = dtype;
        Length = length;
    }

    ~GpuStorage()
    {
        if (Volatile.Read(ref _references) > 0) Runtime.FreeLater(_buffer);
    }

    public GpuRuntime Runtime { get; }

    public DType DType { get; }

    /// <summary>Elements in the buffer.</summary>
    public long Length { get; }

    public bool IsReleased => Volatile.Read(ref _references) <= 0;

    public static GpuStorage Allocate(GpuRuntime runtime, DType dtype, long length) => dtype switch
    {
        DType.Bool or DType.UInt8 => new(runtime, runtime.Allocate<byte>(length), dtype, length),
        DType.Int8 => new(runtime, runtime.Allocate<sbyte>(length), dtype, length),
        DType.Int16 => new(runtime, runtime.Allocate<short>(length), dtype, length),
        DType.UInt16 => new(runtime, runtime.Allocate<ushort>(length), dtype, length),
        DType.UInt32 => new(runtime, runtime.Allocate<uint>(length), dtype, length),
        DType.UInt64 => new(runtime, runtime.Allocate<ulong>(length), dtype, length),
        DType.Float16 => new(runtime, runtime.Allocate<HalfBits>(length), dtype, length),
        DType.Int32 => new(runtime, runtime.Allocate<int>(length), dtype, length),
        DType.Int64 => new(runtime, runtime.Allocate<long>(length), dtype, length),
        DType.Float32 => new(runtime, runtime.Allocate<float>(length), dtype, length),
        DType.Float64 => new(runtime, runtime.Allocate<double>(length), dtype, length),
        DType.Complex64 => new(runtime, runtime.Allocate<Complex64>(length), dtype, length),
        DType.Complex128 => new(runtime, runtime.Allocate<System.Numerics.Complex>(length), dtype, length),
        _ => throw GpuDTypes.Unsupported(dtype),
    };

    /// <summary>The buffer as a view of its storage type (<see cref="byte"/> for bool, <see cref="HalfBits"/> for float16).</summary>
    public ArrayView<T> View<T>() where T : unmanaged
    {
        if (IsReleased) throw new ObjectDisposedException(nameof(GpuArray), "the GpuArray (or the array it is a view of) was disposed");
        Runtime.EnsureBound();
        return ((MemoryBuffer1D<T, Stride1D.Dense>)_buffer).View;
    }

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Runtime.Free(_buffer);
            GC.SuppressFinalize(this);
        }
    }
}
