using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Reductions as tree reductions (Dask's <c>reduction</c>): each chunk is reduced with <c>keepdims</c>, then groups of
/// at most <c>split_every</c> partial results are combined until one is left per output chunk.
/// </summary>
internal static class Reductions
{
    /// <summary>The element-wise function that combines two partial results of <paramref name="function"/>, or null when it has none.</summary>
    public static ArrayFunction<BinaryArgs, NDArray>? CombinerOf(ArrayFunction function) => function.Name switch
    {
        "sum" or "nansum" or "count_nonzero" => ArrayFunctions.Add,
        "prod" => ArrayFunctions.Multiply,
        "min" => ArrayFunctions.Minimum,
        "max" => ArrayFunctions.Maximum,
        "any" => ArrayFunctions.LogicalOr,
        "all" => ArrayFunctions.LogicalAnd,
        _ => null,
    };

    /// <summary>Reduces <paramref name="x"/> over <paramref name="axes"/> with <paramref name="function"/> per chunk and <paramref name="combine"/> between chunks.</summary>
    public static ChunkedArray Tree(
        ChunkedContext context, ArrayFunction<ReductionArgs, NDArray> function, ArrayFunction<BinaryArgs, NDArray> combine,
        ChunkedArray x, int[] axes, bool keepDims, DType? dtype)
    {
        int rank = x.Rank;
        var reduced = new bool[rank];
        foreach (int a in axes) reduced[a] = true;
        Axes axesArg = Axes.Of(axes);

        // 1. One partial per chunk, with the reduced axes kept at length 1: an array whose reduced axes have one element per chunk.
        var partialSizes = new int[rank][];
        var partialDims = new int[rank];
        for (int axis = 0; axis < rank; axis++)
        {
            partialSizes[axis] = reduced[axis] ? Enumerable.Repeat(1, x.Chunks.BlockCounts[axis]).ToArray() : [.. x.Chunks[axis]];
            partialDims[axis] = partialSizes[axis].Sum();
        }
        NDArray meta = context.Invoke(function, new ReductionArgs(x.Meta, axesArg, true, dtype));
        string label = function.Name;
        string name = Names.Layer(label + "-chunk", x.Name, axesArg.ToString(), dtype?.Name());
        ChunkedArray current = LayerBuilder.Build(context, name, label, new Shape(partialDims), Chunks.FromSizes(partialSizes), meta, [x.Layer], index =>
        {
            string dep = x.KeyOf(index);
            return ([dep], v => context.Invoke(function, new ReductionArgs((NDArray)v[0], axesArg, true, dtype)));
        });

        // 2. Combine groups along the reduced axes until one partial is left along each.
        int splitPerAxis = axes.Length == 0 ? 2 : Math.Max(2, (int)Math.Floor(Math.Pow(context.Options.SplitEvery, 1.0 / axes.Length) + 1e-9));
        int round = 0;
        while (axes.Any(a => current.Chunks.BlockCounts[a] > 1))
        {
            ChunkedArray source = current;
            var sizes = new int[rank][];
            var groups = new int[rank];
            for (int axis = 0; axis < rank; axis++)
            {
                int n = source.Chunks.BlockCounts[axis];
                groups[axis] = reduced[axis] ? splitPerAxis : 1;
                sizes[axis] = reduced[axis] ? Enumerable.Repeat(1, (n + splitPerAxis - 1) / splitPerAxis).ToArray() : [.. source.Chunks[axis]];
            }
            var chunks = Chunks.FromSizes(sizes);
            var dims = Array.ConvertAll(sizes, s => s.Sum());
            string combineName = Names.Layer(label + "-combine", source.Name, round++);
            current = LayerBuilder.Build(context, combineName, label + "-combine", new Shape(dims), chunks, meta, [source.Layer], index =>
            {
                var deps = new List<string>();
                var lo = new int[rank];
                var count = new int[rank];
                for (int axis = 0; axis < rank; axis++)
                {
                    lo[axis] = index[axis] * groups[axis];
                    count[axis] = Math.Min(groups[axis], source.Chunks.BlockCounts[axis] - lo[axis]);
                }
                var combo = new int[rank];
                int total = count.Aggregate(1, (p, c) => p * c);
                for (int k = 0; k < total; k++)
                {
                    var src = new int[rank];
                    for (int axis = 0; axis < rank; axis++) src[axis] = lo[axis] + combo[axis];
                    deps.Add(source.KeyOf(src));
                    for (int axis = rank - 1; axis >= 0; axis--)
                    {
                        if (++combo[axis] < count[axis]) break;
                        combo[axis] = 0;
                    }
                }
                return ([.. deps], v =>
                {
                    NDArray acc = (NDArray)v[0];
                    for (int k = 1; k < v.Length; k++) acc = context.Invoke(combine, new BinaryArgs(acc, (NDArray)v[k]));
                    return acc;
                });
            });
        }

        if (keepDims) return current;

        // 3. Drop the reduced axes from each output chunk.
        var outSizes = new List<int[]>();
        var outDims = new List<int>();
        for (int axis = 0; axis < rank; axis++)
        {
            if (reduced[axis]) continue;
            outSizes.Add([.. current.Chunks[axis]]);
            outDims.Add(current.Shape.Dims[axis]);
        }
        ChunkedArray last = current;
        int outRank = outDims.Count;
        NDArray outMeta = LayerBuilder.WithRank(context, meta, outRank);
        string aggregate = Names.Layer(label, last.Name, "drop");
        return LayerBuilder.Build(context, aggregate, label + "-aggregate", new Shape([.. outDims]), Chunks.FromSizes([.. outSizes]), outMeta, [last.Layer], index =>
        {
            var src = new int[rank];
            int k = 0;
            for (int axis = 0; axis < rank; axis++) src[axis] = reduced[axis] ? 0 : index[k++];
            int[] blockShape = Chunks.FromSizes([.. outSizes]).BlockShape(index);
            return ([last.KeyOf(src)], v => context.Invoke(ArrayFunctions.Reshape, new ShapeArgs((NDArray)v[0], blockShape)));
        });
    }

    /// <summary>NumPy's <c>mean</c>: a sum divided by the count (integers summed in float64).</summary>
    public static ChunkedArray Mean(ChunkedContext context, ChunkedArray x, int[] axes, bool keepDims, DType? dtype)
    {
        DType? accumulate = dtype ?? (x.DType.IsFloat() ? null : DType.Float64);
        ChunkedArray sum = Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, x, axes, keepDims, accumulate);
        return Elementwise.Binary(context, ArrayFunctions.Divide, sum, Scalar.Float(Count(x, axes)));
    }

    /// <summary>NumPy's <c>var</c> (two passes: the mean, then the mean squared deviation), or its square root for <c>std</c>.</summary>
    public static ChunkedArray Variance(ChunkedContext context, ChunkedArray x, int[] axes, bool keepDims, DType? dtype, int ddof, bool sqrt)
    {
        ChunkedArray mean = Mean(context, x, axes, true, dtype);
        ChunkedArray deviation = Elementwise.Binary(context, ArrayFunctions.Subtract, x, mean);
        ChunkedArray squared = Elementwise.Unary(context, ArrayFunctions.Square, deviation);
        ChunkedArray sum = Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, squared, axes, keepDims, null);
        ChunkedArray variance = Elementwise.Binary(context, ArrayFunctions.Divide, sum, Scalar.Float(Math.Max(0, Count(x, axes) - ddof)));
        return sqrt ? Elementwise.Unary(context, ArrayFunctions.Sqrt, variance) : variance;
    }

    /// <summary>NumPy's <c>nanmean</c>: the sum of the non-NaN elements over their count.</summary>
    public static ChunkedArray NanMean(ChunkedContext context, ChunkedArray x, int[] axes, bool keepDims, DType? dtype)
    {
        DType? accumulate = dtype ?? (x.DType.IsFloat() ? null : DType.Float64);
        ChunkedArray sum = Tree(context, ArrayFunctions.NanSum, ArrayFunctions.Add, x, axes, keepDims, accumulate);
        ChunkedArray valid = Elementwise.Unary(context, ArrayFunctions.LogicalNot, Elementwise.Unary(context, ArrayFunctions.IsNaN, x));
        ChunkedArray count = Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, valid, axes, keepDims, null);
        return Elementwise.Binary(context, ArrayFunctions.Divide, sum, count);
    }

    private static double Count(ChunkedArray x, int[] axes)
    {
        double n = 1;
        foreach (int a in axes) n *= x.Shape.Dims[a];
        return n;
    }
}
