namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// Free chunk buffers waiting between computes of one Chunked backend (one per host, so hosts and tests never share
/// buffers): what malloc's free lists keep between NumPy calls. A buffer gets here only from a compute's recycle pool,
/// i.e. when nothing references it; the next compute's pool takes them all. Bounded by <see cref="LimitBytes"/>, which
/// the process holds while idle.
/// </summary>
internal sealed class RecycleCarryOver
{
    private readonly Lock _gate = new();
    private readonly List<NDArray> _buffers = [];
    private long _bytes;

    /// <summary>The most bytes kept: 256 MB, eight 2000x2000 float64 chunks.</summary>
    public long LimitBytes { get; init; } = 256L << 20;

    /// <summary>Bytes waiting now.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate) return _bytes;
        }
    }

    /// <summary>Keeps free buffers, in order, while they fit.</summary>
    public void Keep(IEnumerable<NDArray> buffers)
    {
        lock (_gate)
        {
            foreach (NDArray buffer in buffers)
            {
                long size = ValueSize.Of(buffer);
                if (_bytes + size > LimitBytes) break;
                _buffers.Add(buffer);
                _bytes += size;
            }
        }
    }

    /// <summary>Hands every waiting buffer to the caller (a starting compute) and forgets them.</summary>
    public NDArray[] TakeAll()
    {
        lock (_gate)
        {
            NDArray[] all = [.. _buffers];
            _buffers.Clear();
            _bytes = 0;
            return all;
        }
    }
}
