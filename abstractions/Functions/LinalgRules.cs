namespace ArrayDispatch.Functions;

/// <summary>
/// NumPy's argument rules of <c>numpy.linalg</c>, written once for every backend: which inputs are (stacks of) matrices,
/// and how <c>solve</c> reads its right-hand side. The messages are NumPy's, so every backend refuses alike.
/// </summary>
public static class LinalgRules
{
    /// <summary>
    /// The dtype numpy.linalg computes in for these inputs (its <c>_commonType</c>): complex when any input is complex;
    /// single precision (float32, complex64) when every input is float32 or complex64, else double precision (bool and
    /// integers compute in float64). Null inputs (absent optional arguments) are skipped.
    /// </summary>
    /// <exception cref="DTypeMismatchException">An input is float16 (NumPy's message).</exception>
    public static DType ResultType(params ReadOnlySpan<NDArray?> arrays)
    {
        bool complex = false, single = true;
        foreach (NDArray? a in arrays)
        {
            if (a is null) continue;
            if (a.DType == DType.Float16) throw new DTypeMismatchException("array type float16 is unsupported in linalg");
            complex |= a.DType.IsComplex();
            single &= a.DType is DType.Float32 or DType.Complex64;
        }
        return complex ? (single ? DType.Complex64 : DType.Complex128) : (single ? DType.Float32 : DType.Float64);
    }

