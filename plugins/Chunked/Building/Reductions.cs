using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
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
        Axes axesArg = Axes.Of(axes);
        NDArray meta = context.Invoke(function, new ReductionArgs(x.Meta, axesArg, true, dtype));
        return TreeReduction.Build(
            context, function.Name, [dtype?.Name()], x, axes, keepDims, meta,
            (block, _) => context.Invoke(function, new ReductionArgs(block, axesArg, true, dtype)),
            v =>
            {
                NDArray acc = (NDArray)v[0];
                for (int k = 1; k < v.Length; k++) acc = context.Invoke(combine, new BinaryArgs(acc, (NDArray)v[k]));
                return acc;
            },
            chunkSpec: TaskSpec.Call(function, new ReductionArgs(TaskSpec.Slot(0), axesArg, true, dtype)),
            combineSpec: TaskSpec.Fold(combine));
    }

    /// <summary>NumPy's <c>mean</c>: a sum divided by the count (integers summed in float64; complex numbers in their dtype).</summary>
    public static ChunkedArray Mean(ChunkedContext context, ChunkedArray x, int[] axes, bool keepDims, DType? dtype)
    {
        // NumPy's mean of float16 sums and divides in float32 and rounds the result once.
        if (dtype is null && x.DType == DType.Float16)
        {
            return Elementwise.AsType(context, Mean(context, x, axes, keepDims, DType.Float32), DType.Float16, Casting.Unsafe);
        }
        DType? accumulate = dtype ?? (IsInexact(x.DType) ? null : DType.Float64);
        ChunkedArray sum = Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, x, axes, keepDims, accumulate);
        ChunkedArray mean = Elementwise.Binary(context, ArrayFunctions.Divide, sum, Scalar.Float(Count(x, axes)));
        // NumPy divides into dtype= (unsafe casting): an integer dtype= gives the truncated mean in that dtype
        return dtype is { } d && mean.DType != d ? Elementwise.AsType(context, mean, d, Casting.Unsafe) : mean;
    }

    /// <summary>NumPy's <c>var</c> (two passes: the mean, then the mean squared deviation), or its square root for <c>std</c>.</summary>
    public static ChunkedArray Variance(ChunkedContext context, ChunkedArray x, int[] axes, bool keepDims, DType? dtype, int ddof, bool sqrt)
    {
        ChunkedArray mean = Mean(context, x, axes, true, dtype);
        ChunkedArray deviation = Elementwise.Binary(context, ArrayFunctions.Subtract, x, mean);
        // NumPy's _var: |d|² of a complex deviation as re² + im², a real result (float32 for complex64).
        ChunkedArray squared = deviation.DType.IsComplex()
            ? Elementwise.Binary(context, ArrayFunctions.Add,
                Elementwise.Unary(context, ArrayFunctions.Square, Elementwise.Unary(context, ArrayFunctions.Real, deviation)),
                Elementwise.Unary(context, ArrayFunctions.Square, Elementwise.Unary(context, ArrayFunctions.Imag, deviation)))
            : Elementwise.Unary(context, ArrayFunctions.Square, deviation);
        // NumPy sums the squares in dtype= (float32 stays float32 for integer input; a complex dtype= gives a complex variance)
        ChunkedArray sum = Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, squared, axes, keepDims, dtype);
        ChunkedArray variance = Elementwise.Binary(context, ArrayFunctions.Divide, sum, Scalar.Float(Math.Max(0, Count(x, axes) - ddof)));
        return sqrt ? Elementwise.Unary(context, ArrayFunctions.Sqrt, variance) : variance;
    }

    /// <summary>NumPy's <c>nanmean</c>: the sum of the non-NaN elements over their count.</summary>
    public static ChunkedArray NanMean(ChunkedContext context, ChunkedArray x, int[] axes, bool keepDims, DType? dtype)
    {
        DType? accumulate = dtype ?? (IsInexact(x.DType) ? null : DType.Float64);
        ChunkedArray sum = Tree(context, ArrayFunctions.NanSum, ArrayFunctions.Add, x, axes, keepDims, accumulate);
        ChunkedArray valid = Elementwise.Unary(context, ArrayFunctions.LogicalNot, Elementwise.Unary(context, ArrayFunctions.IsNaN, x));
        ChunkedArray count = Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, valid, axes, keepDims, null);
        // float32 stays float32 and complex64 complex64, as in NumPy: the count in the sum's (real) precision.
        if (IsInexact(sum.DType)) count = Elementwise.AsType(context, count, sum.DType.IsComplex() ? sum.DType.RealPart() : sum.DType, Casting.Unsafe);
        return Elementwise.Binary(context, ArrayFunctions.Divide, sum, count);
    }

    // Floats and complex numbers are summed in their own dtype; integers and bools in float64.
    private static bool IsInexact(DType dtype) => dtype.IsFloat() || dtype.IsComplex();

    private static double Count(ChunkedArray x, int[] axes)
    {
        double n = 1;
        foreach (int a in axes) n *= x.Shape.Dims[a];
        return n;
    }
}
