using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// NumPy's <c>linalg.norm</c> as Dask's: tree reductions of |x| (in float64, as Dense computes, then the result's dtype):
/// the Frobenius and vector 2-norms <c>sqrt(sum(|x|²))</c>, vector ±inf <c>max/min(|x|)</c>, 0 the count of nonzeros, 1
/// <c>sum(|x|)</c>, p <c>sum(|x|^p)^(1/p)</c>; the matrix 1/-1 and inf/-inf norms the extreme column/row sums. The
/// singular-value norms (matrix 2, -2, nuc) need an SVD of each matrix: one task on a single block, the chunk backend's.
/// The chunk backend's norm of a stand-in gives NumPy's errors and the result's dtype.
/// </summary>
internal static class Norms
{
    public static ChunkedArray Build(ChunkedContext context, ChunkedArray x, in NormArgs args)
    {
        NDArray meta = context.Invoke(ArrayFunctions.Norm, args with { X = OneBlock.StandIn(context, x) });
        NormOrder ord = args.Ord;
        int nd = x.Rank;
        int[] axes;
        bool frobenius = false;
        if (args.Axis.IsAll)
        {
            axes = [.. Enumerable.Range(0, nd)];
            frobenius = ord.IsDefault || (ord.Named == "fro" && nd == 2) || (ord.P == 2 && nd == 1);
        }
        else
        {
            axes = [.. args.Axis.Values.ToArray().Select(a => Shape.NormalizeAxis(a, nd))];
        }
        bool keepDims = args.KeepDims;
        int[] dims = [.. Enumerable.Range(0, nd).Where(a => keepDims || !axes.Contains(a)).Select(a => axes.Contains(a) ? 1 : x.Shape.Dims[a])];
        string? kind = axes.Length == 2 && !frobenius ? ord.Named ?? (ord.P switch
        {
            null => "fro",
            2 => "2", -2 => "-2", 1 => "1", -1 => "-1",
            double.PositiveInfinity => "inf", double.NegativeInfinity => "-inf",
            _ => "invalid",   // refused by the probe
        }) : null;
        if (kind is "2" or "-2" or "nuc")
        {
            return OneBlock.Array(context, "norm", [x], TaskSpec.Call(ArrayFunctions.Norm, args with { X = TaskSpec.Slot(0) }), new Shape(dims), meta, ord.ToString(), args.Axis.ToString(), args.KeepDims);
        }
        // |x| in float64
        ChunkedArray w = x.DType.IsComplex() ? Elementwise.Unary(context, ArrayFunctions.Abs, x) : Elementwise.AsType(context, x, DType.Float64, Casting.Unsafe);
        if (x.DType.IsComplex()) w = Elementwise.AsType(context, w, DType.Float64, Casting.Unsafe);
        else w = Elementwise.Unary(context, ArrayFunctions.Abs, w);
        ChunkedArray r;
        if (frobenius || kind == "fro")
        {
            r = Sqrt(context, Sum(context, Elementwise.Unary(context, ArrayFunctions.Square, w), axes));
        }
        else if (kind is not null)
        {
            // 1 / -1: extreme column sums (over the row axis); inf / -inf: extreme row sums (over the column axis).
            bool columns = kind is "1" or "-1", max = kind is "1" or "inf";
            ChunkedArray sums = Sum(context, w, [columns ? axes[0] : axes[1]]);
            r = Extreme(context, sums, [columns ? axes[1] : axes[0]], max);
        }
        else
        {
            double p = ord.P ?? 2;
            r = p switch
            {
                2 => Sqrt(context, Sum(context, Elementwise.Unary(context, ArrayFunctions.Square, w), axes)),
                double.PositiveInfinity => Extreme(context, w, axes, max: true),
                double.NegativeInfinity => Extreme(context, w, axes, max: false),
                0 => Sum(context, Elementwise.Binary(context, ArrayFunctions.NotEqual, w, Scalar.Float(0)), axes),
                1 => Sum(context, w, axes),
                _ => Elementwise.Binary(context, ArrayFunctions.Power,
                    Sum(context, Elementwise.Binary(context, ArrayFunctions.Power, w, Scalar.Float(p)), axes), Scalar.Float(1 / p)),
            };
        }
        r = Manipulation.Reshape(context, r, dims);
        return r.DType == meta.DType ? r : Elementwise.AsType(context, r, meta.DType, Casting.Unsafe);
    }

    private static ChunkedArray Sum(ChunkedContext context, ChunkedArray x, int[] axes) =>
        Reductions.Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, x, axes, true, DType.Float64);

    private static ChunkedArray Extreme(ChunkedContext context, ChunkedArray x, int[] axes, bool max) => max
        ? Reductions.Tree(context, ArrayFunctions.Max, ArrayFunctions.Maximum, x, axes, true, null)
        : Reductions.Tree(context, ArrayFunctions.Min, ArrayFunctions.Minimum, x, axes, true, null);

    private static ChunkedArray Sqrt(ChunkedContext context, ChunkedArray x) => Elementwise.Unary(context, ArrayFunctions.Sqrt, x);
}
