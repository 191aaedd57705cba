using ArrayDispatch.TestArrays;

namespace BasePlugin;

public sealed class BaseBackend : TestBackend<BaseArray>
{
    public override string Name => "Base";
    protected override BaseArray Make(string seenTypes, double value) => new("Base", seenTypes, value);
}
