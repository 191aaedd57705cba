using System.Collections.Concurrent;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace ArrayDispatch.Gpu;

/// <summary>
/// One ILGPU context and accelerator, its kernel cache and its device-memory accounting. Created on first use by
/// <see cref="GpuDevice"/>; every <see cref="GpuArray"/> made on it keeps a reference.
/// </summary>
internal sealed class GpuRuntime : IDisposable
{
    private readonly Context _context;
    private readonly ConcurrentQueue<MemoryBuffer> _orphans = new();
    [ThreadStatic]
    private static GpuRuntime? t_bound;
    private readonly long _maxThreads;
    private readonly Dictionary<(Type Buffer, long Length), Stack<MemoryBuffer>> _cache = new();
    private readonly long _cacheLimit;
    private long _cachedBytes;
    private long _allocatedBytes;
    private long _uploads, _uploadedBytes, _downloads, _downloadedBytes;
    private bool _disposed;

    public GpuRuntime(GpuAcceleratorKind asked, int deviceIndex, string configurationPath = "Backends:Gpu", bool vendorLibraries = true,
        GpuCpuMode cpuMode = GpuCpuMode.Parallel)
    {
        _context = Context.Create(builder => builder.Default().EnableAlgorithms());
        try
        {
            (Device device, GpuAcceleratorKind kind, string reason) = AcceleratorSelector.Select(_context, asked, deviceIndex, configurationPath);
            Accelerator = device is ILGPU.Runtime.CPU.CPUDevice cpu
                ? cpu.CreateCPUAccelerator(_context, cpuMode == GpuCpuMode.Sequential ? ILGPU.Runtime.CPU.CPUAcceleratorMode.Sequential : ILGPU.Runtime.CPU.CPUAcceleratorMode.Parallel)
                : device.CreateAccelerator(_context);
            Blas = VendorBlas.Probe(Accelerator, vendorLibraries);
            Info = new GpuDeviceInfo(kind, Accelerator.Name, Accelerator.MemorySize, reason) { MatMul = Blas.Status };
            Kernels = new KernelCache(Accelerator);
            Staging = new HostStaging(Accelerator);
            // Freed buffers are kept for reuse (as CuPy's memory pool does): no driver allocation, free or device-wide
            // synchronization per call. Up to half the device on GPUs; a little on the CPU accelerator, so tests cover it.
            _cacheLimit = kind == GpuAcceleratorKind.Cpu ? 64L << 20 : Accelerator.MemorySize / 2;
            // The CPU simulator runs groups of at most 16 threads; the 16 x 16 group of the blocked kernel needs 256.
            MatMulGroup = Accelerator.MaxNumThreadsPerGroup >= 256 ? 16 : 4;
            UseTiledMatMul = kind != GpuAcceleratorKind.Cpu;
            // Enough to fill a GPU several times over (H100: 132 SMs x 2048); the CPU simulator runs far fewer at once.
            _maxThreads = kind == GpuAcceleratorKind.Cpu ? Math.Max(64, Accelerator.MaxNumThreads) : Math.Max(1 << 16, 4L * Accelerator.MaxNumThreads);
        }
        catch
        {
            _context.Dispose();
            throw;
        }
    }

    public Accelerator Accelerator { get; }

    public GpuDeviceInfo Info { get; }

    /// <summary>cuBLAS where the device is CUDA and the library loads; matrix products use it for float32/float64.</summary>
    public VendorBlas Blas { get; }

    public KernelCache Kernels { get; }

    /// <summary>The pinned staging buffers of large transfers.</summary>
    public HostStaging Staging { get; }

    /// <summary>Bytes of freed buffers kept for reuse (not counted in <see cref="AllocatedBytes"/>).</summary>
    public long CachedBytes => Interlocked.Read(ref _cachedBytes);

    /// <summary>The side of the square thread group of the blocked matmul kernel (8x that of C per group): 16 on GPUs, 4 on the CPU accelerator.</summary>
    public int MatMulGroup { get; }

    /// <summary>Whether matmul uses the register-blocked shared-memory kernel (GPUs) or the barrier-free one (the CPU simulator; tests switch it on to cover the tiled kernel).</summary>
    public bool UseTiledMatMul { get; set; }

