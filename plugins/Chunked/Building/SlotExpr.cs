using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

internal sealed class SlotExpr(int slot) : ElemExpr
{
    public int Slot { get; } = slot;
    public override Operand Eval(ChunkedContext context, object[] inputs) => OwnedChunk.ArrayOf(inputs[Slot]);
    public override string ToString() => "#" + Slot;
    public override ElemExpr Remap(int[] slots) => new SlotExpr(slots[Slot]);
    public override void CollectFunctions(List<string> names) { }
}
