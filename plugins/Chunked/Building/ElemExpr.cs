using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// An element-wise expression over input chunks, evaluated chunk by chunk through the dispatcher. Chains of element-wise
/// operations are inlined into one expression (Dask's blockwise fusion), so <c>a * 2 + b</c> is one task per chunk.
/// </summary>
internal abstract class ElemExpr
{
    /// <summary>The node's result dtype on the chunk backend, set by <see cref="Annotate"/>; null for leaves.</summary>
    protected DType? OutDType { get; private set; }

    public abstract Operand Eval(ChunkedContext context, object[] inputs);

    /// <summary>Whether the node's result is a fresh array owned by the expression (so a parent may write into it).</summary>
    public virtual bool ProducesOwnedArray => false;

    /// <summary>Evaluates on the inputs' one-element metas and records each node's result dtype (for in-place reuse).</summary>
    public Operand Annotate(ChunkedContext context, object[] metas)
    {
        Operand result = AnnotateChildren(context, metas);
        OutDType = result.Array?.DType;
        return result;
    }

    protected virtual Operand AnnotateChildren(ChunkedContext context, object[] metas) => Eval(context, metas);

    /// <summary>
    /// An owned intermediate that can take the result of this node: same dtype as the result and already the
    /// broadcast shape. Writing into it (NumPy's <c>out=</c>) saves one chunk-sized allocation per fused operation.
    /// </summary>
    protected NDArray? Reusable(ElemExpr child, Operand value, Shape resultShape) =>
        child.ProducesOwnedArray && value.Array is { } a && OutDType == a.DType && a.Shape == resultShape ? a : null;

    /// <summary>A deterministic description (for layer tokens).</summary>
    public abstract override string ToString();

    public abstract ElemExpr Remap(int[] slots);

    public abstract void CollectFunctions(List<string> names);
}

internal sealed class SlotExpr(int slot) : ElemExpr
{
    public int Slot { get; } = slot;
    public override Operand Eval(ChunkedContext context, object[] inputs) => (NDArray)inputs[Slot];
    public override string ToString() => "#" + Slot;
    public override ElemExpr Remap(int[] slots) => new SlotExpr(slots[Slot]);
    public override void CollectFunctions(List<string> names) { }
}

internal sealed class ConstExpr(Scalar value) : ElemExpr
{
    public override Operand Eval(ChunkedContext context, object[] inputs) => value;
    public override string ToString() => value.Kind + ":" + value;
    public override ElemExpr Remap(int[] slots) => this;
    public override void CollectFunctions(List<string> names) { }
}

internal sealed class UnaryExpr(ArrayFunction<UnaryArgs, NDArray> function, ElemExpr x) : ElemExpr
{
    public override bool ProducesOwnedArray => function.Name != "positive";

    protected override Operand AnnotateChildren(ChunkedContext context, object[] metas) =>
        context.Invoke(function, new UnaryArgs(x.Annotate(context, metas).Array!));

    public override Operand Eval(ChunkedContext context, object[] inputs)
    {
        NDArray value = x.Eval(context, inputs).Array!;
        return context.Invoke(function, new UnaryArgs(value, Reusable(x, value, value.Shape)));
    }

    public override string ToString() => $"{function.Name}({x})";
    public override ElemExpr Remap(int[] slots) => new UnaryExpr(function, x.Remap(slots));
    public override void CollectFunctions(List<string> names) { x.CollectFunctions(names); names.Add(function.Name); }
}

internal sealed class BinaryExpr(ArrayFunction<BinaryArgs, NDArray> function, ElemExpr a, ElemExpr b) : ElemExpr
{
    public override bool ProducesOwnedArray => true;

    protected override Operand AnnotateChildren(ChunkedContext context, object[] metas) =>
        context.Invoke(function, new BinaryArgs(a.Annotate(context, metas), b.Annotate(context, metas)));

    public override Operand Eval(ChunkedContext context, object[] inputs)
    {
        Operand left = a.Eval(context, inputs), right = b.Eval(context, inputs);
        Shape shape = Shape.Broadcast(left.Shape, right.Shape);
        NDArray? into = Reusable(a, left, shape) ?? Reusable(b, right, shape);
        return context.Invoke(function, new BinaryArgs(left, right, into));
    }

    public override string ToString() => $"{function.Name}({a}, {b})";
    public override ElemExpr Remap(int[] slots) => new BinaryExpr(function, a.Remap(slots), b.Remap(slots));
    public override void CollectFunctions(List<string> names) { a.CollectFunctions(names); b.CollectFunctions(names); names.Add(function.Name); }
}

internal sealed class TernaryExpr(ArrayFunction<TernaryArgs, NDArray> function, ElemExpr a, ElemExpr b, ElemExpr c) : ElemExpr
{
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

internal sealed class AsTypeExpr(DType dtype, Casting casting, ElemExpr x) : ElemExpr
{
    protected override Operand AnnotateChildren(ChunkedContext context, object[] metas) =>
        context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(x.Annotate(context, metas).Array!, dtype, casting));

    public override Operand Eval(ChunkedContext context, object[] inputs) =>
        context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(x.Eval(context, inputs).Array!, dtype, casting));
    public override string ToString() => $"astype[{dtype.Name()},{casting}]({x})";
    public override ElemExpr Remap(int[] slots) => new AsTypeExpr(dtype, casting, x.Remap(slots));
    public override void CollectFunctions(List<string> names) { x.CollectFunctions(names); names.Add("astype"); }
}

/// <summary>The element-wise expression behind an array and its inputs, kept so later element-wise operations can inline it.</summary>
internal sealed record Fusion(ElemExpr Expr, Arrays.ChunkedArray[] Inputs);
