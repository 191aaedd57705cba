using ArrayDispatch.TestArrays;

namespace ClaimerPlugin;

public sealed class ClaimerBackend : TestBackend<BaseArray>
{
    public override string Name => "Claimer";
    protected override BaseArray Make(string seenTypes, double value) => new("Claimer", seenTypes, value);
}
