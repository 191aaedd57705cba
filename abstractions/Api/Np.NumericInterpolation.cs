namespace ArrayDispatch;

// NumPy's sorted-search functions (interp, digitize, bincount), composed from searchsorted, take and arithmetic as
// NumPy's C loops compute them, so every backend with those functions serves them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.interp</c>: the piecewise-linear interpolant through (<paramref name="xp"/>, <paramref name="fp"/>) at
    /// <paramref name="x"/> (<paramref name="xp"/> increasing), <paramref name="left"/> below <c>xp[0]</c> and
    /// <paramref name="right"/> above <c>xp[-1]</c> (by default <c>fp[0]</c> and <c>fp[-1]</c>); with a
    /// <paramref name="period"/> the points wrap (left and right are then not used). float64, or complex128 for complex
    /// <paramref name="fp"/>, as NumPy's.
    /// </summary>
    /// <exception cref="ArgumentException">The sample points are empty, not 1-d, or <paramref name="fp"/>'s length is
    /// not theirs, or the period is 0 (NumPy's ValueErrors and messages).</exception>
    public static NDArray Interp(NDArray x, NDArray xp, NDArray fp, Operand? left = null, Operand? right = null, double? period = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(xp);
        ArgumentNullException.ThrowIfNull(fp);
        if (x.DType.IsComplex()) throw new DTypeMismatchException($"Cannot cast array data from dtype('{x.DType.Name()}') to dtype('float64') according to the rule 'safe'", nameof(x));
        if (period == 0) throw new ArgumentException("period must be a non-zero value", nameof(period));
        if (xp.Rank > 1 || fp.Rank > 1) throw new ArgumentException("object too deep for desired array", xp.Rank > 1 ? nameof(xp) : nameof(fp));
        if (xp.Size == 0) throw new ArgumentException("array of sample points is empty", nameof(xp));
        if (xp.Size != fp.Size) throw new ArgumentException("fp and xp are not of the same length.", nameof(fp));
        NDArray xs = AsType(x, DType.Float64), xps = Ravel(AsType(xp, DType.Float64)), fps = Ravel(AsType(fp, fp.DType.IsComplex() ? DType.Complex128 : DType.Float64));
        if (period is { } p)
        {
            // NumPy's periodic form: both wrapped into [0, period), the points sorted, one point repeated beyond each end
            p = Math.Abs(p);
            (left, right) = (null, null);
            xs = Remainder(xs, p);
            xps = Remainder(xps, p);
            NDArray order = Argsort(xps);
            xps = Take(xps, order);
            fps = Take(fps, order);
            xps = Concatenate([Subtract(GetItem(xps, new Slice(-1, null)), p), xps, Add(GetItem(xps, new Slice(0, 1)), p)]);
            fps = Concatenate([GetItem(fps, new Slice(-1, null)), fps, GetItem(fps, new Slice(0, 1))]);
        }
        int n = (int)xps.Size;
        NDArray first = GetItem(xps, 0), last = GetItem(xps, n - 1), f0 = GetItem(fps, 0), fN = GetItem(fps, n - 1);
        Operand below = left ?? f0, above = right ?? fN;
        if (n == 1) return Where(Less(xs, first), below, Where(Greater(xs, first), above, BroadcastTo(f0, xs.Shape.ToArray())));
        NDArray j = Clip(Subtract(SearchSorted(xps, xs, right: true), 1L), 0L, (long)(n - 2));
        NDArray j1 = Add(j, 1L);
        NDArray xj = Take(xps, j), xj1 = Take(xps, j1), fj = Take(fps, j), fj1 = Take(fps, j1);
        NDArray slope = Divide(Subtract(fj1, fj), Subtract(xj1, xj));
        NDArray result = Add(Multiply(slope, Subtract(xs, xj)), fj);
        // NumPy's fallback where that is NaN (an infinite slope): from the right neighbour, or the common value of both
        NDArray fromRight = Add(Multiply(slope, Subtract(xs, xj1)), fj1);
        result = Where(IsNaN(result), Where(LogicalAnd(IsNaN(fromRight), Equal(fj, fj1)), fj, fromRight), result);
        result = Where(Equal(xs, xj), fj, result);
        result = Where(Equal(xs, last), fN, result);
        return Where(Greater(xs, last), above, Where(Less(xs, first), below, result));
    }

    /// <summary>
    /// <c>numpy.digitize</c>: for each value of <paramref name="x"/> the index of the bin it falls in, <c>bins[i-1] &lt;= x
    /// &lt; bins[i]</c> for increasing bins (<c>bins[i-1] &lt; x &lt;= bins[i]</c> with <paramref name="right"/>), mirrored
    /// for decreasing bins; int64. Whether the bins are monotonic is read back (<c>.Item&lt;bool&gt;()</c>; a Chunked array
    /// computes that test then).
    /// </summary>
    /// <exception cref="ArgumentException">The bins are not 1-d, or neither increase nor decrease (NumPy's ValueErrors and messages).</exception>
    /// <exception cref="DTypeMismatchException">Complex <paramref name="x"/> (NumPy's TypeError "x may not be complex").</exception>
    public static NDArray Digitize(NDArray x, NDArray bins, bool right = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(bins);
        if (x.DType.IsComplex() || bins.DType.IsComplex()) throw new DTypeMismatchException("x may not be complex", nameof(x));
        if (bins.Rank != 1) throw new ArgumentException("object too deep for desired array", nameof(bins));
        bool increasing = true;
        if (bins.Size > 1)
        {
            NDArray next = GetItem(bins, new Slice(1, null)), previous = GetItem(bins, new Slice(null, -1));
            increasing = All(GreaterEqual(next, previous)).Item<bool>();
            if (!increasing && !All(LessEqual(next, previous)).Item<bool>())
            {
                throw new ArgumentException("bins must be monotonically increasing or decreasing", nameof(bins));
            }
        }
        return increasing
            ? SearchSorted(bins, x, right: !right)
            : Subtract(bins.Size, SearchSorted(Flip(bins), x, right: !right));
    }

    /// <summary>
    /// <c>numpy.bincount</c>: how often each value 0, 1, …, <c>max(x)</c> occurs in the non-negative integers
    /// <paramref name="x"/> (int64), or the sums of their <paramref name="weights"/> (float64; int64 zeros for an empty
    /// <paramref name="x"/>, as NumPy's, which returns before it reads the weights), at least
    /// <paramref name="minlength"/> bins. The length depends on the data: the minimum and maximum are read back
    /// (<c>.Item&lt;long&gt;()</c>; a Chunked array computes them then). Counts come from a sort and two sorted searches;
    /// weighted sums are differences of the sorted weights' cumulative sum (float64), so a bin's sum may differ from
    /// NumPy's one-by-one sum in the last bits.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> or the weights are not 1-d, <paramref name="x"/> holds a
    /// negative value, the weights' length differs, or <paramref name="minlength"/> is negative (NumPy's ValueErrors and messages).</exception>
    /// <exception cref="DTypeMismatchException"><paramref name="x"/> is not integer or bool, or the weights are complex (NumPy's TypeErrors and messages).</exception>
    public static NDArray Bincount(NDArray x, NDArray? weights = null, int minlength = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(x.DType.IsInteger() || x.DType == DType.Bool) || x.DType == DType.UInt64)
        {
            throw new DTypeMismatchException($"Cannot cast array data from dtype('{x.DType.Name()}') to dtype('int64') according to the rule 'safe'", nameof(x));
        }
        if (x.Rank != 1) throw new ArgumentException(x.Rank == 0 ? "object of too small depth for desired array" : "object too deep for desired array", nameof(x));
        if (minlength < 0) throw new ArgumentException("'minlength' must not be negative", nameof(minlength));
        DType result = weights is null ? DType.Int64 : DType.Float64;
        if (x.Size == 0) return Zeros(new Shape(minlength), DType.Int64, like: x);   // NumPy's zeros before it reads the weights: int64 even with them
        NDArray values = AsType(x, DType.Int64);
        if (Min(values).Item<long>() < 0) throw new ArgumentException("'list' argument must have no negative elements", nameof(x));
        if (weights is not null)
        {
            // NumPy reads the weights as a 1-d float64 array under the safe rule: complex weights are refused, not cut to their real part
            if (weights.DType.IsComplex())
            {
                throw new DTypeMismatchException($"Cannot cast array data from dtype('{weights.DType.Name()}') to dtype('float64') according to the rule 'safe'", nameof(weights));
            }
            if (weights.Rank != 1) throw new ArgumentException(weights.Rank == 0 ? "object of too small depth for desired array" : "object too deep for desired array", nameof(weights));
            if (weights.Size != x.Size) throw new ArgumentException("The weights and list don't have the same length.", nameof(weights));
        }
        long length = Math.Max(Max(values).Item<long>() + 1, minlength);
        NDArray bins = Arange(0L, length, 1L, DType.Int64, like: x);
        if (weights is null)
        {
            NDArray sorted = Sort(values);
            return Subtract(SearchSorted(sorted, bins, right: true), SearchSorted(sorted, bins));
        }
        NDArray order = Argsort(values);
        NDArray byValue = Take(values, order);
        NDArray sums = Cumsum(Take(AsType(Ravel(weights), DType.Float64), order));
        NDArray cumulative = Concatenate([Zeros(new Shape(1), DType.Float64, like: x), sums]);
        return Subtract(Take(cumulative, SearchSorted(byValue, bins, right: true)), Take(cumulative, SearchSorted(byValue, bins)));
    }
}
