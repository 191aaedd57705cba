namespace ArrayDispatch.Sparse;

/// <summary>Checks of user-supplied index arrays: a bad entry is refused with its position and value, never stored.</summary>
internal static class SparseValidation
{
    /// <summary>Checks that <paramref name="indices"/> has <paramref name="count"/> entries, each in <c>[0, size)</c>.</summary>
    public static void CheckIndices(ReadOnlySpan<int> indices, int count, int size, int axis, string name)
    {
        if (indices.Length != count)
        {
            throw new ShapeMismatchException($"'{name}' has {indices.Length} entries but 'data' has {count}; they must have the same length", name);
        }
        for (int k = 0; k < indices.Length; k++)
        {
            int v = indices[k];
            if ((uint)v >= (uint)size)
            {
                throw new SparseIndexException(name, k, v,
                    v < 0
                        ? $"negative index {v} at position {k} of '{name}'; sparse indices must be in [0, {size})"
                        : $"index {v} at position {k} of '{name}' is out of bounds for axis {axis} with size {size}");
            }
        }
    }

    /// <summary>
    /// Checks a compressed structure: <paramref name="indptr"/> has <c>major + 1</c> entries, starts at 0, never decreases and
    /// ends at the number of stored entries; every index lies in <c>[0, minor)</c>.
    /// </summary>
    public static void CheckCompressed(ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, int dataLength, int major, int minor, int minorAxis)
    {
        if (indptr.Length != major + 1)
        {
            throw new ShapeMismatchException($"'indptr' has {indptr.Length} entries but must have {major + 1} (one more than the {major} {(minorAxis == 1 ? "rows" : "columns")})", "indptr");
        }
        if (indptr[0] != 0) throw new SparseIndexException("indptr", 0, indptr[0], $"'indptr' must start at 0, but indptr[0] is {indptr[0]}");
        for (int i = 1; i < indptr.Length; i++)
        {
            if (indptr[i] < indptr[i - 1])
            {
                throw new SparseIndexException("indptr", i, indptr[i], $"'indptr' must not decrease, but indptr[{i}] = {indptr[i]} is less than indptr[{i - 1}] = {indptr[i - 1]}");
            }
        }
        if (indptr[^1] != indices.Length)
        {
            throw new SparseIndexException("indptr", indptr.Length - 1, indptr[^1], $"'indptr' ends at {indptr[^1]} but 'indices' has {indices.Length} entries");
        }
        CheckIndices(indices, dataLength, minor, minorAxis, "indices");
    }
}
