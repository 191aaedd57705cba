using System.Diagnostics;
using System.Threading.Channels;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Runtime.Dispatch;
using global::Orleans;
using global::Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// Runs Chunked task graphs on the chunk workers of an Orleans cluster, as dask.distributed's scheduler does: a task goes
/// to the worker that already holds most of its input bytes, values stay on the workers until their consumers have run,
/// workers fetch inputs from each other, and only <c>Compute</c>'s outputs come back to the client. Tasks travel as
/// descriptions (<see cref="RemoteTask.Spec"/>); a worker that leaves mid-compute takes its values with it, and the tasks that
/// made them run again on the others. The app registers it as its <see cref="IRemoteChunkScheduler"/>; the Chunked plugin,
/// loaded from its folder, takes it from the app's services (<c>Backends:Chunked:Scheduler=Orleans</c>) and hands it the
/// tasks as descriptions it wrote itself: this assembly knows the contract only, never the plugin.
/// </summary>
public sealed class OrleansChunkScheduler : IRemoteChunkScheduler
{
    private readonly IWorkerCluster _cluster;
    private readonly ILogger _logger;
    private readonly TimeSpan _clusterTimeout;
    private readonly TimeSpan _livenessInterval;

    /// <summary>A scheduler that runs tasks through <paramref name="client"/>.</summary>
    /// <param name="client">A started client of the cluster whose silos run <see cref="ChunkWorkerGrain"/> (see <see cref="ChunkedOrleansExtensions.AddChunkWorker"/>).</param>
    /// <param name="logger">Where refused workers and lost workers are logged.</param>
    /// <param name="clusterTimeout">How long the cluster may take to list its workers before the compute fails.</param>
    public OrleansChunkScheduler(IClusterClient client, ILogger? logger = null, TimeSpan? clusterTimeout = null)
        : this(() => client, logger, clusterTimeout)
    {
        ArgumentNullException.ThrowIfNull(client);
    }

    /// <summary>
    /// A scheduler whose client is resolved at the first compute (a generic host creates the plugin before its services,
    /// and the client belongs to those).
    /// </summary>
    public OrleansChunkScheduler(Func<IClusterClient> client, ILogger? logger = null, TimeSpan? clusterTimeout = null)
        : this(new ClientWorkerCluster(client ?? throw new ArgumentNullException(nameof(client))), logger, clusterTimeout, null)
    {
    }

    /// <param name="cluster">The cluster's members and workers.</param>
    /// <param name="logger">Where refused and lost workers are logged.</param>
    /// <param name="clusterTimeout">How long the cluster may take to list its workers before the compute fails.</param>
    /// <param name="livenessInterval">
    /// How often a compute that waits on its workers asks the cluster which silos are still members (2 s when null).
    /// </param>
    internal OrleansChunkScheduler(IWorkerCluster cluster, ILogger? logger, TimeSpan? clusterTimeout, TimeSpan? livenessInterval)
    {
        _cluster = cluster;
        _logger = logger ?? NullLogger.Instance;
        _clusterTimeout = clusterTimeout ?? TimeSpan.FromSeconds(10);
        _livenessInterval = livenessInterval ?? TimeSpan.FromSeconds(2);
    }

    /// <summary>What the last compute did on the cluster (workers used, bytes moved, per-worker peaks), or null.</summary>
    public ClusterComputeReport? LastReport { get; private set; }

    /// <inheritdoc/>
    public string Name => "Orleans";

