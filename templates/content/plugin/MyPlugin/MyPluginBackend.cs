using ArrayDispatch;
using ArrayDispatch.Plugins;

namespace MyPlugin;

/// <summary>The entry point the host finds in plugins/MyPlugin/MyPlugin.dll.</summary>
public sealed class MyPluginBackend : IArrayBackendPlugin
{
    /// <inheritdoc/>
    public string Name => "MyPlugin";

    /// <inheritdoc/>
    public Version ProtocolVersion => ArrayProtocol.Version;

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend) => backend
        .AddArrayType<MyPluginArray>()
        .OnlyOwnArrayTypes()
        // What every function here takes: float64 arrays (and dtype=float64), no out=. `explain sum MyPlugin` shows it, and
        // a call outside it goes to the next backend, or fails naming the dtype, before a handler runs. Widen it as your
        // arrays learn more dtypes; Declare(ArrayFunctions.X, …) says it for one function.
        .DeclareDefault(new FunctionSupport { DTypes = DTypeSet.Of(DType.Float64), TakesOut = false, Reason = "MyPluginArray holds float64 values" })
        .ImplementFrom(typeof(MyPluginFunctions));
}
