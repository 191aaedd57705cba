namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// The Sparse plugin's own functions (SciPy's <c>scipy.sparse</c> and <c>scipy.sparse.linalg</c>). Their identities and
/// typed calls live in the ArrayDispatch.Sparse.Api assembly (<c>SparseLinalg</c>, <c>SparseMatrices</c>,
/// <c>SparseIO</c>), which apps reference; this plugin implements them by name with <c>[Implements]</c>.
/// </summary>
internal static class SparseFunctions
{
    /// <summary>Defines the identities before handlers are registered by name.</summary>
    internal static void EnsureDefined()
    {
        SparseLinalg.EnsureDefined();
        _ = SparseMatrices.RandomFunction;   // its static fields, the coo/csr/csc_array constructors among them
        _ = SparseIO.LoadNpzFunction;
    }
}
