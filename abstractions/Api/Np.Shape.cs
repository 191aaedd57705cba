namespace ArrayDispatch;

// NumPy's shape helpers and flips (atleast_Nd, fliplr/flipud, rot90, diag/diagflat, tri): reshape, flip, transpose,
// diagonal and where composed as NumPy's own Python code composes them, so every backend with those functions serves
// them (ComposedFunctions lists what each calls); Chunked stays lazy, Gpu stays on the device.
public static partial class Np
{
    /// <summary><c>numpy.atleast_1d</c>: a 0-d array as shape (1,); others unchanged.</summary>
    public static NDArray AtLeast1d(NDArray ary)
    {
        ArgumentNullException.ThrowIfNull(ary);
        return ary.Rank == 0 ? Reshape(ary, 1) : ary;
    }

    /// <summary><c>numpy.atleast_1d(*arys)</c>: <see cref="AtLeast1d(NDArray)"/> of each.</summary>
    public static NDArray[] AtLeast1d(params NDArray[] arys) => EachOf(arys, AtLeast1d);

    /// <summary><c>numpy.atleast_2d</c>: a 0-d array as (1, 1), a 1-d array of n as (1, n); others unchanged.</summary>
    public static NDArray AtLeast2d(NDArray ary)
    {
        ArgumentNullException.ThrowIfNull(ary);
        return ary.Rank switch
        {
            0 => Reshape(ary, 1, 1),
            1 => Reshape(ary, 1, ary.Shape.Dims[0]),
            _ => ary,
        };
    }

    /// <summary><c>numpy.atleast_2d(*arys)</c>: <see cref="AtLeast2d(NDArray)"/> of each.</summary>
    public static NDArray[] AtLeast2d(params NDArray[] arys) => EachOf(arys, AtLeast2d);

    /// <summary><c>numpy.atleast_3d</c>: a 0-d array as (1, 1, 1), a 1-d array of n as (1, n, 1), an (m, n) array as (m, n, 1); others unchanged.</summary>
    public static NDArray AtLeast3d(NDArray ary)
    {
        ArgumentNullException.ThrowIfNull(ary);
        return ary.Rank switch
        {
            0 => Reshape(ary, 1, 1, 1),
            1 => Reshape(ary, 1, ary.Shape.Dims[0], 1),
            2 => Reshape(ary, ary.Shape.Dims[0], ary.Shape.Dims[1], 1),
            _ => ary,
        };
    }

    /// <summary><c>numpy.atleast_3d(*arys)</c>: <see cref="AtLeast3d(NDArray)"/> of each.</summary>
    public static NDArray[] AtLeast3d(params NDArray[] arys) => EachOf(arys, AtLeast3d);

