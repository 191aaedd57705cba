using System.Reflection;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Functions;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Chunked;

/// <summary>
/// The Chunked backend: Dask-style lazy arrays cut into chunks of any other backend. Every chunk-level operation goes
/// through the dispatcher, so the plugin references no other plugin. Configuration (<c>Backends:Chunked</c>):
/// <c>ChunkBackend</c> (Dense), <c>MaxDegreeOfParallelism</c> (cores), <c>SplitEvery</c> (16), <c>Optimize</c> (true).
/// </summary>
public sealed class ChunkedPlugin : IArrayBackendPlugin
{
    private readonly IChunkScheduler? _scheduler;

    /// <summary>
    /// The plugin as the host's plugin loader creates it: graphs run on the scheduler <c>Backends:Chunked:Scheduler</c>
    /// names: <c>Local</c>, this process's thread pool, or another one (<c>Orleans</c>) that the app registered as an
    /// <see cref="IRemoteChunkScheduler"/> in its services, taken from there at the first compute.
    /// </summary>
    public ChunkedPlugin() => _scheduler = null;

    /// <summary>The plugin with another scheduler (a test's, or a distributed executor in-process); graph code is the same.</summary>
    public ChunkedPlugin(IChunkScheduler? scheduler) => _scheduler = scheduler;

    /// <summary>The plugin running graphs through <paramref name="remote"/> (in-process use; a folder-loaded plugin takes the app's from its services).</summary>
    public ChunkedPlugin(IRemoteChunkScheduler remote) => _scheduler = new RemoteChunkScheduler(remote ?? throw new ArgumentNullException(nameof(remote)));

    /// <inheritdoc/>
    public string Name => "Chunked";

    /// <inheritdoc/>
    public Version ProtocolVersion => ArrayProtocol.Version;

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ChunkedOptions options = ChunkedOptions.From(backend.Configuration);
        var context = new ChunkedContext(backend.Dispatcher, options, _scheduler, backend.Logger);
        backend.Services.AddSingleton(options);
        if (_scheduler is not null) backend.Services.AddSingleton(_scheduler);
        // What a worker process runs tasks with (an Orleans silo's chunk worker takes it from the host's services).
        backend.Services.AddSingleton<IChunkTaskRunner>(new Graph.ChunkTaskRunner(backend.Dispatcher));
        backend.AddArrayType<ChunkedArray>();
        backend.DeclareBackendSetting("ChunkBackend", new ChunkedOptions().ChunkBackend);   // an unknown name is refused at start-up with its key

        // Handler objects register their [Implements] methods; the function families are registered by loops.
        PluginFunctions.EnsureDefined();
        var elementwise = new ElementwiseHandlers(context);
        var reductions = new ReductionHandlers(context);
        foreach (object handlers in (object[])[
            new CreationHandlers(context), elementwise, reductions, new ManipulationHandlers(context), new LinalgHandlers(context), new FftHandlers(context),
            new LazyHandlers(backend.Logger), new PluginFunctions(context)])
        {
            backend.ImplementFrom(handlers);
        }
        foreach (FieldInfo field in typeof(ArrayFunctions).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            switch (field.GetValue(null))
            {
                case ArrayFunction<UnaryArgs, NDArray> unary: backend.Implement(unary, elementwise.Unary(unary)); break;
                case ArrayFunction<BinaryArgs, NDArray> binary: backend.Implement(binary, elementwise.Binary(binary)); break;
                case ArrayFunction<TernaryArgs, NDArray> ternary: backend.Implement(ternary, elementwise.Ternary(ternary)); break;
                case ArrayFunction<ReductionArgs, NDArray> reduction when Reductions.CombinerOf(reduction) is not null:
                    backend.Implement(reduction, reductions.Tree(reduction));
                    break;
            }
        }
    }
}