    /// <summary>NumPy's check that the last two axes hold matrices.</summary>
    /// <exception cref="LinAlgException"><paramref name="x"/> has fewer than two dimensions.</exception>
    public static void RequireStack(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2) throw new LinAlgException($"{x.Rank}-dimensional array given. Array must be at least two-dimensional");
    }

    /// <summary>NumPy's check for a (stack of) square matrices.</summary>
    /// <exception cref="LinAlgException"><paramref name="x"/> has fewer than two dimensions, or its last two differ.</exception>
    public static void RequireSquareStack(NDArray x)
    {
        RequireStack(x);
        if (x.Shape[-1] != x.Shape[-2]) throw new LinAlgException("Last 2 dimensions of the array must be square");
    }

    /// <summary>
    /// NumPy's <c>norm</c> of float16 answers in float16 (sums and a square root), except the singular-value norms (a
    /// matrix's 2, -2 and nuclear norms), which it computes by svd and so refuses as every float16 linalg routine.
    /// </summary>
    /// <exception cref="DTypeMismatchException">A singular-value norm of a float16 matrix.</exception>
    public static void RefuseFloat16SingularValueNorm(NDArray x, NormOrder ord, Axes axis)
    {
        ArgumentNullException.ThrowIfNull(x);
        bool matrix = axis.IsAll ? x.Rank == 2 : axis.Values.Length == 2;
        if (x.DType == DType.Float16 && matrix && (ord.Named == "nuc" || ord.P is 2 or -2)) throw new DTypeMismatchException("array type float16 is unsupported in linalg");
    }

    /// <summary>
    /// NumPy's <c>matrix_rank</c> with the default tolerance reads each matrix's largest singular value
    /// (<c>S.max(axis=-1)</c>), which matrices with no rows or no columns lack: it raises that reduction's error. With a
    /// tolerance given (or for fewer than two dimensions) an empty matrix has rank 0.
    /// </summary>
    /// <exception cref="ArgumentException">An empty matrix (stack) and no tolerance.</exception>
    public static void RequireSingularValuesForDefaultTolerance(NDArray x, double? tolerance)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (tolerance is null && x.Rank >= 2 && Math.Min(x.Shape[-2], x.Shape[-1]) == 0)
            throw NumPyErrors.EmptyReduction("maximum", "A");
    }

    /// <summary>
    /// NumPy's <c>pinv</c> of matrices with no elements (M·N = 0, <c>_is_empty_2d</c>): an empty (…, N, M) array of the
    /// input's own dtype (float16, integers and bool included), not linalg's result dtype, computed without svd.
    /// </summary>
    /// <returns>Whether <paramref name="x"/>'s matrices are empty; then <paramref name="shape"/> is the result's shape.</returns>
    public static bool IsEmptyPinv(NDArray x, out Shape shape)
    {
        RequireStack(x);
        int m = x.Shape[-2], n = x.Shape[-1];
        shape = Join(x.Shape.Dims[..^2], n, m);
        return (long)m * n == 0;
    }

    /// <summary>NumPy's check for exactly two dimensions (<c>lstsq</c>).</summary>
    /// <exception cref="LinAlgException"><paramref name="x"/> is not two-dimensional.</exception>
    public static void RequireMatrix(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 2) throw new LinAlgException($"{x.Rank}-dimensional array given. Array must be two-dimensional");
    }

    /// <summary>
    /// A stack of matrices read from its shape: the leading (batch) dimensions, how many matrices they hold, and each
    /// matrix's rows and columns (the last two dimensions).
    /// </summary>
    /// <exception cref="LinAlgException">The shape has fewer than two dimensions.</exception>
    /// <exception cref="OverflowException">The stack holds more than int.MaxValue matrices.</exception>
    public static (int[] Batch, int Count, int Rows, int Cols) Split(Shape shape)
    {
        ReadOnlySpan<int> d = shape.Dims;
        if (d.Length < 2) throw new LinAlgException($"{d.Length}-dimensional array given. Array must be at least two-dimensional");
        int[] batch = d[..^2].ToArray();
        long count = 1;
        foreach (int b in batch) count *= b;
        return (batch, checked((int)count), d[^2], d[^1]);
    }

    /// <summary>The shape <paramref name="batch"/> followed by <paramref name="core"/> (a stack's result shape).</summary>
    public static Shape Join(ReadOnlySpan<int> batch, params ReadOnlySpan<int> core)
    {
        var dims = new int[batch.Length + core.Length];
        batch.CopyTo(dims);
        core.CopyTo(dims.AsSpan(batch.Length));
        return new Shape(dims);
    }

    /// <summary>
    /// The shapes of <c>solve(a, b)</c> for <paramref name="a"/> (..., M, M), as NumPy 1.x reads them: b is a stack of
    /// vectors (..., M) when it has one dimension less than a, else of matrices (..., M, K); the batch dimensions broadcast.
    /// </summary>
    /// <exception cref="LinAlgException">a is not a stack of square matrices.</exception>
    /// <exception cref="ShapeMismatchException">b has no dimension, or its core size differs from M (NumPy's gufunc message, naming b).</exception>
    public static SolveShapes Solve(NDArray a, NDArray b)
    {
        RequireSquareStack(a);
        ArgumentNullException.ThrowIfNull(b);
        int n = a.Shape[-1];
        bool vector = b.Rank == a.Rank - 1;
        if (b.Rank < 1 || (!vector && b.Rank < 2))
        {
            throw new ShapeMismatchException($"solve: b of shape {b.Shape} must have at least one dimension", "b", a.Shape, b.Shape);
        }
        int core = vector ? 1 : 2;
        int bn = b.Shape.Dims[^core];
        if (bn != n)
        {
            string signature = vector ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)";
            throw new ShapeMismatchException(
                $"solve{(vector ? "1" : "")}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature {signature} (size {bn} is different from {n})",
                "b", a.Shape, b.Shape);
        }
        Shape batch = Shape.Broadcast(new Shape(a.Shape.Dims[..^2]), new Shape(b.Shape.Dims[..^core]));
        return new SolveShapes(n, vector ? 1 : b.Shape[-1], vector, batch);
    }
}

/// <summary>How <see cref="LinalgRules.Solve"/> reads <c>solve(a, b)</c>.</summary>
/// <param name="N">The order M of each matrix of a.</param>
/// <param name="Rhs">Right-hand sides per system: K, or 1 for a vector b.</param>
/// <param name="VectorRhs">Whether b is a stack of vectors (the result drops the K axis).</param>
/// <param name="Batch">The broadcast batch dimensions of a and b.</param>
public readonly record struct SolveShapes(int N, int Rhs, bool VectorRhs, Shape Batch)
{
    /// <summary>The shape of x (and of b broadcast): batch + (M,) or batch + (M, K).</summary>
    public Shape Result => new([.. Batch.Dims.ToArray(), .. (VectorRhs ? new[] { N } : [N, Rhs])]);
}
