namespace ArrayDispatch;

// NumPy's power-basis polynomial helpers (vander, polyval, polyfit), composed from cumprod, arithmetic and lstsq as
// NumPy's Python code composes them, so every backend with those functions serves them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.vander(x, N, increasing)</c>: the Vandermonde matrix of the 1-d <paramref name="x"/>, columns
    /// <c>x^(N-1) … x^0</c> (<c>x^0 … x^(N-1)</c> when <paramref name="increasing"/>), <paramref name="n"/> columns (by
    /// default len(x)); powers by running products as NumPy's; the dtype of x promoted with int64.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not 1-d, or <paramref name="n"/> is negative (NumPy's ValueErrors and messages).</exception>
    public static NDArray Vander(NDArray x, int? n = null, bool increasing = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 1) throw new ArgumentException("x must be a one-dimensional array or sequence.", nameof(x));
        int rows = x.Shape.Dims[0], columns = n ?? rows;
        if (columns < 0) throw new ArgumentException("negative dimensions are not allowed", nameof(n));
        DType dtype = DTypes.Promote(x.DType, DType.Int64);
        if (columns == 0) return Zeros(new Shape(rows, 0), dtype, like: x);
        NDArray ones = Ones(new Shape(rows, 1), dtype, like: x);
        NDArray v = columns == 1 ? ones : Concatenate([ones, Cumprod(BroadcastTo(Reshape(AsType(x, dtype), rows, 1), rows, columns - 1), 1)], 1);
        return increasing ? v : Flip(v, 1);
    }

    /// <summary>
    /// <c>numpy.polyval(p, x)</c>: the polynomial with coefficients <paramref name="p"/> (highest power first, along its
    /// first axis) at <paramref name="x"/>, by Horner's scheme from <c>zeros_like(x)</c> as NumPy's; the dtype of x and p promoted.
    /// </summary>
    /// <exception cref="DTypeMismatchException">A 0-d <paramref name="p"/> (NumPy's TypeError, "iteration over a 0-d array").</exception>
    public static NDArray Polyval(NDArray p, NDArray x)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(x);
        if (p.Rank == 0) throw new DTypeMismatchException("iteration over a 0-d array", nameof(p));
        NDArray y = ZerosLike(x);
        int terms = p.Shape.Dims[0];
        for (int i = 0; i < terms; i++) y = Add(Multiply(y, x), GetItem(p, i));
        return y;
    }

    /// <summary>
    /// <c>numpy.polyfit(x, y, deg)</c>: the least-squares polynomial coefficients (highest power first) of degree
    /// <paramref name="deg"/> through the points, by lstsq of the column-scaled Vandermonde matrix as NumPy's, with
    /// <paramref name="rcond"/> by default <c>len(x)·eps</c>; a 2-d <paramref name="y"/> fits each column. (NumPy's
    /// weights, full and cov outputs are not served.)
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="deg"/> is negative (NumPy's ValueError).</exception>
    /// <exception cref="DTypeMismatchException">x is not a non-empty 1-d vector, y is not 1-d or 2-d, or their lengths
    /// differ (NumPy's TypeErrors and messages).</exception>
    public static NDArray Polyfit(NDArray x, NDArray y, int deg, double? rcond = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (deg < 0) throw new ArgumentException("expected deg >= 0", nameof(deg));
        if (x.Rank != 1) throw new DTypeMismatchException("expected 1D vector for x", nameof(x));
        if (x.Size == 0) throw new DTypeMismatchException("expected non-empty vector for x", nameof(x));
        if (y.Rank < 1 || y.Rank > 2) throw new DTypeMismatchException("expected 1D or 2D array for y", nameof(y));
        if (x.Shape.Dims[0] != y.Shape.Dims[0]) throw new DTypeMismatchException("expected x and y to have same length", nameof(y));
        int order = deg + 1;
        NDArray xs = AsType(x, DTypes.Promote(x.DType, DType.Float64)), ys = AsType(y, DTypes.Promote(y.DType, DType.Float64));
        NDArray lhs = Vander(xs, order);
        NDArray squares = lhs.DType.IsComplex() ? Real(Multiply(lhs, Conjugate(lhs))) : Multiply(lhs, lhs);
        NDArray scale = Sqrt(Sum(squares, 0));
        lhs = Divide(lhs, scale);
        NDArray c = Linalg.Lstsq(lhs, ys, rcond ?? x.Size * Math.Pow(2, -52)).Solution;
        return Divide(c, c.Rank == 2 ? Reshape(scale, order, 1) : scale);
    }
}
