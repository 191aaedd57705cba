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
        Scheduler = scheduler ?? LocalChunkScheduler.Instance;
        Logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The dispatcher: every chunk-level operation goes through it, so chunks may be arrays of any backend.</summary>
    public IArrayDispatcher Dispatcher { get; }

    public ChunkedOptions Options { get; }

    public IChunkScheduler Scheduler { get; }

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
