using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// <c>argmin</c>/<c>argmax</c> as tree reductions of (value, global index) pairs, as Dask's <c>arg_reduction</c>: each
/// chunk gives its extreme and where it is (offset by the chunk's position), pairs are combined keeping the better value,
/// the smaller index on ties (first occurrence wins) and a NaN over any number (NumPy's rule: the first NaN is the extreme).
/// </summary>
internal static class ArgReductions
{
    public static ChunkedArray Build(ChunkedContext context, bool max, ChunkedArray x, Axes axis, bool keepDims)
    {
        ArrayFunction<ReductionArgs, NDArray> arg = max ? ArrayFunctions.Argmax : ArrayFunctions.Argmin;
        ArrayFunction<ReductionArgs, NDArray> extreme = max ? ArrayFunctions.Max : ArrayFunctions.Min;
        string name = arg.Name;
        int? single = null;
        if (!axis.IsAll)
        {
            if (axis.Values.Length != 1) throw new ArgumentException($"{name} takes one axis or None, not {axis}", nameof(axis));
            single = Shape.NormalizeAxis(axis.Values[0], x.Rank);
        }
        if (x.Shape.Size == 0 && (single is null || x.Shape.Dims[single.Value] == 0))
        {
            throw new ArgumentException($"attempt to get {name} of an empty sequence", "x");
        }
        if (x.Rank == 0)
        {
            return Blockwise.Map(context, x, name, "scalar", block => context.Invoke(arg, new ReductionArgs(block, axis, keepDims)),
                TaskSpec.Call(arg, new ReductionArgs(TaskSpec.Slot(0), axis, keepDims)));
        }
        int[] axes = single is { } s ? [s] : [.. Enumerable.Range(0, x.Rank)];
        // A chunk with no elements along a reduced axis has no extreme: move its neighbours' elements into fewer chunks.
        x = WithoutEmptyBlocks(context, x, axes);

        NDArray meta = context.Invoke(arg, new ReductionArgs(x.Meta, single, true));
        bool isFloat = x.DType.IsInexact();   // complex too: a NaN in either part is the extreme, as for floats
        long[] globalStrides = Strides(x.Shape.ToArray());
        int[][] offsets = [.. Enumerable.Range(0, x.Rank).Select(x.Chunks.Offsets)];
        int[] StartOf(int[] index) => [.. Enumerable.Range(0, index.Length).Select(axis => offsets[axis][index[axis]])];
        // Every task is described (argchunk, argcombine, then the pair's Index), so argmin/argmax run on a cluster too.
        return TreeReduction.Build(
            context, name, [], x, axes, keepDims, meta,
            (block, index) => Chunk(context, max, block, StartOf(index), single, globalStrides),
            v => CombineAll(context, max, isFloat, v),
            pair => ((ArgPair)pair).Index,
            combineSpec: TaskSpec.ArgCombine(max, isFloat),
            chunkSpecAt: index => TaskSpec.ArgChunk(max, single, StartOf(index), globalStrides),
            finishSpec: TaskSpec.Input(0).Member("Index"));
    }

    /// <summary>The pairs combined left to right.</summary>
    internal static ArgPair CombineAll(ChunkedContext context, bool max, bool isFloat, object[] pairs)
    {
        var acc = (ArgPair)pairs[0];
        for (int k = 1; k < pairs.Length; k++) acc = Combine(context, max, isFloat, acc, (ArgPair)pairs[k]);
        return acc;
    }

