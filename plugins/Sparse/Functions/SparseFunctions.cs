using ArrayDispatch.Functions;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Functions the Sparse plugin adds under its own namespace (SciPy's <c>scipy.sparse.linalg</c>); users call them with
/// <c>Np.Call("sparse.linalg.cg", [a, b], options)</c>.
/// </summary>
public static class SparseFunctions
{
    /// <summary>
    /// <c>sparse.linalg.spsolve(A, b)</c>: a direct solve (Gilbert–Peierls sparse LU with threshold partial pivoting).
    /// Options: <c>permc_spec</c>, the fill-reducing ordering: <c>'ND_AT_PLUS_A'</c> (default, nested dissection of
    /// A + Aᵀ applied to rows and columns) or <c>'NATURAL'</c>.
    /// </summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Spsolve = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.linalg.spsolve");

    /// <summary>
    /// <c>sparse.linalg.cg(A, b)</c>: conjugate gradients for symmetric positive definite A. Options: <c>x0</c> is the
    /// optional third array; <c>rtol</c> (1e-5), <c>atol</c> (0), <c>maxiter</c> (10 n). Returns <c>[x, info]</c>, info 0
    /// on convergence, else the iteration count, as in SciPy.
    /// </summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Cg = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.linalg.cg");

    /// <summary>
    /// <c>sparse.linalg.svds(A, k=6)</c>: the k largest singular triplets. Options: <c>k</c>, <c>tol</c>, <c>maxiter</c>,
    /// <c>seed</c>. Returns <c>[u, s, vh]</c> with s ascending, as in SciPy.
    /// </summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Svds = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.linalg.svds");

    /// <summary>
    /// <c>sparse.random</c> (SciPy's and pydata's <c>sparse.random</c>): no arrays; options <c>shape</c> (required),
    /// <c>density</c> (0.01), <c>seed</c> (none: a fresh draw), <c>format</c> (<c>"coo"</c>), <c>dtype</c> (float64).
    /// Returns <c>[array]</c>.
    /// </summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Random = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.random", FunctionKind.Creation);

    /// <summary><c>sparse.eye</c> (SciPy's <c>sparse.eye</c>): no arrays; options <c>m</c> (rows, required), <c>n</c> (columns, default m), <c>k</c>, <c>dtype</c>, <c>format</c> (<c>"csr"</c>).</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Eye = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.eye", FunctionKind.Creation);

    /// <summary>
    /// <c>sparse.diags</c> (SciPy's <c>sparse.diags</c>): the diagonals are the arrays (1-d, any host-resident backend), or
    /// the option <c>diagonals</c> (<c>double[][]</c> or one <c>double[]</c>); options <c>offsets</c> (int or int[]; 0 by
    /// default, which suits one diagonal), <c>shape</c>, <c>dtype</c>, <c>format</c> (<c>"csr"</c>).
    /// </summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Diags = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.diags", FunctionKind.Creation);

    /// <summary><c>sparse.kron(A, B)</c> (SciPy's <c>sparse.kron</c>): two 2-d arrays, sparse or host-resident dense; option <c>format</c> (<c>"csr"</c>).</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Kron = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.kron");

    /// <summary>
    /// <c>sparse.block(a, b, …)</c>: block assembly (SciPy's <c>bmat</c>/<c>block_array</c>): the arrays fill a grid row by
    /// row, a <see langword="null"/> entry is an all-zero block (SciPy's <c>None</c>). Options: <c>rows</c> (how many
    /// block rows; default 1), <c>format</c> (<c>"csr"</c>), <c>dtype</c>. Returns <c>[matrix]</c>.
    /// </summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Block = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.block");

    /// <summary><c>sparse.load_npz</c>: no arrays; option <c>path</c>. Reads SciPy's <c>save_npz</c> (csr, csc, coo) and pydata's COO files.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> LoadNpz = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.load_npz", FunctionKind.Creation);

    /// <summary><c>sparse.save_npz(a)</c>: option <c>path</c>. Writes SciPy's <c>save_npz</c> format. Returns no arrays.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> SaveNpz = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.save_npz");

    /// <summary><c>sparse.mmread</c>: no arrays; options <c>path</c>, <c>format</c> (<c>"coo"</c>, as SciPy's <c>mmread</c>).</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> MmRead = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.mmread", FunctionKind.Creation);

    /// <summary><c>sparse.mmwrite(a)</c>: writes a Matrix Market file. Options: <c>path</c> (required), <c>symmetric</c> (bool). Returns no arrays.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> MmWrite = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.mmwrite");

    internal static void EnsureDefined() => _ = Spsolve;
}
