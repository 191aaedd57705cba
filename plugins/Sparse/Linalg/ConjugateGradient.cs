using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Linalg;

/// <summary>Conjugate gradients for a symmetric positive definite CSR matrix (SciPy's <c>sparse.linalg.cg</c>, no preconditioner).</summary>
internal static class ConjugateGradient
{
    /// <summary>Solves <c>A x = b</c> until <c>‖r‖ ≤ max(rtol·‖b‖, atol)</c>. <c>info</c> is 0 on convergence, else the iterations done.</summary>
    public static (double[] X, int Info) Solve(CsrArray a, double[] b, double[]? x0, double rtol, double atol, int maxiter)
    {
        int n = b.Length;
        SparseBuffer<double> values = ArrayOps.As<double>(a.ValueBuffer);
        double[] x = x0 ?? new double[n];
        double[] ax = SpMV.Multiply(n, a.IndptrBuffer, a.IndicesBuffer, values, x);
        var r = new double[n];
        for (int i = 0; i < n; i++) r[i] = b[i] - ax[i];
        double bound = Math.Max(rtol * Norm(b), atol);
        double rr = Dot(r, r);
        if (Math.Sqrt(rr) <= bound) return (x, 0);
        var p = (double[])r.Clone();
        for (int iteration = 1; iteration <= maxiter; iteration++)
        {
            double[] ap = SpMV.Multiply(n, a.IndptrBuffer, a.IndicesBuffer, values, p);
            double pap = Dot(p, ap);
            if (pap <= 0)
            {
                throw new LinAlgException($"sparse.linalg.cg: the matrix is not positive definite (pᵀAp = {pap} at iteration {iteration})");
            }
            double alpha = rr / pap;
            for (int i = 0; i < n; i++) { x[i] += alpha * p[i]; r[i] -= alpha * ap[i]; }
            double next = Dot(r, r);
            if (Math.Sqrt(next) <= bound) return (x, 0);
            double beta = next / rr;
            rr = next;
            for (int i = 0; i < n; i++) p[i] = r[i] + beta * p[i];
        }
        return (x, maxiter);
    }

    internal static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    internal static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
}
