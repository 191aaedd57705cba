using ArrayDispatch.TestArrays;

namespace DerivedPlugin;

public sealed class DerivedBackend : TestBackend<DerivedArray>
{
    public override string Name => "Derived";
    protected override DerivedArray Make(string seenTypes, double value) => new("Derived", seenTypes, value);
}
