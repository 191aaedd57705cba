using ArrayDispatch.Functions;

namespace ArrayDispatch;

// Products and numpy.linalg.
public static partial class Np
{
    /// <summary>The matrix product with batching and broadcasting (Python's <c>@</c>).</summary>
    public static NDArray MatMul(NDArray a, NDArray b) => ArrayFunctions.MatMul.Invoke(Dispatcher, new PairArgs(a, b));

    /// <summary>NumPy's <c>dot</c>.</summary>
    public static NDArray Dot(NDArray a, NDArray b) => ArrayFunctions.Dot.Invoke(Dispatcher, new PairArgs(a, b));

    /// <summary>
    /// NumPy's <c>vdot</c>: the dot product of both operands flattened (they need the same size), the first conjugated
    /// when complex; a 0-d array of the promoted dtype.
    /// </summary>
    public static NDArray Vdot(NDArray a, NDArray b) => ArrayFunctions.Vdot.Invoke(Dispatcher, new PairArgs(a, b));

    /// <summary>The dot product of vectors over the last axis, with broadcasting; the first operand conjugated when complex (NumPy 2).</summary>
    public static NDArray VecDot(NDArray a, NDArray b) => ArrayFunctions.VecDot.Invoke(Dispatcher, new PairArgs(a, b));

    /// <summary>The outer product of two vectors.</summary>
    public static NDArray Outer(NDArray a, NDArray b) => ArrayFunctions.Outer.Invoke(Dispatcher, new PairArgs(a, b));

    /// <summary>The Kronecker product.</summary>
    public static NDArray Kron(NDArray a, NDArray b) => ArrayFunctions.Kron.Invoke(Dispatcher, new PairArgs(a, b));

