using ArrayDispatch.Functions;

namespace ArrayDispatch;

// Reductions and scans: axis is None (Axes.All), one axis, or a tuple (new[] { 0, 2 }); negative axes count from the end.
public static partial class Np
{
    /// <summary>Sum of elements over <paramref name="axis"/> (NumPy's <c>sum</c>).</summary>
    public static NDArray Sum(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Sum.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Product of elements over <paramref name="axis"/> (NumPy's <c>prod</c>).</summary>
    public static NDArray Prod(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Prod.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Arithmetic mean over <paramref name="axis"/> (NumPy's <c>mean</c>).</summary>
    public static NDArray Mean(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Mean.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Minimum over <paramref name="axis"/> (NumPy's <c>min</c>).</summary>
    public static NDArray Min(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Min.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Maximum over <paramref name="axis"/> (NumPy's <c>max</c>).</summary>
    public static NDArray Max(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Max.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Whether any element is true over <paramref name="axis"/> (NumPy's <c>any</c>).</summary>
    public static NDArray Any(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Any.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Whether every element is true over <paramref name="axis"/> (NumPy's <c>all</c>).</summary>
    public static NDArray All(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.All.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Number of non-zero elements over <paramref name="axis"/> (NumPy's <c>count_nonzero</c>).</summary>
    public static NDArray CountNonzero(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.CountNonzero.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Sum, treating NaN as zero over <paramref name="axis"/> (NumPy's <c>nansum</c>).</summary>
    public static NDArray NanSum(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.NanSum.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Mean, ignoring NaN over <paramref name="axis"/> (NumPy's <c>nanmean</c>).</summary>
    public static NDArray NanMean(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) => ArrayFunctions.NanMean.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype));

    /// <summary>Variance over <paramref name="axis"/> with <paramref name="ddof"/> delta degrees of freedom (NumPy's <c>var</c>).</summary>
    public static NDArray Var(NDArray x, Axes axis = default, int ddof = 0, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Var.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype, ddof));

    /// <summary>Standard deviation over <paramref name="axis"/> with <paramref name="ddof"/> delta degrees of freedom (NumPy's <c>std</c>).</summary>
    public static NDArray Std(NDArray x, Axes axis = default, int ddof = 0, bool keepDims = false, DType? dtype = null) => ArrayFunctions.Std.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims, dtype, ddof));

    /// <summary>Index of the minimum along <paramref name="axis"/>, or in the flattened array (NumPy's <c>argmin</c>).</summary>
    public static NDArray Argmin(NDArray x, int? axis = null, bool keepDims = false) => ArrayFunctions.Argmin.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims));

    /// <summary>Index of the maximum along <paramref name="axis"/>, or in the flattened array (NumPy's <c>argmax</c>).</summary>
    public static NDArray Argmax(NDArray x, int? axis = null, bool keepDims = false) => ArrayFunctions.Argmax.Invoke(Dispatcher, new ReductionArgs(x, axis, keepDims));

    /// <summary>Cumulative sum along <paramref name="axis"/>, or of the flattened array (NumPy's <c>cumsum</c>).</summary>
    public static NDArray Cumsum(NDArray x, int? axis = null, DType? dtype = null) => ArrayFunctions.Cumsum.Invoke(Dispatcher, new ReductionArgs(x, axis, false, dtype));

    /// <summary>Cumulative product along <paramref name="axis"/>, or of the flattened array (NumPy's <c>cumprod</c>).</summary>
    public static NDArray Cumprod(NDArray x, int? axis = null, DType? dtype = null) => ArrayFunctions.Cumprod.Invoke(Dispatcher, new ReductionArgs(x, axis, false, dtype));

}
