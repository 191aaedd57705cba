namespace ArrayDispatch;

// NumPy's 1-d signal functions (convolve, correlate, unwrap) and window functions (hamming, hanning, blackman, bartlett,
// kaiser), composed from indexing, matmul and ufuncs with NumPy's formulas, so every backend with those functions serves
// them (a Gpu array's convolution runs as one matmul on the device).
public static partial class Np
{
    /// <summary>
    /// <c>numpy.convolve(a, v, mode)</c>: the discrete linear convolution of two 1-d sequences; <paramref name="mode"/>
    /// <c>"full"</c> (length n + m - 1), <c>"same"</c> (max(n, m), centred) or <c>"valid"</c> (max(n, m) - min(n, m) + 1).
    /// Computed as one matmul of the sliding windows (min(n, m) wide) of the zero-padded longer sequence; the dtype is
    /// both inputs' promoted dtype.
    /// </summary>
    /// <exception cref="ArgumentException">An input is empty or not 1-d, or the mode is unknown (NumPy's ValueErrors and messages).</exception>
    public static NDArray Convolve(NDArray a, NDArray v, string mode = "full")
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(v);
        a = SignalVector(a);
        v = SignalVector(v);
        if (v.Size > a.Size) (a, v) = (v, a);
        if (a.Size == 0) throw new ArgumentException("a cannot be empty", nameof(a));
        if (v.Size == 0) throw new ArgumentException("v cannot be empty", nameof(v));
        return CorrelateMode(a, Flip(v), mode, conjugate: false);
    }

    /// <summary>
    /// <c>numpy.correlate(a, v, mode)</c>: the cross-correlation <c>c[k] = Σ a[n + k]·conj(v[n])</c> of two 1-d sequences,
    /// <paramref name="mode"/> <c>"valid"</c> (NumPy's default), <c>"same"</c> or <c>"full"</c> as <see cref="Convolve"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An input is empty or not 1-d (a 0-d one too: NumPy's correlate, unlike its
    /// convolve, does not promote it), or the mode is unknown (NumPy's ValueErrors and messages).</exception>
    public static NDArray Correlate(NDArray a, NDArray v, string mode = "valid")
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(v);
        if (a.Rank == 0 || v.Rank == 0) throw new ArgumentException("object of too small depth for desired array", a.Rank == 0 ? nameof(a) : nameof(v));
        a = SignalVector(a);
        v = SignalVector(v);
        if (a.Size == 0) throw new ArgumentException("first array argument cannot be empty", nameof(a));
        if (v.Size == 0) throw new ArgumentException("second array argument cannot be empty", nameof(v));
        return CorrelateMode(a, v, mode, conjugate: true);
    }

    /// <summary>
    /// <c>numpy.unwrap(p, discont, axis, period)</c>: <paramref name="p"/> with every jump between neighbours along
    /// <paramref name="axis"/> larger than <paramref name="discont"/> (default <c>period / 2</c>) brought back by a
    /// multiple of <paramref name="period"/> (default 2π), as NumPy's float formula; float64 for integers, whose
    /// differences NumPy takes in their own dtype (so an unsigned step down wraps: unwrap of uint8 [5, 3] sees a jump of 254),
    /// as here.
    /// </summary>
    public static NDArray Unwrap(NDArray p, double? discont = null, int axis = -1, double period = 2 * Math.PI)
    {
        ArgumentNullException.ThrowIfNull(p);
        NDArray x = p.DType.IsInexact() ? p : AsType(p, DType.Float64);
        int ax = Shape.NormalizeAxis(axis, x.Rank);
        NDArray dd = p.DType.IsInexact() || p.DType == DType.Bool ? Diff(x, 1, ax) : AsType(Diff(p, 1, ax), DType.Float64);
        double high = period / 2, low = -high;
        NDArray ddmod = Add(Remainder(Subtract(dd, low), period), low);
        ddmod = Where(LogicalAnd(Equal(ddmod, low), Greater(dd, 0.0)), high, ddmod);
        NDArray correction = Where(Less(Absolute(dd), discont ?? high), 0.0, Subtract(ddmod, dd));
        if (x.Shape.Dims[ax] == 0) return Copy(x);
        NDArray head = GetItem(x, AlongAxis(ax, new Slice(null, 1))), tail = GetItem(x, AlongAxis(ax, new Slice(1, null)));
        return Concatenate([head, Add(tail, Cumsum(correction, ax))], ax);
    }

    /// <summary><c>numpy.hamming(M)</c>: <c>0.54 + 0.46·cos(πn/(M-1))</c> for n = 1-M, 3-M, …, M-1 (float64; empty for M &lt; 1, [1] for M = 1).</summary>
    public static NDArray Hamming(int m, string? backend = null, NDArray? like = null) =>
        Window(m, backend, like, n => Add(0.54, Multiply(0.46, Cos(Divide(Multiply(Math.PI, n), m - 1)))));

    /// <summary><c>numpy.hanning(M)</c>: <c>0.5 + 0.5·cos(πn/(M-1))</c> (float64; empty for M &lt; 1, [1] for M = 1).</summary>
    public static NDArray Hanning(int m, string? backend = null, NDArray? like = null) =>
        Window(m, backend, like, n => Add(0.5, Multiply(0.5, Cos(Divide(Multiply(Math.PI, n), m - 1)))));

    /// <summary><c>numpy.blackman(M)</c>: <c>0.42 + 0.5·cos(πn/(M-1)) + 0.08·cos(2πn/(M-1))</c> (float64; empty for M &lt; 1, [1] for M = 1).</summary>
    public static NDArray Blackman(int m, string? backend = null, NDArray? like = null) =>
        Window(m, backend, like, n => Add(Add(0.42, Multiply(0.5, Cos(Divide(Multiply(Math.PI, n), m - 1)))), Multiply(0.08, Cos(Divide(Multiply(2.0 * Math.PI, n), m - 1)))));

    /// <summary><c>numpy.bartlett(M)</c>: the triangular window <c>1 - |n|/(M-1)</c> (float64; empty for M &lt; 1, [1] for M = 1).</summary>
    public static NDArray Bartlett(int m, string? backend = null, NDArray? like = null) =>
        Window(m, backend, like, n => Where(LessEqual(n, 0.0), Add(1.0, Divide(n, m - 1)), Subtract(1.0, Divide(n, m - 1))));

    /// <summary>
    /// <c>numpy.kaiser(M, beta)</c>: <c>i0(β·sqrt(1 - ((n - α)/α)²)) / i0(β)</c> for n = 0 … M-1, α = (M-1)/2 (float64;
    /// empty for M &lt; 1, [1] for M = 1).
    /// </summary>
    public static NDArray Kaiser(int m, double beta, string? backend = null, NDArray? like = null)
    {
        if (m == 1) return Ones(new Shape(1), DType.Float64, backend, like: like);
        NDArray n = Arange(0L, (long)Math.Max(m, 0), 1L, DType.Float64, backend, like: like);
        double alpha = (m - 1) / 2.0;
        NDArray window = I0(Multiply(beta, Sqrt(Subtract(1.0, Square(Divide(Subtract(n, alpha), alpha))))));
        return Divide(window, I0(Full(new Shape(), beta, DType.Float64, backend, like: like)));
    }

    // NumPy's windows: n = arange(1 - M, M, 2) as float64, the formula of n; [] below 1 and [1.] at 1.
    private static NDArray Window(int m, string? backend, NDArray? like, Func<NDArray, NDArray> formula)
    {
        if (m < 1) return Zeros(new Shape(0), DType.Float64, backend, like: like);
        if (m == 1) return Ones(new Shape(1), DType.Float64, backend, like: like);
        return formula(Arange((long)(1 - m), (long)m, 2L, DType.Float64, backend, like: like));
    }

    private static NDArray SignalVector(NDArray x)
    {
        if (x.Rank == 0) return Reshape(x, 1);
        if (x.Rank > 1) throw new ArgumentException("object too deep for desired array", nameof(x));
        return x;
    }

    // The correlation of a and v for NumPy's mode, cut from the full one as NumPy's same and valid modes are.
    private static NDArray CorrelateMode(NDArray a, NDArray v, string mode, bool conjugate)
    {
        int n = (int)a.Size, m = (int)v.Size;
        int shortest = Math.Min(n, m), longest = Math.Max(n, m);
        (int start, int length) = mode switch
        {
            "full" => (0, n + m - 1),
            "same" => ((shortest - 1) / 2, longest),
            "valid" => (shortest - 1, longest - shortest + 1),
            _ => throw new ArgumentException($"mode must be one of 'valid', 'same', or 'full' (got '{mode}')", nameof(mode)),
        };
        NDArray full = CorrelateFull(a, v, conjugate);
        return start == 0 && length == n + m - 1 ? full : GetItem(full, new Slice(start, start + length));
    }

    // c[i] = Σ_j a[i + j - (m - 1)]·conj(v[j]), i = 0 … n + m - 2: one matmul of the windows (n + m - 1, m) of a padded by
    // m - 1 zeros on both sides; with v the longer, the reversed correlation of v and a (conjugated when conjugating).
    private static NDArray CorrelateFull(NDArray a, NDArray v, bool conjugate)
    {
        int n = (int)a.Size, m = (int)v.Size;
        if (m > n)
        {
            NDArray reversed = Flip(CorrelateFull(v, a, conjugate));
            return conjugate && reversed.DType.IsComplex() ? Conjugate(reversed) : reversed;   // conjugate of bools is int8
        }
        int length = n + m - 1;
        NDArray padded = m == 1 ? a : Concatenate([Zeros(new Shape(m - 1), a.DType, like: a), a, Zeros(new Shape(m - 1), a.DType, like: a)]);
        NDArray rows = Reshape(Arange(0L, (long)length, 1L, DType.Int64, like: a), length, 1);
        NDArray windows = Take(padded, Add(rows, Reshape(Arange(0L, (long)m, 1L, DType.Int64, like: a), 1, m)));
        return MatMul(windows, conjugate && v.DType.IsComplex() ? Conjugate(v) : v);
    }
}
