using System.Diagnostics;
using ArrayDispatch.Chunked.Graph;

namespace ArrayDispatch.Chunked.Scheduling;

/// <summary>
/// Runs a task graph on the .NET thread pool: ready tasks run in parallel up to the configured degree, the most recently
/// readied first (depth first, so a chain of work finishes and frees its inputs before new chains start, as Dask's
/// ordering does), and each result is dropped as soon as the last task that needs it has finished. Among tasks readied
/// together, the one with the most tasks downstream of it runs first (Dask's <c>order</c> breaks ties the same way): after
/// the TSQR's second QR, the small SVD that every U chunk waits for starts before the Q products that only one needs.
/// </summary>
public sealed class LocalChunkScheduler : IChunkScheduler
{
    /// <summary>A shared instance; the scheduler holds no state between computes.</summary>
    public static LocalChunkScheduler Instance { get; } = new();

    /// <inheritdoc/>
    public ComputeResult Execute(TaskGraph graph, IReadOnlyList<string> outputs, ComputeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var run = new Run(graph, outputs, options, cancellationToken);
        return run.Execute();
    }

    private sealed class Run
    {
        private readonly ChunkTask[] _tasks;
        private readonly int[][] _deps;
        private readonly int[][] _dependents;
        private readonly int[] _waiting;
        private readonly int[] _consumersLeft;
        private readonly bool[] _isOutput;
        private readonly object?[] _values;
        private readonly long[] _sizes;
        private readonly long[] _downstream;
        private readonly List<int> _readied = [];
        private readonly int[] _outputIds;
        private readonly ComputeOptions _options;
        private readonly CancellationToken _token;
        private readonly Stack<int> _ready = new();
        private readonly Lock _gate = new();
        // Multi-threaded kernels (ChunkTask.ParallelKernel) take it exclusively, every other task shares it: a BLAS call
        // that already uses all cores never runs beside another task (measured: the seed SVD with two 2-thread OpenBLAS
        // calls side by side on 2 cores took 2.7 s, with one thread each 1.7 s).
        // Not disposed: after a cancellation a worker may still be leaving it when Execute returns.
        private readonly ReaderWriterLockSlim _kernelGate = new(LockRecursionPolicy.NoRecursion);
        private readonly ManualResetEventSlim _done = new(false);
        private readonly int _degree;
        private readonly RecyclePool _pool;
        private readonly bool[] _shared;
        private int _running;
        private int _completed;
        private int _finishedOrAbandoned;
        private long _liveBytes, _peakBytes;
        private int _liveValues, _peakValues;
        private Exception? _failure;
        private string? _failedKey;

        public Run(TaskGraph graph, IReadOnlyList<string> outputs, ComputeOptions options, CancellationToken token)
        {
            _options = options;
            _token = token;
            _degree = options.EffectiveDegree;
            int n = graph.Count;
            _tasks = new ChunkTask[n];
            var ids = new Dictionary<string, int>(n, StringComparer.Ordinal);
            int next = 0;
            foreach (ChunkTask t in graph.Tasks.Values)
            {
                ids[t.Key] = next;
                _tasks[next++] = t;
            }
            _deps = new int[n][];
            var dependents = new List<int>[n];
            _waiting = new int[n];
            for (int i = 0; i < n; i++)
            {
                IReadOnlyList<string> d = _tasks[i].Dependencies;
                var di = new int[d.Count];
                for (int k = 0; k < di.Length; k++)
                {
                    di[k] = ids[d[k]];
                    (dependents[di[k]] ??= []).Add(i);
                }
                _deps[i] = di;
            }
            _dependents = new int[n][];
            _consumersLeft = new int[n];
            for (int i = 0; i < n; i++)
            {
                _dependents[i] = dependents[i]?.ToArray() ?? [];
                _consumersLeft[i] = _dependents[i].Length;
                _waiting[i] = _deps[i].Length;
            }
            _isOutput = new bool[n];
            _outputIds = new int[outputs.Count];
            for (int i = 0; i < outputs.Count; i++)
            {
                if (!ids.TryGetValue(outputs[i], out int id)) throw new KeyNotFoundException($"output '{outputs[i]}' is not a task of the graph");
                _outputIds[i] = id;
                _isOutput[id] = true;
            }
            _values = new object?[n];
            _sizes = new long[n];
            _downstream = Downstream(_deps, _dependents);
            _shared = new bool[n];
            _pool = new RecyclePool(options.RecycleChunks ? 2 * _degree : 0, Held, options.CarryOver);
            _pool.TakeCarryOver();
        }

