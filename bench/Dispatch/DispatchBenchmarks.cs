using ArrayDispatch.Dense;
using ArrayDispatch.Dense.Functions;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Testing;
using BenchmarkDotNet.Attributes;

namespace ArrayDispatch.Bench.Dispatch;

/// <summary>
/// The cost of dispatch itself. "Constant" rows use a handler that returns a cached array, as NumPy's anchor
/// (np.sum on a duck type whose __array_function__ returns a constant) does, so the difference to the direct call is
/// pure dispatch, and its allocation must be 0 B. "Dense1" rows run the real Dense kernel on one element.
/// </summary>
[MemoryDiagnoser]
public class DispatchBenchmarks
{
    private TestHost _host = null!;
    private IDisposable _binding = null!;
    private NDArray _duck = null!;
    private NDArray _shy = null!;
    private DenseArray _a = null!;
    private DenseArray _b = null!;
    private DenseArray _a100 = null!;
    private DenseArray _b100 = null!;
    private ArrayHandler<ReductionArgs, NDArray> _constantHandler = null!;
    private readonly Type[] _duckTypes = [typeof(ConstantArray)];
    private readonly Type[] _denseTypes = [typeof(DenseArray)];

    [GlobalSetup]
    public void Setup()
    {
        // Bound process-wide as a generic host binds it (TestHost.Create binds per async flow, which makes every call
        // read the flow's state: the "InFlow" row measures that case).
        _host = TestHost.CreateProcessWide(
            new Dictionary<string, string?> { ["ArrayDispatch:DefaultBackend"] = "Dense" },
            new DensePlugin(), new ConstantPlugin("Constant", decline: false), new ConstantPlugin("Shy", decline: true));
        _binding = Np.Bind(_host.Dispatcher);
        _duck = new ConstantArray("Constant");
        _shy = new ShyArray();
        _a = DenseArray.From(new[] { 1.0 }, 1);
        _b = DenseArray.From(new[] { 2.0 }, 1);
        _a100 = DenseArray.From(Enumerable.Range(0, 100).Select(i => i * 0.01).ToArray(), 100);
        _b100 = DenseArray.From(Enumerable.Range(0, 100).Select(i => 1.0 - i * 0.005).ToArray(), 100);
        _constantHandler = ConstantPlugin.Handler(decline: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        EndFlow();
        _binding.Dispose();
        _host.Dispose();
    }

    [Benchmark(Baseline = true)]
    public NDArray Sum_Constant_Direct() => _constantHandler(new ReductionArgs(_duck), _duckTypes).Value;

    [Benchmark]
    public NDArray Sum_Constant_Dispatched() => Np.Sum(_duck);

    /// <summary>The same call with a dispatcher bound for the async flow (<see cref="Np.UseDispatcher"/>, several hosts in one process).</summary>
    [Benchmark]
    public NDArray Sum_Constant_Dispatched_InFlow()
    {
        _flow ??= Np.UseDispatcher(_host.Dispatcher);
        return Np.Sum(_duck);
    }

    /// <summary>Closes the flow binding <see cref="Sum_Constant_Dispatched_InFlow"/> opened, so later rows measure the process-wide path.</summary>
    public void EndFlow()
    {
        _flow?.Dispose();
        _flow = null;
    }

    private IDisposable? _flow;

    [Benchmark]
    public NDArray Add_FirstCandidateDeclines() => Np.Add(_shy, _duck);   // Shy (subclass first) declines, Constant answers

    [Benchmark]
    public NDArray Sum_Dense1_Direct() => DenseReductions.Sum(new ReductionArgs(_a), _denseTypes).Value;

    [Benchmark]
    public NDArray Sum_Dense1_Dispatched() => Np.Sum(_a);

    [Benchmark]
    public NDArray Add_Dense1_Dispatched() => Np.Add(_a, _b);

    [Benchmark]
    public NDArray Add_Dense1_Operator() => _a + _b;

    [Benchmark]
    public NDArray Multiply_Dense1_Scalar() => Np.Multiply(_a, 2.0);

    [Benchmark]
    public NDArray Exp_Dense1() => Np.Exp(_a);

    [Benchmark]
    public NDArray Sum_Dense100_Dispatched() => Np.Sum(_a100);

    [Benchmark]
    public NDArray Add_Dense100_Dispatched() => Np.Add(_a100, _b100);

    [Benchmark]
    public NDArray Add_Dense100_Operator() => _a100 + _b100;

    [Benchmark]
    public NDArray Multiply_Dense100_Scalar() => Np.Multiply(_a100, 2.0);

    [Benchmark]
    public NDArray Exp_Dense100() => Np.Exp(_a100);
}

/// <summary>A 1-element array whose backend answers every sum with a cached array.</summary>
public class ConstantArray(string backend) : NDArray
{
    public string Owner { get; } = backend;
    public override Shape Shape => new(1);
    public override DType DType => DType.Float64;
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(new[] { 1.0 }, Shape);
}

/// <summary>Owned by the "Shy" backend, which declines every call: calls fall through to the owner of its base type.</summary>
public sealed class ShyArray() : ConstantArray("Shy");

public sealed class ConstantPlugin(string name, bool decline) : IArrayBackendPlugin
{
    private static readonly NDArray s_result = new ConstantArray("Constant");

    public string Name { get; } = name;
    public Version ProtocolVersion => ArrayProtocol.Version;

    public static ArrayHandler<ReductionArgs, NDArray> Handler(bool decline) =>
        decline ? (in ReductionArgs _, ReadOnlySpan<Type> _) => NotImplemented.Value
                : (in ReductionArgs _, ReadOnlySpan<Type> _) => s_result;

    private static ArrayHandler<BinaryArgs, NDArray> AddHandler(bool decline) =>
        decline ? (in BinaryArgs _, ReadOnlySpan<Type> _) => NotImplemented.Value
                : (in BinaryArgs _, ReadOnlySpan<Type> _) => s_result;

    public void Register(IBackendBuilder backend)
    {
        if (decline) backend.AddArrayType<ShyArray>();
        else backend.AddArrayType<ConstantArray>();
        backend.Implement(ArrayFunctions.Sum, Handler(decline));
        backend.Implement(ArrayFunctions.Add, AddHandler(decline));
    }
}
