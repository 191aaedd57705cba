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
    private readonly IChunkScheduler _scheduler;
    private readonly bool _schedulerGiven;

    /// <summary>The plugin with the local thread-pool scheduler (what the host's plugin loader uses).</summary>
    public ChunkedPlugin() : this(null) { }

    /// <summary>The plugin with another scheduler (e.g. a distributed executor); graph code is the same.</summary>
    public ChunkedPlugin(IChunkScheduler? scheduler)
    {
        _scheduler = scheduler ?? LocalChunkScheduler.Instance;
        _schedulerGiven = scheduler is not null;
    }

    /// <inheritdoc/>
    public string Name => "Chunked";

    /// <inheritdoc/>
    public Version ProtocolVersion => ArrayProtocol.Version;

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ChunkedOptions options = ChunkedOptions.From(backend.Configuration);
        if (!_schedulerGiven && options.Scheduler != "Local")
        {
            // Loaded from its folder with no scheduler given: running the graphs locally anyway would hide the setting.
            throw new ArgumentException(
                $"Backends:Chunked:Scheduler is {options.Scheduler}, but this host loaded the Chunked plugin with the local scheduler: " +
                "the Orleans scheduler needs a host that runs the Orleans cluster client and gives the plugin its scheduler " +
                "(the ArrayDispatch host app does; see plugins/Chunked/README.md, 'Running on an Orleans cluster')", "Scheduler");
        }
        var context = new ChunkedContext(backend.Dispatcher, options, _scheduler, backend.Logger);
        backend.Services.AddSingleton(options);
        backend.Services.AddSingleton(_scheduler);
        backend.AddArrayType<ChunkedArray>();

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
