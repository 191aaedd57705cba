using System.Diagnostics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;

namespace ArrayDispatch.Gpu;

/// <summary>
/// An array in accelerator memory (the role of CuPy's <c>ndarray</c>). Element-wise and reduction calls on it run as
/// ILGPU kernels on its device; transfers are explicit: <c>Np.AsArray(x, backend: "Gpu")</c> uploads, <see cref="ToHost"/>
/// or <c>Np.AsArray(g, backend: "Dense")</c> downloads. Views (transpose, slicing, reshape of contiguous data) share
/// the buffer. Dispose arrays to free device memory at once; forgotten ones are freed after the GC finalizes them.
/// </summary>
[DebuggerDisplay("GpuArray shape={Shape} dtype={DType} device={Device}")]
public sealed class GpuArray : NDArray
{
    private readonly long[] _strides;
    private int _disposed;

    internal GpuArray(GpuStorage storage, Shape shape, long[] strides, long offset)
    {
        Storage = storage;
        Shape = shape;
        _strides = strides;
        Offset = offset;
        IsContiguous = ComputeContiguous(shape, strides);
    }

    /// <inheritdoc/>
    public override Shape Shape { get; }

    /// <inheritdoc/>
    public override DType DType => Storage.DType;

    /// <summary>The step between neighbours along each axis, in elements (0 for broadcast axes).</summary>
    public IReadOnlyList<long> Strides => _strides;

    /// <summary>The index of element <c>[0, 0, …]</c> in the shared buffer.</summary>
    public long Offset { get; }

    /// <summary>Whether the elements lie in C order without gaps.</summary>
    public bool IsContiguous { get; }

    /// <summary>The device that holds the array.</summary>
    public GpuDeviceInfo Device => Storage.Runtime.Info;

    /// <summary>
    /// Whether writes are refused (NumPy's <c>flags.writeable == False</c>): a <c>broadcast_to</c> view, whose elements
    /// alias one another, and every view taken of it.
    /// </summary>
    public bool IsReadOnly { get; private init; }

    /// <summary>Whether <see cref="Dispose"/> was called on this array.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal GpuStorage Storage { get; }

    internal GpuRuntime Runtime => Storage.Runtime;

    internal ReadOnlySpan<long> StrideSpan => _strides;

    /// <summary>The view's geometry (shape, strides, offset), for the protocol's view arithmetic.</summary>
    public StridedLayout Layout => new(Shape, _strides, Offset);

    /// <inheritdoc/>
    public override StridedLayout? MemoryLayout => Layout;

    /// <summary>The layout of this array broadcast to <paramref name="target"/> (for kernels).</summary>
    internal Layout LayoutFor(Shape target)
    {
        ThrowIfDisposed();
        if (target == Shape) return IsContiguous ? global::ArrayDispatch.Gpu.Layout.Dense(Offset) : global::ArrayDispatch.Gpu.Layout.Create(Shape.Dims, _strides, Offset);
        return global::ArrayDispatch.Gpu.Layout.Create(target.Dims, StridedLayout.BroadcastStrides(Shape, _strides, target), Offset);
    }

    /// <summary>Copies the elements to host memory (a device-to-host transfer; waits for pending kernels).</summary>
    public override HostBuffer ToHost()
    {
        ThrowIfDisposed();
        return Transfers.Download(this);
    }

    /// <summary>A new array that shares this one's buffer (a view); the buffer lives until every view is disposed.</summary>
    internal GpuArray View(Shape shape, long[] strides, long offset)
    {
        ThrowIfDisposed();
        Storage.AddReference();
        return new GpuArray(Storage, shape, strides, offset) { IsReadOnly = IsReadOnly };
    }

    /// <summary>A view with the geometry <paramref name="layout"/> (made by <see cref="StridedLayout"/>'s view arithmetic from this array's).</summary>
    internal GpuArray View(StridedLayout layout) => View(layout.Shape, layout.StrideArray(), layout.Offset);

    /// <summary>A read-only view with the geometry <paramref name="layout"/> (what <c>broadcast_to</c> returns).</summary>
    internal GpuArray ReadOnlyView(StridedLayout layout)
    {
        ThrowIfDisposed();
        Storage.AddReference();
        return new GpuArray(Storage, layout.Shape, layout.StrideArray(), layout.Offset) { IsReadOnly = true };
    }

    /// <summary>Throws NumPy's ValueError when this array may not be written (<see cref="IsReadOnly"/>).</summary>
    internal void ThrowIfReadOnly(string what)
    {
        if (IsReadOnly) throw NumPyErrors.ReadOnly(what);
    }

    /// <summary>Releases this array's hold on device memory; the memory is freed when no view of it is left.</summary>
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Storage.Release();
    }

    internal void ThrowIfDisposed()
    {
        if (IsDisposed) throw new ObjectDisposedException(nameof(GpuArray), $"this GpuArray {Shape} {DType.Name()} was disposed");
    }

    /// <summary>
    /// The values, downloaded as CuPy does when it prints: <c>G</c> (and <c>G</c>n, <c>F</c>n) gives NumPy's str,
    /// <c>R</c> NumPy's repr with the device added (<c>array([0., 1.], device=Cuda)</c>). A disposed array prints its
    /// shape, dtype and device only.
    /// </summary>
    public override string ToString(string? format, IFormatProvider? formatProvider)
    {
        if (IsDisposed) return $"GpuArray(shape={Shape}, dtype={DType.Name()}, device={Device.Kind}, disposed)";
        HostBuffer values = ToHost();
        string text = ArrayPrinter.Format(values, format);
        return format is not null && format.StartsWith('R') ? text[..^1] + $", device={Device.Kind})" : text;
    }

    internal static bool ComputeContiguous(Shape shape, ReadOnlySpan<long> strides)
    {
        long expected = 1;
        for (int i = shape.Rank - 1; i >= 0; i--)
        {
            if (shape.Dims[i] != 1 && strides[i] != expected) return false;
            expected *= shape.Dims[i];
        }
        return true;
    }
}