    /// <summary>
    /// Host ↔ device copies so far (<c>Np.AsArray</c> to Gpu, <c>ToHost</c>): how many and their bytes. A computation that
    /// should stay on the device (a chunked graph of Gpu chunks, say) is checked by reading these before and after.
    /// </summary>
    public GpuTransferCounts Transfers => new(Interlocked.Read(ref _uploads), Interlocked.Read(ref _uploadedBytes),
        Interlocked.Read(ref _downloads), Interlocked.Read(ref _downloadedBytes));

    internal void CountUpload(long bytes)
    {
        Interlocked.Increment(ref _uploads);
        Interlocked.Add(ref _uploadedBytes, bytes);
    }

    internal void CountDownload(long bytes)
    {
        Interlocked.Increment(ref _downloads);
        Interlocked.Add(ref _downloadedBytes, bytes);
    }

    /// <summary>Bytes held by live arrays of this runtime.</summary>
    public long AllocatedBytes => Interlocked.Read(ref _allocatedBytes);

    /// <summary>Free device memory: the driver's figure on CUDA, else the device size less what this backend holds.</summary>
    public long FreeBytes
    {
        get
        {
            if (Accelerator is CudaAccelerator cuda)
            {
                try { return cuda.GetFreeMemory(); }
                catch (Exception ex) when (ex is not OutOfMemoryException) { }
            }
            return Accelerator.MemorySize == long.MaxValue ? long.MaxValue : Math.Max(0, Accelerator.MemorySize - AllocatedBytes - CachedBytes);
        }
    }

    /// <summary>
    /// Makes the accelerator current on this thread (CUDA contexts are per thread); a thread-static check, so it costs
    /// nothing after the first call on a thread.
    /// </summary>
    public void EnsureBound()
    {
        if (ReferenceEquals(t_bound, this)) return;
        Accelerator.Bind();
        t_bound = this;
    }

