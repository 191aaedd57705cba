using System.Runtime.InteropServices;

namespace ArrayDispatch.Memory;

/// <summary>
/// The process's pool of freed native buffers (64-byte aligned, <see cref="NativeMemory.AlignedAlloc"/>), by size class,
/// shared by every backend (the protocol's assembly is loaded once, by the host, and shared with every plugin), so a
/// loop of allocating calls reuses warm pages instead of mapping and faulting in fresh ones (on VMs with free page
/// reporting a first touch costs ~30 µs per 4 KB page). Bounded in bytes (<see cref="Capacity"/>); buffers unused
/// for 2 s are freed by a timer that runs only while the pool holds any.
/// </summary>
/// <remarks>
/// Size classes are eight steps per power of two (a buffer is at most 12.5 % larger than asked); a buffer serves
/// requests of its own class only, and a class keeps at most <see cref="Limit"/> buffers (every pooled buffer is
/// resident memory). Capacity: the runtime config value <c>ArrayDispatch.NativePoolBytes</c> (bytes; 0 turns pooling
/// off; the earlier name <c>ArrayDispatch.Dense.NativePoolBytes</c> is read too), else 512 MB or an eighth of the memory
/// the GC may use, whichever is smaller. The GC hears of the native bytes when the pool maps and unmaps buffers
/// (<see cref="GC.AddMemoryPressure"/>), not per rent. Most code wants <see cref="NativeBuffer{T}"/>, an owner of one
/// rented buffer; <see cref="Rent"/> and <see cref="Return"/> are for storages that manage buffers themselves.
/// </remarks>
public static unsafe partial class NativePool
{
    private static readonly object Gate = new();
    private static readonly Dictionary<long, Stack<(nint Pointer, long Stamp)>> Free = [];
    private static long s_pooledBytes;
    private static Timer? s_trimmer;
    private static long s_rents, s_hits, s_rentedBytes;

    // Before Capacity: static fields initialise in the order they are written.
    /// <summary>The runtime config names of <see cref="Capacity"/>, first found wins (the second is Dense's, before the pool moved to the protocol).</summary>
    internal static readonly string[] ConfigNames = ["ArrayDispatch.NativePoolBytes", "ArrayDispatch.Dense.NativePoolBytes"];

    /// <summary>The most bytes the pool keeps (the runtime config value <c>ArrayDispatch.NativePoolBytes</c>).</summary>
    public static long Capacity { get; internal set; } = DefaultCapacity();

    /// <summary>
    /// The fewest buffers a size class may keep (a loop of calls needs one or two: a temporary and a result); a class of
    /// small buffers keeps up to a quarter of <see cref="Capacity"/>, see <see cref="Limit"/>.
    /// </summary>
    internal static int PerClass { get; set; } = 2;

    /// <summary>
    /// How many buffers of <paramref name="size"/> bytes the pool keeps: at least <see cref="PerClass"/>, and as many as
    /// fit in a quarter of <see cref="Capacity"/>. Dropped results come back in batches (the finalizers of one collection,
    /// which <c>DenseStorage</c> paces every quarter of the capacity allocated), so a class that kept only two would free
    /// the rest of the batch and the following calls would fault in fresh pages (10M uint8 `a + b`: 8 ms a call instead
    /// of 0.7).
    /// </summary>
    internal static int Limit(long size) => (int)Math.Max(PerClass, Math.Min(int.MaxValue, Capacity / 4 / Math.Max(size, 1)));

    /// <summary>Buffers unused this long are freed.</summary>
    internal static TimeSpan IdleTime { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes held by the pool now (free buffers waiting for reuse).</summary>
    public static long PooledBytes => Volatile.Read(ref s_pooledBytes);

    /// <summary>Bytes rented and not yet returned (by size class), every backend's together.</summary>
    public static long RentedBytes => Volatile.Read(ref s_rentedBytes);

    /// <summary>(rents, rents served from the pool) since the process started.</summary>
    public static (long Rents, long Hits) Counters => (Volatile.Read(ref s_rents), Volatile.Read(ref s_hits));

    /// <summary>The size class of a request: <paramref name="bytes"/> rounded up to eight steps per power of two (at least 64).</summary>
    internal static long SizeClass(long bytes)
    {
        if (bytes <= 64) return 64;
        int top = 63 - (int)long.LeadingZeroCount(bytes - 1);     // 2^top < bytes <= 2^(top+1)
        long step = Math.Max(64L, (1L << top) / 8);
        return (bytes + step - 1) / step * step;
    }

    /// <summary>
    /// A buffer of at least <paramref name="bytes"/> bytes, 64-byte aligned, contents unspecified; give it back with
    /// <see cref="Return"/> and the same <paramref name="bytes"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is negative.</exception>
    /// <exception cref="OutOfMemoryException">Not even after emptying the pool.</exception>
    public static void* Rent(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        long size = SizeClass(bytes);
        Interlocked.Increment(ref s_rents);
        lock (Gate)
        {
            if (Free.TryGetValue(size, out var stack) && stack.TryPop(out var entry))
            {
                s_pooledBytes -= size;
                Interlocked.Increment(ref s_hits);
                Interlocked.Add(ref s_rentedBytes, size);
                return (void*)entry.Pointer;
            }
        }
        void* p;
        try
        {
            p = Allocate(size);
        }
        catch (OutOfMemoryException)
        {
            Trim(TimeSpan.Zero);
            p = Allocate(size);
        }
        Interlocked.Add(ref s_rentedBytes, size);
        return p;
    }

    /// <summary>Buffers of at least this many bytes ask Linux for transparent huge pages, as NumPy does (4 MB).</summary>
    internal const long HugePageThreshold = 4L << 20;

    /// <remarks>
    /// The GC hears of native bytes here and in <see cref="Release"/>, when memory is mapped and unmapped, rather than
    /// per array: a loop of disposed 80 MB results that added and removed pressure on every call made the GC run a
    /// gen2 collection every third call (`Np.Exp` of 10M disposed: 17.7 ms against 11.0 dropped in the user app).
    /// </remarks>
    private static void* Allocate(long size)
    {
        void* p = NativeMemory.AlignedAlloc((nuint)size, 64);
        if (size >= HugePageThreshold && OperatingSystem.IsLinux()) AdviseHugePages(p, size);
        GC.AddMemoryPressure(size);
        return p;
    }

    private static void Release(void* pointer, long size)
    {
        NativeMemory.AlignedFree(pointer);
        GC.RemoveMemoryPressure(size);
    }

    /// <summary>
    /// madvise(MADV_HUGEPAGE) over the buffer's whole pages: with the kernel's THP mode "madvise" (Debian's default) the
    /// buffer is then backed by 2 MB pages where it covers them. Streaming kernels read it faster (one TLB entry and no
    /// prefetch stop per 2 MB instead of per 4 KB: a 10M float64 sum 2.65 -> 2.17 ms on one core here), which is what
    /// NumPy's arrays get (numpy.core.multiarray._get_madvise_hugepage() is True on this machine). Advice only: where
    /// THP is off or the call fails nothing changes. The pool keeps the buffer, so a result reuses warm huge pages.
    /// </summary>
    private static void AdviseHugePages(void* p, long size)
    {
        const long Page = 4096;
        long start = ((long)p + Page - 1) & ~(Page - 1), end = ((long)p + size) & ~(Page - 1);
        if (end > start) _ = Madvise((void*)start, (nuint)(end - start), MadvHugePage);
    }

    private const int MadvHugePage = 14;

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);

