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

    /// <summary>Sorts each line and sums duplicates (new arrays when duplicates are removed; sorting happens in place).</summary>
    public static (int[] Indptr, int[] Indices, Array Values) Canonicalize(int[] indptr, int[] indices, Array values) =>
        ArrayOps.Visit<CanonicalizeFunction, (int[], int[], Array)>(values, new(indptr, indices));

    private readonly struct CanonicalizeFunction(int[] indptr, int[] indices) : IValuesFunction<(int[], int[], Array)>
    {
        public (int[], int[], Array) Number<T>(T[] values) where T : unmanaged, System.Numerics.INumberBase<T> => Canonicalize(indptr, indices, values);
        public (int[], int[], Array) Bool(bool[] values) => CanonicalizeBool(indptr, indices, values);
    }

    private static (int[], int[], Array) CanonicalizeBool(int[] indptr, int[] indices, bool[] values)
    {
        (int[] p, int[] i, Array v) = Canonicalize(indptr, indices, Array.ConvertAll(values, b => b ? 1 : 0));
        return (p, i, Array.ConvertAll((int[])v, x => x != 0));
    }

    private static (int[], int[], Array) Canonicalize<T>(int[] indptr, int[] indices, T[] values) where T : System.Numerics.INumberBase<T>
    {
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
            if (!sorted) indices.AsSpan(start, end - start).Sort(values.AsSpan(start, end - start));
            for (int k = start + 1; k < end && !duplicates; k++) duplicates = indices[k] == indices[k - 1];
        }
        if (!duplicates) return (indptr, indices, values);
        var outPtr = new int[indptr.Length];
        int w = 0;
        for (int i = 0; i < major; i++)
        {
            int start = indptr[i], end = indptr[i + 1];
            for (int k = start; k < end; k++)
            {
                if (k > start && indices[k] == indices[w - 1]) { values[w - 1] += values[k]; continue; }
                indices[w] = indices[k];
                values[w] = values[k];
                w++;
            }
            outPtr[i + 1] = w;
        }
        return (outPtr, indices.AsSpan(0, w).ToArray(), values.AsSpan(0, w).ToArray());
    }

    /// <summary>
    /// The compressed form of the transpose (CSR to CSC of the same matrix): a counting sort on the minor index. Lines of
    /// the result are sorted.
    /// </summary>
    public static (int[] Indptr, int[] Indices, Array Values) Transpose(int[] indptr, int[] indices, Array values, int minor) =>
        ArrayOps.Visit<TransposeFunction, (int[], int[], Array)>(values, new(indptr, indices, minor));

    private readonly struct TransposeFunction(int[] indptr, int[] indices, int minor) : IValuesFunction<(int[], int[], Array)>
    {
        public (int[], int[], Array) Number<T>(T[] values) where T : unmanaged, System.Numerics.INumberBase<T> => Transpose(indptr, indices, values, minor);
        public (int[], int[], Array) Bool(bool[] values) => Transpose(indptr, indices, values, minor);
    }

    private static (int[], int[], Array) Transpose<T>(int[] indptr, int[] indices, T[] values, int minor)
    {
        int major = indptr.Length - 1;
        int nnz = indptr[major];
        var outPtr = new int[minor + 1];
        for (int k = 0; k < nnz; k++) outPtr[indices[k] + 1]++;
        for (int j = 0; j < minor; j++) outPtr[j + 1] += outPtr[j];
        var next = (int[])outPtr.Clone();
        int[] outIndices = GC.AllocateUninitializedArray<int>(nnz);
        T[] outValues = GC.AllocateUninitializedArray<T>(nnz);
        for (int i = 0; i < major; i++)
        {
            for (int k = indptr[i]; k < indptr[i + 1]; k++)
            {
                int dest = next[indices[k]]++;
                outIndices[dest] = i;
                outValues[dest] = values[k];
            }
        }
        return (outPtr, outIndices, outValues);
    }

    /// <summary>Builds compressed storage from (major, minor) coordinates with a stable counting sort on the major index.</summary>
    public static (int[] Indptr, int[] Indices, Array Values) FromCoordinates(int[] majors, int[] minors, Array values, int major) =>
        ArrayOps.Visit<FromCoordinatesFunction, (int[], int[], Array)>(values, new(majors, minors, major));

    private readonly struct FromCoordinatesFunction(int[] majors, int[] minors, int major) : IValuesFunction<(int[], int[], Array)>
    {
        public (int[], int[], Array) Number<T>(T[] values) where T : unmanaged, System.Numerics.INumberBase<T> => FromCoordinates(majors, minors, values, major);
        public (int[], int[], Array) Bool(bool[] values) => FromCoordinates(majors, minors, values, major);
    }

    private static (int[], int[], Array) FromCoordinates<T>(int[] majors, int[] minors, T[] values, int major)
    {
        int nnz = values.Length;
        var indptr = new int[major + 1];
        for (int k = 0; k < nnz; k++) indptr[majors[k] + 1]++;
        for (int i = 0; i < major; i++) indptr[i + 1] += indptr[i];
        var next = new int[major];
        Array.Copy(indptr, next, major);
        int[] indices = GC.AllocateUninitializedArray<int>(nnz);
        T[] outValues = GC.AllocateUninitializedArray<T>(nnz);
        for (int k = 0; k < nnz; k++)
        {
            int dest = next[majors[k]]++;
            indices[dest] = minors[k];
            outValues[dest] = values[k];
        }
        return (indptr, indices, outValues);
    }
}
