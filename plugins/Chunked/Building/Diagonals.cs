using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// The functions of one diagonal, as Dask builds them: <c>tril</c>/<c>triu</c> blockwise (each block masked at the
/// diagonal moved by the block's global offsets; a block wholly kept is the input block itself, one wholly cut a block of
/// zeros made without reading the input), <c>diagonal</c> as one task per block the diagonal crosses (the block's own
/// diagonal), and <c>trace</c> as that diagonal's tree sum.
/// </summary>
internal static class Diagonals
{
    public static ChunkedArray Triangle(ChunkedContext context, ChunkedArray x, int k, bool lower)
    {
        ArrayFunction<DiagonalArgs, NDArray> function = lower ? ArrayFunctions.Tril : ArrayFunctions.Triu;
        // The chunk backend's own rules on the meta: rank 0 is refused with its message.
        NDArray probe = context.Invoke(function, new DiagonalArgs(x.Meta, k));
        if (x.Rank == 1)
        {
            // NumPy masks with tri(*x.shape[-2:]): a 1-d x of length n is broadcast to n x n first.
            int n = x.Shape.Dims[0];
            x = Manipulation.BroadcastTo(context, x, [n, n]);
        }
        NDArray meta = LayerBuilder.MetaLike(context, probe, x.Rank);
        int rank = x.Rank;
        int[] rowOffsets = x.Chunks.Offsets(rank - 2), colOffsets = x.Chunks.Offsets(rank - 1);
        string label = lower ? "tril" : "triu";
        var zeroPlacement = new Placement(Backend: context.BackendOf(x.Meta));
        string name = Names.Layer(label, x.Name, k);
        return LayerBuilder.BuildSpec(context, name, label, x.Shape, x.Chunks, meta, [x.Layer], index =>
        {
            int r0 = rowOffsets[index[rank - 2]], c0 = colOffsets[index[rank - 1]];
            int h = x.Chunks[rank - 2][index[rank - 2]], w = x.Chunks[rank - 1][index[rank - 1]];
            // Elements (r, c) are kept where c - r <= k (tril) or c - r >= k (triu); over the block c - r spans [lo, hi].
            int lo = c0 - (r0 + h - 1), hi = (c0 + w - 1) - r0;
            bool all = h == 0 || w == 0 || (lower ? hi <= k : lo >= k);
            bool none = lower ? lo > k : hi < k;
            if (all) return ([x.KeyOf(index)], TaskSpec.Input(0));
            if (none) return ([], TaskSpec.Create(ArrayFunctions.Full, new FullArgs(new Shape(x.Chunks.BlockShape(index)), x.DType, Scalar.Integer(0), zeroPlacement)));
            return ([x.KeyOf(index)], TaskSpec.Call(function, new DiagonalArgs(TaskSpec.Slot(0), k - c0 + r0)));
        });
    }

    /// <summary>
    /// NumPy's <c>diagonal(x, offset)</c> of axes 0 and 1: the other axes keep their chunks and come first; the diagonal
    /// axis has one chunk per block of axes 0 and 1 that the diagonal crosses (a line meets a rectangle in one run).
    /// </summary>
    public static ChunkedArray Diagonal(ChunkedContext context, ChunkedArray x, int offset)
    {
        // NumPy's errors and the result's shape, from the protocol's view geometry.
        Shape shape = StridedLayout.Contiguous(x.Shape).Diagonal(offset).Shape;
        NDArray meta = LayerBuilder.MetaLike(context, context.Invoke(ArrayFunctions.Diagonal, new DiagonalArgs(x.Meta, 0)), shape.Rank);
        int length = shape.Dims[^1];
        int rowStart = Math.Max(0, -offset), colStart = Math.Max(0, offset);
        int[] rowOffsets = x.Chunks.Offsets(0), colOffsets = x.Chunks.Offsets(1);
        // Runs of the diagonal t = 0..length-1 at (rowStart + t, colStart + t), one per block it crosses.
        var runs = new List<(int Row, int Col, int Size)>();
        int t = 0, bi = 0, bj = 0;
        while (t < length)
        {
            int r = rowStart + t, c = colStart + t;
            while (rowOffsets[bi + 1] <= r) bi++;
            while (colOffsets[bj + 1] <= c) bj++;
            int size = Math.Min(rowOffsets[bi + 1] - r, colOffsets[bj + 1] - c);
            runs.Add((bi, bj, size));
            t += size;
        }
        if (runs.Count == 0) runs.Add((0, 0, 0));
        int rest = x.Rank - 2;
        var sizes = new int[rest + 1][];
        for (int a = 0; a < rest; a++) sizes[a] = [.. x.Chunks[a + 2]];
        sizes[rest] = [.. runs.Select(run => run.Size)];
        string name = Names.Layer("diagonal", x.Name, offset);
        return LayerBuilder.BuildSpec(context, name, "diagonal", shape, Chunks.FromSizes(sizes), meta, [x.Layer], index =>
        {
            var (bRow, bCol, size) = runs[index[rest]];
            var src = new int[x.Rank];
            src[0] = bRow;
            src[1] = bCol;
            for (int a = 0; a < rest; a++) src[a + 2] = index[a];
            if (size == 0)
            {
                // No element: an empty diagonal of the block (past its edge).
                int past = x.Chunks[1][bCol] + 1;
                return ([x.KeyOf(src)], TaskSpec.Call(ArrayFunctions.Diagonal, new DiagonalArgs(TaskSpec.Slot(0), past)));
            }
            int local = offset - colOffsets[bCol] + rowOffsets[bRow];
            return ([x.KeyOf(src)], TaskSpec.Call(ArrayFunctions.Diagonal, new DiagonalArgs(TaskSpec.Slot(0), local)));
        });
    }

    /// <summary>NumPy's <c>trace</c>: the diagonal summed along its last axis, in <c>sum</c>'s dtype (integers widened).</summary>
    public static ChunkedArray Trace(ChunkedContext context, ChunkedArray x, int offset)
    {
        ChunkedArray d = Diagonal(context, x, offset);
        return Reductions.Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, d, [d.Rank - 1], false, null);
    }
}
