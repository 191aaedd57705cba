using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

internal sealed class UnaryExpr(ArrayFunction<UnaryArgs, NDArray> function, ElemExpr x) : ElemExpr
{
    public ArrayFunction<UnaryArgs, NDArray> Function => function;
    public ElemExpr X => x;
    public override bool ProducesOwnedArray => function.Name != "positive";

    protected override Operand AnnotateChildren(ChunkedContext context, object[] metas) =>
        context.Invoke(function, new UnaryArgs(x.Annotate(context, metas).Array!));

    public override Operand Eval(ChunkedContext context, object[] inputs)
    {
        NDArray value = x.Eval(context, inputs).Array!;
        NDArray? into = Reusable(x, value, value.Shape, inputs) ?? Pooled(value, default, value.Shape);
        return OutParameter.Call(context, function, into, new UnaryArgs(value, into), new UnaryArgs(value));
    }

    public override string ToString() => $"{function.Name}({x})";
    public override ElemExpr Remap(int[] slots) => new UnaryExpr(function, x.Remap(slots));
    public override void CollectFunctions(List<string> names) { x.CollectFunctions(names); names.Add(function.Name); }
}
