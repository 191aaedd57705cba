using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

internal sealed class AsTypeExpr(DType dtype, Casting casting, ElemExpr x) : ElemExpr
{
    public DType TargetDType => dtype;
    public Casting Casting => casting;
    public ElemExpr X => x;
    protected override Operand AnnotateChildren(ChunkedContext context, object[] metas) =>
        context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(x.Annotate(context, metas).Array!, dtype, casting));

    public override Operand Eval(ChunkedContext context, object[] inputs) =>
        context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(x.Eval(context, inputs).Array!, dtype, casting));
    public override string ToString() => $"astype[{dtype.Name()},{casting}]({x})";
    public override ElemExpr Remap(int[] slots) => new AsTypeExpr(dtype, casting, x.Remap(slots));
    public override void CollectFunctions(List<string> names) { x.CollectFunctions(names); names.Add("astype"); }
}
