using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Host.Tests.Dispatch;

/// <summary>A minimal array type for dispatch tests (NumPy's duck types in test_overrides.py).</summary>
public class DuckArray(string tag = "") : NDArray
{
    public string Tag { get; } = tag;
    public override Shape Shape => new(1);
    public override DType DType => DType.Float64;
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(new[] { 1.0 }, Shape);
}

public class OtherDuckArray(string tag = "") : DuckArray(tag);

public sealed class ThirdDuckArray(string tag = "") : NDArray
{
    public string Tag { get; } = tag;
    public override Shape Shape => new(1);
    public override DType DType => DType.Float64;
    public override HostBuffer ToHost() => HostBuffer.FromContiguous(new[] { 3.0 }, Shape);
}

/// <summary>An in-process backend that owns one array type and answers every function it implements with a tagged array.</summary>
public sealed class DuckBackend<TArray>(string name, bool decline = false, Func<string, NDArray>? make = null) : IArrayBackendPlugin where TArray : NDArray
{
    public string Name { get; } = name;
    public Version ProtocolVersion => ArrayProtocol.Version;
    public List<string> Calls { get; } = [];

    public void Register(IBackendBuilder backend)
    {
        backend.AddArrayType<TArray>();
        NDArray Make() => make?.Invoke(Name) ?? new DuckArray(Name);
        backend.Implement(ArrayFunctions.Sum, (in ReductionArgs a, ReadOnlySpan<Type> types) => Answer(types, Make));
        backend.Implement(ArrayFunctions.Add, (in BinaryArgs a, ReadOnlySpan<Type> types) => Answer(types, Make));
        backend.Implement(ArrayFunctions.Full, (in FullArgs a, ReadOnlySpan<Type> types) => Answer(types, Make));
    }

    private DispatchResult<NDArray> Answer(ReadOnlySpan<Type> types, Func<NDArray> make)
    {
        lock (Calls) Calls.Add(string.Join(",", types.ToArray().Select(t => t.Name)));
        return decline ? NotImplemented.Value : make();
    }
}