        /// <summary>The pool's change to the bytes held (it counts as holding what it keeps).</summary>
        private void Held(long delta)
        {
            long live = Interlocked.Add(ref _liveBytes, delta);
            if (delta > 0) UpdateMax(ref _peakBytes, live);
        }

        /// <summary>
        /// For each task, 1 + the sum over its dependents of theirs (Dask's <c>total_dependents</c>: shared tasks are
        /// counted once per path, saturating), computed in reverse topological order.
        /// </summary>
        private static long[] Downstream(int[][] deps, int[][] dependents)
        {
            int n = deps.Length;
            var remaining = new int[n];
            var order = new int[n];
            int head = 0, tail = 0;
            for (int i = 0; i < n; i++)
            {
                remaining[i] = dependents[i].Length;
                if (remaining[i] == 0) order[tail++] = i;
            }
            var total = new long[n];
            while (head < tail)
            {
                int i = order[head++];
                long sum = 1;
                foreach (int d in dependents[i]) sum = Math.Min(sum + total[d], long.MaxValue / 2);
                total[i] = sum;
                foreach (int d in deps[i])
                {
                    if (--remaining[d] == 0) order[tail++] = d;
                }
            }
            return total;
        }

        /// <summary>Pushes the tasks in <see cref="_readied"/> so that the one with the most downstream work is popped first.</summary>
        private void PushReadiedLocked()
        {
            if (!IsSortedByDownstream())
            {
                // Stable: tasks with equal downstream work keep their order (the last pushed runs first).
                var keys = new (long Downstream, int Position)[_readied.Count];
                for (int k = 0; k < keys.Length; k++) keys[k] = (_downstream[_readied[k]], k);
                int[] ids = [.. _readied];
                Array.Sort(keys, ids);
                _readied.Clear();
                _readied.AddRange(ids);
            }
            foreach (int t in _readied) _ready.Push(t);
            _readied.Clear();
        }

        public ComputeResult Execute()
        {
            try
            {
                return ExecuteCore();
            }
            finally
            {
                _pool.Clear();
            }
        }

        private ComputeResult ExecuteCore()
        {
            var clock = Stopwatch.StartNew();
            int n = _tasks.Length;
            if (n > 0)
            {
                lock (_gate)
                {
                    for (int i = n - 1; i >= 0; i--)
                    {
                        if (_waiting[i] == 0) _readied.Add(i);
                    }
                    PushReadiedLocked();
                    StartWorkersLocked();
                }
                using (_token.Register(static s => ((Run)s!).Wake(), this))
                {
                    _done.Wait();
                }
            }
            if (_failure is not null)
            {
                if (_failure is OperationCanceledException oce && _failedKey is null) throw new OperationCanceledException(oce.Message, oce, _token);
                throw new ChunkTaskException(_failedKey!, _failure);
            }
            var results = new object[_outputIds.Length];
            for (int i = 0; i < results.Length; i++) results[i] = _values[_outputIds[i]]!;
            return new ComputeResult(results, new ComputeStatistics(_completed, _peakBytes, _peakValues, clock.Elapsed, _pool.Recycled));
        }

        private void Wake()
        {
            lock (_gate)
            {
                if (_finishedOrAbandoned == _tasks.Length) return;
                _failure ??= new OperationCanceledException(_token);
                if (_running == 0) _done.Set();
            }
        }

        private void StartWorkersLocked()
        {
            while (_running < _degree && _ready.Count > 0 && _failure is null)
            {
                _running++;
                ThreadPool.QueueUserWorkItem(static s => s.Work(), this, preferLocal: false);
            }
            if (_running == 0) _done.Set();
        }

