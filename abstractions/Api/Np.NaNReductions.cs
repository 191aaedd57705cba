namespace ArrayDispatch;

// NumPy's NaN-ignoring reductions (nanmax, nanmin, nanargmax, nanargmin, nanprod, nancumsum, nancumprod, nanmedian,
// nanpercentile, nanquantile), composed as NumPy's nanfunctions.py composes them: NaN replaced by the operation's
// identity (-inf, +inf, 1, 0) and the plain reduction taken, then NaN put back where a slice held nothing else. Integers
// and bools have no NaN, so theirs are the plain reductions. nansum and nanmean are catalogue functions; nanvar and
// nanstd are composed in Np.Statistics.cs.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.nanmax</c>: the maximum of the non-NaN elements, NaN where a slice holds only NaN (NumPy warns "All-NaN
    /// slice encountered"); the input's dtype.
    /// </summary>
    /// <exception cref="ArgumentException">A reduced axis is empty (NumPy's "zero-size array to reduction operation fmax which has no identity").</exception>
    public static NDArray NanMax(NDArray x, Axes axis = default, bool keepDims = false) => NanExtreme(x, axis, keepDims, max: true);

    /// <summary>
    /// <c>numpy.nanmin</c>: the minimum of the non-NaN elements, NaN where a slice holds only NaN; the input's dtype.
    /// </summary>
    /// <exception cref="ArgumentException">A reduced axis is empty (NumPy's "zero-size array to reduction operation fmin which has no identity").</exception>
    public static NDArray NanMin(NDArray x, Axes axis = default, bool keepDims = false) => NanExtreme(x, axis, keepDims, max: false);

    /// <summary>
    /// <c>numpy.nanargmax</c>: the index of the largest non-NaN element (of the flattened array when
    /// <paramref name="axis"/> is null). Whether a slice is all NaN is read back (<c>.Item&lt;bool&gt;()</c>; a Chunked
    /// array computes that test then).
    /// </summary>
    /// <exception cref="ArgumentException">A slice holds only NaN, or is empty (NumPy's ValueError "All-NaN slice encountered").</exception>
    public static NDArray NanArgmax(NDArray x, int? axis = null, bool keepDims = false) => NanArgExtreme(x, axis, keepDims, max: true);

    /// <summary>
    /// <c>numpy.nanargmin</c>: the index of the smallest non-NaN element (of the flattened array when
    /// <paramref name="axis"/> is null). Whether a slice is all NaN is read back (a Chunked array computes that test then).
    /// </summary>
    /// <exception cref="ArgumentException">A slice holds only NaN, or is empty (NumPy's ValueError "All-NaN slice encountered").</exception>
    public static NDArray NanArgmin(NDArray x, int? axis = null, bool keepDims = false) => NanArgExtreme(x, axis, keepDims, max: false);

    /// <summary><c>numpy.nanprod</c>: the product with NaN counted as 1 (an all-NaN slice gives 1); <c>prod</c>'s dtype rules.</summary>
    public static NDArray NanProd(NDArray x, Axes axis = default, bool keepDims = false, DType? dtype = null) =>
        Prod(NaNAs(x, 1.0), axis, keepDims, dtype);

    /// <summary><c>numpy.nancumsum</c>: the cumulative sum with NaN counted as 0 (leading NaN give 0); <c>cumsum</c>'s dtype rules.</summary>
    public static NDArray NanCumsum(NDArray x, int? axis = null, DType? dtype = null) => Cumsum(NaNAs(x, 0.0), axis, dtype);

    /// <summary><c>numpy.nancumprod</c>: the cumulative product with NaN counted as 1; <c>cumprod</c>'s dtype rules.</summary>
    public static NDArray NanCumprod(NDArray x, int? axis = null, DType? dtype = null) => Cumprod(NaNAs(x, 1.0), axis, dtype);

    /// <summary>
    /// <c>numpy.nanmedian</c> along <paramref name="axis"/> (null: of the flattened array): the median of each slice's
    /// non-NaN values, NaN where a slice holds none (or is empty); float64 for integers and bools (<see cref="Median"/>),
    /// the input's dtype for floats and complex numbers.
    /// </summary>
    public static NDArray NanMedian(NDArray x, int? axis = null, bool keepDims = false) => NanQuantile(x, 0.5, axis, keepDims, median: true);

    /// <summary>
    /// <c>numpy.nanpercentile(x, q, axis)</c> with NumPy's default <c>linear</c> method, NaN left out of each slice:
    /// <paramref name="q"/> in [0, 100]; NaN where a slice holds no other value.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="q"/> is outside [0, 100] (NumPy's ValueError and message), or complex data (NumPy 2's "a must be an array of real numbers").</exception>
    /// <exception cref="DTypeMismatchException">A bool array (NumPy's TypeError for bool subtract).</exception>
    public static NDArray NanPercentile(NDArray x, double q, int? axis = null, bool keepDims = false)
    {
        if (!(q >= 0 && q <= 100)) throw new ArgumentException("Percentiles must be in the range [0, 100]", nameof(q));
        return NanQuantile(x, q / 100, axis, keepDims, median: false);
    }

    /// <summary>
    /// <c>numpy.nanquantile(x, q, axis)</c> with NumPy's default <c>linear</c> method, NaN left out of each slice: each
    /// slice's sorted non-NaN values at the virtual index <c>q·(count - 1)</c>, interpolated as <see cref="Quantile(NDArray, double, int?, bool)"/>;
    /// NaN where a slice holds no other value (or is empty); float64 for integers, the input's dtype for floats (NumPy 2's
    /// rule, as <see cref="Quantile(NDArray, double, int?, bool)"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="q"/> is outside [0, 1] (NumPy's ValueError and message), or complex data (NumPy 2's "a must be an array of real numbers").</exception>
    /// <exception cref="DTypeMismatchException">A bool array (NumPy's TypeError for bool subtract).</exception>
    public static NDArray NanQuantile(NDArray x, double q, int? axis = null, bool keepDims = false)
    {
        if (!(q >= 0 && q <= 1)) throw new ArgumentException("Quantiles must be in the range [0, 1]", nameof(q));
        return NanQuantile(x, q, axis, keepDims, median: false);
    }

    private static NDArray NanExtreme(NDArray x, Axes axis, bool keepDims, bool max)
    {
        ArgumentNullException.ThrowIfNull(x);
        // NumPy's nanmax is fmax.reduce: its error for an empty reduced axis names fmax/fmin, not maximum/minimum
        if (ReducesEmptyAxis(x.Shape, axis)) throw NumPyErrors.EmptyReduction(max ? "fmax" : "fmin");
        if (!x.DType.IsInexact()) return max ? Max(x, axis, keepDims) : Min(x, axis, keepDims);
        NDArray missing = IsNaN(x);
        NDArray extreme = max ? Max(Where(missing, double.NegativeInfinity, x), axis, keepDims) : Min(Where(missing, double.PositiveInfinity, x), axis, keepDims);
        return Where(All(missing, axis, keepDims), double.NaN, extreme);
    }

    private static NDArray NanArgExtreme(NDArray x, int? axis, bool keepDims, bool max)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.DType.IsInexact())
        {
            NDArray missing = IsNaN(x);
            if (Any(All(missing, axis)).Item<bool>()) throw new ArgumentException("All-NaN slice encountered", nameof(x));
            x = Where(missing, max ? double.NegativeInfinity : double.PositiveInfinity, x);
        }
        return max ? Argmax(x, axis, keepDims) : Argmin(x, axis, keepDims);
    }

    // x with NaN replaced by the identity of the reduction that follows; integers and bools as they are.
    private static NDArray NaNAs(NDArray x, double identity)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.DType.IsInexact() ? Where(IsNaN(x), identity, x) : x;
    }

    // Whether a reduction over `axis` takes an empty axis while its result has elements (NumPy's error for a reduction
    // without identity; an empty result is no error).
    private static bool ReducesEmptyAxis(Shape shape, Axes axis)
    {
        int[] reduced = axis.Normalize(shape.Rank);
        long kept = 1;
        bool empty = false;
        for (int d = 0; d < shape.Rank; d++)
        {
            if (reduced.Contains(d)) empty |= shape.Dims[d] == 0;
            else kept *= shape.Dims[d];
        }
        return empty && kept > 0;
    }

    // NumPy's nanquantile/nanmedian: each slice's own count of non-NaN values sets its virtual index, so the neighbours
    // are taken per slice (take_along_axis) from the sorted values, NaN sorted last.
    private static NDArray NanQuantile(NDArray x, double q, int? axis, bool keepDims, bool median)
    {
        ArgumentNullException.ThrowIfNull(x);
        // NumPy's nanquantile/nanmedian of an empty array is nanmean's NaN (float64 for integers and bools), never quantile's IndexError
        if (!x.DType.IsInexact()) return x.Size == 0 ? Mean(x, axis is null ? Axes.All : Axes.Of(axis.Value), keepDims) : Quantile(x, q, axis, keepDims, median);
        if (x.DType.IsComplex() && !median) throw new ArgumentException("a must be an array of real numbers", nameof(x));
        NDArray a = axis is null ? Ravel(x) : x;
        int ax = axis is null ? 0 : Shape.NormalizeAxis(axis.Value, x.Rank);
        NDArray result;
        if (a.Shape.Dims[ax] == 0)
        {
            result = Mean(a, ax, keepDims: true);                // NaN for each empty slice (NumPy warns)
        }
        else
        {
            NDArray sorted = Sort(a, ax);
            NDArray count = Sum(LogicalNot(IsNaN(a)), ax, keepDims: true);
            NDArray last = Subtract(count, 1L);
            NDArray index = Multiply(AsType(last, DType.Float64), q);
            NDArray below = Maximum(AsType(Floor(index), DType.Int64), 0L);
            NDArray fraction = Subtract(index, below);
            NDArray lo = TakeAlongAxis(sorted, below, ax);
            if (median)
            {
                // the middle value, or the mean of the two middle ones (NumPy's mean of them: their sum halved)
                NDArray hi = TakeAlongAxis(sorted, Minimum(Add(below, 1L), Maximum(last, 0L)), ax);
                // a complex middle value is divided as well, as NumPy's (its mean of one value, or its masked sum of the
                // value twice halved, is a complex division): an infinite real part gives a NaN imaginary one
                NDArray middle = a.DType.IsComplex() ? Divide(lo, 1L) : lo;
                result = Where(Equal(fraction, 0.0), middle, Divide(Add(lo, hi), 2L));
            }
            else
            {
                NDArray hi = TakeAlongAxis(sorted, Maximum(Minimum(Add(below, 1L), last), 0L), ax);
                NDArray t = AsType(fraction, a.DType), step = Subtract(hi, lo);
                result = Where(GreaterEqual(t, 0.5), Subtract(hi, Multiply(step, Subtract(1.0, t))), Add(lo, Multiply(step, t)));
            }
            result = Where(Equal(count, 0L), double.NaN, result);
        }
        if (!keepDims) return Squeeze(result, ax);
        return axis is null ? Reshape(result, Enumerable.Repeat(1, x.Rank).ToArray()) : result;
    }
}