    /// <summary>How many buffers of the size class of <paramref name="bytes"/> the pool holds now.</summary>
    internal static int FreeCount(long bytes)
    {
        lock (Gate) return Free.TryGetValue(SizeClass(bytes), out var stack) ? stack.Count : 0;
    }

    /// <summary>Whether a buffer for a request of <paramref name="bytes"/> is free now.</summary>
    internal static bool HasFree(long bytes)
    {
        lock (Gate) return Free.TryGetValue(SizeClass(bytes), out var stack) && stack.Count > 0;
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a buffer for <paramref name="bytes"/> to be returned (by a finalizer
    /// after a collection); true when one is free. Blocks rather than spins, so a busy machine runs the finalizer thread.
    /// </summary>
    public static bool WaitForFree(long bytes, TimeSpan timeout)
    {
        long size = SizeClass(bytes);
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (Gate)
        {
            while (true)
            {
                if (Free.TryGetValue(size, out var stack) && stack.Count > 0) return true;
                long left = deadline - Environment.TickCount64;
                if (left <= 0 || !Monitor.Wait(Gate, (int)left)) return false;
            }
        }
    }

    /// <summary>Takes back a buffer from <see cref="Rent"/> (of the same <paramref name="bytes"/>): pooled, or freed when the pool is full.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="pointer"/> is null.</exception>
    public static void Return(void* pointer, long bytes)
    {
        if (pointer is null) throw new ArgumentNullException(nameof(pointer));
        long size = SizeClass(bytes);
        Interlocked.Add(ref s_rentedBytes, -size);
        lock (Gate)
        {
            if (!Free.TryGetValue(size, out var stack)) Free[size] = stack = new Stack<(nint, long)>();
            if (s_pooledBytes + size <= Capacity && stack.Count < Limit(size))
            {
                stack.Push(((nint)pointer, Environment.TickCount64));
                s_pooledBytes += size;
                s_trimmer ??= new Timer(_ => Trim(IdleTime), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
                Monitor.PulseAll(Gate);
                return;
            }
        }
        Release(pointer, size);
    }

    /// <summary>Frees the pooled buffers unused for at least <paramref name="idle"/> (all of them for zero); rented ones are not touched.</summary>
    public static void Trim(TimeSpan idle)
    {
        var freed = new List<(nint Pointer, long Size)>();
        long now = Environment.TickCount64;
        lock (Gate)
        {
            foreach ((long size, var stack) in Free)
            {
                if (stack.Count == 0) continue;
                var kept = new List<(nint Pointer, long Stamp)>();
                while (stack.TryPop(out var entry))
                {
                    if (now - entry.Stamp >= (long)idle.TotalMilliseconds)
                    {
                        freed.Add((entry.Pointer, size));
                        s_pooledBytes -= size;
                    }
                    else kept.Add(entry);
                }
                for (int i = kept.Count - 1; i >= 0; i--) stack.Push(kept[i]);
            }
            if (s_pooledBytes == 0 && s_trimmer is not null)
            {
                s_trimmer.Dispose();
                s_trimmer = null;
            }
        }
        foreach ((nint p, long size) in freed) Release((void*)p, size);
    }

    internal static long DefaultCapacity()
    {
        foreach (string name in ConfigNames)
        {
            if (AppContext.GetData(name) is { } configured
                && long.TryParse(configured.ToString(), System.Globalization.CultureInfo.InvariantCulture, out long bytes))
            {
                return Math.Max(0, bytes);
            }
        }
        // 512 MB: a loop of 10^7-element complex128 results (160 MB, a 168 MB size class) needs two buffers, the result
        // and the previous one still waiting for its finalizer; with 256 MB the second was freed and every call faulted
        // in a fresh 160 MB (add 143 ms median against 27 ms pooled, issue #13's bench rows).
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return Math.Min(512L << 20, available > 0 ? available / 8 : 256L << 20);
    }
}
