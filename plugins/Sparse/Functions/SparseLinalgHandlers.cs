using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels;
using ArrayDispatch.Sparse.Linalg;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Linear algebra: <c>linalg.svd</c> of a sparse array is refused (use <c>sparse.linalg.svds</c> or densify), and the
/// plugin's own functions under <c>sparse.*</c>, called with <c>Np.Call</c>.
/// </summary>
internal sealed class SparseLinalgHandlers(SparseContext ctx)
{
    /// <summary>
    /// Refuses rather than declines: a full SVD of a sparse matrix makes dense factors, which is rarely what the caller
    /// wants, and a silent decline would only say "no implementation". The message names both ways forward.
    /// </summary>
    [Implements("linalg.svd")]
    public DispatchResult<SvdResult> Svd(in SvdArgs args, ReadOnlySpan<Type> types)
    {
        if (args.X is not SparseArray x || !HostInterop.Accepts(types, args.X)) return NotImplemented.Value;
        throw new SparseDensifyException("linalg.svd",
            $"the singular vectors of a sparse {Shape.Format(x.Shape.Dims)} matrix are dense; use Np.Call(\"sparse.linalg.svds\", [a], {{ [\"k\"] = 6 }}) for the k largest singular triplets");
    }

    /// <summary><c>sparse.linalg.cg(A, b[, x0])</c>: conjugate gradients (iterative). Returns <c>[x, info]</c>.</summary>
    [Implements("sparse.linalg.cg")]
    public DispatchResult<NDArray[]> Cg(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!AcceptsCall(args, types, 2, 3)) return NotImplemented.Value;
        CsrArray a = Square(args.Arrays[0], "sparse.linalg.cg");
        double[] b = Vector(args.Arrays[1], a.Shape.Dims[0], "b");
        double[]? x0 = args.Arrays.Length > 2 ? Vector(args.Arrays[2], a.Shape.Dims[0], "x0") : null;
        (double[] x, int info) = ConjugateGradient.Solve(a, b, x0, args.Option("rtol", 1e-5), args.Option("atol", 0.0), args.Option("maxiter", 10 * a.Shape.Dims[0]));
        return new[] { ctx.Dense(HostBuffer.FromContiguous(x, new Shape(x.Length))), ctx.Scalar((long)info) };
    }

    /// <summary>
    /// <c>sparse.linalg.spsolve(A, b, permc_spec='ND_AT_PLUS_A')</c>: a direct solve by sparse LU with threshold partial
    /// pivoting after a fill-reducing symmetric ordering (<c>permc_spec</c>: <c>'ND_AT_PLUS_A'</c>, nested dissection of
    /// A + Aᵀ, or <c>'NATURAL'</c>). The multifrontal LU (delayed pivots) runs first; a singular matrix, or one whose
    /// pattern is far from symmetric, goes to the Gilbert–Peierls LU, which pivots anywhere and names the singular column. Returns <c>[x]</c>.
    /// </summary>
    [Implements("sparse.linalg.spsolve")]
    public DispatchResult<NDArray[]> Spsolve(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!AcceptsCall(args, types, 2, 2)) return NotImplemented.Value;
        CallOptions options = new CallOptions("sparse.linalg.spsolve", args.Options).Only("permc_spec");
        ColumnOrdering ordering = ColumnOrderings.Parse("sparse.linalg.spsolve", options.String("permc_spec"));
        CsrArray a = Square(args.Arrays[0], "sparse.linalg.spsolve");
        NDArray rhs = args.Arrays[1];
        int n = a.Shape.Dims[0];
        if (rhs.Shape.Dims[0] != n)
        {
            throw new ShapeMismatchException($"sparse.linalg.spsolve: matrix of shape {a.Shape} and right-hand side of shape {rhs.Shape} do not match", "b", a.Shape, rhs.Shape);
        }
        ISparseFactorization lu = (ISparseFactorization?)MultifrontalLu.TryFactor(a, ordering) ?? SparseLu.Factor(a, ordering);
        double[] b = HostInterop.Read<double>(rhs);
        int columns = rhs.Rank == 1 ? 1 : rhs.Shape.Dims[1];
        var x = new double[b.Length];
        var column = new double[n];
        for (int c = 0; c < columns; c++)
        {
            for (int i = 0; i < n; i++) column[i] = b[(long)i * columns + c];
            double[] solved = lu.Solve(column);
            for (int i = 0; i < n; i++) x[(long)i * columns + c] = solved[i];
        }
        return new[] { ctx.Dense(HostBuffer.FromContiguous(x, rhs.Shape)) };
    }

    /// <summary><c>sparse.linalg.svds(A, k=6)</c>: the k largest singular triplets by Lanczos bidiagonalisation. Returns <c>[u, s, vh]</c>, s ascending.</summary>
    [Implements("sparse.linalg.svds")]
    public DispatchResult<NDArray[]> Svds(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!AcceptsCall(args, types, 1, 1) || args.Arrays[0].Rank != 2) return NotImplemented.Value;
        CsrArray a = ((SparseArray)args.Arrays[0]).ToCsr();
        int k = args.Option("k", 6);
        (double[] u, double[] s, double[] vh) = TruncatedSvd.Compute(a, k, args.Option("tol", 1e-10), args.Option("maxiter", 0), args.Option("seed", 0));
        int m = a.Shape.Dims[0], n = a.Shape.Dims[1];
        return new[]
        {
            ctx.Dense(HostBuffer.FromContiguous(u, new Shape(m, k))),
            ctx.Dense(HostBuffer.FromContiguous(s, new Shape(k))),
            ctx.Dense(HostBuffer.FromContiguous(vh, new Shape(k, n))),
        };
    }

    private static bool AcceptsCall(in CallArgs args, ReadOnlySpan<Type> types, int min, int max) =>
        args.Arrays.Length >= min && args.Arrays.Length <= max && args.Arrays[0] is SparseArray && HostInterop.AcceptsAll(types, args.Arrays);

    /// <summary>
    /// The solvers compute in float64, so they are declared for the real dtypes: the dispatcher refuses complex operands
    /// by name before a handler runs, rather than anything casting them to their real parts.
    /// </summary>
    internal static FunctionSupport SolverSupport { get; } = new() { DTypes = DTypeSet.Real, Reason = "the sparse solvers compute in float64" };

    /// <summary>Declares <see cref="SolverSupport"/> for each solver.</summary>
    internal static void DeclareSolvers(IBackendBuilder backend)
    {
        foreach (ArrayFunction solver in (ArrayFunction[])[SparseLinalg.CgFunction, SparseLinalg.SpsolveFunction, SparseLinalg.SvdsFunction])
        {
            backend.Declare(solver, SolverSupport);
        }
    }

    private static CsrArray Square(NDArray a, string function)
    {
        if (a.Rank != 2 || a.Shape.Dims[0] != a.Shape.Dims[1])
        {
            throw new ShapeMismatchException($"{function}: the matrix must be square, but has shape {a.Shape}", "A", a.Shape);
        }
        CsrArray csr = ((SparseArray)a).ToCsr();
        csr.SumDuplicates();
        return csr;
    }

    private static double[] Vector(NDArray v, int n, string name)
    {
        if (v.Size != n || v.Rank > 2 || (v.Rank == 2 && v.Shape.Dims[1] != 1))
        {
            throw new ShapeMismatchException($"'{name}' must be a vector of length {n}, but has shape {v.Shape}", name, v.Shape);
        }
        return (double[])HostInterop.Read<double>(v).Clone();
    }
}
