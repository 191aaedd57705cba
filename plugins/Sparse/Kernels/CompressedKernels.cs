namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Structural kernels over compressed (CSR/CSC) storage.</summary>
internal static class CompressedKernels
{
    /// <summary>Whether every line is strictly increasing.</summary>
    public static bool IsCanonical(ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices)
    {
        int major = indptr.Length - 1;
        for (int i = 0; i < major; i++)
        {
            for (int k = indptr[i] + 1; k < indptr[i + 1]; k++)
            {
                if (indices[k] <= indices[k - 1]) return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Sorts each line and sums duplicates (logical or for bool). Sorting happens in place (the matrix is unchanged);
    /// when duplicates are removed the compacted buffers are new, from the allocator.
    /// </summary>
    public static (SparseBuffer<int> Indptr, SparseBuffer<int> Indices, SparseBuffer Values) Canonicalize(SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer values) =>
        values.VisitValues<CanonicalizeFunction, (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer)>(new(indptr, indices));

    private readonly struct CanonicalizeFunction(SparseBuffer<int> indptr, SparseBuffer<int> indices) : IValuesBufferFunction<(SparseBuffer<int>, SparseBuffer<int>, SparseBuffer)>
    {
        public (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer) Number<T>(SparseBuffer<T> values) where T : unmanaged, System.Numerics.INumberBase<T> =>
            Canonicalize<T, NumberSum<T>>(indptr, indices, values);

        public (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer) Bool(SparseBuffer<bool> values) => Canonicalize<bool, BoolOr>(indptr, indices, values);
    }

    private static (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer) Canonicalize<T, TSum>(SparseBuffer<int> indptrBuffer, SparseBuffer<int> indicesBuffer, SparseBuffer<T> valuesBuffer)
        where T : unmanaged where TSum : ISum<T>
    {
        ReadOnlySpan<int> indptr = indptrBuffer.Span;
        Span<int> indices = indicesBuffer.Span;
        Span<T> values = valuesBuffer.Span;
        int major = indptr.Length - 1;
        bool duplicates = false;
        for (int i = 0; i < major; i++)
        {
            int start = indptr[i], end = indptr[i + 1];
            bool sorted = true;
            for (int k = start + 1; k < end; k++)
            {
                if (indices[k] < indices[k - 1]) { sorted = false; break; }
            }
            if (!sorted) indices[start..end].Sort(values[start..end]);
            for (int k = start + 1; k < end && !duplicates; k++) duplicates = indices[k] == indices[k - 1];
        }
        if (!duplicates) return (indptrBuffer, indicesBuffer, valuesBuffer);
        // Written into new buffers, never compacted in place: arrays sharing these buffers (a transpose view) keep
        // their entries.
        SparseBuffer<int> outPtrBuffer = SparseBuffers.Allocate<int>(indptr.Length, clear: true);
        Span<int> outPtr = outPtrBuffer.Span;
        for (int i = 0; i < major; i++)
        {
            int count = 0;
            for (int k = indptr[i]; k < indptr[i + 1]; k++) if (k == indptr[i] || indices[k] != indices[k - 1]) count++;
            outPtr[i + 1] = outPtr[i] + count;
        }
        SparseBuffer<int> outIndicesBuffer = SparseBuffers.Allocate<int>(outPtr[major]);
        SparseBuffer<T> outValuesBuffer = SparseBuffers.Allocate<T>(outPtr[major]);
        Span<int> outIndices = outIndicesBuffer.Span;
        Span<T> outValues = outValuesBuffer.Span;
        int w = 0;
        for (int i = 0; i < major; i++)
        {
            int start = indptr[i], end = indptr[i + 1];
            for (int k = start; k < end; k++)
            {
                if (k > start && indices[k] == indices[k - 1]) { outValues[w - 1] = TSum.Add(outValues[w - 1], values[k]); continue; }
                outIndices[w] = indices[k];
                outValues[w] = values[k];
                w++;
            }
        }
        GC.KeepAlive(indptrBuffer);
        GC.KeepAlive(indicesBuffer);
        GC.KeepAlive(valuesBuffer);
        return (outPtrBuffer, outIndicesBuffer, outValuesBuffer);
    }

    /// <summary>
    /// The compressed form of the transpose (CSR to CSC of the same matrix): a counting sort on the minor index. Lines of
    /// the result are sorted. The result's buffers come from the allocator (native when large).
    /// </summary>
    public static (SparseBuffer<int> Indptr, SparseBuffer<int> Indices, SparseBuffer Values) Transpose(SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer values, int minor) =>
        values.Visit<TransposeFunction, (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer)>(new(indptr, indices, minor));

    private readonly struct TransposeFunction(SparseBuffer<int> indptr, SparseBuffer<int> indices, int minor) : IBufferFunction<(SparseBuffer<int>, SparseBuffer<int>, SparseBuffer)>
    {
        // The spans do not keep their buffers alive; the kernel's caller may hold the array only through them.
        public (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer) Visit<T>(SparseBuffer<T> values) where T : unmanaged
        {
            var result = Transpose(indptr.Span, indices.Span, values, minor);
            GC.KeepAlive(indptr);
            GC.KeepAlive(indices);
            return result;
        }
    }

    private static (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer) Transpose<T>(ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, SparseBuffer<T> valueBuffer, int minor) where T : unmanaged
    {
        int major = indptr.Length - 1;
        int nnz = indptr[major];
        SparseBuffer<int> outPtrBuffer = SparseBuffers.Allocate<int>(minor + 1, clear: true);
        Span<int> outPtr = outPtrBuffer.Span;
        for (int k = 0; k < nnz; k++) outPtr[indices[k] + 1]++;
        for (int j = 0; j < minor; j++) outPtr[j + 1] += outPtr[j];
        using SparseBuffer<int> nextBuffer = SparseBuffers.CopyOf<int>(outPtr);
        Span<int> next = nextBuffer.Span;
        SparseBuffer<int> outIndicesBuffer = SparseBuffers.Allocate<int>(nnz);
        SparseBuffer<T> outValuesBuffer = SparseBuffers.Allocate<T>(nnz);
        Span<int> outIndices = outIndicesBuffer.Span;
        Span<T> outValues = outValuesBuffer.Span;
        ReadOnlySpan<T> values = valueBuffer.Span;
        for (int i = 0; i < major; i++)
        {
            for (int k = indptr[i]; k < indptr[i + 1]; k++)
            {
                int dest = next[indices[k]]++;
                outIndices[dest] = i;
                outValues[dest] = values[k];
            }
        }
        return (outPtrBuffer, outIndicesBuffer, outValuesBuffer);
    }

    /// <summary>
    /// Builds compressed storage from (major, minor) coordinates with a stable counting sort on the major index; the
    /// result's buffers come from the allocator.
    /// </summary>
    public static (SparseBuffer<int> Indptr, SparseBuffer<int> Indices, SparseBuffer Values) FromCoordinates(SparseBuffer<int> majors, SparseBuffer<int> minors, SparseBuffer values, int major) =>
        values.Visit<FromCoordinatesFunction, (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer)>(new(majors, minors, major));

    private readonly struct FromCoordinatesFunction(SparseBuffer<int> majors, SparseBuffer<int> minors, int major) : IBufferFunction<(SparseBuffer<int>, SparseBuffer<int>, SparseBuffer)>
    {
        public (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer) Visit<T>(SparseBuffer<T> values) where T : unmanaged
        {
            var result = FromCoordinates(majors.Span, minors.Span, values, major);
            GC.KeepAlive(majors);
            GC.KeepAlive(minors);
            return result;
        }
    }

    private static (SparseBuffer<int>, SparseBuffer<int>, SparseBuffer) FromCoordinates<T>(ReadOnlySpan<int> majors, ReadOnlySpan<int> minors, SparseBuffer<T> valueBuffer, int major) where T : unmanaged
    {
        ReadOnlySpan<T> values = valueBuffer.Span;
        int nnz = values.Length;
        SparseBuffer<int> indptrBuffer = SparseBuffers.Allocate<int>(major + 1, clear: true);
        Span<int> indptr = indptrBuffer.Span;
        for (int k = 0; k < nnz; k++) indptr[majors[k] + 1]++;
        for (int i = 0; i < major; i++) indptr[i + 1] += indptr[i];
        using SparseBuffer<int> nextBuffer = SparseBuffers.CopyOf<int>(indptr[..major]);
        Span<int> next = nextBuffer.Span;
        SparseBuffer<int> indicesBuffer = SparseBuffers.Allocate<int>(nnz);
        SparseBuffer<T> outValuesBuffer = SparseBuffers.Allocate<T>(nnz);
        Span<int> indices = indicesBuffer.Span;
        Span<T> outValues = outValuesBuffer.Span;
        for (int k = 0; k < nnz; k++)
        {
            int dest = next[majors[k]]++;
            indices[dest] = minors[k];
            outValues[dest] = values[k];
        }
        return (indptrBuffer, indicesBuffer, outValuesBuffer);
    }
}

/// <summary>How duplicates are summed: numbers add (integers wrap, as NumPy's sum of duplicates), bool is a logical or.</summary>
internal interface ISum<T>
{
    static abstract T Add(T a, T b);
}

internal readonly struct NumberSum<T> : ISum<T> where T : System.Numerics.INumberBase<T>
{
    public static T Add(T a, T b) => a + b;
}

internal readonly struct BoolOr : ISum<bool>
{
    public static bool Add(bool a, bool b) => a | b;
}
