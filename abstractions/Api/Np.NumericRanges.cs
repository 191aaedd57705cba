namespace ArrayDispatch;

// NumPy's log-spaced ranges (logspace, geomspace), composed from linspace and power as NumPy's Python code composes them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.logspace(start, stop, num, endpoint, base)</c>: <c>base ** linspace(start, stop, num, endpoint)</c>,
    /// float64 unless <paramref name="dtype"/> is given.
    /// </summary>
    public static NDArray Logspace(double start, double stop, int num = 50, bool endpoint = true, double @base = 10.0, DType? dtype = null, string? backend = null, NDArray? like = null)
    {
        NDArray y = Power(@base, Linspace(start, stop, num, endpoint, DType.Float64, backend, like: like));
        return dtype is { } d ? AsType(y, d) : y;
    }

    /// <summary>
    /// <c>numpy.geomspace(start, stop, num, endpoint)</c>: <paramref name="num"/> numbers evenly spaced on a log scale
    /// (a geometric progression), the ends exactly <paramref name="start"/> and <paramref name="stop"/>; two negative ends
    /// give the negated progression of their magnitudes; float64 unless <paramref name="dtype"/> is given.
    /// </summary>
    /// <exception cref="ArgumentException">An end is zero (NumPy's ValueError "Geometric sequence cannot include zero").</exception>
    public static NDArray Geomspace(double start, double stop, int num = 50, bool endpoint = true, DType? dtype = null, string? backend = null, NDArray? like = null)
    {
        if (start == 0 || stop == 0) throw new ArgumentException("Geometric sequence cannot include zero", start == 0 ? nameof(start) : nameof(stop));
        double sign = 1;
        if (start < 0 && stop < 0) (start, stop, sign) = (-start, -stop, -1);
        NDArray y = Logspace(Math.Log10(start), Math.Log10(stop), num, endpoint, 10.0, null, backend, like);
        if (num > 0)
        {
            // NumPy sets the ends to the exact values; log10 and power round
            bool both = num > 1 && endpoint;
            var parts = new List<NDArray> { Full(new Shape(1), start, DType.Float64, backend, like: y) };
            if (num > 1) parts.Add(GetItem(y, new Slice(1, both ? num - 1 : num)));
            if (both) parts.Add(Full(new Shape(1), stop, DType.Float64, backend, like: y));
            y = Concatenate(parts.ToArray());
        }
        if (sign < 0) y = Negative(y);
        return dtype is { } d ? AsType(y, d) : y;
    }
}
