namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Builds arrays that reuse the structure of a sparse array with new values.</summary>
internal static class Structure
{
    /// <summary>
    /// <paramref name="source"/>'s structure with <paramref name="values"/>, and its canonical and sorted flags (a
    /// structure with duplicates keeps them, summed when the result is canonicalised or densified); entries whose new value is zero are dropped, but not a negative zero, which the array keeps
    /// as a stored value wherever it comes from (construction keeps it too: <see cref="ArrayOps.IsImplicitZero"/>), so
    /// <c>signbit</c>, <c>copysign</c> and <c>1 / x</c> of a result (<c>x * 0.0</c> of a negative x) stay NumPy's.
    /// </summary>
    public static SparseArray WithValues(SparseArray source, SparseBuffer values)
    {
        using SparseBuffer<int>? keep = values.VisitValues<KeptPositions, SparseBuffer<int>?>(default);
        if (keep is null)
        {
            // No entry becomes an implicit zero: the structure is unchanged and its index buffers are shared.
            return source switch
            {
                CooArray coo => new CooArray(coo.CoordBuffers, values, coo.Shape, coo.IsCanonical),
                CsrArray c => new CsrArray(c.IndptrBuffer, c.IndicesBuffer, values, c.Shape, c.HasSortedIndices, c.IsCanonical),
                CscArray c => new CscArray(c.IndptrBuffer, c.IndicesBuffer, values, c.Shape, c.HasSortedIndices, c.IsCanonical),
                _ => throw new InvalidOperationException($"unknown sparse array type {source.GetType().Name}. This is a bug in ArrayDispatch; please report it."),
            };
        }
        // The kept entries gathered into buffers from the allocator; a temporary value buffer is given back.
        ReadOnlySpan<int> kept = keep.Span;
        SparseBuffer keptValues = ArrayOps.Gather(values, kept);
        values.Dispose();
        switch (source)
        {
            case CooArray coo:
                return new CooArray(Array.ConvertAll(coo.CoordBuffers, c => ArrayOps.Gather<int>(c.Span, keep.Span)), keptValues, coo.Shape, coo.IsCanonical);
            case CompressedArray c:
                ReadOnlySpan<int> oldPtr = c.Indptr;
                SparseBuffer<int> indptrBuffer = SparseBuffers.Allocate<int>(oldPtr.Length, clear: true);
                Span<int> indptr = indptrBuffer.Span;
                // kept is ascending: walk it beside the lines.
                int w = 0;
                for (int i = 0; i + 1 < oldPtr.Length; i++)
                {
                    while (w < kept.Length && kept[w] < oldPtr[i + 1]) w++;
                    indptr[i + 1] = w;
                }
                SparseBuffer<int> indices = ArrayOps.Gather<int>(c.Indices, kept);
                return c is CsrArray
                    ? new CsrArray(indptrBuffer, indices, keptValues, c.Shape, c.HasSortedIndices, c.IsCanonical)
                    : new CscArray(indptrBuffer, indices, keptValues, c.Shape, c.HasSortedIndices, c.IsCanonical);
            default:
                throw new InvalidOperationException($"unknown sparse array type {source.GetType().Name}. This is a bug in ArrayDispatch; please report it.");
        }
    }

    /// <summary>The positions of the values that are not implicit zeros (<see cref="ArrayOps.IsImplicitZero"/>: +0, not -0.0); null when every value is kept.</summary>
    private readonly struct KeptPositions : IValuesBufferFunction<SparseBuffer<int>?>
    {
        public SparseBuffer<int>? Number<T>(SparseBuffer<T> values) where T : unmanaged, System.Numerics.INumberBase<T>
        {
            ReadOnlySpan<T> v = values.Span;
            int zeros = 0;
            foreach (T x in v) if (ArrayOps.IsImplicitZero(x)) zeros++;
            if (zeros == 0) return null;
            SparseBuffer<int> keep = SparseBuffers.Allocate<int>(v.Length - zeros);
            Span<int> k = keep.Span;
            int w = 0;
            for (int i = 0; i < v.Length; i++) if (!ArrayOps.IsImplicitZero(v[i])) k[w++] = i;
            return keep;
        }

        public SparseBuffer<int>? Bool(SparseBuffer<bool> values)
        {
            ReadOnlySpan<bool> v = values.Span;
            int zeros = v.Count(false);
            if (zeros == 0) return null;
            SparseBuffer<int> keep = SparseBuffers.Allocate<int>(v.Length - zeros);
            Span<int> k = keep.Span;
            int w = 0;
            for (int i = 0; i < v.Length; i++) if (v[i]) k[w++] = i;
            return keep;
        }
    }

    /// <inheritdoc cref="WithValues(SparseArray, SparseBuffer)"/>
    public static SparseArray WithValues(SparseArray source, Array values) => WithValues(source, SparseBuffer.Wrap(values));

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
