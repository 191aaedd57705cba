using ArrayDispatch.Chunked.Scheduling;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// The values a worker holds, per compute and key (one per silo, outside the grain, so a grain deactivation loses nothing).
/// Past <see cref="WorkerOptions.MemoryLimit"/> the oldest values in memory are written to the spill folder and read back
/// when asked for (Dask's spill-to-disk).
/// </summary>
internal sealed class ChunkStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Compute, string Key), Entry> _entries = [];
    private readonly LinkedList<(string Compute, string Key)> _inMemory = [];
    private readonly Dictionary<string, ComputeCounters> _computes = new(StringComparer.Ordinal);
    private readonly WorkerOptions _options;
    private readonly WorkerRunner _runner;
    private readonly string _spillFolder;
    private long _memoryBytes;

    public ChunkStore(WorkerOptions options, WorkerRunner runner)
    {
        _options = options;
        _runner = runner;
        string root = string.IsNullOrEmpty(options.SpillDirectory) ? Path.Combine(Path.GetTempPath(), "arraydispatch-spill") : options.SpillDirectory;
        _spillFolder = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>Bytes of values in memory now.</summary>
    public long MemoryBytes
    {
        get { lock (_gate) return _memoryBytes; }
    }

    /// <summary>Where this worker spills.</summary>
    public string SpillFolder => _spillFolder;

    /// <summary>Keeps a value; <paramref name="replica"/>: a copy fetched from another worker (not counted as a task run here).</summary>
    public void Put(string compute, string key, object value, long bytes, bool replica = false)
    {
        List<(string, string, object)>? toSpill = null;
        lock (_gate)
        {
            ComputeCounters counters = CountersLocked(compute);
            if (counters.Ended) return;
            var id = (compute, key);
            if (_entries.Remove(id, out Entry? old)) DropLocked(old);
            var entry = new Entry(value, bytes, _inMemory.AddLast(id));
            _entries[id] = entry;
            _memoryBytes += bytes;
            if (!replica) counters.Tasks++;
            counters.PeakBytes = Math.Max(counters.PeakBytes, _memoryBytes);
            if (_options.MemoryLimit > 0)
            {
                // The oldest values go first (least likely to be read soon in a depth-first order); the newest stays.
                while (_memoryBytes > _options.MemoryLimit && _inMemory.First is { } oldest && oldest != entry.Node)
                {
                    Entry victim = _entries[oldest.Value];
                    _inMemory.Remove(oldest);
                    victim.Node = null;
                    _memoryBytes -= victim.Bytes;
                    victim.Spilling = true;
                    CountersLocked(oldest.Value.Compute).SpilledBytes += victim.Bytes;
                    (toSpill ??= []).Add((oldest.Value.Compute, oldest.Value.Key, victim.Value!));
                }
            }
        }
        if (toSpill is null) return;
        foreach ((string c, string k, object v) in toSpill) Spill(c, k, v);
    }

    private void Spill(string compute, string key, object value)
    {
        Directory.CreateDirectory(_spillFolder);
        string path = Path.Combine(_spillFolder, FileName(compute, key));
        // Written under a temporary name and moved into place only while the value is still wanted: a compute that ends
        // during the write (End drops its entries) never sees a spill file of its own appear after it ended.
        string partial = path + "." + Environment.CurrentManagedThreadId + ".partial";
        File.WriteAllBytes(partial, _runner.Get().WriteValue(value));
        lock (_gate)
        {
            if (_entries.TryGetValue((compute, key), out Entry? entry) && entry.Spilling)
            {
                File.Move(partial, path, overwrite: true);
                entry.Path = path;
                entry.Value = null;
                entry.Spilling = false;
                return;
            }
        }
        File.Delete(partial);
    }

    /// <summary>The value, or null when this worker does not hold it.</summary>
    public object? Get(string compute, string key)
    {
        string? path;
        lock (_gate)
        {
            if (!_entries.TryGetValue((compute, key), out Entry? entry)) return null;
            if (entry.Value is { } v) return v;
            path = entry.Path;
        }
        return path is null ? null : _runner.Get().ReadValue(File.ReadAllBytes(path));
    }

    public void Release(string compute, IEnumerable<string> keys)
    {
        lock (_gate)
        {
            foreach (string key in keys)
            {
                if (_entries.Remove((compute, key), out Entry? entry)) DropLocked(entry);
            }
        }
    }

    public void CountReceived(string compute, long bytes)
    {
        lock (_gate) CountersLocked(compute).ReceivedBytes += bytes;
    }

    /// <summary>Tasks this worker stopped (waiting for a slot, or between the parts of a task) because their compute was cancelled.</summary>
    public long TasksCancelled => Interlocked.Read(ref _cancelled);

    public void CountCancelled() => Interlocked.Increment(ref _cancelled);

    private long _cancelled;

    /// <summary>Tasks whose description is running on this worker now (past their inputs and their slot).</summary>
    public int TasksRunning => Volatile.Read(ref _running);

    public void CountStarted() => Interlocked.Increment(ref _running);

    public void CountStopped() => Interlocked.Decrement(ref _running);

    private int _running;

    public bool Ended(string compute)
    {
        lock (_gate) return _computes.TryGetValue(compute, out ComputeCounters? c) && c.Ended;
    }

    /// <summary>Drops the compute's values and returns its counters; later tasks of it are skipped.</summary>
    public (int Tasks, long PeakBytes, long SpilledBytes, long ReceivedBytes) End(string compute)
    {
        lock (_gate)
        {
            foreach (var id in _entries.Keys.Where(k => k.Compute == compute).ToList())
            {
                _entries.Remove(id, out Entry? entry);
                DropLocked(entry!);
            }
            ComputeCounters c = CountersLocked(compute);
            c.Ended = true;
            // Ended computes are remembered briefly so late tasks are skipped; old ones are forgotten.
            if (_computes.Count > 64)
            {
                foreach (string old in _computes.Where(p => p.Value.Ended && p.Key != compute).Select(p => p.Key).Take(_computes.Count - 32).ToList()) _computes.Remove(old);
            }
            return (c.Tasks, c.PeakBytes, c.SpilledBytes, c.ReceivedBytes);
        }
    }

    /// <summary>Deletes the spill folder when the silo stops (values die with the worker).</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_spillFolder)) Directory.Delete(_spillFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written by a task that outlived the silo; the folder is the worker's own, nothing else reads it.
        }
    }

    private void DropLocked(Entry entry)
    {
        if (entry.Node is { } node)
        {
            _inMemory.Remove(node);
            _memoryBytes -= entry.Bytes;
        }
        entry.Spilling = false;
        if (entry.Path is { } path) File.Delete(path);
    }

    private ComputeCounters CountersLocked(string compute)
    {
        if (!_computes.TryGetValue(compute, out ComputeCounters? c)) _computes[compute] = c = new ComputeCounters();
        return c;
    }

    private static string FileName(string compute, string key) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(compute + "/" + key)))[..32] + ".bin";

    private sealed class Entry(object value, long bytes, LinkedListNode<(string, string)> node)
    {
        public object? Value { get; set; } = value;
        public long Bytes { get; } = bytes;
        public LinkedListNode<(string, string)>? Node { get; set; } = node;
        public string? Path { get; set; }
        public bool Spilling { get; set; }
    }

    private sealed class ComputeCounters
    {
        public int Tasks { get; set; }
        public long PeakBytes { get; set; }
        public long SpilledBytes { get; set; }
        public long ReceivedBytes { get; set; }
        public bool Ended { get; set; }
    }
}