    /// <inheritdoc/>
    public RemoteComputeResult Execute(RemoteCompute compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        cancellationToken.ThrowIfCancellationRequested();
        IArrayDispatcher dispatcher = Np.Dispatcher;
        // The caller's ambient dispatcher does not flow into the thread pool by itself; the run sets it again.
        return Task.Run(async () =>
        {
            using (Np.UseDispatcher(dispatcher))
            {
                var run = new Run(this, compute, dispatcher, cancellationToken);
                return await run.ExecuteAsync().ConfigureAwait(false);
            }
        }, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The workers of the cluster whose plugins match the client's; the others are named in <paramref name="refused"/>.</summary>
    internal async Task<List<Worker>> WorkersAsync(IArrayDispatcher dispatcher, List<string> refused, CancellationToken token)
    {
        IReadOnlyList<string> hosts;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(token))
        {
            timeout.CancelAfter(_clusterTimeout);
            try
            {
                hosts = await _cluster.ActiveSilosAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                throw new TimeoutException($"the Orleans cluster did not list its silos within {_clusterTimeout.TotalSeconds:F0} s");
            }
        }
        string[] mine = dispatcher is Dispatcher runtime ? [.. runtime.BackendSet.Backends.Select(b => $"{b.Name} {b.Version}")] : [];
        var workers = new List<Worker>();
        foreach (string silo in hosts)
        {
            IChunkWorkerGrain grain = _cluster.Worker(silo);
            WorkerInfo info;
            try
            {
                info = await grain.Describe().WaitAsync(_clusterTimeout, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                refused.Add($"{silo}: unreachable ({ex.GetType().Name}: {ex.Message.Split('\n')[0].Trim()})");
                continue;
            }
            if (PluginMismatch(mine, info.Backends) is { } reason)
            {
                refused.Add($"{info.Silo}: {reason}");
                _logger.LogWarning("Chunk worker {Worker} is refused and gets no tasks: {Reason}", info.Silo, reason);
                continue;
            }
            workers.Add(new Worker(info.Silo, grain, Math.Max(1, info.Degree)));
        }
        return workers;
    }

    /// <summary>
    /// Why a worker cannot run the client's tasks: a backend of the client missing on the worker or of another version
    /// (Chunked included: the worker's Chunked plugin reads the descriptions the client's wrote). Null when it can.
    /// </summary>
    internal static string? PluginMismatch(IReadOnlyList<string> client, IReadOnlyList<string> worker)
    {
        var theirs = worker.Select(Split).ToDictionary(p => p.Name, p => p.Version, StringComparer.Ordinal);
        foreach ((string name, string version) in client.Select(Split))
        {
            if (!theirs.TryGetValue(name, out string? other)) return $"it has no backend '{name}' (the client has {name} {version}; the worker has {string.Join(", ", worker)})";
            if (other != version) return $"its backend '{name}' is version {other}, the client's is {version}";
        }
        return null;

        static (string Name, string Version) Split(string entry)
        {
            int space = entry.LastIndexOf(' ');
            return space < 0 ? (entry, "") : (entry[..space], entry[(space + 1)..]);
        }
    }

    internal sealed class Worker(string key, IChunkWorkerGrain grain, int degree)
    {
        public string Key { get; } = key;

        /// <summary>Cancelled when the cluster's membership no longer lists the worker's silo: its outstanding calls end at once.</summary>
        public CancellationTokenSource Gone { get; } = new();
        public IChunkWorkerGrain Grain { get; } = grain;
        public int Degree { get; } = degree;
        public int Running { get; set; }
        public int TasksRun { get; set; }
        public override string ToString() => Key;
    }

    private sealed class Run
    {
        private readonly OrleansChunkScheduler _owner;
        private readonly RemoteTask[] _tasks;
        private readonly Dictionary<string, int> _ids;
        private readonly int[][] _deps;
        private readonly int[][] _dependents;
        private readonly int[] _waiting;
        private readonly int[] _consumersLeft;
        private readonly bool[] _isOutput;
        private readonly int[] _outputIds;
        private readonly bool[] _done;
        private readonly bool[] _inFlight;
        private readonly Worker?[] _location;
        private readonly List<Worker>?[] _replicas;
        private readonly long[] _sizes;
        private readonly byte[][] _specs;
        private readonly TaskOrder?[] _orders;
        /// <summary>The task id of a completion that only says its worker left the cluster.</summary>
        private const int LossNotice = -1;
        private readonly CancellationTokenSource?[] _calls;
        private readonly Stack<int> _ready = new();
        private readonly IProgress<ChunkProgress>? _progress;
        private readonly IArrayDispatcher _dispatcher;
        private readonly CancellationToken _token;
        private readonly string _compute = Guid.NewGuid().ToString("N");
        private readonly Channel<(int Id, Worker Worker, TaskDone? Done, Exception? Error)> _completions = Channel.CreateUnbounded<(int, Worker, TaskDone?, Exception?)>();
        private readonly HashSet<string> _lost = new(StringComparer.Ordinal);
        private readonly Dictionary<Worker, List<string>> _releases = [];
        private readonly List<Worker> _everUsed = [];
        private List<Worker> _workers = [];
        private int _running;
        private int _doneCount;
        private int _recomputed;
        private long _liveBytes, _peakBytes, _transferred, _gathered;
        private double _runSeconds, _fetchSeconds;
        private int _liveValues, _peakValues;

        public Run(OrleansChunkScheduler owner, RemoteCompute compute, IArrayDispatcher dispatcher, CancellationToken token)
        {
            IReadOnlyList<string> outputs = compute.Outputs;
            _owner = owner;
            _progress = compute.Progress;
            _dispatcher = dispatcher;
            _token = token;
            _tasks = [.. compute.Tasks];
            int n = _tasks.Length;
            _ids = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++) _ids[_tasks[i].Key] = i;
            _deps = new int[n][];
            var dependents = new List<int>[n];
            for (int i = 0; i < n; i++)
            {
                _deps[i] = [.. _tasks[i].Dependencies.Select(d => _ids[d])];
                foreach (int d in _deps[i]) (dependents[d] ??= []).Add(i);
            }
            _dependents = [.. dependents.Select(d => d?.ToArray() ?? [])];
            _waiting = new int[n];
            _consumersLeft = new int[n];
            _isOutput = new bool[n];
            _outputIds = new int[outputs.Count];
            for (int i = 0; i < outputs.Count; i++)
            {
                if (!_ids.TryGetValue(outputs[i], out int id)) throw new KeyNotFoundException($"output '{outputs[i]}' is not a task of the graph");
                _outputIds[i] = id;
                _isOutput[id] = true;
            }
            _done = new bool[n];
            _inFlight = new bool[n];
            _location = new Worker?[n];
            _replicas = new List<Worker>?[n];
            _sizes = new long[n];
            _specs = new byte[n][];
            for (int i = 0; i < n; i++) _specs[i] = _tasks[i].Spec;
            _orders = new TaskOrder?[n];
            _calls = new CancellationTokenSource?[n];
        }

        public async Task<RemoteComputeResult> ExecuteAsync()
        {
            var clock = Stopwatch.StartNew();
            var refused = new List<string>();
            _workers = await _owner.WorkersAsync(_dispatcher, refused, _token).ConfigureAwait(false);
            if (_workers.Count == 0)
            {
                throw new InvalidOperationException("no chunk worker can run this compute: " +
                    (refused.Count == 0 ? "the Orleans cluster has no silos" : "refused: " + string.Join("; ", refused)));
            }
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(_token);
            Task watch = WatchMembershipAsync([.. _workers], watching.Token);
            try
            {
                Rebuild();
                byte[][] values = await LoopAsync().ConfigureAwait(false);
                List<WorkerStats> stats = await EndAsync().ConfigureAwait(false);
                _owner.LastReport = new ClusterComputeReport(
                    [.. _everUsed.Where(w => w.TasksRun > 0).Select(w => w.Key)], _transferred, _gathered, _recomputed, stats, refused, [.. _lost], _runSeconds, _fetchSeconds);
                return new RemoteComputeResult(values, new ComputeStatistics(_tasks.Length, _peakBytes, _peakValues, clock.Elapsed));
            }
            catch
            {
                await EndAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                watching.Cancel();
                await watch.ConfigureAwait(false);
                foreach (CancellationTokenSource? call in _calls) call?.Dispose();
            }
        }

        /// <summary>
        /// Gives up the workers whose silos the cluster's membership stops listing as active. A call to a silo that died
        /// usually fails with its connection, but not always (a call routed through another gateway waits for an answer
        /// that never comes, and the worker's calls have no response timeout: a task may run for hours), so the compute
        /// asks the membership itself, as dask.distributed's scheduler notices a worker by its missed heartbeats.
        /// </summary>
        private async Task WatchMembershipAsync(Worker[] workers, CancellationToken stop)
        {
            while (true)
            {
                try
                {
                    await Task.Delay(_owner._livenessInterval, stop).ConfigureAwait(false);
                    IReadOnlyList<string> active;
                    using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
                    {
                        timeout.CancelAfter(_owner._clusterTimeout);
                        active = await _owner._cluster.ActiveSilosAsync(timeout.Token).ConfigureAwait(false);
                    }
                    foreach (Worker w in workers)
                    {
                        if (w.Gone.IsCancellationRequested || active.Contains(w.Key, StringComparer.Ordinal)) continue;
                        await w.Gone.CancelAsync().ConfigureAwait(false);
                        // Also told to the loop, for a worker with no call outstanding that still holds values.
                        _completions.Writer.TryWrite((LossNotice, w, null, Left(w)));
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // The membership could not be read this time (the client's gateway is busy or reconnecting): the calls
                    // themselves still fail with their connections, and the next round asks again.
                    _owner._logger.LogDebug("Reading the cluster's membership failed: {Error}", ex.Message);
                }
            }
        }

        private async Task<byte[][]> LoopAsync()
        {
            while (true)
            {
                SubmitReady();
                if (_doneCount == _tasks.Length || (_running == 0 && _ready.Count == 0))
                {
                    if (_running == 0 && _ready.Count == 0 && _doneCount < _tasks.Length)
                    {
                        throw new InvalidOperationException($"the compute stalled with {_tasks.Length - _doneCount} tasks left and none runnable");
                    }
                    byte[][]? gathered = await GatherAsync().ConfigureAwait(false);
                    if (gathered is not null) return gathered;
                    continue;
                }
                if (!_completions.Reader.TryRead(out var completion))
                {
                    // Nothing finished yet: a good moment to send the batched releases.
                    FlushReleases();
                    completion = await _completions.Reader.ReadAsync(_token).ConfigureAwait(false);
                }
                var (id, worker, done, error) = completion;
                // A call cancelled with the compute is not a lost worker.
                _token.ThrowIfCancellationRequested();
                if (id == LossNotice)
                {
                    if (!_lost.Contains(worker.Key)) LoseWorker(worker, error!);
                    continue;
                }
                _inFlight[id] = false;
                _running--;
                worker.Running--;
                _calls[id]?.Dispose();
                _calls[id] = null;
                if (_lost.Contains(worker.Key))
                {
                    // An answer from a worker already given up: whatever it made is gone with it.
                    Rebuild();
                    continue;
                }
                if (error is not null)
                {
                    // Task errors come back as TaskDone; an exception here is the call itself failing: the worker is gone.
                    LoseWorker(worker, error);
                    continue;
                }
                if (done!.Skipped)
                {
                    // Withdrawn because an input's holder was lost (see LoseWorker): it runs again once its inputs exist.
                    Rebuild();
                    continue;
                }
                if (done.LostHolder is { } holder)
                {
                    Worker? lost = _workers.FirstOrDefault(w => w.Key == holder);
                    if (lost is not null) LoseWorker(lost, new SiloUnavailableException($"worker {holder} did not answer a fetch"));
                    else Rebuild();
                    continue;
                }
                if (done.Error is { } message)
                {
                    throw new ChunkTaskException(done.ErrorKey ?? _tasks[id].Key, new ChunkWorkerException(worker.Key, message));
                }
                Complete(id, worker, done);
            }
        }

        private void SubmitReady()
        {
            // Tasks wait on the client until a worker has room (a few queued beyond its degree, so it never idles between
            // two answers), so placement can still choose.
            var deferred = new List<int>();
            while (_ready.Count > 0)
            {
                int id = _ready.Pop();
                if (_done[id] || _inFlight[id]) continue;
                Worker? worker = Choose(id);
                if (worker is null)
                {
                    deferred.Add(id);
                    break;
                }
                Submit(id, worker);
            }
            for (int k = deferred.Count - 1; k >= 0; k--) _ready.Push(deferred[k]);
        }

        /// <summary>The worker with room that holds the most input bytes (the least busy among equals), or null when all are full.</summary>
        private Worker? Choose(int id)
        {
            Worker? best = null;
            long bestBytes = -1;
            foreach (Worker w in _workers)
            {
                if (w.Running >= 2 * w.Degree + 2) continue;
                long bytes = 0;
                foreach (int d in _deps[id])
                {
                    if (_location[d] == w || _replicas[d]?.Contains(w) == true) bytes += _sizes[d];
                }
                if (bytes > bestBytes || (bytes == bestBytes && (double)w.Running / w.Degree < (double)best!.Running / best.Degree))
                {
                    best = w;
                    bestBytes = bytes;
                }
            }
            return best;
        }

        private void Submit(int id, Worker worker)
        {
            _inFlight[id] = true;
            _running++;
            worker.Running++;
            if (!_everUsed.Contains(worker)) _everUsed.Add(worker);
            int[] deps = _deps[id];
            var order = new TaskOrder(_compute, _tasks[id].Key, _specs[id],
                [.. deps.Select(d => _tasks[d].Key)], [.. deps.Select(d => _location[d]!.Key)]);
            _orders[id] = order;
            var call = CancellationTokenSource.CreateLinkedTokenSource(_token);
            _calls[id] = call;
            _ = CallAsync(id, worker, order, call.Token);
        }

        /// <summary>Runs one task on a worker; exactly one completion is written for it, whatever happens.</summary>
        private async Task CallAsync(int id, Worker worker, TaskOrder order, CancellationToken call)
        {
            try
            {
                // The call's token travels with it: cancelling the compute (or withdrawing this task) stops it on the worker
                // too. Waiting ends as soon as the worker is known gone, answer or not.
                using var either = CancellationTokenSource.CreateLinkedTokenSource(call, worker.Gone.Token);
                TaskDone done = await worker.Grain.Run(order, call).WaitAsync(either.Token).ConfigureAwait(false);
                _completions.Writer.TryWrite((id, worker, done, null));
            }
            catch (OperationCanceledException) when (worker.Gone.IsCancellationRequested && !_token.IsCancellationRequested)
            {
                _completions.Writer.TryWrite((id, worker, null, Left(worker)));
            }
            catch (OperationCanceledException) when (call.IsCancellationRequested && !_token.IsCancellationRequested)
            {
                _completions.Writer.TryWrite((id, worker, new TaskDone(0, 0, Skipped: true), null));
            }
            catch (Exception ex)
            {
                _completions.Writer.TryWrite((id, worker, null, ex));
            }
        }

        private static SiloUnavailableException Left(Worker worker) =>
            new($"worker {worker.Key} left the cluster (its membership no longer lists the silo as active)");

        private void Complete(int id, Worker worker, TaskDone done)
        {
            _done[id] = true;
            _location[id] = worker;
            _sizes[id] = done.Bytes;
            _transferred += done.FetchedBytes;
            _runSeconds += done.RunSeconds;
            _fetchSeconds += done.FetchSeconds;
            worker.TasksRun++;
            _doneCount++;
            _liveBytes += done.Bytes;
            _liveValues++;
            _peakBytes = Math.Max(_peakBytes, _liveBytes);
            _peakValues = Math.Max(_peakValues, _liveValues);
            foreach (int d in _deps[id])
            {
                // The worker fetched d unless it held it: it keeps that copy until d is released.
                if (_location[d] is { } owner && owner != worker && _replicas[d]?.Contains(worker) != true) (_replicas[d] ??= []).Add(worker);
                if (--_consumersLeft[d] == 0 && !_isOutput[d] && _location[d] is { } holder)
                {
                    (_releases.TryGetValue(holder, out List<string>? keys) ? keys : _releases[holder] = []).Add(_tasks[d].Key);
                    foreach (Worker copy in _replicas[d] ?? [])
                    {
                        (_releases.TryGetValue(copy, out List<string>? copyKeys) ? copyKeys : _releases[copy] = []).Add(_tasks[d].Key);
                    }
                    _replicas[d] = null;
                    _location[d] = null;
                    _liveBytes -= _sizes[d];
                    _liveValues--;
                }
            }
            _progress?.Report(new ChunkProgress(Math.Min(_doneCount, _tasks.Length), _tasks.Length, _tasks[id].Key));
            foreach (int t in _dependents[id])
            {
                if (--_waiting[t] == 0 && !_done[t] && !_inFlight[t]) _ready.Push(t);
            }
        }

        /// <summary>Sends the releases gathered since the last flush, one call per worker (a call per value would double the messages).</summary>
        private void FlushReleases()
        {
            foreach ((Worker holder, List<string> keys) in _releases)
            {
                if (keys.Count > 0 && !_lost.Contains(holder.Key)) _ = ReleaseAsync(holder, [.. keys]);
                keys.Clear();
            }
        }

        private async Task ReleaseAsync(Worker worker, string[] keys)
        {
            try
            {
                await worker.Grain.Release(_compute, keys).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Only memory is at stake: EndCompute drops everything of the compute anyway.
                _owner._logger.LogDebug("Release on {Worker} failed: {Error}", worker.Key, ex.Message);
            }
        }

        /// <summary>Forgets a worker and what it held; the tasks whose values are lost and still needed run again on the others.</summary>
        private void LoseWorker(Worker worker, Exception error)
        {
            if (_lost.Add(worker.Key))
            {
                _owner._logger.LogWarning("Chunk worker {Worker} was lost mid-compute ({Error}); its tasks run again on the remaining workers", worker.Key, error.Message);
                _workers.Remove(worker);
                worker.Gone.Cancel();
                // Tasks elsewhere that still wait for an input from it are withdrawn (they come back as skipped and run again
                // once the input is recomputed), rather than waiting on a fetch from a silo that may never answer.
                for (int i = 0; i < _tasks.Length; i++)
                {
                    if (_inFlight[i] && _orders[i] is { } order && order.Holders.Contains(worker.Key, StringComparer.Ordinal)) _calls[i]?.Cancel();
                }
            }
            if (_workers.Count == 0)
            {
                throw new InvalidOperationException($"every chunk worker was lost during the compute; the last failure: {error.Message}", error);
            }
            Rebuild();
        }

        /// <summary>
        /// Recounts what must still run from what is held where: every task not done whose value an output needs (through
        /// tasks whose values are not held) runs again, with its inputs counted afresh.
        /// </summary>
        private void Rebuild()
        {
            int n = _tasks.Length;
            for (int i = 0; i < n; i++)
            {
                _replicas[i]?.RemoveAll(w => _lost.Contains(w.Key));
                if (_done[i] && _location[i] is { } gone && _lost.Contains(gone.Key) && _replicas[i] is [var copy, ..])
                {
                    // Its worker is gone but another worker fetched a copy: that copy is the value now.
                    _location[i] = copy;
                    _replicas[i]!.Remove(copy);
                    continue;
                }
                if (_done[i] && (_location[i] is null || _lost.Contains(_location[i]!.Key)))
                {
                    // Lost with its worker, or released: recomputed only if something still needs it (below).
                    _done[i] = false;
                    if (_location[i] is not null)
                    {
                        _liveBytes -= _sizes[i];
                        _liveValues--;
                        _recomputed++;
                    }
                    _location[i] = null;
                }
            }
            var needed = new bool[n];
            var stack = new Stack<int>();
            foreach (int o in _outputIds)
            {
                if (!needed[o]) { needed[o] = true; stack.Push(o); }
            }
            while (stack.Count > 0)
            {
                int t = stack.Pop();
                if (_done[t]) continue;
                foreach (int d in _deps[t])
                {
                    if (!needed[d]) { needed[d] = true; stack.Push(d); }
                }
            }
            _doneCount = 0;
            _ready.Clear();
            for (int i = 0; i < n; i++)
            {
                // A task nothing needs any more counts as done (its consumers all ran).
                if (!needed[i]) _done[i] = true;
                if (_done[i]) _doneCount++;
            }
            for (int i = 0; i < n; i++)
            {
                _consumersLeft[i] = _dependents[i].Count(t => !_done[t]);
                _waiting[i] = _deps[i].Count(d => !_done[d]);
            }
            for (int i = n - 1; i >= 0; i--)
            {
                if (!_done[i] && !_inFlight[i] && _waiting[i] == 0) _ready.Push(i);
            }
        }

        /// <summary>The outputs' values fetched from their workers, or null when a worker holding one was lost (then they run again).</summary>
        private async Task<byte[][]?> GatherAsync()
        {
            var values = new byte[_outputIds.Length][];
            for (int i = 0; i < values.Length; i++)
            {
                int id = _outputIds[i];
                Worker worker = _location[id]!;
                byte[] bytes;
                try
                {
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(_token, worker.Gone.Token);
                    bytes = await worker.Grain.Fetch(_compute, _tasks[id].Key).WaitAsync(either.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (!_token.IsCancellationRequested)
                {
                    LoseWorker(worker, worker.Gone.IsCancellationRequested ? Left(worker) : ex);
                    return null;
                }
                _gathered += bytes.Length;
                // Read back by the client's Chunked plugin (RemoteChunkScheduler), which wrote the descriptions.
                values[i] = bytes;
            }
            return values;
        }

        /// <summary>Tells every worker the compute is over (values dropped, queued tasks skipped) and collects their counters.</summary>
        private async Task<List<WorkerStats>> EndAsync()
        {
            var stats = new List<WorkerStats>();
            foreach (Worker w in _everUsed.Where(w => !_lost.Contains(w.Key)))
            {
                try
                {
                    stats.Add(await w.Grain.EndCompute(_compute).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false));
                }
                catch (Exception ex)
                {
                    _owner._logger.LogDebug("EndCompute on {Worker} failed: {Error}", w.Key, ex.Message);
                }
            }
            return stats;
        }
    }
}

/// <summary>A task failed on a worker: the worker's name and the original error's type and message (the exception itself stays there).</summary>
public sealed class ChunkWorkerException(string worker, string message) : Exception($"on worker {worker}: {message}")
{
    /// <summary>The worker (silo address) the task ran on.</summary>
    public string Worker { get; } = worker;
}

/// <summary>What a compute did on the cluster.</summary>
/// <param name="WorkersUsed">The workers that ran at least one task.</param>
/// <param name="BytesBetweenWorkers">Bytes of inputs workers fetched from each other.</param>
/// <param name="BytesGathered">Bytes of outputs brought to the client.</param>
/// <param name="Recomputed">Values lost with a worker that had to be computed again.</param>
/// <param name="Workers">Each worker's counters (tasks, peak bytes held, bytes spilled and received).</param>
/// <param name="Refused">Workers refused (plugin mismatch, no answer), with the reason.</param>
/// <param name="Lost">Workers lost during the compute (their values were recomputed on the others).</param>
/// <param name="TaskSeconds">Seconds the workers spent running tasks, summed over tasks.</param>
/// <param name="FetchSeconds">Seconds the workers spent fetching inputs from each other, summed over tasks.</param>
public sealed record ClusterComputeReport(
    IReadOnlyList<string> WorkersUsed, long BytesBetweenWorkers, long BytesGathered, int Recomputed, IReadOnlyList<WorkerStats> Workers,
    IReadOnlyList<string> Refused, IReadOnlyList<string> Lost, double TaskSeconds = 0, double FetchSeconds = 0);
