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
        if (a.Rank > 2 || b.Rank > 2) throw new NotSupportedException($"chunked matmul supports 1-d and 2-d operands, not shapes {a.Shape} and {b.Shape}");
        ChunkedArray a2 = a.Rank == 1 ? Manipulation.ExpandDims(context, a, 0) : a;
        ChunkedArray b2 = b.Rank == 1 ? Manipulation.ExpandDims(context, b, 1) : b;
        ChunkedArray result = Matrix(context, a2, b2);
        if (a.Rank == 1) result = Manipulation.Squeeze(context, result, 0);
        if (b.Rank == 1) result = Manipulation.Squeeze(context, result, result.Rank - 1);
        return result;
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
        return LayerBuilder.Build(context, name, "matmul", shape, chunks, meta, [a.Layer, b.Layer], index =>
        {
            var deps = new string[2 * inner];
            for (int k = 0; k < inner; k++)
            {
                deps[2 * k] = a.KeyOf(index[0], k);
                deps[2 * k + 1] = b.KeyOf(k, index[1]);
            }
            return (deps, v =>
            {
                NDArray acc = context.Invoke(ArrayFunctions.MatMul, new PairArgs((NDArray)v[0], (NDArray)v[1]));
                for (int k = 1; k < inner; k++)
                {
                    NDArray term = context.Invoke(ArrayFunctions.MatMul, new PairArgs((NDArray)v[2 * k], (NDArray)v[2 * k + 1]));
                    acc = context.Invoke(ArrayFunctions.Add, new BinaryArgs(acc, term));
                }
                return acc;
            });
        });
    }
}
