namespace ArrayDispatch;

// NumPy's 1-d signal functions (convolve, correlate, unwrap) and window functions (hamming, hanning, blackman, bartlett,
// kaiser), composed from indexing, matmul and ufuncs with NumPy's formulas, so every backend with those functions serves
// them (a Gpu array's convolution runs as matmuls on the device, block by block).
public static partial class Np
{
    /// <summary>
    /// <c>numpy.convolve(a, v, mode)</c>: the discrete linear convolution of two 1-d sequences; <paramref name="mode"/>
    /// <c>"full"</c> (length n + m - 1), <c>"same"</c> (max(n, m), centred) or <c>"valid"</c> (max(n, m) - min(n, m) + 1).
    /// Only the outputs the mode keeps are computed, as matmuls of the longer sequence's sliding windows with the shorter
    /// (its pieces of about √min(n, m) elements once it is longer than 64), built and multiplied in blocks of output
    /// rows of a few MB each and concatenated: the memory is the inputs' and the output's, as NumPy's, whatever the
    /// lengths. The outputs whose windows reach past an end add only the products NumPy adds. The dtype is both inputs'
    /// promoted dtype (integers exact, wrapping as NumPy's).
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
        if (x.Shape.Dims[ax] == 0) return CopyInCOrder(x);
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

    // The correlation of a and v for NumPy's mode: only the outputs the mode keeps are computed, the longer sequence
    // first. When v is the longer, c(a, v) is c(conj v, a) reversed, and NumPy cuts 'same' from c(conj v, a) before
    // reversing (for an even shorter length that is one output further right than the cut of c(a, v) itself).
    private static NDArray CorrelateMode(NDArray a, NDArray v, string mode, bool conjugate)
    {
        int n = (int)a.Size, m = (int)v.Size;
        int shortest = Math.Min(n, m), longest = Math.Max(n, m), full = n + m - 1;
        (int start, int length) = mode switch
        {
            "full" => (0, full),
            "same" => ((shortest - 1) / 2, longest),
            "valid" => (shortest - 1, longest - shortest + 1),
            _ => throw new ArgumentException($"mode must be one of 'valid', 'same', or 'full' (got '{mode}')", nameof(mode)),
        };
        NDArray w = conjugate && v.DType.IsComplex() ? Conjugate(v) : v;
        return m > n ? Flip(SlidingProducts(w, a, start, length)) : SlidingProducts(a, w, start, length);
    }

    // Elements of one block of a window or index matrix: a block's windows (and their int64 indices) take a few MB
    // whatever the inputs' lengths, so a convolution needs memory for its inputs and output only (as NumPy's).
    private const long SignalBlockElements = 1 << 19;

    // Kernels up to this length are one window matrix per block; longer ones are cut into pieces of about √length.
    private const int PlainKernel = 64;

    // Kernel pieces longer than this are separate passes whose results add up (2·4096·64 elements fit a block).
    private const int KernelPass = 4096;

    // c[i] = Σ_j x[i + j - (m - 1)]·y[j] over the j whose index falls in x (NumPy's full correlation, n = |x| ≥ m = |y|),
    // for i = start … start + length - 1: the outputs whose windows lie inside x by SlidingValid, the m - 1 at either
    // end (partial windows) by SlidingEdge, which adds only the products NumPy adds (no 0·inf of a zero padding).
    private static NDArray SlidingProducts(NDArray x, NDArray y, int start, int length)
    {
        int n = (int)x.Size, m = (int)y.Size, end = start + length;
        var parts = new List<NDArray>(3);
        if (start < Math.Min(end, m - 1)) parts.Add(SlidingEdge(x, y, start, Math.Min(end, m - 1)));
        int inner = Math.Max(start, m - 1), innerEnd = Math.Min(end, n);
        if (inner < innerEnd) parts.Add(SlidingValid(x, y, inner - (m - 1), innerEnd - inner));
        if (Math.Max(start, n) < end) parts.Add(SlidingEdge(x, y, Math.Max(start, n), end));
        return parts.Count == 1 ? parts[0] : Concatenate([.. parts]);
    }

