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
    public void Register(IBackendBuilder backend) => backend.AddArrayType<MyPluginArray>().OnlyOwnArrayTypes().ImplementFrom(typeof(MyPluginFunctions));
}
