using ArrayDispatch.TestArrays;

namespace FutureProtocolPlugin;

/// <summary>Claims to be built for protocol 2.0: the host (1.x) must refuse it.</summary>
public sealed class FutureBackend : TestBackend<OtherArray>
{
    public override string Name => "FutureProtocol";
    public override Version ProtocolVersion => new(2, 0);
    protected override OtherArray Make(string seenTypes, double value) => new("FutureProtocol", seenTypes, value);
}
