namespace ArrayDispatch.Functions;

/// <summary>The result of <c>linalg.svd</c>: <c>a = U @ diag(S) @ Vh</c>. <see cref="U"/> and <see cref="Vh"/> are null when <c>compute_uv=False</c>.</summary>
/// <param name="U">Left singular vectors.</param>
/// <param name="S">Singular values, descending.</param>
/// <param name="Vh">Right singular vectors, as rows.</param>
public sealed record SvdResult(NDArray? U, NDArray S, NDArray? Vh);

/// <summary>The result of <c>linalg.qr</c>: <c>a = Q @ R</c>. <see cref="Q"/> is null for <see cref="QrMode.R"/>.</summary>
/// <param name="Q">Orthonormal columns.</param>
/// <param name="R">Upper triangular.</param>
public sealed record QrResult(NDArray? Q, NDArray R);

/// <summary>The result of <c>linalg.eigh</c>: ascending eigenvalues and the eigenvectors as columns.</summary>
/// <param name="Eigenvalues">Ascending eigenvalues.</param>
/// <param name="Eigenvectors">Eigenvectors, column <c>i</c> for eigenvalue <c>i</c>.</param>
public sealed record EighResult(NDArray Eigenvalues, NDArray Eigenvectors);

/// <summary>The result of <c>linalg.eig</c>: eigenvalues and right eigenvectors (column i belongs to eigenvalue i).</summary>
public sealed record EigResult(NDArray Eigenvalues, NDArray Eigenvectors);

/// <summary>The result of <c>linalg.slogdet</c>: <c>det = Sign * exp(LogAbsDet)</c>.</summary>
/// <param name="Sign">The sign (0 for a singular matrix).</param>
/// <param name="LogAbsDet">The natural log of the absolute determinant.</param>
public sealed record SlogdetResult(NDArray Sign, NDArray LogAbsDet);

/// <summary>The result of <c>linalg.lstsq</c>.</summary>
/// <param name="Solution">The least-squares solution.</param>
/// <param name="Residuals">Sums of squared residuals (empty when rank &lt; N or M &lt;= N).</param>
/// <param name="Rank">The rank of the matrix.</param>
/// <param name="SingularValues">The singular values of the matrix.</param>
public sealed record LstsqResult(NDArray Solution, NDArray Residuals, int Rank, NDArray SingularValues);

/// <summary>The result of <c>unique</c>; optional parts are null unless asked for.</summary>
/// <param name="Values">The sorted unique values.</param>
/// <param name="Indices">First index of each unique value.</param>
/// <param name="Inverse">Indices that rebuild the input from <see cref="Values"/>.</param>
/// <param name="Counts">How often each unique value occurs.</param>
public sealed record UniqueResult(NDArray Values, NDArray? Indices, NDArray? Inverse, NDArray? Counts);

/// <summary>The array API standard's <c>unique_all</c> (NumPy 2's record of the same name).</summary>
/// <param name="Values">The sorted unique values.</param>
/// <param name="Indices">The index of the first occurrence of each unique value in the flattened input.</param>
/// <param name="InverseIndices">For each input element, the index of its value in <see cref="Values"/>; the input's shape.</param>
/// <param name="Counts">How often each unique value occurs.</param>
public sealed record UniqueAllResult(NDArray Values, NDArray Indices, NDArray InverseIndices, NDArray Counts);

/// <summary>The array API standard's <c>unique_counts</c>.</summary>
/// <param name="Values">The sorted unique values.</param>
/// <param name="Counts">How often each unique value occurs.</param>
public sealed record UniqueCountsResult(NDArray Values, NDArray Counts);

/// <summary>The array API standard's <c>unique_inverse</c>.</summary>
/// <param name="Values">The sorted unique values.</param>
/// <param name="InverseIndices">For each input element, the index of its value in <see cref="Values"/>; the input's shape.</param>
public sealed record UniqueInverseResult(NDArray Values, NDArray InverseIndices);
