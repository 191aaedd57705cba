using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.TestArrays;

/// <summary>
/// The body of every test plugin: owns <typeparamref name="TArray"/>, implements sum, add, full and asarray, and
/// answers with a new <typeparamref name="TArray"/> stamped with its name and the types its handler saw. With
/// <c>Backends:&lt;Name&gt;:Decline=true</c> it returns NotImplemented; like NEP 18 handlers it declines types it does
/// not know: anything but <see cref="TestArray"/>s, or with <c>Strict=true</c> anything but its own type.
/// </summary>
public abstract class TestBackend<TArray> : IArrayBackendPlugin where TArray : TestArray
{
    public abstract string Name { get; }
    public virtual Version ProtocolVersion => ArrayProtocol.Version;

    protected abstract TArray Make(string seenTypes, double value);

    public virtual void Register(IBackendBuilder backend)
    {
        bool decline = string.Equals(backend.Configuration["Decline"], "true", StringComparison.OrdinalIgnoreCase);
        bool strict = string.Equals(backend.Configuration["Strict"], "true", StringComparison.OrdinalIgnoreCase);
        string name = Name;
        backend.AddArrayType<TArray>();
        backend.Implement(ArrayFunctions.Sum, (in ReductionArgs a, ReadOnlySpan<Type> types) => Answer(types, 10));
        backend.Implement(ArrayFunctions.Add, (in BinaryArgs a, ReadOnlySpan<Type> types) => Answer(types, 20));
        backend.Implement(ArrayFunctions.Full, (in FullArgs a, ReadOnlySpan<Type> types) => decline ? NotImplemented.Value : Make("", a.Fill.AsDouble));
        backend.Implement(ArrayFunctions.AsArray, (in AsArrayArgs a, ReadOnlySpan<Type> types) =>
            a.Source is TArray same ? same : a.Source is TestArray t ? Make(name + "<-" + t.GetType().Name, t.Value) : NotImplemented.Value);

        DispatchResult<NDArray> Answer(ReadOnlySpan<Type> types, double value)
        {
            if (decline || !(strict ? types.AllAre<TArray>() : types.AllAre<TestArray>())) return NotImplemented.Value;
            return Make(string.Join(",", types.ToArray().Select(t => t.Name)), value);
        }
    }
}
