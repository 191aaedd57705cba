using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse;

/// <summary>Constructors of whole sparse arrays (SciPy's <c>scipy.sparse.random</c>, <c>eye</c>, <c>diags</c>, <c>kron</c>, <c>bmat</c>).</summary>
public static class SparseArrays
{
    /// <summary>
    /// A random <paramref name="rows"/> × <paramref name="cols"/> array with <c>round(density · rows · cols)</c> entries at
    /// distinct positions, values uniform in [0, 1) (SciPy's <c>sparse.random</c>). The same seed gives the same array.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The density is not in [0, 1].</exception>
    public static SparseArray Random(int rows, int cols, double density, int seed, SparseFormat format = SparseFormat.Csr, DType dtype = DType.Float64)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if (density is < 0 or > 1 || double.IsNaN(density)) throw new ArgumentOutOfRangeException(nameof(density), density, $"density must be in [0, 1], got {density}");
        long size = (long)rows * cols;
        long target = (long)Math.Round(density * size);
        if (target > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(density), density, $"{target} entries do not fit in one sparse array (at most {int.MaxValue})");
        var rng = new System.Random(seed);
        long[] keys = [];
        while (keys.Length < target)
        {
            long missing = target - keys.Length;
            var draw = new long[keys.Length + missing + missing / 16 + 16];
            keys.CopyTo(draw, 0);
            for (int k = keys.Length; k < draw.Length; k++) draw[k] = rng.NextInt64(size);
            Array.Sort(draw);
            int unique = 0;
            for (int k = 0; k < draw.Length; k++) if (k == 0 || draw[k] != draw[k - 1]) draw[unique++] = draw[k];
            keys = draw.AsSpan(0, (int)Math.Min(unique, target)).ToArray();
        }
        var values = new double[keys.Length];
        for (int k = 0; k < values.Length; k++) values[k] = rng.NextDouble();
        var indptr = new int[rows + 1];
        var indices = new int[keys.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            int r = (int)(keys[k] / cols);
            indices[k] = (int)(keys[k] - (long)r * cols);
            indptr[r + 1]++;
        }
        for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
        SparseArray csr = new CsrArray(indptr, indices, ArrayOps.Cast(values, dtype), new Shape(rows, cols), true, true);
        return csr.ToFormat(format);
    }

    /// <summary>Ones on diagonal <paramref name="k"/> of an <paramref name="n"/> × <paramref name="m"/> array (SciPy's <c>sparse.eye</c>).</summary>
    public static SparseArray Eye(int n, int m, int k = 0, DType dtype = DType.Float64, SparseFormat format = SparseFormat.Csr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        int start = Math.Max(0, -k), end = Math.Min(n, m - k);
        int count = Math.Max(0, end - start);
        var rows = new int[count];
        var cols = new int[count];
        var values = new double[count];
        for (int t = 0; t < count; t++) { rows[t] = start + t; cols[t] = start + t + k; values[t] = 1; }
        var coo = new CooArray([rows, cols], ArrayOps.Cast(values, dtype), new Shape(n, m), true);
        return coo.ToFormat(format);
    }

    /// <summary>
    /// A matrix with the given diagonals (SciPy's <c>sparse.diags</c>): diagonal <c>offsets[i]</c> holds <c>diagonals[i]</c>,
    /// which must have exactly the diagonal's length, or length 1 to repeat one value along it.
    /// </summary>
    /// <exception cref="ShapeMismatchException">A diagonal's length does not fit its offset and the shape.</exception>
    public static SparseArray Diags(double[][] diagonals, int[] offsets, Shape? shape = null, SparseFormat format = SparseFormat.Csr)
    {
        ArgumentNullException.ThrowIfNull(diagonals);
        ArgumentNullException.ThrowIfNull(offsets);
        if (diagonals.Length != offsets.Length)
        {
            throw new ShapeMismatchException($"{diagonals.Length} diagonals given with {offsets.Length} offsets; they must have the same length", "offsets");
        }
        Shape s = shape ?? Square(diagonals, offsets);
        int n = s.Dims[0], m = s.Dims[1];
        var rows = new List<int>();
        var cols = new List<int>();
        var values = new List<double>();
        for (int d = 0; d < offsets.Length; d++)
        {
            int k = offsets[d];
            int start = Math.Max(0, -k), length = Math.Max(0, Math.Min(n, m - k) - start);
            double[] diag = diagonals[d];
            if (diag.Length != length && diag.Length != 1)
            {
                throw new ShapeMismatchException($"diagonal {d} (offset {k}) has length {diag.Length} but must have length {length} (or 1) for shape {s}", "diagonals", s);
            }
            for (int t = 0; t < length; t++)
            {
                rows.Add(start + t);
                cols.Add(start + t + k);
                values.Add(diag.Length == 1 ? diag[0] : diag[t]);
            }
        }
        var coo = new CooArray([rows.ToArray(), cols.ToArray()], values.ToArray(), s, false).SumDuplicates();
        return coo.ToFormat(format);
    }

    private static Shape Square(double[][] diagonals, int[] offsets)
    {
        int n = 0;
        for (int d = 0; d < offsets.Length; d++) n = Math.Max(n, diagonals[d].Length + Math.Abs(offsets[d]));
        return new Shape(n, n);
    }
}
