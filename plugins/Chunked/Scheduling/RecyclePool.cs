using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// Chunk buffers freed during one compute, kept for tasks that would otherwise allocate the same kind of chunk (what
/// malloc's free lists do for NumPy and Dask: on a VM where first touching a fresh page is slow, reusing a warm 32 MB
/// buffer saves most of a random chunk's cost). Only owned values go in: results of tasks that made a new array that no
/// other value references; a value is refused when anything a consumer produced shares its storage (a view, the value
/// itself). Bounded per (array type, dtype, shape). When a compute ends, the buffers still free are carried over (see
/// <see cref="RecycleCarryOver"/>) to the next compute, as malloc keeps freed blocks between NumPy calls: without that,
/// every compute's first chunk per worker lands on fresh pages again (~90 ms per 32 MB chunk on the VMs measured).
/// </summary>
internal sealed class RecyclePool
{
    [ThreadStatic] private static RecyclePool? t_current;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> s_exportsStorage = new();

    private readonly Dictionary<(Type Type, DType DType, Shape Shape), Stack<NDArray>> _free = [];
    private readonly Lock _gate = new();
    private readonly int _perKey;
    private readonly Action<long> _held;
    private long _recycled, _pooledBytes;

    private readonly RecycleCarryOver? _carryOver;

    /// <param name="perKey">The most buffers kept per (type, dtype, shape).</param>
    /// <param name="held">Told of the bytes the pool starts (positive) or stops (negative) holding, for the peak-memory statistic.</param>
    /// <param name="carryOver">Where free buffers wait between computes (the backend's), or null to drop them at the end.</param>
    public RecyclePool(int perKey, Action<long> held, RecycleCarryOver? carryOver = null)
    {
        _perKey = perKey;
        _held = held;
        _carryOver = carryOver;
    }

    /// <summary>The pool of the compute whose task runs on this thread; null outside a compute's task.</summary>
    public static RecyclePool? Current => t_current;

    /// <summary>Whether the pool keeps anything (a bound of 0 turns recycling off).</summary>
    public bool Enabled => _perKey > 0;

    /// <summary>Buffers handed out again.</summary>
    public long Recycled => Interlocked.Read(ref _recycled);

    /// <summary>The bytes the pool holds now.</summary>
    public long PooledBytes => Interlocked.Read(ref _pooledBytes);

