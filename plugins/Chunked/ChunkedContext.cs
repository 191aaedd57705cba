using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArrayDispatch.Chunked;

/// <summary>What every chunked array of one host shares: the dispatcher its chunk operations go through, and settings.</summary>
internal sealed class ChunkedContext
{
    public ChunkedContext(IArrayDispatcher dispatcher, ChunkedOptions options, IChunkScheduler? scheduler = null, ILogger? logger = null)
    {
        Dispatcher = dispatcher;
        Options = options;
        _scheduler = scheduler;
        Logger = logger ?? NullLogger.Instance;
    }

    private IChunkScheduler? _scheduler;

    /// <summary>The dispatcher: every chunk-level operation goes through it, so chunks may be arrays of any backend.</summary>
    public IArrayDispatcher Dispatcher { get; }

    public ChunkedOptions Options { get; }

    /// <summary>
    /// The scheduler graphs run on: the one given (in-process use, tests), else the local thread pool for
    /// <c>Scheduler=Local</c>, else the app's <see cref="IRemoteChunkScheduler"/> of that name, taken from the app's services
    /// at the first compute (the plugin registers its services before the app's container exists).
    /// </summary>
    public IChunkScheduler Scheduler => _scheduler ??= ResolveScheduler();

    private IChunkScheduler ResolveScheduler()
    {
        if (Options.Scheduler == "Local") return LocalChunkScheduler.Instance;
        object? service = (Dispatcher as IServiceProvider)?.GetService(typeof(IRemoteChunkScheduler));
        if (service is not IRemoteChunkScheduler remote)
        {
            throw new InvalidOperationException(
                $"Backends:Chunked:Scheduler is {Options.Scheduler}, but the app registered no IRemoteChunkScheduler this plugin can use: " +
                $"the app must register its {Options.Scheduler} scheduler as a service (the ArrayDispatch host app does, see plugins/Chunked/README.md, " +
                $"'Running on an Orleans cluster') and list '{typeof(IRemoteChunkScheduler).Assembly.GetName().Name}' in ArrayDispatch:SharedAssemblies, " +
                "so that the app and this plugin, loaded from its folder, share the contract's types");
        }
        if (!string.Equals(remote.Name, Options.Scheduler, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Backends:Chunked:Scheduler is {Options.Scheduler}, but the app's IRemoteChunkScheduler is '{remote.Name}'");
        }
        return new RemoteChunkScheduler(remote, Dispatcher);
    }

    public ILogger Logger { get; }

    /// <summary>Free chunk buffers kept between this backend's computes.</summary>
    public RecycleCarryOver CarryOver { get; } = new();

    /// <summary>The backend that creates new chunks.</summary>
    public string ChunkBackend => Options.ChunkBackend;

    /// <summary>Calls an array function on chunks.</summary>
    public TResult Invoke<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, IArrayArgs<TArgs> =>
        Dispatcher.Invoke(function, args);

    /// <summary>Calls a creation function; callers always name the backend in the placement (never left to a scope, which might be Chunked itself).</summary>
    public TResult Create<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, ICreationArgs<TArgs> =>
        Dispatcher.Create(function, args);

    /// <summary>The backend that owns <paramref name="array"/>'s type.</summary>
    public string BackendOf(NDArray array) => Dispatcher.OwnerOf(array.GetType()) ?? ChunkBackend;
}
