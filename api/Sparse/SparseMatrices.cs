using ArrayDispatch.Functions;

namespace ArrayDispatch.Sparse;

/// <summary>
/// SciPy's <c>scipy.sparse</c> construction functions, typed. The ones that take no array are made by the Sparse
/// backend (or the scoped one, <c>Np.UseBackend</c>, when it implements them).
/// </summary>
public static class SparseMatrices
{
    /// <summary><c>sparse.random</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> RandomFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.random", FunctionKind.Creation);

    /// <summary><c>sparse.eye</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> EyeFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.eye", FunctionKind.Creation);

    /// <summary><c>sparse.diags</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> DiagsFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.diags", FunctionKind.Creation);

    /// <summary><c>sparse.kron</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> KronFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.kron");

    /// <summary><c>sparse.block</c> (SciPy's <c>bmat</c>).</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> BlockFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.block");

    /// <summary><c>sparse.components</c>: SciPy's <c>a.data</c>, <c>a.indices</c>, <c>a.indptr</c> (or <c>a.row</c>, <c>a.col</c>).</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> ComponentsFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.components");

    /// <summary><c>sparse.coo_array</c>: SciPy's <c>coo_array((data, (row, col)), shape)</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> CooArrayFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.coo_array", FunctionKind.Creation);

    /// <summary><c>sparse.csr_array</c>: SciPy's <c>csr_array((data, indices, indptr), shape)</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> CsrArrayFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.csr_array", FunctionKind.Creation);

    /// <summary><c>sparse.csc_array</c>: SciPy's <c>csc_array((data, indices, indptr), shape)</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> CscArrayFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.csc_array", FunctionKind.Creation);

    private const string Backend = "Sparse";

    /// <summary>
    /// SciPy's storage attributes of a sparse array, copied into dense 1-d arrays (for app code that does not reference
    /// the plugin): CSR/CSC <c>[data, indices, indptr]</c> (<c>a.data</c>, <c>a.indices</c>, <c>a.indptr</c>), COO
    /// <c>[data, row, col]</c> (one coordinate array per axis). Indices are int32.
    /// </summary>
    public static NDArray[] Components(NDArray a) => SparseCall.Invoke(ComponentsFunction, [a]);

    /// <summary>A random sparse array, as <c>scipy.sparse.random(m, n, density, format, dtype, random_state)</c>.</summary>
    /// <param name="shape">The shape (2-d for csr/csc; any rank for coo).</param>
    /// <param name="density">The fraction of stored entries, in [0, 1].</param>
    /// <param name="seed">The seed; null draws a fresh one.</param>
    /// <param name="format"><c>"coo"</c> (default), <c>"csr"</c> or <c>"csc"</c>.</param>
    /// <param name="dtype">float64 (default) or float32.</param>
    public static NDArray Random(int[] shape, double density = 0.01, int? seed = null, string? format = null, DType? dtype = null) =>
        SparseCall.Create(RandomFunction, Backend, ("shape", shape), ("density", density), ("seed", seed), ("format", format), ("dtype", dtype))[0];

    /// <summary>An identity-like matrix with ones on diagonal <paramref name="k"/>, as <c>scipy.sparse.eye</c>.</summary>
    public static NDArray Eye(int m, int? n = null, int k = 0, DType? dtype = null, string? format = null) =>
        SparseCall.Create(EyeFunction, Backend, ("m", m), ("n", n), ("k", k), ("dtype", dtype), ("format", format))[0];

    /// <summary>A matrix from diagonals (1-d arrays of any host-resident backend) at <paramref name="offsets"/>, as <c>scipy.sparse.diags</c>.</summary>
    public static NDArray Diags(NDArray[] diagonals, int[] offsets, int[]? shape = null, DType? dtype = null, string? format = null)
    {
        using (Np.UseBackend(Backend))
        {
            return SparseCall.Invoke(DiagsFunction, diagonals, ("offsets", offsets), ("shape", shape), ("dtype", dtype), ("format", format))[0];
        }
    }

