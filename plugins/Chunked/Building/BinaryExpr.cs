using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

internal sealed class BinaryExpr(ArrayFunction<BinaryArgs, NDArray> function, ElemExpr a, ElemExpr b) : ElemExpr
{
    public ArrayFunction<BinaryArgs, NDArray> Function => function;
    public ElemExpr A => a;
    public ElemExpr B => b;
    public override bool ProducesOwnedArray => true;

    protected override Operand AnnotateChildren(ChunkedContext context, object[] metas) =>
        context.Invoke(function, new BinaryArgs(a.Annotate(context, metas), b.Annotate(context, metas)));

    public override Operand Eval(ChunkedContext context, object[] inputs)
    {
        Operand left = a.Eval(context, inputs), right = b.Eval(context, inputs);
        Shape shape = Shape.Broadcast(left.Shape, right.Shape);
        NDArray? into = Reusable(a, left, shape, inputs) ?? Reusable(b, right, shape, inputs) ?? Pooled(left, right, shape);
        return OutParameter.Call(context, function, into, new BinaryArgs(left, right, into), new BinaryArgs(left, right));
    }

    public override string ToString() => $"{function.Name}({a}, {b})";
    public override ElemExpr Remap(int[] slots) => new BinaryExpr(function, a.Remap(slots), b.Remap(slots));
    public override void CollectFunctions(List<string> names) { a.CollectFunctions(names); b.CollectFunctions(names); names.Add(function.Name); }
}
