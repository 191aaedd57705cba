namespace ArrayDispatch.Sparse.Linalg;

/// <summary>
/// A factor's columns, appended one at a time: the row and value arrays grow by doubling, so building L or U costs
/// amortised O(1) per entry without a list per column.
/// </summary>
internal sealed class CompressedColumns(int columns, int capacity)
{
    /// <summary>Column j's entries are <c>[Start[j], Start[j + 1])</c> once column j is ended.</summary>
    public int[] Start { get; } = new int[columns + 1];

    public int[] Rows { get; private set; } = new int[Math.Max(capacity, 16)];

    public double[] Values { get; private set; } = new double[Math.Max(capacity, 16)];

    /// <summary>Entries appended so far.</summary>
    public int Count { get; private set; }

    public void Add(int row, double value)
    {
        if (Count == Rows.Length) Grow();
        Rows[Count] = row;
        Values[Count++] = value;
    }

    /// <summary>Closes column <paramref name="j"/>: the entries added since the previous column are its own.</summary>
    public void EndColumn(int j) => Start[j + 1] = Count;

    /// <summary>Maps every row index through <paramref name="map"/> (from original rows to pivot steps).</summary>
    public void RenumberRows(int[] map)
    {
        for (int e = 0; e < Count; e++) Rows[e] = map[Rows[e]];
    }

    private void Grow()
    {
        int size = (int)Math.Min((long)Rows.Length * 2, Array.MaxLength);
        if (size == Rows.Length) throw new LinAlgException("sparse LU: the factors outgrew the largest .NET array");
        Rows = ResizeTo(Rows, size);
        Values = ResizeTo(Values, size);
    }

    private static T[] ResizeTo<T>(T[] array, int size)
    {
        var grown = new T[size];
        Array.Copy(array, grown, array.Length);
        return grown;
    }
}
