using ArrayDispatch.Functions;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Functions the Sparse plugin adds under its own namespace (SciPy's <c>scipy.sparse.linalg</c>); users call them with
/// <c>Np.Call("sparse.linalg.cg", [a, b], options)</c>.
/// </summary>
public static class SparseFunctions
{
    /// <summary><c>sparse.linalg.spsolve(A, b)</c>: a direct solve (sparse LU with partial pivoting). Options: none.</summary>
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
    /// <c>sparse.block(a, b, …)</c>: block assembly (SciPy's <c>bmat</c>): the arrays fill a grid row by row. Options:
    /// <c>rows</c> (how many block rows; default 1), <c>format</c>. Returns <c>[matrix]</c>.
    /// </summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> Block = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.block");

    /// <summary><c>sparse.save_mtx(a)</c>: writes a Matrix Market file. Options: <c>path</c> (required), <c>symmetric</c> (bool). Returns no arrays.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> SaveMtx = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.save_mtx");

    internal static void EnsureDefined() => _ = Spsolve;
}
