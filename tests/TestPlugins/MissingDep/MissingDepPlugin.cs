using ArrayDispatch.TestArrays;

namespace MissingDepPlugin;

public sealed class MissingDepBackend : TestBackend<OtherArray>
{
    public override string Name => "MissingDep";
    protected override OtherArray Make(string seenTypes, double value) => new("MissingDep", seenTypes, MissingDepHelper.Helper.Twice(value));
}
