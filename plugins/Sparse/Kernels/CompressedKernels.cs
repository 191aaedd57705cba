namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Structural kernels over compressed (CSR/CSC) storage.</summary>
internal static class CompressedKernels
{
    /// <summary>Whether every line is strictly increasing.</summary>
    public static bool IsCanonical(int[] indptr, int[] indices)
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
    public static (int[] Indptr, int[] Indices, Array Values) Canonicalize(int[] indptr, int[] indices, Array values) => values switch
    {
        double[] d => Canonicalize(indptr, indices, d),
        float[] f => Canonicalize(indptr, indices, f),
        long[] l => Canonicalize(indptr, indices, l),
        int[] n => Canonicalize(indptr, indices, n),
        bool[] b => CanonicalizeBool(indptr, indices, b),
        _ => throw ArrayOps.Unsupported(values),
    };

    private static (int[], int[], Array) CanonicalizeBool(int[] indptr, int[] indices, bool[] values)
    {
        (int[] p, int[] i, Array v) = Canonicalize(indptr, indices, Array.ConvertAll(values, b => b ? 1 : 0));
        return (p, i, Array.ConvertAll((int[])v, x => x != 0));
    }

    private static (int[], int[], Array) Canonicalize<T>(int[] indptr, int[] indices, T[] values) where T : System.Numerics.INumber<T>
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
    public static (int[] Indptr, int[] Indices, Array Values) Transpose(int[] indptr, int[] indices, Array values, int minor) => values switch
    {
        double[] d => Transpose(indptr, indices, d, minor),
        float[] f => Transpose(indptr, indices, f, minor),
        long[] l => Transpose(indptr, indices, l, minor),
        int[] n => Transpose(indptr, indices, n, minor),
        bool[] b => Transpose(indptr, indices, b, minor),
        _ => throw ArrayOps.Unsupported(values),
    };

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
    public static (int[] Indptr, int[] Indices, Array Values) FromCoordinates(int[] majors, int[] minors, Array values, int major) => values switch
    {
        double[] d => FromCoordinates(majors, minors, d, major),
        float[] f => FromCoordinates(majors, minors, f, major),
        long[] l => FromCoordinates(majors, minors, l, major),
        int[] n => FromCoordinates(majors, minors, n, major),
        bool[] b => FromCoordinates(majors, minors, b, major),
        _ => throw ArrayOps.Unsupported(values),
    };

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
