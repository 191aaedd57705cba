using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Runtime.Diagnostics;
using ArrayDispatch.Runtime.Registry;

namespace ArrayDispatch.Runtime.Dispatch;

/// <summary>What a snapshot's chains share: the backends of that generation, the rules, metrics, and the dispatcher for coercion.</summary>
internal sealed class DispatchContext(BackendSet backends, DispatchRules rules, ArrayDispatchMetrics metrics, IArrayDispatcher dispatcher)
{
    public BackendSet Backends { get; } = backends;

    public DispatchRules Rules { get; } = rules;

    public ArrayDispatchMetrics Metrics { get; } = metrics;

    /// <summary>The dispatcher these tables belong to (the owner the per-function invoker cache checks).</summary>
    public IArrayDispatcher Dispatcher { get; } = dispatcher;

    public NDArray ConvertTo(NDArray array, string backend, string function)
    {
        if (Backends.OwnerOf(array.GetType())?.Name == backend) return array;
        Metrics.Coerced(function, backend);
        return Dispatcher.Create(ArrayFunctions.AsArray, new AsArrayArgs(array, Placement: new Placement(Backend: backend)));
    }
}
