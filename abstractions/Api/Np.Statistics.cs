using ArrayDispatch.Functions;

namespace ArrayDispatch;

// NumPy's statistics a data-analysis script reaches for first (nanstd, median, percentile, cov, corrcoef, histogram,
// nan_to_num, column_stack), composed from catalogue functions as NumPy's own Python code composes them, so every backend with
// those functions serves them (ComposedFunctions lists what each calls).
public static partial class Np
{
    /// <summary>
    /// <c>numpy.column_stack</c>: 1-d arrays become columns (n, 1), 2-d arrays stay as they are, then all are joined
    /// along axis 1.
    /// </summary>
    /// <exception cref="ArgumentException">No arrays are given.</exception>
    public static NDArray ColumnStack(params NDArray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Length == 0) throw new ArgumentException("need at least one array to concatenate", nameof(arrays));
        var columns = new NDArray[arrays.Length];
        for (int i = 0; i < arrays.Length; i++)
        {
            NDArray a = arrays[i] ?? throw new ArgumentNullException(nameof(arrays), $"array {i} is null");
            columns[i] = a.Rank < 2 ? Reshape(a, (int)a.Size, 1) : a;
        }
        return Concatenate(columns, 1);
    }

    /// <summary>
    /// <c>numpy.nanvar</c>: the variance of the non-NaN elements, <c>sum(|x - nanmean(x)|²) / (count - ddof)</c>, NaN
    /// where no more than <paramref name="ddof"/> elements are left; integers and bools have no NaN, so theirs is <c>var</c>.
    /// The result has the input's real float dtype, as NumPy's.
    /// </summary>
    public static NDArray NanVar(NDArray x, Axes axis = default, int ddof = 0, bool keepDims = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.DType.IsInexact()) return Var(x, axis, ddof, keepDims);
        NDArray missing = IsNaN(x);
        NDArray deviation = Where(missing, 0.0, Subtract(x, NanMean(x, axis, keepDims: true)));
        NDArray squares = x.DType.IsComplex() ? Square(Abs(deviation)) : Square(deviation);
        NDArray dof = Subtract(Sum(LogicalNot(missing), axis, keepDims), (long)ddof);
        DType real = squares.DType;
        NDArray variance = Divide(Sum(squares, axis, keepDims), AsType(dof, real));
        return Where(LessEqual(dof, 0L), double.NaN, variance);
    }

    /// <summary><c>numpy.nanstd</c>: the square root of <see cref="NanVar"/>.</summary>
    public static NDArray NanStd(NDArray x, Axes axis = default, int ddof = 0, bool keepDims = false) => Sqrt(NanVar(x, axis, ddof, keepDims));

    /// <summary>
    /// <c>numpy.nan_to_num</c>: NaN replaced by <paramref name="nan"/>, +inf by <paramref name="posinf"/> and -inf by
    /// <paramref name="neginf"/> (by default the dtype's largest and most negative finite values), in the real and
    /// imaginary parts of complex numbers alike; integer and bool arrays are returned as a copy.
    /// </summary>
    public static NDArray NanToNum(NDArray x, double nan = 0.0, double? posinf = null, double? neginf = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.DType.IsInexact()) return CopyInCOrder(x);
        if (x.DType.IsComplex())
        {
            NDArray re = NanToNum(Real(x), nan, posinf, neginf), im = NanToNum(Imag(x), nan, posinf, neginf);
            return Add(AsType(re, x.DType), Multiply(AsType(im, x.DType), System.Numerics.Complex.ImaginaryOne));
        }
        double max = FInfo(x.DType).Max;
        NDArray infinite = IsInf(x);
        NDArray result = Where(IsNaN(x), nan, x);
        result = Where(LogicalAnd(infinite, Greater(x, 0.0)), posinf ?? max, result);
        return Where(LogicalAnd(infinite, Less(x, 0.0)), neginf ?? -max, result);
    }

    /// <summary>
    /// <c>numpy.median</c> along <paramref name="axis"/> (null: of the flattened array): the middle of the sorted
    /// values, or the mean of the two middle ones; NaN where a slice holds a NaN; float64 for integers, as NumPy's.
    /// </summary>
    public static NDArray Median(NDArray x, int? axis = null, bool keepDims = false) => Quantile(x, 0.5, axis, keepDims, median: true);

    /// <summary>
    /// <c>numpy.percentile(x, q, axis)</c> with NumPy's default <c>linear</c> method: <paramref name="q"/> in [0, 100].
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="q"/> is outside [0, 100] (NumPy's ValueError and message).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The axis is empty (NumPy's IndexError, "cannot do a non-empty take from an empty axes.").</exception>
    /// <exception cref="DTypeMismatchException">A bool array (NumPy's TypeError: its interpolation subtracts the neighbours).</exception>
    public static NDArray Percentile(NDArray x, double q, int? axis = null, bool keepDims = false)
    {
        if (!(q >= 0 && q <= 100)) throw new ArgumentException("Percentiles must be in the range [0, 100]", nameof(q));
        return Quantile(x, q / 100, axis, keepDims);
    }

    /// <summary>
    /// <c>numpy.quantile(x, q, axis)</c> with NumPy's default <c>linear</c> method: the sorted values at the virtual
    /// index <c>q·(n - 1)</c>, interpolated as NumPy's <c>_lerp</c> (from the upper neighbour when the fraction is at least
    /// one half); NaN where a slice holds a NaN; float64 for integers, the input's dtype for floats (NumPy 2's rule for a
    /// Python float q; NumPy 1.24 gives float64).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="q"/> is outside [0, 1] (NumPy's ValueError and message).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The axis is empty (NumPy's IndexError, "cannot do a non-empty take from an empty axes.").</exception>
    /// <exception cref="DTypeMismatchException">A bool array (NumPy's TypeError: its interpolation subtracts the neighbours).</exception>
    public static NDArray Quantile(NDArray x, double q, int? axis = null, bool keepDims = false) => Quantile(x, q, axis, keepDims, median: false);

    private static NDArray Quantile(NDArray x, double q, int? axis, bool keepDims, bool median)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(q >= 0 && q <= 1)) throw new ArgumentException("Quantiles must be in the range [0, 1]", nameof(q));
        NDArray a = axis is null ? Ravel(x) : x;
        int ax = axis is null ? 0 : Shape.NormalizeAxis(axis.Value, x.Rank);
        if (a.DType.IsComplex() && !median) throw new ArgumentException("a must be an array of real numbers", nameof(x));
        int n = a.Shape.Dims[ax];
        // NumPy takes the neighbours with take(), which refuses an empty axis, and interpolates with subtract, which
        // refuses bools; its median averages the middle values with mean instead, which takes both
        if (n == 0 && !median) throw new ArgumentOutOfRangeException(nameof(x), "cannot do a non-empty take from an empty axes.");
        if (a.DType == DType.Bool && !median) Subtract(a, a);   // NumPy's TypeError for bool subtract, with its message
        if (!a.DType.IsInexact()) a = AsType(a, DType.Float64);
        NDArray result;
        if (n == 0)
        {
            result = Mean(a, ax);                                  // NaN for each empty slice (NumPy warns "Mean of empty slice")
        }
        else
        {
            NDArray sorted = Sort(a, ax);                          // NaN last
            double index = q * (n - 1);
            int below = (int)Math.Floor(index), above = Math.Min(below + 1, n - 1);
            double t = index - below;
            NDArray lo = GetItem(sorted, AlongAxis(ax, below)), hi = GetItem(sorted, AlongAxis(ax, above));
            if (median)
            {
                // NumPy's median is the mean of the middle one or two values, even of one: for complex numbers that
                // division by the count is a complex division, so an infinite real part gives a NaN imaginary one
                NDArray mid = GetItem(sorted, AlongAxis(ax, n % 2 == 1 ? new Slice(below, below + 1) : new Slice(below, below + 2)));
                result = Mean(mid, ax);
            }
            else
            {
                NDArray step = Subtract(hi, lo);
                result = t >= 0.5 ? Subtract(hi, Multiply(step, 1 - t)) : Add(lo, Multiply(step, t));
            }
            result = Where(IsNaN(GetItem(sorted, AlongAxis(ax, n - 1))), double.NaN, result);
        }
        if (keepDims) result = axis is null ? Reshape(result, Enumerable.Repeat(1, x.Rank).ToArray()) : ExpandDims(result, ax);
        return result;
    }

    /// <summary>
    /// <c>numpy.cov(m, rowvar=True, ddof=None)</c>: the covariance matrix of the variables in the rows of
    /// <paramref name="m"/> (its columns with <paramref name="rowvar"/> false), a 0-d array for one variable;
    /// <paramref name="ddof"/> defaults to 1 (N - 1 normalisation); at least float64, as NumPy's.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="m"/> has more than two dimensions (NumPy's message).</exception>
    public static NDArray Cov(NDArray m, bool rowvar = true, int? ddof = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Rank > 2) throw new ArgumentException("m has more than 2 dimensions", nameof(m));
        NDArray x = AsType(m, DTypes.Promote(m.DType, DType.Float64));
        if (x.Rank < 2) x = Reshape(x, 1, (int)x.Size);
        if (!rowvar && x.Shape.Dims[0] != 1) x = Transpose(x);
        if (x.Shape.Dims[0] == 0) return Zeros(new Shape(0, 0), DType.Float64, like: m);   // no variables: NumPy's np.array([]).reshape(0, 0)
        int observations = x.Shape.Dims[1];
        double fact = observations - (ddof ?? 1);
        NDArray centred = Subtract(x, Mean(x, 1, keepDims: true));
        NDArray product = MatMul(centred, Conjugate(Transpose(centred)));
        NDArray c = Divide(product, fact <= 0 ? 0.0 : fact);       // NumPy warns and divides by 0 when fact <= 0
        return Squeeze(c);
    }

    /// <summary>
    /// <c>numpy.corrcoef(x, rowvar=True)</c>: <see cref="Cov"/> divided by the outer product of the standard deviations,
    /// the real parts clipped to [-1, 1] as NumPy's.
    /// </summary>
    public static NDArray Corrcoef(NDArray x, bool rowvar = true)
    {
        NDArray c = Cov(x, rowvar);
        if (c.Rank == 0) return Divide(c, c);                      // one variable: c / c (1, or NaN), as NumPy
        NDArray d = Sqrt(Real(Diagonal(c)));
        c = Divide(Divide(c, ExpandDims(d, 1)), ExpandDims(d, 0));
        return c.DType.IsComplex()
            ? Add(AsType(Clip(Real(c), -1.0, 1.0), c.DType), Multiply(AsType(Clip(Imag(c), -1.0, 1.0), c.DType), System.Numerics.Complex.ImaginaryOne))
            : Clip(c, -1.0, 1.0);
    }

    /// <summary>
    /// <c>numpy.histogram(a, bins, range, density, weights)</c> with <paramref name="bins"/> equal-width bins over
    /// <paramref name="range"/> (by default the data's minimum and maximum; (0, 1) for no data; a single value v gives
    /// [v - 0.5, v + 0.5]). The data are flattened; values outside the range are left out; each bin holds
    /// <c>edges[i] &lt;= v &lt; edges[i + 1]</c>, the last one its right edge too. Counts are int64, or the weights' sums in
    /// their dtype (summed in float64 first, as NumPy's bincount); with <paramref name="density"/> the counts are divided by
    /// their total and the bin widths (float64). The edges have the data's float dtype (float64 for integers and bools,
    /// which NumPy counts as uint8). Composed from sort, searchsorted, argsort, take, cumsum and diff as NumPy's own code
    /// counts bins, so every backend with those functions serves it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bins"/> is not positive, the range is reversed or not finite, the
    /// data's range is not finite (a NaN or an infinity with no range given), or the weights' shape is not the data's
    /// (NumPy's ValueErrors and messages).</exception>
    /// <exception cref="DTypeMismatchException">Complex data (NumPy orders complex numbers lexicographically and gives
    /// complex bin edges; not served).</exception>
    public static (NDArray Hist, NDArray BinEdges) Histogram(NDArray a, int bins = 10, (double Min, double Max)? range = null, bool density = false, NDArray? weights = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        NDArray flat = HistogramData(a, weights, out NDArray? w);
        if (bins < 1) throw new ArgumentException("`bins` must be positive, when an integer", nameof(bins));
        double first, last;
        if (range is { } r)
        {
            (first, last) = r;
            if (first > last) throw new ArgumentException("max must be larger than min in range parameter.", nameof(range));
            if (!double.IsFinite(first) || !double.IsFinite(last)) throw new ArgumentException($"supplied range of [{PyFloat(first)}, {PyFloat(last)}] is not finite", nameof(range));
        }
        else if (flat.Size == 0)
        {
            (first, last) = (0, 1);
        }
        else
        {
            first = AsType(Min(flat), DType.Float64).Item<double>();
            last = AsType(Max(flat), DType.Float64).Item<double>();
            if (!double.IsFinite(first) || !double.IsFinite(last)) throw new ArgumentException($"autodetected range of [{PyFloat(first)}, {PyFloat(last)}] is not finite", nameof(a));
        }
        if (first == last) (first, last) = (first - 0.5, last + 0.5);
        NDArray edges = Linspace(first, last, bins + 1, endpoint: true, dtype: flat.DType.IsFloat() ? flat.DType : DType.Float64, like: flat);
        // NumPy's equal-width path sums weights with bincount (float64) and casts the sums to the weights' dtype
        return HistogramCount(flat, w, edges, density, sumInFloat64: true);
    }

    /// <summary>
    /// <c>numpy.histogram(a, bins)</c> with the bin <paramref name="edges"/> given (1-d, increasing; NumPy's range is then
    /// not read): the counts of <c>edges[i] &lt;= v &lt; edges[i + 1]</c>, the last bin closed; weights summed as NumPy's
    /// cumulative sums in the weights' dtype; the edges returned as given.
    /// </summary>
    /// <exception cref="ArgumentException">The edges are not 1-d or do not increase, or the weights' shape is not the
    /// data's (NumPy's ValueErrors and messages).</exception>
    /// <exception cref="DTypeMismatchException">Complex data (not served).</exception>
    public static (NDArray Hist, NDArray BinEdges) Histogram(NDArray a, NDArray edges, bool density = false, NDArray? weights = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(edges);
        NDArray flat = HistogramData(a, weights, out NDArray? w);
        if (edges.Rank != 1) throw new ArgumentException("`bins` must be 1d, when an array", nameof(edges));
        if (edges.Size > 1 && Any(Greater(GetItem(edges, new Slice(null, -1)), GetItem(edges, new Slice(1, null)))).Item<bool>())
        {
            throw new ArgumentException("`bins` must increase monotonically, when an array", nameof(edges));
        }
        return HistogramCount(flat, w, edges, density, sumInFloat64: false);
    }

    // The flattened data (bools as uint8, as NumPy converts them) and weights, checked as NumPy's _ravel_and_check_weights.
    private static NDArray HistogramData(NDArray a, NDArray? weights, out NDArray? flatWeights)
    {
        if (a.DType.IsComplex()) throw new DTypeMismatchException($"histogram of {a.DType.Name()} data is not served: complex numbers have no order for bins", nameof(a));
        if (weights is not null && weights.Shape != a.Shape) throw new ArgumentException("weights should have the same shape as a.", nameof(weights));
        flatWeights = weights is null ? null : Ravel(weights);
        NDArray flat = Ravel(a);
        return flat.DType == DType.Bool ? AsType(flat, DType.UInt8) : flat;
    }

    // NumPy's counting by sorted search: cum[i] the number of values below edges[i] (at most the last edge for the last),
    // the counts their differences; with weights, the cumulative weights of the sorted values at those positions.
    private static (NDArray Hist, NDArray BinEdges) HistogramCount(NDArray flat, NDArray? weights, NDArray edges, bool density, bool sumInFloat64)
    {
        int n = (int)edges.Size;
        NDArray sorted, cumulative;
        if (weights is null)
        {
            sorted = Sort(flat);
            cumulative = null!;
        }
        else
        {
            NDArray order = Argsort(flat);
            sorted = Take(flat, order);
            NDArray sums = Cumsum(Take(weights, order), dtype: sumInFloat64 && !weights.DType.IsComplex() ? DType.Float64 : null);
            cumulative = Concatenate([Zeros(new Shape(1), sums.DType, like: flat), sums]);
        }
        NDArray positions = Concatenate([SearchSorted(sorted, GetItem(edges, new Slice(null, n - 1))), SearchSorted(sorted, GetItem(edges, new Slice(n - 1, null)), right: true)]);
        NDArray hist;
        if (weights is null)
        {
            hist = Diff(positions);
        }
        else
        {
            NDArray cum = Take(cumulative, positions);
            hist = sumInFloat64 ? AsType(Diff(cum), weights.DType) : Diff(AsType(cum, weights.DType));
        }
        if (!density) return (hist, edges);
        NDArray widths = AsType(Diff(edges), DType.Float64);
        return (Divide(Divide(hist, widths), Sum(hist)), edges);
    }

    // A double as Python prints a float in NumPy's messages (inf, nan, 1.5, 2.0).
    private static string PyFloat(double v) =>
        double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf"
        : v == Math.Floor(v) && Math.Abs(v) < 1e16 ? v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
        : v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
