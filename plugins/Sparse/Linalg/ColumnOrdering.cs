namespace ArrayDispatch.Sparse.Linalg;

/// <summary>The fill-reducing ordering <c>spsolve</c> applies before factoring (SciPy's <c>permc_spec</c>).</summary>
internal enum ColumnOrdering
{
    /// <summary>No reordering: factor A as given.</summary>
    Natural,

    /// <summary>Nested dissection of the graph of A + Aᵀ, applied symmetrically to rows and columns.</summary>
    NestedDissectionAtPlusA,
}

/// <summary>Reads the <c>permc_spec</c> option.</summary>
internal static class ColumnOrderings
{
    /// <summary>The accepted spellings, as the error message lists them.</summary>
    public const string Names = "'NATURAL', 'ND_AT_PLUS_A'";

    /// <exception cref="ArgumentException">The name is not an ordering this plugin has.</exception>
    public static ColumnOrdering Parse(string function, string? name) => name switch
    {
        null or "ND_AT_PLUS_A" => ColumnOrdering.NestedDissectionAtPlusA,
        "NATURAL" => ColumnOrdering.Natural,
        _ => throw new ArgumentException($"{function}: option 'permc_spec' must be one of {Names}, got '{name}'", "permc_spec"),
    };
}
