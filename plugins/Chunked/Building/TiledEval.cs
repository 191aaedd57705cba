using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Runs a fused element-wise expression over one chunk in row tiles that stay in L2: the first operation of each tile
/// writes into that tile of the output chunk, the later ones overwrite it in place, so a chain of n operations passes over
/// the chunk's memory once instead of n times. The operations are still the chunk backend's own, called through the
/// dispatcher on views of host-resident (strided) chunks; other chunks are evaluated whole.
/// </summary>
/// <remarks>
/// Element-wise chains on large chunks are memory-bound: on the 2-vCPU EPYC test machine one pass over a 32 MB chunk cost
/// about 5.5 ms, so <c>x * 2.0 + 1.0</c> evaluated whole took two passes where the tiled one takes one.
/// </remarks>
internal static class TiledEval
{
    /// <summary>Chunks smaller than this already sit in cache between operations.</summary>
    private const long MinChunkBytes = 4L << 20;

    /// <summary>A quarter of the L2 cache of the machines measured (1 MB per core): room for the inputs' tiles too.</summary>
    private const long TileBytes = 256L << 10;

    // The output tile the expression's first operation may write into (consumed once per tile; per thread because each
    // worker evaluates its own chunk).
    [ThreadStatic] private static NDArray? t_target;

    /// <summary>The output tile for the node asking, when it matches the node's result exactly; handed out once.</summary>
    public static NDArray? TakeTarget(Type type, DType dtype, Shape shape)
    {
        if (t_target is not { } target || target.GetType() != type || target.DType != dtype || target.Shape != shape) return null;
        t_target = null;
        return target;
    }

    /// <summary>
    /// Evaluates <paramref name="expr"/> on one chunk's <paramref name="values"/> (arrays, or an <see cref="OwnedChunk"/>
    /// that may be overwritten); tiled when the chunk is large and the expression has at least two operations.
    /// </summary>
    public static NDArray Run(ChunkedContext context, ElemExpr expr, int operations, object[] values, DType dtype)
    {
        Shape shape = Shape.Scalar;
        foreach (object v in values) shape = Shape.Broadcast(shape, OwnedChunk.ArrayOf(v).Shape);
        if (operations < 2 || shape.Rank == 0 || shape.Size * dtype.ItemSize() < MinChunkBytes) return expr.Eval(context, values).Array!;
        // Host-resident chunks are strided memory (the protocol's HostBuffer interchange): a row slice is a view and out=
        // writes through it. Sparse chunks (slices are copies, out= declined) and device chunks are evaluated whole.
        foreach (object v in values)
        {
            if (!OwnedChunk.ArrayOf(v).IsHostResident) return expr.Eval(context, values).Array!;
        }
        long rowBytes = shape.Size / shape.Dims[0] * dtype.ItemSize();
        int rows = (int)Math.Max(1, TileBytes / rowBytes);
        if (rows >= shape.Dims[0]) return expr.Eval(context, values).Array!;

        NDArray? output = null;
        bool inPlace = values is [OwnedChunk { Array: var owned }] && owned.DType == dtype && owned.Shape == shape;
        if (inPlace) output = ((OwnedChunk)values[0]).Array;
        NDArray first = OwnedChunk.ArrayOf(values[0]);
        output ??= Scheduling.RecyclePool.Current?.Take(first.GetType(), dtype, shape)
            ?? context.Create(ArrayFunctions.Empty, new FullArgs(shape, dtype, default, new Placement(Backend: context.BackendOf(first))));

        var tileValues = new object[values.Length];
        for (int start = 0; start < shape.Dims[0]; start += rows)
        {
            var index = Rows(shape.Rank, start, Math.Min(shape.Dims[0], start + rows));
            for (int k = 0; k < values.Length; k++) tileValues[k] = TileOf(context, values[k], shape, index);
            NDArray target = inPlace ? ((OwnedChunk)tileValues[0]).Array : context.Invoke(ArrayFunctions.GetItem, new IndexArgs(output, index));
            if (!inPlace) t_target = target;
            NDArray result;
            try
            {
                result = expr.Eval(context, tileValues).Array!;
            }
            finally
            {
                t_target = null;
            }
            if (!ReferenceEquals(result, target)) context.Invoke(ArrayFunctions.SetItem, new IndexArgs(output, index, result));
        }
        return output;
    }

    private static ArrayIndex[] Rows(int rank, int start, int stop)
    {
        var index = new ArrayIndex[rank];
        index[0] = new Slice(start, stop);
        for (int d = 1; d < rank; d++) index[d] = ArrayIndex.All;
        return index;
    }

    /// <summary>The rows of an input that the output tile reads: inputs broadcast along axis 0 are read whole.</summary>
    private static object TileOf(ChunkedContext context, object value, Shape shape, ArrayIndex[] rows)
    {
        NDArray array = OwnedChunk.ArrayOf(value);
        if (array.Rank != shape.Rank || array.Shape.Dims[0] != shape.Dims[0]) return value;
        NDArray tile = context.Invoke(ArrayFunctions.GetItem, new IndexArgs(array, rows));
        return value is OwnedChunk ? new OwnedChunk(tile) : tile;
    }
}