    /// <summary>Allocates <paramref name="length"/> elements, reclaiming forgotten arrays and retrying once when memory runs out.</summary>
    /// <exception cref="GpuOutOfMemoryException">The device has not enough free memory.</exception>
    public MemoryBuffer1D<T, Stride1D.Dense> Allocate<T>(long length) where T : unmanaged
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EnsureBound();
        ReleaseOrphans();
        long bytes = Math.Max(1, length) * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (TakeCached(typeof(MemoryBuffer1D<T, Stride1D.Dense>), Math.Max(1, length)) is MemoryBuffer1D<T, Stride1D.Dense> cached)
        {
            Interlocked.Add(ref _allocatedBytes, bytes);
            return cached;
        }
        try
        {
            return AllocateTracked<T>(length, bytes);
        }
        catch (Exception cacheFull) when (IsOutOfMemory(cacheFull) && CachedBytes > 0)
        {
            ReleaseCache();
            return Allocate<T>(length);
        }
        catch (Exception first) when (IsOutOfMemory(first))
        {
            // Arrays the user forgot are only reclaimed by their finalizers: run them, then try once more.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            ReleaseOrphans();
            try
            {
                return AllocateTracked<T>(length, bytes);
            }
            catch (Exception second) when (IsOutOfMemory(second))
            {
                throw new GpuOutOfMemoryException(bytes, Accelerator.MemorySize == long.MaxValue ? null : FreeBytes, $"{Info.Kind} {Info.Name}", second);
            }
        }
    }

    private MemoryBuffer1D<T, Stride1D.Dense> AllocateTracked<T>(long length, long bytes) where T : unmanaged
    {
        if (Accelerator.MemorySize != long.MaxValue && bytes > FreeBytes) throw new OutOfMemoryException();
        MemoryBuffer1D<T, Stride1D.Dense> buffer = Accelerator.Allocate1D<T>(Math.Max(1, length));
        Interlocked.Add(ref _allocatedBytes, bytes);
        return buffer;
    }

    private static bool IsOutOfMemory(Exception ex) =>
        ex is OutOfMemoryException ||
        ex.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase) ||
        ex.Message.Contains("OUT_OF_MEMORY", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// How many threads a reduction pass aims for: enough to fill a GPU, few on the CPU simulator where each costs ~1 µs.
    /// GPUs: one device-full (132 SMs x 2048 = 270,336 on an H100); with four loads in flight per thread that is several
    /// MB in flight, above what HBM needs to run at full bandwidth.
    /// </summary>
    public long ReductionParallelism => Info.Kind == GpuAcceleratorKind.Cpu ? 64 : Math.Max(1 << 16, Accelerator.MaxNumThreads);

    /// <summary>Threads for a grid-stride launch over <paramref name="n"/> elements: at most what the device runs at once.</summary>
    public ILGPU.Index1D Threads(long n) => (int)Math.Max(1, Math.Min(n, _maxThreads));

    /// <summary>
    /// Threads for a flat (four-way unrolled, grid-stride) element-wise launch: a quarter of the elements, at most the
    /// grid-stride cap, so a big array runs as a few device-fulls of threads each looping over many elements.
    /// </summary>
    public ILGPU.Index1D FlatThreads(long n) => Threads((n + 3) / 4);

    /// <summary>
    /// Releases a buffer (on the caller's thread): into the reuse cache when it fits, else freed now. A cached buffer
    /// needs no synchronization: every kernel and copy that may still use it was queued on the default stream, and so
    /// is every later use of the buffer, which therefore runs after them.
    /// </summary>
    public void Free(MemoryBuffer buffer) => Free(buffer, cache: true);

    private void Free(MemoryBuffer buffer, bool cache)
    {
        Interlocked.Add(ref _allocatedBytes, -Math.Max(1, buffer.LengthInBytes));
        if (_disposed) return;
        if (cache && TryCache(buffer)) return;
        EnsureBound();
        // Kernels run asynchronously on GPUs: let those that may still read the buffer finish before it is freed.
        Accelerator.Synchronize();
        buffer.Dispose();
    }

    /// <summary>Queues a buffer whose arrays were never disposed; freed on the next allocation, on a thread that may use the device.</summary>
    public void FreeLater(MemoryBuffer buffer) => _orphans.Enqueue(buffer);

    private MemoryBuffer? TakeCached(Type type, long length)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue((type, length), out Stack<MemoryBuffer>? stack) || !stack.TryPop(out MemoryBuffer? buffer)) return null;
            Interlocked.Add(ref _cachedBytes, -buffer.LengthInBytes);
            return buffer;
        }
    }

    private bool TryCache(MemoryBuffer buffer)
    {
        lock (_cache)
        {
            if (_cachedBytes + buffer.LengthInBytes > _cacheLimit) return false;
            (Type, long) key = (buffer.GetType(), buffer.Length);
            if (!_cache.TryGetValue(key, out Stack<MemoryBuffer>? stack)) _cache[key] = stack = new Stack<MemoryBuffer>();
            stack.Push(buffer);
            Interlocked.Add(ref _cachedBytes, buffer.LengthInBytes);
            return true;
        }
    }

    /// <summary>Frees every cached buffer (when an allocation fails, and at shutdown).</summary>
    public void ReleaseCache()
    {
        List<MemoryBuffer> buffers;
        lock (_cache)
        {
            buffers = [.. _cache.Values.SelectMany(stack => stack)];
            _cache.Clear();
            Interlocked.Exchange(ref _cachedBytes, 0);
        }
        if (buffers.Count == 0) return;
        EnsureBound();
        Accelerator.Synchronize();
        foreach (MemoryBuffer buffer in buffers) buffer.Dispose();
    }

    private void ReleaseOrphans()
    {
        // Never cached: the buffer became unreachable with its array, so ILGPU's own finalizer may already have released
        // its memory.
        while (_orphans.TryDequeue(out MemoryBuffer? buffer)) Free(buffer, cache: false);
    }

    public void Synchronize()
    {
        EnsureBound();
        Accelerator.Synchronize();
    }

    public void Dispose()
    {
        if (_disposed) return;
        ReleaseOrphans();
        ReleaseCache();
        _disposed = true;
        Staging.Dispose();
        Blas.Dispose();
        Accelerator.Dispose();
        _context.Dispose();
    }
}
