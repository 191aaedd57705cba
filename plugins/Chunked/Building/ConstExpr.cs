using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

internal sealed class ConstExpr(Scalar value) : ElemExpr
{
    public Scalar Value => value;
    public override Operand Eval(ChunkedContext context, object[] inputs) => value;
    public override string ToString() => value.Kind + ":" + value;
    public override ElemExpr Remap(int[] slots) => this;
    public override void CollectFunctions(List<string> names) { }
}
