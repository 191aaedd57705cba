using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse.Benchmarks;

/// <summary>A host-resident dense array over a <see cref="HostBuffer"/>: what Sparse sees of a Dense array (zero-copy ToHost).</summary>
public sealed class BufferArray(HostBuffer buffer) : NDArray
{
    public override Shape Shape => buffer.Shape;

    public override DType DType => buffer.DType;

    public override bool IsHostResident => true;

    public override string Backend => "Dense";

    public override HostBuffer ToHost() => buffer;
}

/// <summary>Answers the Sparse plugin's dense-result creation with <see cref="BufferArray"/>; nothing else is dispatched in the benchmarks.</summary>
internal sealed class BufferDispatcher : IArrayDispatcher
{
    public TResult Invoke<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, IArrayArgs<TArgs> =>
        throw new NotSupportedException($"the benchmark dispatcher does not dispatch '{function.Name}'");

    public TResult Create<TArgs, TResult>(ArrayFunction<TArgs, TResult> function, in TArgs args) where TArgs : struct, ICreationArgs<TArgs> =>
        args is AsArrayArgs { Source: HostBuffer b } ? (TResult)(object)new BufferArray(b) : throw new NotSupportedException(function.Name);


    public string? OwnerOf(Type arrayType) => null;

    public IReadOnlyList<string> Backends => ["Sparse", "Dense"];

    public IReadOnlyCollection<string> FunctionsOf(string backend) => [];

    public DispatchPlan Explain(ArrayFunction function, IReadOnlyList<Type> types) => new(function.Name, types, [], []);
}
