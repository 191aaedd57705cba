using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArrayDispatch.Sparse.Tests.Infrastructure;

/// <summary>
/// A minimal in-process host for the Sparse plugin's tests: registers <see cref="SparsePlugin"/> through its real
/// <see cref="IArrayBackendPlugin.Register"/>, answers dense creation with <see cref="HostArray"/> (backend "Dense"), and
/// binds <see cref="Np"/> to itself for the test's async flow. Dispatch is NEP 18 reduced to one backend: the Sparse
/// handler runs when any relevant argument is a Sparse type; a decline becomes <see cref="NoImplementationException"/>.
/// </summary>
public sealed class MiniHost : IArrayDispatcher, IBackendBuilder, IDisposable
{
    private readonly Dictionary<int, Delegate> _handlers = [];
    private readonly HashSet<Type> _types = [];
    private readonly IDisposable _binding;

    private MiniHost(IConfiguration configuration)
    {
        Configuration = configuration;
        new SparsePlugin().Register(this);
        _binding = Np.UseDispatcher(this);
    }

    public static MiniHost Create(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    public void Dispose() => _binding.Dispose();

    // ---- IArrayDispatcher: no tables to cache, so the token never matches and every call takes Invoke ----
    public object DispatchToken { get; } = new();

    // ---- IBackendBuilder ----
    public string Name => "Sparse";
    public IServiceCollection Services { get; } = new ServiceCollection();
    public IConfiguration Configuration { get; }
    public ILogger Logger => NullLogger.Instance;
    public IArrayDispatcher Dispatcher => this;

    public IBackendBuilder AddArrayType<TArray>() where TArray : NDArray
    {
        _types.Add(typeof(TArray));
        return this;
    }

    public IBackendBuilder Implement<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, ArrayHandler<TArgs, TResult> handler) where TArgs : struct, IArrayArgs<TArgs>
    {
        _handlers[function.Id] = handler;
        return this;
    }

    public IBackendBuilder ImplementFrom(Type type) => throw new NotSupportedException("the Sparse plugin registers instance handlers");

    public bool Implements(string function) => FunctionCatalog.TryGet(function, out ArrayFunction f) && _handlers.ContainsKey(f.Id);

    // ---- IArrayDispatcher ----
    public TResult Invoke<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, IArrayArgs<TArgs>
    {
        var visitor = new Collector { Types = [] };
        args.VisitRelevant(ref visitor);
        Type[] types = [.. visitor.Types];
        bool owned = types.Any(t => _types.Contains(t));
        if (owned && _handlers.TryGetValue(function.Id, out Delegate? d))
        {
            DispatchResult<TResult> r = ((ArrayHandler<TArgs, TResult>)d)(in args, types);
            if (r.Handled) return r.Value;
        }
        throw new NoImplementationException(function.Name, types, [new Decline("Sparse", owned ? "returned NotImplemented" : "owns none of the argument types")], []);
    }

    public TResult Create<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, ICreationArgs<TArgs>
    {
        if (args.Placement.Backend == "Dense" && args is AsArrayArgs asArray && typeof(TResult) == typeof(NDArray))
        {
            HostBuffer buffer = asArray.Source switch
            {
                HostBuffer b => b,
                NDArray a => a.ToHost(),
                _ => throw new NotSupportedException("the test host's Dense stand-in takes arrays and buffers"),
            };
            return (TResult)(object)new HostArray(buffer);
        }
        if (args.Placement.Backend == "Sparse" && _handlers.TryGetValue(function.Id, out Delegate? d))
        {
            DispatchResult<TResult> r = ((ArrayHandler<TArgs, TResult>)d)(in args, []);
            if (r.Handled) return r.Value;
        }
        throw new NoImplementationException(function.Name, [], [new Decline(args.Placement.Backend ?? "(default)", "not available in the test host")], []);
    }

    public string? OwnerOf(Type arrayType) => _types.Contains(arrayType) ? "Sparse" : arrayType == typeof(HostArray) ? "Dense" : null;

    public IReadOnlyList<string> Backends => ["Sparse", "Dense"];

    public IReadOnlyCollection<string> FunctionsOf(string backend) =>
        backend == "Sparse" ? _handlers.Keys.Select(id => FunctionCatalog.Get(id).Name).ToArray() : [];

    public DispatchPlan Explain(ArrayFunction function, IReadOnlyList<Type> types) => new(function.Name, types, [], []);

    private struct Collector : IRelevantVisitor
    {
        public List<Type> Types;

        public readonly void Visit(NDArray? array)
        {
            if (array is not null && !Types.Contains(array.GetType())) Types.Add(array.GetType());
        }
    }
}
