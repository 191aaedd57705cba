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
    protected NDArray? Reusable(ElemExpr child, Operand value, Shape resultShape, object[] inputs) =>
        (child.ProducesOwnedArray || (child is SlotExpr slot && inputs[slot.Slot] is OwnedChunk))
        && value.Array is { } a && OutDType == a.DType && a.Shape == resultShape ? a : null;

    /// <summary>
    /// The output tile of a tiled evaluation (<see cref="TiledEval"/>), else a freed chunk from the running compute's
    /// recycle pool, to write this node's result into (NumPy's <c>out=</c>) when no operand can take it: the same array
    /// type as the operands, the result's dtype and shape. Null outside a compute, or when operands are of different array
    /// types, or the node does not make a new array.
    /// </summary>
    protected NDArray? Pooled(Operand first, Operand second, Shape resultShape)
    {
        if (!ProducesOwnedArray || OutDType is not { } dtype) return null;
        Type? type = first.Array?.GetType() ?? second.Array?.GetType();
        if (type is null || (first.Array is { } x && x.GetType() != type) || (second.Array is { } y && y.GetType() != type)) return null;
        return TiledEval.TakeTarget(type, dtype, resultShape) ?? Scheduling.RecyclePool.Current?.Take(type, dtype, resultShape);
    }

    /// <summary>A deterministic description (for layer tokens).</summary>
    public abstract override string ToString();

    public abstract ElemExpr Remap(int[] slots);

    public abstract void CollectFunctions(List<string> names);
}
