namespace ArrayDispatch.Sparse;

/// <summary>Checks of user-supplied index arrays: a bad entry is refused with its position and value, never stored.</summary>
internal static class SparseValidation
{
    /// <summary>
    /// The most entries one sparse array stores: its index pointers and coordinates are <see cref="int"/> (SciPy's
    /// default int32 index dtype; the protocol's dimensions are <see cref="int"/>, so no index needs more), so the count
    /// of stored entries, the last index pointer, is at most <see cref="int.MaxValue"/>.
    /// </summary>
    public const int MaxEntries = int.MaxValue;

    /// <summary>
    /// A result's number of stored entries computed in 64 bits (a sum or product of counts): NumPy's "array is too big"
    /// where it is above <see cref="MaxEntries"/>, raised before anything of that size is allocated, so that no count
    /// wraps to a small or negative one.
    /// </summary>
    /// <param name="count">The number of entries.</param>
    /// <param name="what">The operation and its operands, for the message (<c>"kron of (50000, 1) and (1, 50000)"</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is above <see cref="MaxEntries"/>.</exception>
    public static int EntryCount(long count, string what)
    {
        if (count > MaxEntries)
        {
            throw new ArgumentOutOfRangeException("nnz", $"array is too big: {what} gives {count} stored entries, more than one sparse array holds ({MaxEntries}: its index pointers are int32)");
        }
        return (int)count;
    }

    /// <summary>
    /// Turns per-line counts (<c>pointers[i + 1]</c> the count of line <c>i</c>, <c>pointers[0]</c> zero) into index
    /// pointers in place, summing in 64 bits: a total above <see cref="MaxEntries"/> raises <see cref="EntryCount"/>'s
    /// error instead of wrapping. Returns the total.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The counts add up to more than <see cref="MaxEntries"/>.</exception>
    public static int CumulativeCounts(Span<int> pointers, string what)
    {
        long total = 0;
        for (int i = 1; i < pointers.Length; i++)
        {
            total += pointers[i];
            if (total > MaxEntries) EntryCount(SumFrom(pointers, i, total), what);
            pointers[i] = (int)total;
        }
        return (int)total;
    }

    /// <summary>The full total for the message, from the partial sum <paramref name="total"/> through entry <paramref name="i"/>.</summary>
    private static long SumFrom(ReadOnlySpan<int> counts, int i, long total)
    {
        for (int k = i + 1; k < counts.Length; k++) total += counts[k];
        return total;
    }

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
