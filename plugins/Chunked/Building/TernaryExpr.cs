using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

internal sealed class TernaryExpr(ArrayFunction<TernaryArgs, NDArray> function, ElemExpr a, ElemExpr b, ElemExpr c) : ElemExpr
{
    public ArrayFunction<TernaryArgs, NDArray> Function => function;
    public ElemExpr A => a;
    public ElemExpr B => b;
    public ElemExpr C => c;
    public override bool ProducesOwnedArray => true;

    protected override Operand AnnotateChildren(ChunkedContext context, object[] metas) =>
        context.Invoke(function, new TernaryArgs(a.Annotate(context, metas), b.Annotate(context, metas), c.Annotate(context, metas)));

    public override Operand Eval(ChunkedContext context, object[] inputs) =>
        context.Invoke(function, new TernaryArgs(a.Eval(context, inputs), b.Eval(context, inputs), c.Eval(context, inputs)));
    public override string ToString() => $"{function.Name}({a}, {b}, {c})";
    public override ElemExpr Remap(int[] slots) => new TernaryExpr(function, a.Remap(slots), b.Remap(slots), c.Remap(slots));
    public override void CollectFunctions(List<string> names)
    {
        a.CollectFunctions(names); b.CollectFunctions(names); c.CollectFunctions(names); names.Add(function.Name);
    }
}