        private void Work()
        {
            while (true)
            {
                int id;
                lock (_gate)
                {
                    if (_failure is not null || _ready.Count == 0)
                    {
                        _running--;
                        if (_running == 0) _done.Set();
                        return;
                    }
                    id = _ready.Pop();
                }
                if (_token.IsCancellationRequested)
                {
                    lock (_gate)
                    {
                        _failure ??= new OperationCanceledException(_token);
                    }
                    continue;
                }
                ChunkTask task = _tasks[id];
                object value;
                try
                {
                    int[] deps = _deps[id];
                    var inputs = deps.Length == 0 ? [] : new object[deps.Length];
                    for (int k = 0; k < deps.Length; k++) inputs[k] = _values[deps[k]]!;
                    using RecyclePool.Scope scope = _pool.Enter();
                    value = RunGated(task, inputs) ?? throw new InvalidOperationException($"task '{task.Key}' returned null");
                }
                catch (Exception ex)
                {
                    lock (_gate)
                    {
                        if (_failure is null)
                        {
                            // A fused task reports the key of the part that threw.
                            (_failure, _failedKey) = ex is ChunkTaskException { InnerException: { } inner } fused ? (inner, fused.TaskKey) : (ex, task.Key);
                        }
                    }
                    continue;
                }
                Complete(id, value);
            }
        }

        private object RunGated(ChunkTask task, object[] inputs)
        {
            if (_degree == 1) return task.Run(inputs);
            bool exclusive = task.ParallelKernel;
            if (exclusive) _kernelGate.EnterWriteLock();
            else _kernelGate.EnterReadLock();
            try
            {
                return task.Run(inputs);
            }
            finally
            {
                if (exclusive) _kernelGate.ExitWriteLock();
                else _kernelGate.ExitReadLock();
            }
        }

        private void Complete(int id, object value)
        {
            long size = ValueSize.Of(value);
            _sizes[id] = size;
            _values[id] = value;
            long live = Interlocked.Add(ref _liveBytes, size);
            int liveValues = Interlocked.Increment(ref _liveValues);
            UpdateMax(ref _peakBytes, live);
            UpdateMax(ref _peakValues, liveValues);
            if (_pool.Enabled && _tasks[id].FreshResult && _deps[id].Length > 0)
            {
                var inputs = new object[_deps[id].Length];
                for (int k = 0; k < inputs.Length; k++) inputs[k] = _values[_deps[id][k]]!;
                if (!RecyclePool.Unshared(value, inputs)) _shared[id] = true;
            }
            foreach (int d in _deps[id])
            {
                // An owned value that this task's result may reference (a view, the value itself) is never recycled.
                if (_pool.Enabled && _tasks[d].FreshResult && !_shared[d] && !RecyclePool.Independent(value, _values[d]!)) Volatile.Write(ref _shared[d], true);
            }
            foreach (int d in _deps[id])
            {
                if (Interlocked.Decrement(ref _consumersLeft[d]) == 0 && !_isOutput[d])
                {
                    object released = _values[d]!;
                    _values[d] = null;
                    bool owned = _tasks[d].FreshResult && !Volatile.Read(ref _shared[d]);
                    bool pooled = owned && _pool.Offer(released, counted: true);
                    if (!pooled) Interlocked.Add(ref _liveBytes, -_sizes[d]);
                    // An owned intermediate the pool does not keep is released at once (Dense hands its native buffer
                    // back to its own pool) rather than when the GC finalizes it; only when the alias checks ran.
                    if (owned && !pooled && _pool.Enabled) (released as NDArray)?.Dispose();
                    Interlocked.Decrement(ref _liveValues);
                }
            }
            int completed = Interlocked.Increment(ref _completed);
            _options.Progress?.Report(new ChunkProgress(completed, _tasks.Length, _tasks[id].Key));
            lock (_gate)
            {
                _finishedOrAbandoned++;
                foreach (int t in _dependents[id])
                {
                    if (--_waiting[t] == 0) _readied.Add(t);
                }
                PushReadiedLocked();
                StartWorkersLocked();
            }
        }

        private bool IsSortedByDownstream()
        {
            for (int k = 1; k < _readied.Count; k++)
            {
                if (_downstream[_readied[k - 1]] > _downstream[_readied[k]]) return false;
            }
            return true;
        }

        private static void UpdateMax(ref long target, long value)
        {
            long seen = Volatile.Read(ref target);
            while (value > seen)
            {
                long prior = Interlocked.CompareExchange(ref target, value, seen);
                if (prior == seen) return;
                seen = prior;
            }
        }

        private static void UpdateMax(ref int target, int value)
        {
            int seen = Volatile.Read(ref target);
            while (value > seen)
            {
                int prior = Interlocked.CompareExchange(ref target, value, seen);
                if (prior == seen) return;
                seen = prior;
            }
        }
    }
}
