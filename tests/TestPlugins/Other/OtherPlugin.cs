using ArrayDispatch.TestArrays;

namespace OtherPlugin;

public sealed class OtherBackend : TestBackend<OtherArray>
{
    public override string Name => "Other";
    protected override OtherArray Make(string seenTypes, double value) => new("Other", seenTypes, value);
}
