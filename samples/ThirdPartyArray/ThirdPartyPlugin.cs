using ArrayDispatch.Plugins;

namespace ThirdParty;

/// <summary>The plugin entry: the seed's "implements"-style registration.</summary>
public sealed class ThirdPartyPlugin : IArrayBackendPlugin
{
    /// <inheritdoc/>
    public string Name => "ThirdParty";

    /// <inheritdoc/>
    public Version ProtocolVersion => ArrayProtocol.Version;

    /// <inheritdoc/>
    public void Register(IBackendBuilder backend)
    {
        backend.AddArrayType<MyArray>();
        backend.ImplementFrom(typeof(MyArrayFunctions));
    }
}
