using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// An element-wise expression over input chunks, evaluated chunk by chunk through the dispatcher. Chains of element-wise
/// operations are inlined into one expression (Dask's blockwise fusion), so <c>a * 2 + b</c> is one task per chunk.
/// </summary>
internal abstract class ElemExpr
{
    public abstract Operand Eval(ChunkedContext context, object[] inputs);

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
    public override Operand Eval(ChunkedContext context, object[] inputs) =>
        context.Invoke(function, new UnaryArgs(x.Eval(context, inputs).Array!));
    public override string ToString() => $"{function.Name}({x})";
    public override ElemExpr Remap(int[] slots) => new UnaryExpr(function, x.Remap(slots));
    public override void CollectFunctions(List<string> names) { x.CollectFunctions(names); names.Add(function.Name); }
}

internal sealed class BinaryExpr(ArrayFunction<BinaryArgs, NDArray> function, ElemExpr a, ElemExpr b) : ElemExpr
{
    public override Operand Eval(ChunkedContext context, object[] inputs) =>
        context.Invoke(function, new BinaryArgs(a.Eval(context, inputs), b.Eval(context, inputs)));
    public override string ToString() => $"{function.Name}({a}, {b})";
    public override ElemExpr Remap(int[] slots) => new BinaryExpr(function, a.Remap(slots), b.Remap(slots));
    public override void CollectFunctions(List<string> names) { a.CollectFunctions(names); b.CollectFunctions(names); names.Add(function.Name); }
}

internal sealed class TernaryExpr(ArrayFunction<TernaryArgs, NDArray> function, ElemExpr a, ElemExpr b, ElemExpr c) : ElemExpr
{
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
    public override Operand Eval(ChunkedContext context, object[] inputs) =>
        context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(x.Eval(context, inputs).Array!, dtype, casting));
    public override string ToString() => $"astype[{dtype.Name()},{casting}]({x})";
    public override ElemExpr Remap(int[] slots) => new AsTypeExpr(dtype, casting, x.Remap(slots));
    public override void CollectFunctions(List<string> names) { x.CollectFunctions(names); names.Add("astype"); }
}

/// <summary>The element-wise expression behind an array and its inputs, kept so later element-wise operations can inline it.</summary>
internal sealed record Fusion(ElemExpr Expr, Arrays.ChunkedArray[] Inputs);
