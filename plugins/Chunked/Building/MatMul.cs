using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>Blockwise matrix products: output chunk (i, j) is the sum over k of A(i, k) @ B(k, j).</summary>
internal static class MatMul
{
    /// <summary><c>a @ b</c> for 1-d and 2-d operands.</summary>
    public static ChunkedArray Product(ChunkedContext context, ChunkedArray a, ChunkedArray b)
    {
        if (a.Rank is 0 || b.Rank is 0) throw new ArgumentException("matmul: Input operand does not have enough dimensions (0-d arrays are not allowed)");
        if (a.Rank > 2 || b.Rank > 2) return Batched(context, a, b);
        ChunkedArray a2 = a.Rank == 1 ? Manipulation.ExpandDims(context, a, 0) : a;
        ChunkedArray b2 = b.Rank == 1 ? Manipulation.ExpandDims(context, b, 1) : b;
        ChunkedArray result = Matrix(context, a2, b2);
        if (a.Rank == 1) result = Manipulation.Squeeze(context, result, 0);
        if (b.Rank == 1) result = Manipulation.Squeeze(context, result, result.Rank - 1);
        return result;
    }

    /// <summary>Stacks of matrices: one task on the whole operands (each made one chunk), through the chunk backend's matmul.</summary>
    private static ChunkedArray Batched(ChunkedContext context, ChunkedArray a, ChunkedArray b)
    {
        ChunkedArray a1 = Rechunk.To(context, a, Chunks.Single(a.Shape)), b1 = Rechunk.To(context, b, Chunks.Single(b.Shape));
        int ka = a.Shape.Dims[^1], kb = b.Rank == 1 ? b.Shape.Dims[0] : b.Shape.Dims[^2];
        if (ka != kb)
        {
            throw new ShapeMismatchException(
                $"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {kb} is different from {ka})", a.Shape, b.Shape);
        }
        Shape batch = Shape.Broadcast(new Shape(a.Shape.Dims[..^Math.Min(2, a.Rank)]), new Shape(b.Shape.Dims[..^Math.Min(2, b.Rank)]));
        int[] dims = [.. batch.Dims, .. (a.Rank >= 2 ? [a.Shape.Dims[^2]] : Array.Empty<int>()), .. (b.Rank >= 2 ? [b.Shape.Dims[^1]] : Array.Empty<int>())];
        var shape = new Shape(dims);
        NDArray meta = LayerBuilder.WithRank(context, context.Invoke(ArrayFunctions.MatMul, new PairArgs(a.Meta, b.Meta)), shape.Rank);
        string name = Names.Layer("matmul", a.Name, b.Name);
        string ka1 = a1.KeyOf(new int[a1.Rank]), kb1 = b1.KeyOf(new int[b1.Rank]);
        return LayerBuilder.BuildSpec(context, name, "matmul", shape, Chunks.Single(shape), meta, [a1.Layer, b1.Layer],
            _ => ([ka1, kb1], TaskSpec.Call(ArrayFunctions.MatMul, new PairArgs(TaskSpec.Slot(0), TaskSpec.Slot(1)))));
    }

    private static ChunkedArray Matrix(ChunkedContext context, ChunkedArray a, ChunkedArray b)
    {
        if (a.Shape.Dims[1] != b.Shape.Dims[0])
        {
            throw new ShapeMismatchException(
                $"matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size {b.Shape.Dims[0]} is different from {a.Shape.Dims[1]})",
                a.Shape, b.Shape);
        }
        if (!b.Chunks.AxisEquals(0, a.Chunks, 1)) b = Rechunk.To(context, b, b.Chunks.WithAxis(0, [.. a.Chunks[1]]));
        int inner = a.Chunks.BlockCounts[1];
        var chunks = Chunks.FromSizes([[.. a.Chunks[0]], [.. b.Chunks[1]]]);
        var shape = new Shape(a.Shape.Dims[0], b.Shape.Dims[1]);
        NDArray meta = context.Invoke(ArrayFunctions.MatMul, new PairArgs(a.Meta, b.Meta));
        string name = Names.Layer("matmul", a.Name, b.Name);
        return LayerBuilder.BuildSpec(context, name, "matmul", shape, chunks, meta, [a.Layer, b.Layer], index =>
        {
            var deps = new string[2 * inner];
            for (int k = 0; k < inner; k++)
            {
                deps[2 * k] = a.KeyOf(index[0], k);
                deps[2 * k + 1] = b.KeyOf(k, index[1]);
            }
            // The sum over k of A[i, k] @ B[k, j], added in k order.
            return (deps, TaskSpec.Sum([.. Enumerable.Range(0, inner).Select(k =>
                TaskSpec.Call(ArrayFunctions.MatMul, new PairArgs(TaskSpec.Slot(2 * k), TaskSpec.Slot(2 * k + 1))))]));
        });
    }
}
