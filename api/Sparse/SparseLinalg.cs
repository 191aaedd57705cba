using ArrayDispatch.Functions;

namespace ArrayDispatch.Sparse;

/// <summary>SciPy's <c>scipy.sparse.linalg</c>, typed. Each call dispatches on its arrays like any protocol function.</summary>
public static class SparseLinalg
{
    /// <summary><c>sparse.linalg.spsolve</c>: options <c>permc_spec</c>. Returns <c>[x]</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> SpsolveFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.linalg.spsolve");

    /// <summary><c>sparse.linalg.cg</c>: arrays A, b and optionally x0; options <c>rtol</c>, <c>atol</c>, <c>maxiter</c>. Returns <c>[x, info]</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> CgFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.linalg.cg");

    /// <summary><c>sparse.linalg.svds</c>: options <c>k</c>, <c>tol</c>, <c>maxiter</c>, <c>seed</c>. Returns <c>[u, s, vh]</c>, s ascending.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> SvdsFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("sparse.linalg.svds");

    /// <summary>
    /// Solves A x = b directly (sparse LU). <paramref name="permcSpec"/> is the fill-reducing ordering:
    /// <c>"ND_AT_PLUS_A"</c> (the default) or <c>"NATURAL"</c>; SciPy's other names are refused.
    /// </summary>
    public static NDArray Spsolve(NDArray a, NDArray b, string? permcSpec = null) =>
        SparseCall.Invoke(SpsolveFunction, [a, b], ("permc_spec", permcSpec))[0];

    /// <summary>Conjugate gradients for a symmetric positive definite A, as SciPy's <c>cg</c>: <c>(x, info)</c>, info 0 on convergence.</summary>
    /// <param name="a">The matrix.</param>
    /// <param name="b">The right-hand side.</param>
    /// <param name="x0">The starting guess (zeros when null).</param>
    /// <param name="rtol">Relative tolerance on the residual (SciPy's default 1e-5).</param>
    /// <param name="atol">Absolute tolerance (0).</param>
    /// <param name="maxiter">Iteration limit (10 n when null).</param>
    public static (NDArray X, int Info) Cg(NDArray a, NDArray b, NDArray? x0 = null, double rtol = 1e-5, double atol = 0, int? maxiter = null)
    {
        NDArray[] r = SparseCall.Invoke(CgFunction, x0 is null ? [a, b] : [a, b, x0], ("rtol", rtol), ("atol", atol), ("maxiter", maxiter));
        return (r[0], (int)r[1].Item<long>());
    }

    /// <summary>The <paramref name="k"/> largest singular triplets, as SciPy's <c>svds</c> (singular values ascending).</summary>
    public static (NDArray U, NDArray S, NDArray Vh) Svds(NDArray a, int k = 6, double? tol = null, int? maxiter = null, int? seed = null)
    {
        NDArray[] r = SparseCall.Invoke(SvdsFunction, [a], ("k", k), ("tol", tol), ("maxiter", maxiter), ("seed", seed));
        return (r[0], r[1], r[2]);
    }

    /// <summary>Makes sure the identities are in the catalogue (a plugin calls this before registering handlers by name).</summary>
    public static void EnsureDefined() => _ = SpsolveFunction;
}
