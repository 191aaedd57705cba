using System.Runtime.InteropServices;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Large host ↔ device copies through two reusable page-locked (pinned) staging buffers on two streams, so the DMA of
/// one chunk overlaps the host-side copy of the other. A copy straight from pageable .NET memory makes the driver
/// stage it through its own small pinned buffers, page by page and synchronously (the H100 run measured downloads at
/// 0.9 GB/s that way); pinned chunks run at the link's DMA speed. Small copies go straight through.
/// </summary>
internal sealed class HostStaging(Accelerator accelerator) : IDisposable
{
    /// <summary>Copies below this size use the direct path (a pinned round trip costs more than it saves).</summary>
    public const long DirectBytes = 1 << 20;
    private const int ChunkBytes = 16 << 20;
    private readonly Lock _lock = new();
    private PageLockedArray1D<byte>? _pinned0, _pinned1;
    private AcceleratorStream? _stream0, _stream1;
    private volatile string? _disabledReason;

    /// <summary>
    /// Why staged transfers were turned off, or null while they are in use: a failure of the pinned path (allocating
    /// page-locked memory, creating streams, a copy) makes every later transfer take the direct path, which is correct
    /// everywhere, only slower.
    /// </summary>
    public string? DisabledReason => _disabledReason;

    /// <summary>Copies <paramref name="source"/> (device) to <paramref name="target"/> (host); the caller has synchronized pending kernels.</summary>
    public void Download<T>(ArrayView<T> source, Span<T> target) where T : unmanaged
    {
        if (MemoryMarshal.AsBytes(target).Length >= DirectBytes && _disabledReason is null)
        {
            try
            {
                StagedDownload(source.Cast<byte>(), MemoryMarshal.AsBytes(target));
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Disable(ex);
            }
        }
        source.CopyToCPU(target);
    }

    /// <summary>Copies <paramref name="source"/> (host) into <paramref name="target"/> (device) and waits until the copy is done.</summary>
    public void Upload<T>(ReadOnlySpan<T> source, ArrayView<T> target) where T : unmanaged
    {
        if (MemoryMarshal.AsBytes(source).Length >= DirectBytes && _disabledReason is null)
        {
            try
            {
                StagedUpload(MemoryMarshal.AsBytes(source), target.Cast<byte>());
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Disable(ex);
            }
        }
        target.SubView(0, source.Length).CopyFromCPU(source);
    }

    private void Disable(Exception ex)
    {
        _disabledReason = $"{ex.GetType().Name}: {ex.Message}";
        try { _stream0?.Synchronize(); _stream1?.Synchronize(); }
        catch (Exception again) when (again is not OutOfMemoryException) { }   // best effort: the direct path that follows synchronizes the device anyway
    }

    private void StagedDownload(ArrayView<byte> bytes, Span<byte> destination)
    {
        lock (_lock)
        {
            Ensure();
            int chunks = (int)((destination.Length + (long)ChunkBytes - 1) / ChunkBytes);
            StartDownload(bytes, 0, destination.Length);
            for (int i = 0; i < chunks; i++)
            {
                if (i + 1 < chunks) StartDownload(bytes, i + 1, destination.Length);
                Stream(i).Synchronize();
                int length = ChunkLength(i, destination.Length);
                ParallelCopy(Pinned(i).Span[..length], destination.Slice(i * ChunkBytes, length));
            }
        }
    }

    private void StagedUpload(ReadOnlySpan<byte> data, ArrayView<byte> bytes)
    {
        lock (_lock)
        {
            Ensure();
            int chunks = (int)((data.Length + (long)ChunkBytes - 1) / ChunkBytes);
            for (int i = 0; i < chunks; i++)
            {
                Stream(i).Synchronize();        // the previous copy out of this pinned buffer has finished
                int length = ChunkLength(i, data.Length);
                ParallelCopy(data.Slice(i * ChunkBytes, length), Pinned(i).Span);
                Pinned(i).ArrayView.SubView(0, length).CopyTo(Stream(i), bytes.SubView((long)i * ChunkBytes, length));
            }
            _stream0!.Synchronize();
            _stream1!.Synchronize();
        }
    }

    /// <summary>
    /// A host memcpy split over cores in 2 MiB pieces: one core copies about 10 GB/s, below what a PCIe 5 link moves, so a
    /// single-threaded staging copy would cap the transfer.
    /// </summary>
    private static unsafe void ParallelCopy(ReadOnlySpan<byte> source, Span<byte> target)
    {
        const int Piece = 2 << 20;
        if (source.Length <= Piece || Environment.ProcessorCount == 1)
        {
            source.CopyTo(target);
            return;
        }
        fixed (byte* from = source)
        fixed (byte* to = target)
        {
            nint s = (nint)from, t = (nint)to;
            int length = source.Length;
            Parallel.For(0, (length + Piece - 1) / Piece, i =>
            {
                int start = i * Piece, count = Math.Min(Piece, length - start);
                Buffer.MemoryCopy((void*)(s + start), (void*)(t + start), count, count);
            });
        }
    }

    private void StartDownload(ArrayView<byte> source, int chunk, long total)
    {
        int length = ChunkLength(chunk, total);
        source.SubView((long)chunk * ChunkBytes, length).CopyTo(Stream(chunk), Pinned(chunk).ArrayView.SubView(0, length));
    }

    private static int ChunkLength(int chunk, long total) => (int)Math.Min(ChunkBytes, total - (long)chunk * ChunkBytes);

    private PageLockedArray1D<byte> Pinned(int chunk) => (chunk & 1) == 0 ? _pinned0! : _pinned1!;

    private AcceleratorStream Stream(int chunk) => (chunk & 1) == 0 ? _stream0! : _stream1!;

    private void Ensure()
    {
        if (_pinned0 is not null) return;
        _pinned0 = accelerator.AllocatePageLocked1D<byte>(ChunkBytes);
        _pinned1 = accelerator.AllocatePageLocked1D<byte>(ChunkBytes);
        _stream0 = accelerator.CreateStream();
        _stream1 = accelerator.CreateStream();
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stream0?.Dispose();
            _stream1?.Dispose();
            _pinned0?.Dispose();
            _pinned1?.Dispose();
            _pinned0 = _pinned1 = null;
        }
    }
}