    private static NDArray[] EachOf(NDArray[] arrays, Func<NDArray, NDArray> f)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var result = new NDArray[arrays.Length];
        for (int i = 0; i < arrays.Length; i++) result[i] = f(arrays[i] ?? throw new ArgumentNullException(nameof(arrays), $"array {i} is null"));
        return result;
    }

    /// <summary><c>numpy.fliplr</c>: the columns (axis 1) in reverse order.</summary>
    /// <exception cref="ArgumentException">The array has fewer than two dimensions (NumPy's ValueError, "Input must be >= 2-d.").</exception>
    public static NDArray Fliplr(NDArray m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Rank < 2) throw new ArgumentException("Input must be >= 2-d.", nameof(m));
        return Flip(m, 1);
    }

    /// <summary><c>numpy.flipud</c>: the rows (axis 0) in reverse order.</summary>
    /// <exception cref="ArgumentException">The array is 0-d (NumPy's ValueError, "Input must be >= 1-d.").</exception>
    public static NDArray Flipud(NDArray m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Rank < 1) throw new ArgumentException("Input must be >= 1-d.", nameof(m));
        return Flip(m, 0);
    }

    /// <summary>
    /// <c>numpy.rot90(m, k, axes)</c>: the array rotated by 90 degrees <paramref name="k"/> times in the plane of
    /// <paramref name="axes"/> (by default (0, 1)), from the first axis towards the second; negative k rotates back.
    /// </summary>
    /// <exception cref="ArgumentException">The axes are the same, or outside the array's dimensions (NumPy's ValueErrors and messages).</exception>
    public static NDArray Rot90(NDArray m, int k = 1, (int, int)? axes = null)
    {
        ArgumentNullException.ThrowIfNull(m);
        (int a0, int a1) = axes ?? (0, 1);
        int rank = m.Rank;
        if (a0 == a1 || Math.Abs(a0 - a1) == rank) throw new ArgumentException("Axes must be different.", nameof(axes));
        if (a0 >= rank || a0 < -rank || a1 >= rank || a1 < -rank)
        {
            throw new ArgumentException($"Axes=({a0}, {a1}) out of range for array of ndim={rank}.", nameof(axes));
        }
        k = ((k % 4) + 4) % 4;
        if (k == 0) return GetItem(m, ArrayIndex.Ellipsis);
        if (k == 2) return Flip(Flip(m, a0), a1);
        int[] order = Enumerable.Range(0, rank).ToArray();
        int n0 = Shape.NormalizeAxis(a0, rank), n1 = Shape.NormalizeAxis(a1, rank);
        (order[n0], order[n1]) = (order[n1], order[n0]);
        return k == 1 ? Transpose(Flip(m, a1), order) : Flip(Transpose(m, order), a1);
    }

    /// <summary>
    /// <c>numpy.diag(v, k)</c>: of a 1-d array, the square matrix with <paramref name="v"/> on diagonal <paramref name="k"/>
    /// (above the main one for k &gt; 0) and zeros elsewhere, in v's dtype; of a 2-d array, its k-th diagonal.
    /// </summary>
    /// <exception cref="ArgumentException">The array is neither 1-d nor 2-d (NumPy's ValueError, "Input must be 1- or 2-d.").</exception>
    public static NDArray Diag(NDArray v, int k = 0)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (v.Rank == 2) return Diagonal(v, k);
        if (v.Rank != 1) throw new ArgumentException("Input must be 1- or 2-d.", nameof(v));
        int len = v.Shape.Dims[0], n = len + Math.Abs(k);
        // row i holds v[i] at column i + k (k >= 0); column j holds v[j] at row j - k (k < 0): v padded with |k| zeros,
        // as a column or a row, where the k-th diagonal of the identity is true
        NDArray values = k == 0 ? v : Concatenate([v, Zeros(Math.Abs(k), v.DType, like: v)], 0);
        values = k >= 0 ? Reshape(values, n, 1) : Reshape(values, 1, n);
        return Where(Eye(n, n, k, DType.Bool, like: v), values, Zeros((n, n), v.DType, like: v));
    }

    /// <summary><c>numpy.diagflat(v, k)</c>: <see cref="Diag"/> of the flattened input.</summary>
    public static NDArray Diagflat(NDArray v, int k = 0)
    {
        ArgumentNullException.ThrowIfNull(v);
        return Diag(Ravel(v), k);
    }

    /// <summary>
    /// <c>numpy.tri(N, M, k, dtype)</c>: an <paramref name="n"/> × <paramref name="m"/> (default n) array with ones at and
    /// below diagonal <paramref name="k"/> and zeros elsewhere. A negative dimension is an empty one, as NumPy's (its
    /// <c>arange(N)</c> is then empty: <c>tri(-1)</c> has shape (0, 0)).
    /// </summary>
    public static NDArray Tri(int n, int? m = null, int k = 0, DType dtype = DType.Float64, string? backend = null, NDArray? like = null)
    {
        int cols = Math.Max(m ?? n, 0);
        n = Math.Max(n, 0);
        NDArray rows = Reshape(Arange(0L, (long)n, 1L, DType.Int64, backend, like: like), n, 1);
        NDArray shifted = Arange((long)-k, (long)cols - k, 1L, DType.Int64, backend, like: like);
        return AsType(GreaterEqual(rows, shifted), dtype);
    }
}