    /// <summary>A chunk's extreme and its index in the whole array; <paramref name="start"/> is the chunk's position along each axis.</summary>
    internal static ArgPair Chunk(ChunkedContext context, bool max, NDArray block, int[] start, int? single, long[] globalStrides)
    {
        ArrayFunction<ReductionArgs, NDArray> arg = max ? ArrayFunctions.Argmax : ArrayFunctions.Argmin;
        ArrayFunction<ReductionArgs, NDArray> extreme = max ? ArrayFunctions.Max : ArrayFunctions.Min;
        if (block.DType == DType.Bool) block = context.Invoke(ArrayFunctions.AsType, new AsTypeArgs(block, DType.Int32));
        NDArray value = context.Invoke(extreme, new ReductionArgs(block, single, true));
        NDArray local = context.Invoke(arg, new ReductionArgs(block, single, true));
        if (single is { } a)
        {
            long offset = start[a];
            return new ArgPair(value, offset == 0 ? local : context.Invoke(ArrayFunctions.Add, new BinaryArgs(local, Scalar.Integer(offset))));
        }

        // Flat index in the chunk -> position in the chunk -> flat index in the whole array.
        int[] blockDims = block.Shape.ToArray();
        long[] blockStrides = Strides(blockDims);
        Operand global = Scalar.Integer(0);
        for (int axis = 0; axis < blockDims.Length; axis++)
        {
            if (blockDims[axis] == 1 && start[axis] == 0) continue;
            NDArray position = context.Invoke(ArrayFunctions.FloorDivide, new BinaryArgs(local, Scalar.Integer(blockStrides[axis])));
            position = context.Invoke(ArrayFunctions.Remainder, new BinaryArgs(position, Scalar.Integer(blockDims[axis])));
            NDArray term = context.Invoke(ArrayFunctions.Multiply, new BinaryArgs(
                context.Invoke(ArrayFunctions.Add, new BinaryArgs(position, Scalar.Integer(start[axis]))),
                Scalar.Integer(globalStrides[axis])));
            global = context.Invoke(ArrayFunctions.Add, new BinaryArgs(term, global));
        }
        NDArray globalIndex = global.Array ?? context.Invoke(ArrayFunctions.Multiply, new BinaryArgs(local, Scalar.Integer(0)));
        return new ArgPair(value, globalIndex);
    }

    /// <summary>The better of two pairs: <paramref name="b"/> wins when its value is more extreme, or NaN over a number, or equal with a smaller index.</summary>
    private static ArgPair Combine(ChunkedContext context, bool max, bool isFloat, ArgPair a, ArgPair b)
    {
        NDArray better = context.Invoke(max ? ArrayFunctions.Greater : ArrayFunctions.Less, new BinaryArgs(b.Value, a.Value));
        NDArray equal = context.Invoke(ArrayFunctions.Equal, new BinaryArgs(b.Value, a.Value));
        if (isFloat)
        {
            NDArray nanA = context.Invoke(ArrayFunctions.IsNaN, new UnaryArgs(a.Value));
            NDArray nanB = context.Invoke(ArrayFunctions.IsNaN, new UnaryArgs(b.Value));
            NDArray onlyB = context.Invoke(ArrayFunctions.LogicalAnd, new BinaryArgs(nanB, context.Invoke(ArrayFunctions.LogicalNot, new UnaryArgs(nanA))));
            better = context.Invoke(ArrayFunctions.LogicalOr, new BinaryArgs(better, onlyB));
            equal = context.Invoke(ArrayFunctions.LogicalOr, new BinaryArgs(equal, context.Invoke(ArrayFunctions.LogicalAnd, new BinaryArgs(nanA, nanB))));
        }
        NDArray earlier = context.Invoke(ArrayFunctions.Less, new BinaryArgs(b.Index, a.Index));
        NDArray take = context.Invoke(ArrayFunctions.LogicalOr, new BinaryArgs(better, context.Invoke(ArrayFunctions.LogicalAnd, new BinaryArgs(equal, earlier))));
        return new ArgPair(
            context.Invoke(ArrayFunctions.Where, new TernaryArgs(take, b.Value, a.Value)),
            context.Invoke(ArrayFunctions.Where, new TernaryArgs(take, b.Index, a.Index)));
    }

    private static ChunkedArray WithoutEmptyBlocks(ChunkedContext context, ChunkedArray x, int[] axes)
    {
        if (!axes.Any(a => x.Chunks[a].Contains(0))) return x;
        var sizes = (int[][])x.Chunks.Sizes.Clone();
        foreach (int a in axes)
        {
            int[] kept = [.. x.Chunks[a].Where(c => c != 0)];
            sizes[a] = kept.Length == 0 ? [0] : kept;
        }
        return Rechunk.To(context, x, Chunks.FromSizes(sizes));
    }

    private static long[] Strides(int[] dims)
    {
        var strides = new long[dims.Length];
        long stride = 1;
        for (int axis = dims.Length - 1; axis >= 0; axis--)
        {
            strides[axis] = stride;
            stride *= dims[axis];
        }
        return strides;
    }
}
