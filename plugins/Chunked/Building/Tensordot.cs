using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Blockwise <c>tensordot</c>: output chunk (free chunks of a, free chunks of b) is the sum over the contracted chunk
/// indices of <c>tensordot</c> of the matching chunks; b's contracted axes are rechunked to a's.
/// </summary>
internal static class Tensordot
{
    public static ChunkedArray Contract(ChunkedContext context, ChunkedArray a, ChunkedArray b, int[] axesA, int[] axesB)
    {
        if (axesA.Length != axesB.Length) throw new ArgumentException($"shape-mismatch for sum: {axesA.Length} axes of a and {axesB.Length} axes of b", "axes");
        int[] ca = [.. axesA.Select(x => Shape.NormalizeAxis(x, a.Rank))];
        int[] cb = [.. axesB.Select(x => Shape.NormalizeAxis(x, b.Rank))];
        int[][] target = (int[][])b.Chunks.Sizes.Clone();
        for (int k = 0; k < ca.Length; k++)
        {
            if (a.Shape.Dims[ca[k]] != b.Shape.Dims[cb[k]])
            {
                throw new ShapeMismatchException($"shape-mismatch for sum: axis {ca[k]} of a has length {a.Shape.Dims[ca[k]]} but axis {cb[k]} of b has {b.Shape.Dims[cb[k]]}", a.Shape, b.Shape);
            }
            target[cb[k]] = [.. a.Chunks[ca[k]]];
        }
        b = Rechunk.To(context, b, Chunks.FromSizes(target));
        int[] freeA = [.. Enumerable.Range(0, a.Rank).Where(x => !ca.Contains(x))];
        int[] freeB = [.. Enumerable.Range(0, b.Rank).Where(x => !cb.Contains(x))];
        int[][] sizes = [.. freeA.Select(x => (int[])[.. a.Chunks[x]]), .. freeB.Select(x => (int[])[.. b.Chunks[x]])];
        int[] dims = [.. freeA.Select(x => a.Shape.Dims[x]), .. freeB.Select(x => b.Shape.Dims[x])];
        int[] contractedCounts = [.. ca.Select(x => a.Chunks.BlockCounts[x])];
        int terms = contractedCounts.Aggregate(1, (p, c) => p * c);
        NDArray meta = LayerBuilder.WithRank(context, context.Invoke(ArrayFunctions.Tensordot, new TensordotArgs(a.Meta, b.Meta, ca, cb)), dims.Length);
        string name = Names.Layer("tensordot", a.Name, b.Name, Shape.Format(ca), Shape.Format(cb));
        return LayerBuilder.BuildSpec(context, name, "tensordot", new Shape(dims), Chunks.FromSizes(sizes), meta, [a.Layer, b.Layer], index =>
        {
            var deps = new string[2 * terms];
            var combo = new int[ca.Length];
            for (int t = 0; t < terms; t++)
            {
                var ia = new int[a.Rank];
                var ib = new int[b.Rank];
                for (int k = 0; k < freeA.Length; k++) ia[freeA[k]] = index[k];
                for (int k = 0; k < freeB.Length; k++) ib[freeB[k]] = index[freeA.Length + k];
                for (int k = 0; k < ca.Length; k++) { ia[ca[k]] = combo[k]; ib[cb[k]] = combo[k]; }
                deps[2 * t] = a.KeyOf(ia);
                deps[2 * t + 1] = b.KeyOf(ib);
                for (int k = ca.Length - 1; k >= 0; k--)
                {
                    if (++combo[k] < contractedCounts[k]) break;
                    combo[k] = 0;
                }
            }
            return (deps, TaskSpec.Sum([.. Enumerable.Range(0, terms).Select(t =>
                TaskSpec.Call(ArrayFunctions.Tensordot, new TensordotArgs(TaskSpec.Slot(2 * t), TaskSpec.Slot(2 * t + 1), ca, cb)))]));
        });
    }
}
