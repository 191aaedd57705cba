using ArrayDispatch.Functions;

namespace ArrayDispatch;

// Products and numpy.linalg.
public static partial class Np
{
    /// <summary>The matrix product with batching and broadcasting (Python's <c>@</c>).</summary>
    public static NDArray MatMul(NDArray a, NDArray b) => Dispatcher.Invoke(ArrayFunctions.MatMul, new PairArgs(a, b));

    /// <summary>NumPy's <c>dot</c>.</summary>
    public static NDArray Dot(NDArray a, NDArray b) => Dispatcher.Invoke(ArrayFunctions.Dot, new PairArgs(a, b));

    /// <summary>The dot product of vectors over the last axis, with broadcasting.</summary>
    public static NDArray VecDot(NDArray a, NDArray b) => Dispatcher.Invoke(ArrayFunctions.VecDot, new PairArgs(a, b));

    /// <summary>The outer product of two vectors.</summary>
    public static NDArray Outer(NDArray a, NDArray b) => Dispatcher.Invoke(ArrayFunctions.Outer, new PairArgs(a, b));

    /// <summary>The Kronecker product.</summary>
    public static NDArray Kron(NDArray a, NDArray b) => Dispatcher.Invoke(ArrayFunctions.Kron, new PairArgs(a, b));

    /// <summary>Contracts the last <paramref name="axes"/> axes of <paramref name="a"/> with the first of <paramref name="b"/>.</summary>
    public static NDArray Tensordot(NDArray a, NDArray b, int axes = 2)
    {
        ArgumentNullException.ThrowIfNull(a);
        int[] left = new int[axes], right = new int[axes];
        for (int i = 0; i < axes; i++) { left[i] = a.Rank - axes + i; right[i] = i; }
        return Tensordot(a, b, left, right);
    }

    /// <summary>Contracts <paramref name="axesA"/> of <paramref name="a"/> with <paramref name="axesB"/> of <paramref name="b"/>.</summary>
    public static NDArray Tensordot(NDArray a, NDArray b, int[] axesA, int[] axesB) => Dispatcher.Invoke(ArrayFunctions.Tensordot, new TensordotArgs(a, b, axesA, axesB));

    /// <summary>Einstein summation, e.g. <c>Np.Einsum("ij,jk->ik", a, b)</c>.</summary>
    public static NDArray Einsum(string subscripts, params NDArray[] operands) => Dispatcher.Invoke(ArrayFunctions.Einsum, new EinsumArgs(subscripts, operands));

    /// <summary>numpy.linalg.</summary>
    public static class Linalg
    {
        /// <summary>Singular value decomposition: <c>a = U @ diag(S) @ Vh</c>. Deconstructs: <c>var (u, s, vh) = Np.Linalg.Svd(a)</c>.</summary>
        public static SvdResult Svd(NDArray a, bool fullMatrices = true, bool computeUV = true) => Dispatcher.Invoke(ArrayFunctions.Svd, new SvdArgs(a, fullMatrices, computeUV));

        /// <summary>The singular values, descending.</summary>
        public static NDArray SvdVals(NDArray a) => Svd(a, false, false).S;

        /// <summary>QR decomposition: <c>a = Q @ R</c>.</summary>
        public static QrResult Qr(NDArray a, QrMode mode = QrMode.Reduced) => Dispatcher.Invoke(ArrayFunctions.Qr, new QrArgs(a, mode));

        /// <summary>The lower Cholesky factor L of a symmetric positive-definite matrix, <c>a = L @ L.T</c>.</summary>
        public static NDArray Cholesky(NDArray a) => Dispatcher.Invoke(ArrayFunctions.Cholesky, new ArrayArgs(a));

        /// <summary>Solves <c>a @ x = b</c>.</summary>
        public static NDArray Solve(NDArray a, NDArray b) => Dispatcher.Invoke(ArrayFunctions.Solve, new PairArgs(a, b));

        /// <summary>The inverse.</summary>
        public static NDArray Inv(NDArray a) => Dispatcher.Invoke(ArrayFunctions.Inv, new ArrayArgs(a));

        /// <summary>The determinant.</summary>
        public static NDArray Det(NDArray a) => Dispatcher.Invoke(ArrayFunctions.Det, new ArrayArgs(a));

        /// <summary>The sign and natural log of the determinant.</summary>
        public static SlogdetResult Slogdet(NDArray a) => Dispatcher.Invoke(ArrayFunctions.Slogdet, new ArrayArgs(a));

        /// <summary>Eigenvalues (ascending) and eigenvectors of a symmetric matrix.</summary>
        public static EighResult Eigh(NDArray a) => Dispatcher.Invoke(ArrayFunctions.Eigh, new ArrayArgs(a));

        /// <summary>Eigenvalues (ascending) of a symmetric matrix.</summary>
        public static NDArray Eigvalsh(NDArray a) => Dispatcher.Invoke(ArrayFunctions.Eigvalsh, new ArrayArgs(a));

        /// <summary>The least-squares solution of <c>a @ x = b</c>.</summary>
        public static LstsqResult Lstsq(NDArray a, NDArray b, double? rcond = null) => Dispatcher.Invoke(ArrayFunctions.Lstsq, new ToleranceArgs(a, b, rcond));

        /// <summary>The Moore-Penrose pseudo-inverse.</summary>
        public static NDArray Pinv(NDArray a, double? rcond = null) => Dispatcher.Invoke(ArrayFunctions.Pinv, new ToleranceArgs(a, null, rcond));

        /// <summary>The rank, from the singular values above <paramref name="tol"/>.</summary>
        public static NDArray MatrixRank(NDArray a, double? tol = null) => Dispatcher.Invoke(ArrayFunctions.MatrixRank, new ToleranceArgs(a, null, tol));

        /// <summary>A vector or matrix norm.</summary>
        public static NDArray Norm(NDArray x, NormOrder ord = default, Axes axis = default, bool keepDims = false) => Dispatcher.Invoke(ArrayFunctions.Norm, new NormArgs(x, ord, axis, keepDims));
    }
}
