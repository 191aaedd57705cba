using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// <c>cumsum</c>/<c>cumprod</c> as Dask's <c>cumreduction</c>: each chunk is scanned along the axis, then the running
/// total of the chunks before it along the axis (a chain of carries: the previous carry combined with the previous
/// chunk's last slice) is added to (multiplied into) it. axis=None scans the flattened array (NumPy order).
/// </summary>
internal static class Scans
{
    public static ChunkedArray Build(ChunkedContext context, bool product, ChunkedArray x, Axes axis, DType? dtype)
    {
        ArrayFunction<ReductionArgs, NDArray> scan = product ? ArrayFunctions.Cumprod : ArrayFunctions.Cumsum;
        ArrayFunction<BinaryArgs, NDArray> combine = product ? ArrayFunctions.Multiply : ArrayFunctions.Add;
        string label = scan.Name;
        int a;
        if (axis.IsAll)
        {
            if (x.Rank != 1) x = Manipulation.Reshape(context, x, [-1]);
            a = 0;
        }
        else
        {
            if (axis.Values.Length != 1) throw new ArgumentException($"{label} takes one axis or None, not {axis}", nameof(axis));
            a = Shape.NormalizeAxis(axis.Values[0], x.Rank);
        }
        // An empty chunk has no last slice to carry: join its neighbours (only explicit chunkings have them).
        if (x.Chunks.BlockCounts[a] > 1 && x.Chunks[a].Contains(0))
        {
            int[] kept = [.. x.Chunks[a].Where(c => c != 0)];
            x = Rechunk.To(context, x, x.Chunks.WithAxis(a, kept.Length == 0 ? [0] : kept));
        }

        Axes axisArg = Axes.Of(a);
        NDArray meta = context.Invoke(scan, new ReductionArgs(x.Meta, axisArg, false, dtype));
        string scannedName = Names.Layer(label + "-chunk", x.Name, a, dtype?.Name());
        var scanChunk = TaskSpec.Call(scan, new ReductionArgs(TaskSpec.Slot(0), axisArg, false, dtype));
        ChunkedArray scanned = LayerBuilder.BuildSpec(context, scannedName, label, x.Shape, x.Chunks, meta, [x.Layer], index =>
            ([x.KeyOf(index)], scanChunk));
        int n = x.Chunks.BlockCounts[a];
        if (n == 1) return scanned;

        // carry[j] = what block j + 1 along the axis needs: carry[j - 1] combined with the last slice of scanned block j.
        Chunks carryChunks = x.Chunks.WithAxis(a, Enumerable.Repeat(1, n - 1).ToArray());
        string carryName = Names.Layer(label + "-carry", scanned.Name);
        ChunkedArray carry = LayerBuilder.BuildSpec(
            context, carryName, label + "-carry", new Shape([.. carryChunks.Sizes.Select(s => s.Sum())]), carryChunks, meta, [scanned.Layer], index =>
            {
                int j = index[a];
                int length = x.Chunks[a][j];
                ArrayIndex[] last = [.. Enumerable.Range(0, x.Rank).Select(k => k == a ? (ArrayIndex)new Slice(length - 1, length) : ArrayIndex.All)];
                string block = scanned.KeyOf(index);
                TaskSpec Last(int input) => TaskSpec.Call(ArrayFunctions.GetItem, new IndexArgs(TaskSpec.Slot(input), last));
                if (j == 0) return ([block], Last(0));
                int[] previous = (int[])index.Clone();
                previous[a] = j - 1;
                return ([Names.Key(carryName, previous), block], TaskSpec.Call(combine, new BinaryArgs(TaskSpec.Slot(0), TaskSpec.Slot(Last(1)))));
            });

        string name = Names.Layer(label, scanned.Name);
        var add = TaskSpec.Call(combine, new BinaryArgs(TaskSpec.Slot(0), TaskSpec.Slot(1)));
        return LayerBuilder.BuildSpec(context, name, label, x.Shape, x.Chunks, meta, [scanned.Layer, carry.Layer], index =>
        {
            string block = scanned.KeyOf(index);
            if (index[a] == 0) return ([block], TaskSpec.Input(0));
            int[] previous = (int[])index.Clone();
            previous[a]--;
            return ([block, carry.KeyOf(previous)], add);
        });
    }
}
