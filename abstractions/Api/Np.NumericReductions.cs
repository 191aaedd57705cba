namespace ArrayDispatch;

// NumPy's reductions defined from others (ptp, average, amax, amin), composed as NumPy's Python code composes them, so
// every backend with max/min/sum/mean serves them.
public static partial class Np
{
    /// <summary><c>numpy.amax</c>: NumPy's other name of <see cref="Max"/>.</summary>
    public static NDArray Amax(NDArray x, Axes axis = default, bool keepDims = false) => Max(x, axis, keepDims);

    /// <summary><c>numpy.amin</c>: NumPy's other name of <see cref="Min"/>.</summary>
    public static NDArray Amin(NDArray x, Axes axis = default, bool keepDims = false) => Min(x, axis, keepDims);

    /// <summary>
    /// <c>numpy.ptp</c> ("peak to peak"): <c>max - min</c> along <paramref name="axis"/>, in the input's dtype (an
    /// integer range wraps as NumPy's does: <c>ptp([-128, 127])</c> of int8 is -1).
    /// </summary>
    /// <exception cref="ArgumentException">A reduced axis is empty (NumPy's "zero-size array to reduction operation maximum which has no identity").</exception>
    /// <exception cref="DTypeMismatchException">A bool array (NumPy's TypeError for bool subtract).</exception>
    public static NDArray Ptp(NDArray x, Axes axis = default, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Subtract(Max(x, axis, keepDims), Min(x, axis, keepDims));
    }

    /// <summary>
    /// <c>numpy.average</c>: the mean along <paramref name="axis"/>, or with <paramref name="weights"/> the weighted mean
    /// <c>sum(a·w) / sum(w)</c>. The weights have the data's shape, or are 1-d along the one <paramref name="axis"/> given.
    /// The result has the dtype of <c>a</c> and the weights together (at least float64 for integer or bool data).
    /// Whether the weights sum to zero is read back (<c>.Item&lt;bool&gt;()</c>; a Chunked array computes that test then).
    /// </summary>
    /// <exception cref="DTypeMismatchException">The weights' shape differs from the data's and no axis, or several, are
    /// given, or the weights are not 1-d (NumPy's TypeErrors and messages).</exception>
    /// <exception cref="ArgumentException">1-d weights whose length is not the axis' (NumPy's ValueError and message).</exception>
    /// <exception cref="DivideByZeroException">The weights of a slice sum to zero, or, without weights, the average is
    /// empty (NumPy's ZeroDivisionErrors and messages: it divides a.size by the average's size).</exception>
    public static NDArray Average(NDArray a, Axes axis = default, NDArray? weights = null, bool keepDims = false) =>
        AverageReturned(a, axis, weights, keepDims).Average;

    /// <summary>
    /// <c>numpy.average(a, axis, weights, returned=True)</c>: <see cref="Average"/> and the sum of the weights behind each
    /// average (the count of elements averaged when no weights are given), in the average's shape and dtype.
    /// </summary>
    /// <exception cref="DTypeMismatchException">The weights' shape differs from the data's and no axis, or several, are
    /// given, or the weights are not 1-d (NumPy's TypeErrors and messages).</exception>
    /// <exception cref="ArgumentException">1-d weights whose length is not the axis' (NumPy's ValueError and message).</exception>
    /// <exception cref="DivideByZeroException">The weights of a slice sum to zero, or, without weights, the average is
    /// empty (NumPy's ZeroDivisionErrors and messages: it divides a.size by the average's size).</exception>
    public static (NDArray Average, NDArray SumOfWeights) AverageReturned(NDArray a, Axes axis = default, NDArray? weights = null, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (weights is null)
        {
            NDArray mean = Mean(a, axis, keepDims);
            // NumPy divides a.size by avg.size even when not returning it: an empty result is its ZeroDivisionError
            if (mean.Size == 0) throw new DivideByZeroException("division by zero");
            double count = (double)a.Size / mean.Size;
            return (mean, FullLike(mean, count));
        }
        DType result = a.DType.IsInexact() ? DTypes.Promote(a.DType, weights.DType) : DTypes.Promote(DTypes.Promote(a.DType, weights.DType), DType.Float64);
        NDArray w = weights;
        if (a.Shape != w.Shape)
        {
            if (axis.IsAll) throw new DTypeMismatchException("Axis must be specified when shapes of a and weights differ.", nameof(axis));
            if (w.Rank != 1) throw new DTypeMismatchException("1D weights expected when shapes of a and weights differ.", nameof(weights));
            if (axis.Values.Length != 1) throw new DTypeMismatchException("tuple indices must be integers or slices, not tuple", nameof(axis));
            int ax = Shape.NormalizeAxis(axis.Values[0], a.Rank);
            if (w.Shape.Dims[0] != a.Shape.Dims[ax]) throw new ArgumentException("Length of weights not compatible with specified axis.", nameof(weights));
            int[] dims = Enumerable.Repeat(1, a.Rank).ToArray();
            dims[ax] = w.Shape.Dims[0];
            w = Reshape(w, dims);
        }
        NDArray sumOfWeights = Sum(w, axis, keepDims, result);
        if (Any(Equal(sumOfWeights, 0.0)).Item<bool>()) throw new DivideByZeroException("Weights sum to zero, can't be normalized");
        NDArray average = Divide(Sum(Multiply(AsType(a, result), AsType(w, result)), axis, keepDims), sumOfWeights);
        if (sumOfWeights.Shape != average.Shape) sumOfWeights = CopyInCOrder(BroadcastTo(sumOfWeights, average.Shape.ToArray()));
        return (average, sumOfWeights);
    }
}