    /// <summary>Buffers held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                int n = 0;
                foreach (Stack<NDArray> s in _free.Values) n += s.Count;
                return n;
            }
        }
    }

    /// <summary>Makes this pool current on this thread while a task runs.</summary>
    public Scope Enter() => new(this);

    /// <summary>A buffer of exactly this type, dtype and shape that nothing references, or null.</summary>
    public NDArray? Take(Type type, DType dtype, Shape shape)
    {
        NDArray? buffer;
        lock (_gate)
        {
            if (!_free.TryGetValue((type, dtype, shape), out Stack<NDArray>? stack) || !stack.TryPop(out buffer)) return null;
        }
        long size = ValueSize.Of(buffer);
        Interlocked.Add(ref _pooledBytes, -size);
        Interlocked.Increment(ref _recycled);
        _held(-size);
        return buffer;
    }

    /// <summary>
    /// Whether <paramref name="result"/>, produced by a task that read <paramref name="value"/>, certainly does not reference
    /// <paramref name="value"/>'s storage (so, once no pending task reads it, the value may be recycled).
    /// </summary>
    public static bool Independent(object? result, object value) =>
        value is NDArray array && Storage(array) is { } storage && !MayAlias(result, array, storage);

    /// <summary>
    /// Whether a fresh task's <paramref name="value"/> certainly shares no storage with the <paramref name="inputs"/> it was
    /// made from (a safety net: a "fresh" step that handed back an input, or a view of one, is never recycled).
    /// </summary>
    public static bool Unshared(object value, ReadOnlySpan<object> inputs)
    {
        foreach (object input in inputs)
        {
            if (input is not null && !Independent(input, value)) return false;
        }
        return true;
    }

    /// <summary>
    /// Offers <paramref name="value"/>, a finished owned value that nothing references any more (no pending task reads it,
    /// <see cref="Independent"/> held for every task that read it). True when the pool keeps it. <paramref name="counted"/>:
    /// the value's bytes are already counted as held (a scheduler value); else the pool reports them when it keeps it.
    /// </summary>
    public bool Offer(object value, bool counted)
    {
        if (value is not NDArray array || Storage(array) is null) return false;
        var key = (array.GetType(), array.DType, array.Shape);
        lock (_gate)
        {
            if (!_free.TryGetValue(key, out Stack<NDArray>? stack)) _free[key] = stack = new Stack<NDArray>(_perKey);
            if (stack.Count >= _perKey) return false;
            foreach (NDArray held in stack)
            {
                if (ReferenceEquals(held, array)) return false;
            }
            stack.Push(array);
        }
        long size = ValueSize.Of(array);
        Interlocked.Add(ref _pooledBytes, size);
        if (!counted) _held(size);
        return true;
    }

    /// <summary>Takes the buffers an earlier compute left free (the compute starts); they count as held from now on.</summary>
    public void TakeCarryOver()
    {
        if (!Enabled || _carryOver is null) return;
        foreach (NDArray buffer in _carryOver.TakeAll()) Offer(buffer, counted: false);
    }

    /// <summary>
    /// Empties the pool (the compute is over): the buffers, free and referenced by nothing, are carried over to the next
    /// compute through the backend's <see cref="RecycleCarryOver"/>, within its limit; the rest are dropped.
    /// </summary>
    public void Clear()
    {
        var left = new List<NDArray>();
        lock (_gate)
        {
            foreach (Stack<NDArray> stack in _free.Values) left.AddRange(stack);
            _free.Clear();
        }
        Interlocked.Exchange(ref _pooledBytes, 0);
        if (Enabled) _carryOver?.Keep(left);
    }

    /// <summary>
    /// What identifies <paramref name="array"/>'s storage: its <see cref="NDArray.StorageIdentity"/>, else the host storage
    /// when its backend exposes it without copying (two exports give the same .NET array); null otherwise, and then the
    /// array is never pooled (its aliasing cannot be checked).
    /// </summary>
    private static object? Storage(NDArray array)
    {
        if (!array.IsHostResident || array.Size == 0) return null;
        if (array.StorageIdentity is { } identity) return identity;
        Type type = array.GetType();
        if (s_exportsStorage.TryGetValue(type, out bool exports))
        {
            return exports ? array.ToHost().Data : null;
        }
        // Asked once per array type: a backend whose export copies (a sparse array densified) is never pooled, nor exported again.
        Array first = array.ToHost().Data;
        exports = ReferenceEquals(first, array.ToHost().Data);
        s_exportsStorage[type] = exports;
        return exports ? first : null;
    }

    /// <summary>Whether <paramref name="result"/> may reference <paramref name="array"/>'s storage; unknown kinds of value are assumed to.</summary>
    private static bool MayAlias(object? result, NDArray array, object storage) => result switch
    {
        null => false,
        NDArray a => ReferenceEquals(a, array) || a.GetType() != array.GetType() || (a.Size > 0 && ReferenceEquals(a.StorageIdentity ?? a.ToHost().Data, storage)),
        _ => Graph.TaskValues.Parts(result) is not { } parts || Any(parts, array, storage),
    };

    private static bool Any(NDArray?[] list, NDArray array, object storage)
    {
        foreach (NDArray? a in list)
        {
            if (MayAlias(a, array, storage)) return true;
        }
        return false;
    }

    /// <summary>While alive, <see cref="Current"/> is the pool on this thread.</summary>
    public readonly ref struct Scope
    {
        private readonly RecyclePool? _prior;

        internal Scope(RecyclePool pool)
        {
            _prior = t_current;
            t_current = pool;
        }

        /// <summary>Restores the previous pool.</summary>
        public void Dispose() => t_current = _prior;
    }
}
