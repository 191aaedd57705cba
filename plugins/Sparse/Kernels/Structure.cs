namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Builds arrays that reuse the structure of a canonical sparse array with new values.</summary>
internal static class Structure
{
    /// <summary>
    /// <paramref name="source"/>'s structure (which must be canonical, so its arrays are never mutated again) with
    /// <paramref name="values"/>; entries whose new value is zero are dropped, but not a negative zero, which the array keeps
    /// as a stored value wherever it comes from (construction keeps it too: <see cref="ArrayOps.IsImplicitZero"/>), so
    /// <c>signbit</c>, <c>copysign</c> and <c>1 / x</c> of a result (<c>x * 0.0</c> of a negative x) stay NumPy's.
    /// </summary>
    public static SparseArray WithValues(SparseArray source, SparseBuffer values)
    {
        if (values.VisitValues<HasImplicitZero, bool>(default))
        {
            Array managed = values.ToManaged();
            values.Dispose();
            return WithValues(source, managed);
        }
        // No entry becomes an implicit zero: the structure is unchanged and its index buffers are shared.
        return source switch
        {
            CooArray coo => new CooArray(coo.CoordBuffers, values, coo.Shape, true),
            CsrArray c => new CsrArray(c.IndptrBuffer, c.IndicesBuffer, values, c.Shape, true, true),
            CscArray c => new CscArray(c.IndptrBuffer, c.IndicesBuffer, values, c.Shape, true, true),
            _ => throw new InvalidOperationException($"unknown sparse array type {source.GetType().Name}. This is a bug in ArrayDispatch; please report it."),
        };
    }

    /// <summary>Whether any value is a zero a sparse array may leave implicit (<see cref="ArrayOps.IsImplicitZero"/>: +0, not -0.0).</summary>
    private readonly struct HasImplicitZero : IValuesBufferFunction<bool>
    {
        public bool Number<T>(SparseBuffer<T> values) where T : unmanaged, System.Numerics.INumberBase<T>
        {
            foreach (T v in values.Span) if (ArrayOps.IsImplicitZero(v)) return true;
            return false;
        }

        public bool Bool(SparseBuffer<bool> values) => values.Span.Contains(false);
    }

    /// <inheritdoc cref="WithValues(SparseArray, SparseBuffer)"/>
    public static SparseArray WithValues(SparseArray source, Array values)
    {
        int zeros = 0;
        for (int k = 0; k < values.Length; k++) if (ArrayOps.IsImplicitZero(values, k)) zeros++;
        switch (source)
        {
            case CooArray coo:
                if (zeros == 0) return new CooArray(coo.CoordBuffers, SparseBuffer.Wrap(values), coo.Shape, true);
                int[] keep = Keep(values, zeros);
                return new CooArray(Array.ConvertAll(coo.Coords, c => ArrayOps.Gather(c, keep)), ArrayOps.Gather(values, keep), coo.Shape, true);
            case CompressedArray c:
                if (zeros == 0)
                {
                    // The structure is unchanged: the new array shares the index buffers.
                    SparseBuffer valueBuffer = SparseBuffer.Wrap(values);
                    return c is CsrArray
                        ? new CsrArray(c.IndptrBuffer, c.IndicesBuffer, valueBuffer, c.Shape, true, true)
                        : new CscArray(c.IndptrBuffer, c.IndicesBuffer, valueBuffer, c.Shape, true, true);
                }
                int[] kept = Keep(values, zeros);
                ReadOnlySpan<int> oldPtr = c.Indptr;
                var indptr = new int[oldPtr.Length];
                int w = 0;
                for (int i = 0; i + 1 < oldPtr.Length; i++)
                {
                    for (int k = oldPtr[i]; k < oldPtr[i + 1]; k++) if (!ArrayOps.IsImplicitZero(values, k)) w++;
                    indptr[i + 1] = w;
                }
                int[] indices = ArrayOps.Gather(c.IndicesArray, kept);
                values = ArrayOps.Gather(values, kept);
                return c is CsrArray
                    ? new CsrArray(indptr, indices, values, c.Shape, true, true)
                    : new CscArray(indptr, indices, values, c.Shape, true, true);
            default:
                throw new InvalidOperationException($"unknown sparse array type {source.GetType().Name}. This is a bug in ArrayDispatch; please report it.");
        }
    }

    private static int[] Keep(Array values, int zeros)
    {
        var keep = new int[values.Length - zeros];
        int w = 0;
        for (int k = 0; k < values.Length; k++) if (!ArrayOps.IsImplicitZero(values, k)) keep[w++] = k;
        return keep;
    }

    /// <summary>Canonicalises any sparse array in place and returns it.</summary>
    public static SparseArray Canonical(SparseArray x)
    {
        switch (x)
        {
            case CooArray coo: coo.SumDuplicates(); break;
            case CompressedArray c: c.SumDuplicates(); break;
        }
        return x;
    }
}
