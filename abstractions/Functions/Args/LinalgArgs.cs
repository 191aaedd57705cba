using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>Arguments of <c>linalg.svd</c>.</summary>
/// <param name="X">The matrix, or a stack of matrices.</param>
/// <param name="FullMatrices">Return square U and Vh (NumPy's default) instead of the reduced ones.</param>
/// <param name="ComputeUV">Compute U and Vh; when false only the singular values are returned.</param>
public readonly record struct SvdArgs(NDArray X, bool FullMatrices = true, bool ComputeUV = true) : IArrayArgs<SvdArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public SvdArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of the functions of a Hermitian (real: symmetric) matrix that read or return one triangle: <c>linalg.eigh</c>, <c>linalg.eigvalsh</c> and <c>linalg.cholesky</c>.</summary>
/// <param name="X">The matrix, or a stack of matrices.</param>
/// <param name="Upper">
/// eigh/eigvalsh: read the upper triangle (NumPy's <c>UPLO='U'</c>) instead of the lower one (<c>UPLO='L'</c>, the default);
/// cholesky: return the upper factor U with <c>a = U^H @ U</c>, computed from the upper triangle (NumPy 2's <c>upper=True</c>),
/// instead of the lower factor L with <c>a = L @ L^H</c>. The other triangle is never read. A backend that reads only one
/// triangle declines the other, naming the argument.
/// </param>
public readonly record struct HermitianArgs(NDArray X, bool Upper = false) : IArrayArgs<HermitianArgs>
{
    /// <summary>NumPy's <c>UPLO</c> string: <c>"L"</c> (lower, the default) or <c>"U"</c> (upper), as <see cref="Upper"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="uplo"/> is neither <c>"L"</c> nor <c>"U"</c>.</exception>
    public static bool ParseUplo(string uplo) => uplo switch
    {
        "L" => false,
        "U" => true,
        _ => throw new ArgumentException("UPLO argument must be 'L' or 'U'", nameof(uplo)),
    };

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public HermitianArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>The part of the QR decomposition to return (NumPy's <c>mode=</c>).</summary>
public enum QrMode
{
    /// <summary>Q of shape (M, K) and R of shape (K, N), K = min(M, N).</summary>
    Reduced,
    /// <summary>Q of shape (M, M) and R of shape (M, N).</summary>
    Complete,
    /// <summary>Only R, of shape (K, N).</summary>
    R,
}

/// <summary>Arguments of <c>linalg.qr</c>.</summary>
/// <param name="X">The matrix.</param>
/// <param name="Mode">Which factors to return.</param>
public readonly record struct QrArgs(NDArray X, QrMode Mode = QrMode.Reduced) : IArrayArgs<QrArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public QrArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>The order of a norm (NumPy's <c>ord=</c>): the default (2 for vectors, Frobenius for matrices), a number, ±∞, <c>"fro"</c> or <c>"nuc"</c>.</summary>
public readonly record struct NormOrder
{
    private NormOrder(double? p, string? name) { P = p; Named = name; }

    /// <summary>The numeric order (1, 2, ∞, -∞, 0, any p), or <see langword="null"/>.</summary>
    public double? P { get; }

    /// <summary><c>"fro"</c> or <c>"nuc"</c>, or <see langword="null"/>.</summary>
    public string? Named { get; }

    /// <summary>NumPy's <c>ord=None</c>.</summary>
    public bool IsDefault => P is null && Named is null;

    /// <summary>The Frobenius norm.</summary>
    public static NormOrder Frobenius => new(null, "fro");

    /// <summary>The nuclear norm (sum of singular values).</summary>
    public static NormOrder Nuclear => new(null, "nuc");

    /// <summary>A numeric order.</summary>
    public static implicit operator NormOrder(double p) => new(p, null);

    /// <summary>A named order: <c>"fro"</c> or <c>"nuc"</c>.</summary>
    /// <exception cref="ArgumentException">The name is neither.</exception>
    public static implicit operator NormOrder(string name) => name switch
    {
        "fro" or "nuc" => new(null, name),
        _ => throw new ArgumentException($"invalid norm order '{name}'; expected 'fro', 'nuc' or a number", nameof(name)),
    };

    /// <inheritdoc/>
    public override string ToString() => Named ?? P?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "None";
}

/// <summary>Arguments of <c>linalg.norm</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Ord">The order of the norm.</param>
/// <param name="Axis">One axis (vector norms) or two (matrix norms); all axes flattens for the default order.</param>
/// <param name="KeepDims">Keep reduced axes with length 1.</param>
public readonly record struct NormArgs(NDArray X, NormOrder Ord = default, Axes Axis = default, bool KeepDims = false) : IArrayArgs<NormArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public NormArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of functions with a tolerance: <c>linalg.pinv</c> (<c>rcond</c>), <c>linalg.matrix_rank</c> (<c>tol</c>), <c>linalg.lstsq</c> (<c>rcond</c>, with <see cref="B"/>).</summary>
/// <param name="X">The matrix.</param>
/// <param name="B">The right-hand side for <c>lstsq</c>; <see langword="null"/> otherwise.</param>
/// <param name="Tolerance">The cut-off, or <see langword="null"/> for NumPy's default.</param>
public readonly record struct ToleranceArgs(NDArray X, NDArray? B = null, double? Tolerance = null) : IArrayArgs<ToleranceArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(X);
        visitor.Visit(B);
    }

    /// <inheritdoc/>
    public ToleranceArgs MapRelevant(Func<NDArray, NDArray> map) => new(map(X), B is null ? null : map(B), Tolerance);
}

/// <summary>Arguments of <c>tensordot</c>: contract <see cref="AxesA"/> of <see cref="A"/> with <see cref="AxesB"/> of <see cref="B"/>.</summary>
/// <param name="A">The first array.</param>
/// <param name="B">The second array.</param>
/// <param name="AxesA">Axes of <paramref name="A"/> to contract.</param>
/// <param name="AxesB">Axes of <paramref name="B"/> to contract, pairwise with <paramref name="AxesA"/>.</param>
public readonly record struct TensordotArgs(NDArray A, NDArray B, int[] AxesA, int[] AxesB) : IArrayArgs<TensordotArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(A);
        visitor.Visit(B);
    }

    /// <inheritdoc/>
    public TensordotArgs MapRelevant(Func<NDArray, NDArray> map) => this with { A = map(A), B = map(B) };
}

/// <summary>Arguments of <c>einsum</c>.</summary>
/// <param name="Subscripts">The subscripts, e.g. <c>"ij,jk->ik"</c>.</param>
/// <param name="Operands">The arrays.</param>
public readonly record struct EinsumArgs(string Subscripts, NDArray[] Operands) : IArrayArgs<EinsumArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        foreach (NDArray a in Operands) visitor.Visit(a);
    }

    /// <inheritdoc/>
    public EinsumArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Operands = Array.ConvertAll(Operands, a => map(a)) };
}
