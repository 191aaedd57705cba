namespace ArrayDispatch.Sparse;

/// <summary>The storage format of a sparse array.</summary>
public enum SparseFormat
{
    /// <summary>Coordinate lists: one index array per axis plus the values (n-dimensional).</summary>
    Coo,
    /// <summary>Compressed sparse rows (2-d).</summary>
    Csr,
    /// <summary>Compressed sparse columns (2-d).</summary>
    Csc,
}

/// <summary>Parsing and naming of <see cref="SparseFormat"/> values as SciPy spells them.</summary>
public static class SparseFormats
{
    /// <summary>The SciPy name: <c>"coo"</c>, <c>"csr"</c> or <c>"csc"</c>.</summary>
    public static string Name(this SparseFormat format) => format switch
    {
        SparseFormat.Coo => "coo",
        SparseFormat.Csr => "csr",
        _ => "csc",
    };

    /// <summary>Parses a format name; <see langword="null"/> gives <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">The name is not a supported format.</exception>
    public static SparseFormat Parse(string? name, SparseFormat fallback) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "coo" => SparseFormat.Coo,
        "csr" => SparseFormat.Csr,
        "csc" => SparseFormat.Csc,
        _ => throw new ArgumentException($"sparse format '{name}' is not supported; expected 'coo', 'csr' or 'csc'", "format"),
    };
}