    // out[k] = Σ_j x[k0 + k + j]·y[j], k = 0 … count - 1 (every index inside x): y in passes of at most KernelPass,
    // each pass's outputs in blocks of rows sized to SignalBlockElements, the passes added up.
    private static NDArray SlidingValid(NDArray x, NDArray y, int k0, int count)
    {
        int m = (int)y.Size, passes = (m + KernelPass - 1) / KernelPass;
        NDArray? sum = null;
        for (int p = 0; p < passes; p++)
        {
            int j0 = (int)((long)m * p / passes), j1 = (int)((long)m * (p + 1) / passes);
            NDArray piece = j0 == 0 && j1 == m ? y : GetItem(y, new Slice(j0, j1));
            NDArray pass = SlidingPass(x, piece, k0 + j0, count);
            sum = sum is null ? pass : Add(sum, pass);
        }
        return sum!;
    }

    // One pass, out[k] = Σ_j x[k0 + k + j]·y[j] with m = |y| ≤ KernelPass. A short y: each block of B outputs is the
    // (B, m) matrix of x's windows times y. A longer one is cut into T pieces of width K ≈ √m and a rest r < K: with
    // H[s, i] = x[i + s] (K rows of R = TK + B shifted copies of x) and Y[t, s] = y[tK + s], G = Y·H is (T, R) and
    // out[k] = Σ_t G[t, tK + k] + Σ_{s<r} y[TK + s]·H[s, TK + k]: the m products per output in one matmul, with K + T
    // elements gathered and added per output instead of m, and no product NumPy does not make.
    private static NDArray SlidingPass(NDArray x, NDArray y, int k0, int count)
    {
        int m = (int)y.Size;
        if (m <= PlainKernel)
        {
            // windows[i, s] = i + s for the largest block's rows.
            int rowsMax = (int)Math.Max(1, Math.Min(count, SignalBlockElements / m));
            NDArray windows = Add(Reshape(Arange(0L, (long)rowsMax, 1L, DType.Int64, like: x), rowsMax, 1), Reshape(Arange(0L, (long)m, 1L, DType.Int64, like: x), 1, m));
            return Blocks(count, rowsMax, (b0, rows) =>
                MatMul(Take(GetItem(x, new Slice(k0 + b0, k0 + b0 + rows + m - 1)), Rows(windows, rows)), y));
        }
        int width = (int)Math.Ceiling(Math.Sqrt(m));
        int pieces = m / width, rest = m - pieces * width, whole = pieces * width;
        int lead = rest > 0 ? whole : whole - width;      // H's columns beyond the block's rows: the last piece's (or the rest's) shifts
        int block = (int)Math.Max(1, Math.Min(count, SignalBlockElements / width - lead));
        // shifts[s, i] = s + i for the largest block's columns. With a rest, H's last columns reach K - r elements past
        // the block's windows: x's own elements there (only unused columns of G read them), clipped to x's last one at
        // its end.
        NDArray blockShifts = Add(Reshape(Arange(0L, (long)width, 1L, DType.Int64, like: x), width, 1), Reshape(Arange(0L, (long)(lead + block), 1L, DType.Int64, like: x), 1, lead + block));
        int length = (int)x.Size;
        NDArray pieceRows = Reshape(GetItem(y, new Slice(0, whole)), pieces, width);
        NDArray? tail = rest > 0 ? GetItem(y, new Slice(whole, m)) : null;
        return Blocks(count, block, (b0, rows) =>
        {
            int at = k0 + b0, reach = lead + rows + width - 1;
            NDArray shifts = rows == block ? blockShifts : GetItem(blockShifts, Slice.All, new Slice(0, lead + rows));
            if (at + reach > length) (shifts, reach) = (Clip(shifts, 0L, (long)(length - at - 1)), length - at);
            NDArray h = Take(GetItem(x, new Slice(at, at + reach)), shifts);
            NDArray g = MatMul(pieceRows, h);
            NDArray sum = GetItem(g, 0, new Slice(0, rows));
            for (int t = 1; t < pieces; t++) sum = Add(sum, GetItem(g, t, new Slice(t * width, t * width + rows)));
            return tail is null ? sum : Add(sum, MatMul(tail, GetItem(h, new Slice(0, rest), new Slice(whole, whole + rows))));
        });
    }

