using System.Reflection;
using ArrayDispatch.Chunked.Arrays;
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

    /// <summary>The plugin with the local thread-pool scheduler (what the host's plugin loader uses).</summary>
    public ChunkedPlugin() : this(null) { }

    /// <summary>The plugin with another scheduler (e.g. a distributed executor); graph code is the same.</summary>
    public ChunkedPlugin(IChunkScheduler? scheduler) => _scheduler = scheduler ?? LocalChunkScheduler.Instance;

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
        backend.Services.AddSingleton(_scheduler);
        backend.AddArrayType<ChunkedArray>();

        var creation = new CreationHandlers(context);
        backend.Implement(ArrayFunctions.AsArray, creation.AsArray);
        backend.Implement(ArrayFunctions.Full, creation.Full);
        backend.Implement(ArrayFunctions.Empty, creation.Empty);
        backend.Implement(ArrayFunctions.Arange, creation.Arange);
        backend.Implement(ArrayFunctions.Eye, creation.Eye);
        backend.Implement(ArrayFunctions.Random, creation.Random);

        var elementwise = new ElementwiseHandlers(context);
        foreach (FieldInfo field in typeof(ArrayFunctions).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            switch (field.GetValue(null))
            {
                case ArrayFunction<UnaryArgs, NDArray> unary: backend.Implement(unary, elementwise.Unary(unary)); break;
                case ArrayFunction<BinaryArgs, NDArray> binary: backend.Implement(binary, elementwise.Binary(binary)); break;
                case ArrayFunction<TernaryArgs, NDArray> ternary: backend.Implement(ternary, elementwise.Ternary(ternary)); break;
            }
        }
        backend.Implement(ArrayFunctions.AsType, elementwise.AsType);
        backend.Implement(ArrayFunctions.Copy, elementwise.Copy);
        backend.Implement(ArrayFunctions.FullLike, elementwise.FullLike);

        var reductions = new ReductionHandlers(context);
        foreach (ArrayFunction<ReductionArgs, NDArray> f in (ArrayFunction<ReductionArgs, NDArray>[])[
            ArrayFunctions.Sum, ArrayFunctions.Prod, ArrayFunctions.Min, ArrayFunctions.Max, ArrayFunctions.Any, ArrayFunctions.All,
            ArrayFunctions.CountNonzero, ArrayFunctions.NanSum])
        {
            backend.Implement(f, reductions.Tree(f));
        }
        backend.Implement(ArrayFunctions.Mean, reductions.Mean);
        backend.Implement(ArrayFunctions.NanMean, reductions.NanMean);
        backend.Implement(ArrayFunctions.Var, reductions.Var);
        backend.Implement(ArrayFunctions.Std, reductions.Std);
        backend.Implement(ArrayFunctions.Argmax, reductions.Arg(max: true));
        backend.Implement(ArrayFunctions.Argmin, reductions.Arg(max: false));
        backend.Implement(ArrayFunctions.Cumsum, reductions.Scan(product: false));
        backend.Implement(ArrayFunctions.Cumprod, reductions.Scan(product: true));

        var manipulation = new ManipulationHandlers(context);
        backend.Implement(ArrayFunctions.Reshape, manipulation.Reshape);
        backend.Implement(ArrayFunctions.Transpose, manipulation.Transpose);
        backend.Implement(ArrayFunctions.Squeeze, manipulation.Squeeze);
        backend.Implement(ArrayFunctions.ExpandDims, manipulation.ExpandDims);
        backend.Implement(ArrayFunctions.Concatenate, manipulation.Concatenate);
        backend.Implement(ArrayFunctions.Stack, manipulation.Stack);
        backend.Implement(ArrayFunctions.GetItem, manipulation.GetItem);

        var linalg = new LinalgHandlers(context);
        backend.Implement(ArrayFunctions.MatMul, linalg.MatMul);
        backend.Implement(ArrayFunctions.Dot, linalg.Dot);
        backend.Implement(ArrayFunctions.Tensordot, linalg.Tensordot);
        backend.Implement(ArrayFunctions.Qr, linalg.Qr);
        backend.Implement(ArrayFunctions.Svd, linalg.Svd);
        backend.Implement(ArrayFunctions.Solve, linalg.Solve);
        backend.Implement(ArrayFunctions.Lstsq, linalg.Lstsq);

        var lazy = new LazyHandlers(backend.Logger);
        backend.Implement(ArrayFunctions.Compute, lazy.Compute);
        backend.Implement(ArrayFunctions.Visualize, lazy.Visualize);

        var plugin = new PluginFunctions(context);
        backend.Implement(PluginFunctions.RechunkFunction, plugin.Rechunk);
        backend.Implement(PluginFunctions.SvdCompressedFunction, plugin.SvdCompressed);
        backend.Implement(PluginFunctions.FromNpyFunction, plugin.FromNpy);
    }
}
