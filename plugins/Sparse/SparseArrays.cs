using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse;

/// <summary>Constructors of whole sparse arrays (SciPy's <c>scipy.sparse.random</c>, <c>eye</c>, <c>diags</c>, <c>kron</c>, <c>bmat</c>).</summary>
public static class SparseArrays
{
    /// <summary>
    /// A random <paramref name="rows"/> × <paramref name="cols"/> array with <c>round(density · rows · cols)</c> entries at
    /// distinct positions (SciPy's <c>sparse.random</c>). The same seed gives the same array.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The density is not in [0, 1].</exception>
    public static SparseArray Random(int rows, int cols, double density, int seed, SparseFormat format = SparseFormat.Csr, DType dtype = DType.Float64) =>
        Random(new Shape(rows, cols), density, seed, format, dtype);

    /// <summary>
    /// A random array of any rank with <c>round(density · size)</c> stored entries at distinct positions, as SciPy's
    /// <c>sparse.random</c> (2-d) and pydata's <c>sparse.random</c> (n-d): float values uniform in [0, 1), integer values
    /// uniform over the dtype's range (SciPy's default <c>data_rvs</c>), bool values true. A null seed draws a fresh one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The density is not in [0, 1], or the entries do not fit one array.</exception>
    /// <exception cref="ArgumentException">CSR or CSC was asked for a shape that is not 2-d.</exception>
    public static SparseArray Random(Shape shape, double density, int? seed, SparseFormat format = SparseFormat.Coo, DType dtype = DType.Float64)
    {
        if (density is < 0 or > 1 || double.IsNaN(density)) throw new ArgumentOutOfRangeException(nameof(density), density, $"density must be in [0, 1], got {density}");
        if (format != SparseFormat.Coo && shape.Rank != 2)
        {
            throw new ArgumentException($"format '{format.Name()}' holds 2-d arrays, but the shape is {shape}; use format 'coo'", nameof(format));
        }
        long size = shape.Size;
        long target = (long)Math.Round(density * size);
        SparseValidation.EntryCount(target, $"random with density {density} in shape {shape}");
        var rng = seed is { } s ? new System.Random(s) : new System.Random();
        long[] keys = DistinctPositions(rng, size, (int)target);
        // The structure straight into the allocator's buffers; the values drawn into an array and adopted.
        SparseBuffer values = SparseBuffers.Adopt(RandomValues(rng, keys.Length, dtype));
        if (shape.Rank == 2)
        {
            int rows = shape.Dims[0], cols = shape.Dims[1];
            SparseBuffer<int> indptrBuffer = SparseBuffers.Allocate<int>(rows + 1, clear: true), indexBuffer = SparseBuffers.Allocate<int>(keys.Length);
            Span<int> indptr = indptrBuffer.Span, indices = indexBuffer.Span;
            for (int k = 0; k < keys.Length; k++)
            {
                int r = (int)(keys[k] / cols);
                indices[k] = (int)(keys[k] - (long)r * cols);
                indptr[r + 1]++;
            }
            for (int i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
            var csr = new CsrArray(indptrBuffer, indexBuffer, values, shape, true, true);
            if (format == SparseFormat.Csr) return csr;
            using (csr) return csr.ToFormat(format);
        }
        return new CooArray(Kernels.CooKernels.Unravel(keys, shape), values, shape, true);
    }

    /// <summary><paramref name="count"/> distinct sorted positions in [0, size): draw, sort, drop repeats, draw the missing ones again.</summary>
    private static long[] DistinctPositions(System.Random rng, long size, int count)
    {
        long[] keys = [];
        while (keys.Length < count)
        {
            long missing = count - keys.Length;
            var draw = new long[keys.Length + missing + missing / 16 + 16];
            keys.CopyTo(draw, 0);
            for (int k = keys.Length; k < draw.Length; k++) draw[k] = rng.NextInt64(size);
            Array.Sort(draw);
            int unique = 0;
            for (int k = 0; k < draw.Length; k++) if (k == 0 || draw[k] != draw[k - 1]) draw[unique++] = draw[k];
            keys = draw.AsSpan(0, Math.Min(unique, count)).ToArray();
        }
        return keys;
    }

    private static Array RandomValues(System.Random rng, int count, DType dtype)
    {
        switch (dtype)
        {
            case DType.Bool:
                var mask = new bool[count];
                Array.Fill(mask, true);
                return mask;
            case DType.Int32:
                var i32 = new int[count];
                for (int k = 0; k < count; k++) i32[k] = rng.Next(int.MinValue, int.MaxValue);
                return i32;
            case DType.Int64:
                var i64 = new long[count];
                for (int k = 0; k < count; k++) i64[k] = rng.NextInt64(long.MinValue, long.MaxValue);
                return i64;
            case DType.Int8 or DType.Int16 or DType.UInt8 or DType.UInt16 or DType.UInt32 or DType.UInt64:
                // Integers over the dtype's range, as SciPy's default data_rvs draws them (uint64 as its bits).
                (long lo, long hi) = dtype switch
                {
                    DType.Int8 => (sbyte.MinValue, sbyte.MaxValue),
                    DType.Int16 => (short.MinValue, short.MaxValue),
                    DType.UInt8 => (0L, byte.MaxValue),
                    DType.UInt16 => (0L, ushort.MaxValue),
                    DType.UInt32 => (0L, uint.MaxValue),
                    _ => (long.MinValue, long.MaxValue),
                };
                var raw = new long[count];
                for (int k = 0; k < count; k++) raw[k] = rng.NextInt64(lo, hi);
                return ArrayOps.Cast(raw, dtype);
            default:
                var values = new double[count];
                for (int k = 0; k < count; k++) values[k] = rng.NextDouble();
                return ArrayOps.Cast(values, dtype);
        }
    }

    /// <summary>Ones on diagonal <paramref name="k"/> of an <paramref name="n"/> × <paramref name="m"/> array (SciPy's <c>sparse.eye</c>).</summary>
    public static SparseArray Eye(int n, int m, int k = 0, DType dtype = DType.Float64, SparseFormat format = SparseFormat.Csr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        int start = Math.Max(0, -k), end = Math.Min(n, m - k);
        int count = Math.Max(0, end - start);
        SparseBuffer<int> rowBuffer = SparseBuffers.Allocate<int>(count), colBuffer = SparseBuffers.Allocate<int>(count);
        Span<int> rows = rowBuffer.Span, cols = colBuffer.Span;
        for (int t = 0; t < count; t++) { rows[t] = start + t; cols[t] = start + t + k; }
        SparseBuffer values = SparseBuffers.Allocate(dtype, count);
        ArrayOps.Fill(values, ArrayOps.Cast(SparseBuffer.Wrap(new[] { 1.0 }), dtype));
        var coo = new CooArray([rowBuffer, colBuffer], values, new Shape(n, m), true);
        if (format == SparseFormat.Coo) return coo;
        using (coo) return coo.ToFormat(format);
    }

    /// <summary>
    /// A matrix with the given diagonals (SciPy's <c>sparse.diags</c>): diagonal <c>offsets[i]</c> holds <c>diagonals[i]</c>,
    /// which must have exactly the diagonal's length, or length 1 to repeat one value along it.
    /// </summary>
    /// <exception cref="ShapeMismatchException">A diagonal's length does not fit its offset and the shape.</exception>
    public static SparseArray Diags(double[][] diagonals, int[] offsets, Shape? shape = null, SparseFormat format = SparseFormat.Csr)
    {
        ArgumentNullException.ThrowIfNull(diagonals);
        return Diags(Array.ConvertAll(diagonals, d => (Array)d), offsets, shape, null, format);
    }

    /// <summary>
    /// SciPy's <c>sparse.diags(diagonals, offsets, shape, format, dtype)</c> over typed diagonals (<c>double[]</c>,
    /// <c>long[]</c>, …). Without a shape the matrix is square with side <c>len(diagonals[0]) + |offsets[0]|</c>, as in
    /// SciPy; the dtype defaults to NumPy's <c>common_type</c> of the diagonals (float32 or float64), as SciPy's. A diagonal longer than its place is cut, a shorter one
    /// must have length 1 (repeated); offsets must be distinct and inside the matrix.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The counts differ, or a diagonal's length does not fit its offset and the shape.</exception>
    /// <exception cref="ArgumentException">An offset repeats or lies outside the matrix.</exception>
    public static SparseArray Diags(Array[] diagonals, int[] offsets, Shape? shape = null, DType? dtype = null, SparseFormat format = SparseFormat.Csr)
    {
        ArgumentNullException.ThrowIfNull(diagonals);
        ArgumentNullException.ThrowIfNull(offsets);
        if (diagonals.Length != offsets.Length)
        {
            throw new ShapeMismatchException($"{diagonals.Length} diagonals given with {offsets.Length} offsets; they must have the same length", "offsets");
        }
        if (diagonals.Length == 0 && shape is null) throw new ArgumentException("no diagonals given and no shape to make an empty matrix of", nameof(diagonals));
        if (offsets.Distinct().Count() != offsets.Length) throw new ArgumentException($"offset array contains duplicate values: [{string.Join(", ", offsets)}]", nameof(offsets));
        Shape s = shape ?? new Shape(diagonals[0].Length + Math.Abs(offsets[0]), diagonals[0].Length + Math.Abs(offsets[0]));
        if (s.Rank != 2) throw new ShapeMismatchException($"diags makes 2-d matrices, but the shape is {s}", nameof(shape), s);
        DType promoted = diagonals.Select(CooArray.DTypeOf).DefaultIfEmpty(DType.Float64).Aggregate(DTypes.Promote);
        DType type = dtype ?? (promoted.IsFloat() || promoted.IsComplex() ? promoted : DType.Float64); // NumPy's common_type, as SciPy's diags
        int n = s.Dims[0], m = s.Dims[1];
        long total = 0;
        foreach (int k in offsets) total += Math.Max(0L, Math.Min(n, (long)m - k) - Math.Max(0L, -(long)k));
        SparseValidation.EntryCount(total, $"diags with {offsets.Length} offsets in shape {s}");
        var rows = new List<int>();
        var cols = new List<int>();
        var parts = new List<Array>();
        for (int d = 0; d < offsets.Length; d++)
        {
            int k = offsets[d];
            int start = Math.Max(0, -k), length = Math.Min(n, m - k) - start;
            if (length < 0)
            {
                throw new ArgumentException($"offset {k} (index {d}) is out of bounds for shape {s}", nameof(offsets));
            }
            Array diag = ArrayOps.Cast(diagonals[d], type);
            if (diag.Length < length && diag.Length != 1)
            {
                throw new ShapeMismatchException($"diagonal {d} (offset {k}) has length {diag.Length}, which does not agree with matrix size {s}: it needs length {length} (or 1)", "diagonals", s);
            }
            var picks = new int[length];
            for (int t = 0; t < length; t++)
            {
                rows.Add(start + t);
                cols.Add(start + t + k);
                picks[t] = diag.Length == 1 ? 0 : t;
            }
            parts.Add(ArrayOps.Gather(diag, picks));
        }
        Array values = ArrayOps.Allocate(type, rows.Count);
        int w = 0;
        foreach (Array part in parts)
        {
            Array.Copy(part, 0, values, w, part.Length);
            w += part.Length;
        }
        var coo = new CooArray([SparseBuffers.CopyOf<int>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows)), SparseBuffers.CopyOf<int>(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cols))],
            SparseBuffers.Adopt(values), s, false).SumDuplicates();
        if (format == SparseFormat.Coo) return coo;
        using (coo) return coo.ToFormat(format);
    }
}
