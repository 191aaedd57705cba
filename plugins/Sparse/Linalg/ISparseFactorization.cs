namespace ArrayDispatch.Sparse.Linalg;

/// <summary>A factored square sparse matrix that solves for one right-hand side at a time.</summary>
internal interface ISparseFactorization
{
    /// <summary>Solves <c>A x = b</c>.</summary>
    double[] Solve(double[] b);
}
