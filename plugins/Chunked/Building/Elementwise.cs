using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Element-wise operations with broadcasting: inputs are aligned to common chunks (rechunked where they differ, as Dask's
/// <c>unify_chunks</c>), and element-wise inputs are inlined, so a chain is one task per chunk.
/// </summary>
internal static class Elementwise
{
    public static ChunkedArray Unary(ChunkedContext context, ArrayFunction<UnaryArgs, NDArray> function, NDArray x) =>
        Build(context, [x], e => new UnaryExpr(function, e[0]));

    public static ChunkedArray Binary(ChunkedContext context, ArrayFunction<BinaryArgs, NDArray> function, Operand a, Operand b) =>
        Build(context, [a, b], e => new BinaryExpr(function, e[0], e[1]));

    public static ChunkedArray Ternary(ChunkedContext context, ArrayFunction<TernaryArgs, NDArray> function, Operand a, Operand b, Operand c) =>
        Build(context, [a, b, c], e => new TernaryExpr(function, e[0], e[1], e[2]));

    public static ChunkedArray AsType(ChunkedContext context, NDArray x, DType dtype, Casting casting) =>
        Build(context, [x], e => new AsTypeExpr(dtype, casting, e[0]));

    /// <summary>
    /// The error of operands whose shapes do not broadcast, in NumPy's order: the ufunc's loop is chosen from the dtypes
    /// before the operands are broadcast, so a dtype the function refuses (<c>bitwise_and</c> of floats) is reported first,
    /// from the metas; otherwise the shapes.
    /// </summary>
    private static Exception ShapeError(ChunkedContext context, Operand[] operands, ChunkedArray?[] arrays, Func<ElemExpr[], ElemExpr> make)
    {
        var metas = new List<object>();
        var children = new ElemExpr[operands.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            if (arrays[i] is { } a)
            {
                children[i] = new SlotExpr(metas.Count);
                metas.Add(ZeroSize(context, a.Meta));        // the dtypes alone decide, never a meta's value
            }
            else
            {
                children[i] = new ConstExpr(operands[i].Scalar);
            }
        }
        make(children).Annotate(context, [.. metas]);          // throws the dtype error, if any
        Shape shape = Shape.Scalar;
        foreach (Operand o in operands)
        {
            if (o.Array is { } a) shape = Shape.Broadcast(shape, a.Shape);
        }
        return new InvalidOperationException("unreachable: the shapes broadcast");
    }

    /// <summary>An array like <paramref name="meta"/> (backend, dtype, rank) with no elements (0-d stays one element).</summary>
    private static NDArray ZeroSize(ChunkedContext context, NDArray meta) =>
        context.Create(ArrayFunctions.Full, new FullArgs(new Shape(new int[meta.Rank]), meta.DType, Scalar.Integer(0), new Placement(Backend: context.BackendOf(meta))));

    /// <summary>Builds <paramref name="make"/>(operands) chunk by chunk.</summary>
    public static ChunkedArray Build(ChunkedContext context, Operand[] operands, Func<ElemExpr[], ElemExpr> make)
    {
        // Chunked inputs, wrapping in-memory arrays as one chunk (Dask does the same with NumPy arrays).
        var arrays = new ChunkedArray?[operands.Length];
        Shape shape = Shape.Scalar;
        bool fits = true;
        for (int i = 0; i < operands.Length; i++)
        {
            if (operands[i].Array is { } a)
            {
                arrays[i] = a as ChunkedArray ?? LayerBuilder.FromArray(context, a);
                if (fits && Shape.TryBroadcast(shape, a.Shape, out Shape next)) shape = next;
                else fits = false;
            }
        }
        if (!fits) throw ShapeError(context, operands, arrays, make);
        int rank = shape.Rank;
        Chunks chunks = CommonChunks(shape, arrays);
        for (int i = 0; i < arrays.Length; i++)
        {
            if (arrays[i] is { } a) arrays[i] = Align(context, a, shape, chunks);
        }

        var inputs = new List<ChunkedArray>();
        var children = new ElemExpr[operands.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            if (arrays[i] is not { } a)
            {
                children[i] = new ConstExpr(operands[i].Scalar);
            }
            else if (a.Fusion is { Inlinable: true } fusion && a.Shape == shape && a.Chunks.Equals(chunks))
            {
                var slots = new int[fusion.Inputs.Length];
                for (int k = 0; k < slots.Length; k++) slots[k] = SlotOf(inputs, fusion.Inputs[k]);
                children[i] = fusion.Expr.Remap(slots);
            }
            else
            {
                children[i] = new SlotExpr(SlotOf(inputs, a));
            }
        }
        ElemExpr expr = make(children);
        ChunkedArray[] ins = [.. inputs];

        // An empty result meets no element, so NumPy raises only its dtype errors (np.power(empty, -1) answers): its
        // expression is annotated on zero-size metas, whose evaluation cannot raise a value's error.
        bool empty = shape.Size == 0;
        object[] metas = Array.ConvertAll(ins, a => (object)(empty ? ZeroSize(context, a.Meta) : a.Meta));
        NDArray annotated = expr.Annotate(context, metas).Array!;
        NDArray meta = empty
            ? LayerBuilder.Meta(context, context.BackendOf(annotated), annotated.DType, rank)
            : LayerBuilder.WithRank(context, annotated, rank);
        var functions = new List<string>();
        expr.CollectFunctions(functions);
        string label = string.Join('-', functions.Distinct());
        string name = Names.Layer(label, [expr.ToString(), chunks, .. ins.Select(a => a.Name)]);
        return LayerBuilder.Build(context, name, label, shape, chunks, meta, [.. ins.Select(a => a.Layer)], index =>
        {
            var deps = new string[ins.Length];
            for (int k = 0; k < ins.Length; k++) deps[k] = ins[k].KeyOf(InputIndex(ins[k], index, rank));
            return (deps, values => TiledEval.Run(context, expr, functions.Count, values, meta.DType));
        }, new Fusion(expr, ins, functions.Count), freshResults: expr.ProducesOwnedArray, consumingRun: ConsumingRun(context, expr, ins.Length, functions.Count, meta.DType),
            spec: TaskSpec.Elementwise(expr, functions.Count, meta.DType));
    }

    /// <summary>
    /// The layer's work when its one input chunk may be overwritten: the input is marked owned, so the first operation on
    /// it writes into it instead of allocating. Only when the expression reads that input once (else a later read would see
    /// the overwritten values) and produces a fresh array.
    /// </summary>
    private static TaskFunc? ConsumingRun(ChunkedContext context, ElemExpr expr, int inputs, int operations, DType dtype)
    {
        if (inputs != 1 || !expr.ProducesOwnedArray || expr.ToString().Split("#0").Length != 2) return null;
        return values => TiledEval.Run(context, expr, operations, [new OwnedChunk((NDArray)values[0])], dtype);
    }

    /// <summary>The index of the chunk of <paramref name="input"/> that output chunk <paramref name="index"/> reads (broadcast axes read chunk 0).</summary>
    public static int[] InputIndex(ChunkedArray input, int[] index, int rank)
    {
        int offset = rank - input.Rank;
        var result = new int[input.Rank];
        for (int j = 0; j < input.Rank; j++) result[j] = input.Chunks.BlockCounts[j] == 1 ? 0 : index[j + offset];
        return result;
    }

    /// <summary>The chunks of the broadcast result: along each axis, those of the first input that spans it.</summary>
    public static Chunks CommonChunks(Shape shape, IReadOnlyList<ChunkedArray?> arrays)
    {
        int rank = shape.Rank;
        var sizes = new int[rank][];
        for (int axis = 0; axis < rank; axis++)
        {
            foreach (ChunkedArray? a in arrays)
            {
                if (a is null) continue;
                int j = axis - (rank - a.Rank);
                if (j >= 0 && a.Shape.Dims[j] == shape.Dims[axis] && (shape.Dims[axis] != 1 || a.Chunks.BlockCounts[j] == 1))
                {
                    sizes[axis] = [.. a.Chunks[j]];
                    break;
                }
            }
            sizes[axis] ??= [shape.Dims[axis]];
        }
        return Chunks.FromSizes(sizes);
    }

    /// <summary>Rechunks <paramref name="a"/> so its non-broadcast axes have the result's chunks.</summary>
    private static ChunkedArray Align(ChunkedContext context, ChunkedArray a, Shape shape, Chunks chunks)
    {
        int offset = shape.Rank - a.Rank;
        int[][]? target = null;
        for (int j = 0; j < a.Rank; j++)
        {
            bool broadcast = a.Shape.Dims[j] == 1 && shape.Dims[j + offset] != 1;
            if (broadcast || a.Chunks.AxisEquals(j, chunks, j + offset)) continue;
            target ??= (int[][])a.Chunks.Sizes.Clone();
            target[j] = [.. chunks[j + offset]];
        }
        return target is null ? a : Rechunk.To(context, a, Chunks.FromSizes(target));
    }

    private static int SlotOf(List<ChunkedArray> inputs, ChunkedArray a)
    {
        for (int k = 0; k < inputs.Count; k++)
        {
            if (ReferenceEquals(inputs[k], a)) return k;
        }
        inputs.Add(a);
        return inputs.Count - 1;
    }
}