    // The outputs 0 … count - 1 in blocks of at most `block`, each made by `make(first, rows)`, concatenated.
    private static NDArray Blocks(int count, int block, Func<int, int, NDArray> make)
    {
        var blocks = new List<NDArray>((count + block - 1) / block);
        for (int b0 = 0; b0 < count; b0 += block) blocks.Add(make(b0, Math.Min(block, count - b0)));
        return blocks.Count == 1 ? blocks[0] : Concatenate([.. blocks]);
    }

    private static NDArray Rows(NDArray matrix, int rows) => rows == matrix.Shape.Dims[0] ? matrix : GetItem(matrix, new Slice(0, rows));

    // Rows of partial windows per block: the products inside x for every row of a block are a SlidingValid of part of
    // y, so only a (rows, rows - 1) triangle per block is masked.
    private const int EdgeBlock = 128;

    // Outputs i0 … i1 - 1 whose windows reach past an end of x (all below m - 1, or all from n on), in blocks of
    // EdgeBlock rows: the columns of y whose products lie inside x for every row of the block by SlidingValid, the
    // columns inside x for some of the rows by SlidingMasked.
    private static NDArray SlidingEdge(NDArray x, NDArray y, int i0, int i1)
    {
        int n = (int)x.Size, m = (int)y.Size;
        return Blocks(i1 - i0, EdgeBlock, (b0, rows) =>
        {
            int r0 = i0 + b0, r1 = r0 + rows;
            bool left = r1 <= m - 1;
            // Inside x for every row: j ≥ m - 1 - r0 at the left end, j ≤ n + m - 1 - r1 at the right end.
            int lo = left ? m - 1 - r0 : 0, hi = left ? m : Math.Max(0, n + m - r1);
            (int from, int to) = left ? (Math.Max(0, m - r1), lo) : (hi, Math.Min(m, n + m - 1 - r0));
            NDArray? inside = hi > lo ? SlidingValid(x, lo == 0 && hi == m ? y : GetItem(y, new Slice(lo, hi)), r0 + lo - (m - 1), rows) : null;
            if (to <= from) return inside!;
            NDArray partial = SlidingMasked(x, y, r0, rows, from, to);
            return inside is null ? partial : Add(inside, partial);
        });
    }

    // c[i] = Σ_{j0 ≤ j < j1} x[i + j - (m - 1)]·y[j] over the indices inside x, i = r0 … r0 + rows - 1: the (rows, j1 - j0)
    // windows with the indices outside x clipped, times y, the products of those indices replaced by zeros (never
    // 0·inf), each row summed (a matmul by ones, which keeps the dtype: integers wrap, bool is or).
    private static NDArray SlidingMasked(NDArray x, NDArray y, int r0, int rows, int j0, int j1)
    {
        int n = (int)x.Size, m = (int)y.Size, width = j1 - j0;
        NDArray index = Add(Reshape(Arange((long)(r0 - (m - 1)), (long)(r0 + rows - (m - 1)), 1L, DType.Int64, like: x), rows, 1),
            Reshape(Arange((long)j0, (long)j1, 1L, DType.Int64, like: x), 1, width));
        NDArray inside = LogicalAnd(GreaterEqual(index, 0L), Less(index, (long)n));
        NDArray products = Multiply(Take(x, Clip(index, 0L, (long)(n - 1))), GetItem(y, new Slice(j0, j1)));
        products = Where(inside, products, Zeros(new Shape(), products.DType, like: products));
        return MatMul(products, Ones(new Shape(width), products.DType, like: products));
    }
}