    /// <summary>
    /// A sparse array from triplets, as <c>scipy.sparse.coo_array((data, (row, col)), shape).asformat(format)</c>: the
    /// arrays are 1-d host-resident ones (Dense, <c>Np.Load</c>) of one length, the indices of an integer dtype; every
    /// index is checked, duplicates are kept in COO and summed by <c>"csr"</c>/<c>"csc"</c>.
    /// </summary>
    /// <param name="data">The values (1-d).</param>
    /// <param name="row">The row of each value (1-d, an integer dtype).</param>
    /// <param name="col">The column of each value (1-d, an integer dtype).</param>
    /// <param name="shape">The shape; null gives one more than the largest row and column index, as SciPy.</param>
    /// <param name="format"><c>"coo"</c> (default), <c>"csr"</c> or <c>"csc"</c>.</param>
    /// <param name="dtype">Casts the values; null keeps the data's dtype.</param>
    public static NDArray FromTriplets(NDArray data, NDArray row, NDArray col, int[]? shape = null, string? format = null, DType? dtype = null)
    {
        using (Np.UseBackend(Backend))
        {
            return SparseCall.Invoke(CooArrayFunction, [data, row, col], ("shape", shape), ("format", format), ("dtype", dtype))[0];
        }
    }

    /// <summary>
    /// A CSR (or, with <paramref name="format"/> <c>"csc"</c>, CSC) array from its three arrays, as
    /// <c>scipy.sparse.csr_array((data, indices, indptr), shape)</c>; every entry is checked.
    /// </summary>
    /// <param name="data">The values (1-d), row by row (column by column for CSC).</param>
    /// <param name="indices">The column of each value (the row for CSC).</param>
    /// <param name="indptr">Where each row's (column's) values start in <paramref name="data"/>, and their end.</param>
    /// <param name="shape">The shape; null gives (len(indptr) - 1, max(indices) + 1) for CSR, as SciPy.</param>
    /// <param name="format"><c>"csr"</c> (default) or <c>"csc"</c> (then <paramref name="indices"/> are rows, column by column).</param>
    /// <param name="dtype">Casts the values; null keeps the data's dtype.</param>
    public static NDArray FromCompressed(NDArray data, NDArray indices, NDArray indptr, int[]? shape = null, string? format = null, DType? dtype = null)
    {
        var function = format switch
        {
            null or "csr" => CsrArrayFunction,
            "csc" => CscArrayFunction,
            _ => throw new ArgumentException($"format must be 'csr' or 'csc', got '{format}'", nameof(format)),
        };
        using (Np.UseBackend(Backend))
        {
            return SparseCall.Invoke(function, [data, indices, indptr], ("shape", shape), ("dtype", dtype))[0];
        }
    }

    /// <summary>The Kronecker product of two 2-d arrays, as <c>scipy.sparse.kron</c>.</summary>
    public static NDArray Kron(NDArray a, NDArray b, string? format = null) => SparseCall.Invoke(KronFunction, [a, b], ("format", format))[0];

    /// <summary>
    /// A matrix assembled from blocks, as <c>scipy.sparse.bmat</c>: <paramref name="blocks"/>[i][j] is block row i,
    /// column j; null is an all-zero block.
    /// </summary>
    public static NDArray Block(NDArray?[][] blocks, string? format = null, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        int columns = blocks.Length == 0 ? 0 : blocks[0].Length;
        if (blocks.Any(row => row.Length != columns)) throw new ArgumentException("every block row must have the same number of blocks", nameof(blocks));
        NDArray[] flat = blocks.SelectMany(row => row).ToArray()!;
        return SparseCall.Invoke(BlockFunction, flat, ("rows", blocks.Length), ("format", format), ("dtype", dtype))[0];
    }
}