    /// <summary>
    /// Contracts the last <paramref name="axes"/> axes of <paramref name="a"/> with the first of <paramref name="b"/>; a
    /// negative count contracts none (NumPy's <c>range(-axes, 0)</c>, an outer product).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axes"/> is more than either array's dimensions (NumPy's IndexError).</exception>
    public static NDArray Tensordot(NDArray a, NDArray b, int axes = 2)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        axes = Math.Max(axes, 0);     // new int[-1] threw "Arithmetic operation resulted in an overflow"
        if (axes > a.Rank || axes > b.Rank)
        {
            throw new ArgumentOutOfRangeException(nameof(axes), $"tensordot: axes={axes} is more than the dimensions of a {a.Shape} or b {b.Shape}");
        }
        int[] left = new int[axes], right = new int[axes];
        for (int i = 0; i < axes; i++) { left[i] = a.Rank - axes + i; right[i] = i; }
        return Tensordot(a, b, left, right);
    }

    /// <summary>Contracts <paramref name="axesA"/> of <paramref name="a"/> with <paramref name="axesB"/> of <paramref name="b"/>.</summary>
    public static NDArray Tensordot(NDArray a, NDArray b, int[] axesA, int[] axesB) => ArrayFunctions.Tensordot.Invoke(Dispatcher, new TensordotArgs(a, b, NotNull(axesA), NotNull(axesB)));

    /// <summary>
    /// Einstein summation, e.g. <c>Np.Einsum("ij,jk->ik", a, b)</c>. As NumPy's, a label's dimensions of size 1 broadcast
    /// against its other size (<c>"bij,bjk->bik"</c> with a batch of 1 and one of 2), and any number of operands is taken:
    /// beyond two they are contracted left to right, each intermediate keeping the labels a later operand or the output
    /// names (the backends' einsum sees one or two operands).
    /// </summary>
    public static NDArray Einsum(string subscripts, params NDArray[] operands)
    {
        NotNull(subscripts);
        NotNull(operands);
        if (operands.Length == 0 || operands.Any(o => o is null)) return ArrayFunctions.Einsum.Invoke(Dispatcher, new EinsumArgs(subscripts, operands));
        (string[] inputs, string output, int[][] dims) = ProductRules.EinsumLabels(subscripts, [.. operands.Select(o => o.Shape)]);
        // A label's size: its one size other than 1 (two different ones are the backend's error, with NumPy's message).
        var sizes = new Dictionary<char, int>();
        for (int o = 0; o < inputs.Length; o++)
        {
            for (int i = 0; i < inputs[o].Length; i++)
            {
                if (!sizes.TryGetValue(inputs[o][i], out int s) || s == 1) sizes[inputs[o][i]] = dims[o][i];
            }
        }
        NDArray[] ops = [.. operands];
        bool broadcast = false;
        for (int o = 0; o < ops.Length; o++)
        {
            int[] want = [.. inputs[o].Select((c, i) => dims[o][i] == 1 ? sizes[c] : dims[o][i])];
            if (want.SequenceEqual(dims[o]) && dims[o].SequenceEqual(ops[o].Shape.ToArray())) continue;
            ops[o] = BroadcastTo(ops[o], want);   // the '...' dimensions broadcast too
            broadcast = true;
        }
        if (ops.Length <= 2)
        {
            return broadcast ? ArrayFunctions.Einsum.Invoke(Dispatcher, new EinsumArgs($"{string.Join(',', inputs)}->{output}", ops))
                             : ArrayFunctions.Einsum.Invoke(Dispatcher, new EinsumArgs(subscripts, operands));
        }
        NDArray acc = ops[0];
        string labels = inputs[0];
        for (int k = 1; k < ops.Length; k++)
        {
            string later = string.Concat(inputs[(k + 1)..]) + output;
            string kept = new([.. (labels + inputs[k]).Distinct().Where(c => later.Contains(c))]);
            if (k == ops.Length - 1) kept = output;
            acc = ArrayFunctions.Einsum.Invoke(Dispatcher, new EinsumArgs($"{labels},{inputs[k]}->{kept}", [acc, ops[k]]));
            labels = kept;
        }
        return acc;
    }

    /// <summary>numpy.linalg.</summary>
    public static partial class Linalg
    {
        /// <summary>Singular value decomposition: <c>a = U @ diag(S) @ Vh</c>. Deconstructs: <c>var (u, s, vh) = Np.Linalg.Svd(a)</c>.</summary>
        public static SvdResult Svd(NDArray a, bool fullMatrices = true, bool computeUV = true) => ArrayFunctions.Svd.Invoke(Dispatcher, new SvdArgs(NotNull(a), fullMatrices, computeUV));

        /// <summary>The singular values, descending.</summary>
        public static NDArray SvdVals(NDArray a) => Svd(a, false, false).S;

        /// <summary>QR decomposition: <c>a = Q @ R</c>.</summary>
        public static QrResult Qr(NDArray a, QrMode mode = QrMode.Reduced) => ArrayFunctions.Qr.Invoke(Dispatcher, new QrArgs(NotNull(a), mode));

        /// <summary>The lower Cholesky factor L of a symmetric positive-definite matrix, <c>a = L @ L.T</c>.</summary>
        public static NDArray Cholesky(NDArray a) => Cholesky(a, false);

        /// <summary>
        /// The Cholesky factor of a Hermitian (real: symmetric) positive-definite matrix: the lower factor L with
        /// <c>a = L @ L^H</c> from the lower triangle, or with <paramref name="upper"/> (NumPy 2's <c>upper=True</c>) the
        /// upper factor U with <c>a = U^H @ U</c> from the upper triangle.
        /// </summary>
        public static NDArray Cholesky(NDArray a, bool upper) => ArrayFunctions.Cholesky.Invoke(Dispatcher, new HermitianArgs(NotNull(a), upper));

        /// <summary>Solves <c>a @ x = b</c>.</summary>
        public static NDArray Solve(NDArray a, NDArray b) => ArrayFunctions.Solve.Invoke(Dispatcher, new PairArgs(a, b));

        /// <summary>The inverse.</summary>
        public static NDArray Inv(NDArray a) => ArrayFunctions.Inv.Invoke(Dispatcher, new ArrayArgs(NotNull(a)));

        /// <summary>The determinant.</summary>
        public static NDArray Det(NDArray a) => ArrayFunctions.Det.Invoke(Dispatcher, new ArrayArgs(NotNull(a)));

        /// <summary>The sign and natural log of the determinant.</summary>
        public static SlogdetResult Slogdet(NDArray a) => ArrayFunctions.Slogdet.Invoke(Dispatcher, new ArrayArgs(NotNull(a)));

        /// <summary>Eigenvalues and right eigenvectors of a general square matrix (column i of the vectors belongs to eigenvalue i).</summary>
        public static EigResult Eig(NDArray a) => ArrayFunctions.Eig.Invoke(Dispatcher, new ArrayArgs(NotNull(a)));

        /// <summary>Eigenvalues of a general square matrix.</summary>
        public static NDArray Eigvals(NDArray a) => ArrayFunctions.Eigvals.Invoke(Dispatcher, new ArrayArgs(NotNull(a)));

        /// <summary>Eigenvalues (ascending) and eigenvectors of a symmetric matrix.</summary>
        public static EighResult Eigh(NDArray a) => Eigh(a, "L");

        /// <summary>Eigenvalues (ascending) and eigenvectors of a Hermitian (real: symmetric) matrix, read from its lower triangle (<paramref name="uplo"/> <c>"L"</c>) or upper triangle (<c>"U"</c>).</summary>
        /// <exception cref="ArgumentException"><paramref name="uplo"/> is neither <c>"L"</c> nor <c>"U"</c>.</exception>
        public static EighResult Eigh(NDArray a, string uplo) => ArrayFunctions.Eigh.Invoke(Dispatcher, new HermitianArgs(NotNull(a), HermitianArgs.ParseUplo(uplo)));

        /// <summary>Eigenvalues (ascending) of a symmetric matrix.</summary>
        public static NDArray Eigvalsh(NDArray a) => Eigvalsh(a, "L");

        /// <summary>Eigenvalues (ascending) of a Hermitian (real: symmetric) matrix, read from its lower triangle (<paramref name="uplo"/> <c>"L"</c>) or upper triangle (<c>"U"</c>).</summary>
        /// <exception cref="ArgumentException"><paramref name="uplo"/> is neither <c>"L"</c> nor <c>"U"</c>.</exception>
        public static NDArray Eigvalsh(NDArray a, string uplo) => ArrayFunctions.Eigvalsh.Invoke(Dispatcher, new HermitianArgs(NotNull(a), HermitianArgs.ParseUplo(uplo)));

        /// <summary>The least-squares solution of <c>a @ x = b</c>.</summary>
        public static LstsqResult Lstsq(NDArray a, NDArray b, double? rcond = null) => ArrayFunctions.Lstsq.Invoke(Dispatcher, new ToleranceArgs(NotNull(a), NotNull(b), rcond));

        /// <summary>The Moore-Penrose pseudo-inverse.</summary>
        public static NDArray Pinv(NDArray a, double? rcond = null) => ArrayFunctions.Pinv.Invoke(Dispatcher, new ToleranceArgs(NotNull(a), null, rcond));

        /// <summary>The rank, from the singular values above <paramref name="tol"/>.</summary>
        public static NDArray MatrixRank(NDArray a, double? tol = null) => ArrayFunctions.MatrixRank.Invoke(Dispatcher, new ToleranceArgs(NotNull(a), null, tol));

        /// <summary>A vector or matrix norm.</summary>
        public static NDArray Norm(NDArray x, NormOrder ord = default, Axes axis = default, bool keepDims = false) => ArrayFunctions.Norm.Invoke(Dispatcher, new NormArgs(x, ord, axis, keepDims));
    }
}
