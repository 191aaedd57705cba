using System.Numerics;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>
/// Dense linear-algebra kernels on row-major contiguous spans, for float and double. Each call validates its sizes,
/// then runs native BLAS/LAPACK when a library was found (see <see cref="BlasLibrary"/>) and managed code otherwise.
/// Set <c>ARRAYDISPATCH_LINALG=managed</c> in the environment, or <see cref="ForceManaged"/>, to use managed code only.
/// </summary>
internal static partial class LinalgKernels
{
    /// <summary>When true, every kernel runs the managed implementation even if a native library is loaded.</summary>
    public static bool ForceManaged { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable("ARRAYDISPATCH_LINALG"), "managed", StringComparison.OrdinalIgnoreCase);

    /// <summary>The native library in use, e.g. <c>"libopenblas.so.0 (OpenBLAS 0.3.21)"</c>, or <c>"managed"</c>.</summary>
    public static string BlasLibrary => Native?.Description ?? "managed";

    private static readonly AsyncLocal<bool> ManagedInScope = new();

    /// <summary>The native BLAS/LAPACK, or null when none loaded, <see cref="ForceManaged"/> is set, or inside <see cref="UseManaged"/>.</summary>
    internal static NativeLapack? Native => ForceManaged || ManagedInScope.Value ? null : NativeLapack.Instance;

    /// <summary>Runs the managed kernels for the current async flow until the result is disposed (tests compare both paths).</summary>
    internal static IDisposable UseManaged()
    {
        bool previous = ManagedInScope.Value;
        ManagedInScope.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => ManagedInScope.Value = previous;
    }

    /// <summary><c>C = alpha op(A) op(B) + beta C</c> with op(A) m×k, op(B) k×n, C m×n; op transposes when asked.</summary>
    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(m, nameof(m)); NonNegative(n, nameof(n)); NonNegative(k, nameof(k));
        CheckMatrix(a.Length, transA ? k : m, transA ? m : k, lda, nameof(a), nameof(lda));
        CheckMatrix(b.Length, transB ? n : k, transB ? k : n, ldb, nameof(b), nameof(ldb));
        CheckMatrix(c.Length, m, n, ldc, nameof(c), nameof(ldc));
        if (m == 0 || n == 0) return;
        if (Native is { HasGemm: true } nat && k > 0) nat.Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else ManagedGemm.Gemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>
    /// <c>C (n×n, overwritten) = Xᵀ X</c> when <paramref name="xIsTransposed"/> (X, k×n, read row-major from
    /// <paramref name="x"/> with row stride <paramref name="ldx"/>), else <c>X Xᵀ</c> (X n×k): syrk's triangle, mirrored
    /// (half gemm's flops, and NumPy's kernel for <c>x.T @ x</c>); gemm where no optimised BLAS is loaded.
    /// </summary>
    public static void Gram<T>(bool xIsTransposed, int n, int k, ReadOnlySpan<T> x, int ldx, Span<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        if (n == 0) return;
        if (Native is not { HasGemm: true } nat || k == 0)
        {
            Gemm(xIsTransposed, !xIsTransposed, n, n, k, T.One, x, ldx, x, ldx, T.Zero, c, n);
            return;
        }
        nat.Syrk(xIsTransposed, n, k, x, ldx, c, n);
        // Fortran's upper triangle is the row-major lower one: copy it across the diagonal in tiles (both sides stay in cache).
        const int Tile = 64;
        for (int i0 = 0; i0 < n; i0 += Tile)
        {
            for (int j0 = i0; j0 < n; j0 += Tile)
            {
                int i1 = Math.Min(n, i0 + Tile), j1 = Math.Min(n, j0 + Tile);
                for (int i = i0; i < i1; i++)
                {
                    for (int j = Math.Max(j0, i + 1); j < j1; j++) c[i * n + j] = c[j * n + i];
                }
            }
        }
    }

    /// <summary>
    /// <c>A = U diag(s) Vt</c> for A m×n, k = min(m, n); s (k) descending. U is m×m and Vt n×n when
    /// <paramref name="fullMatrices"/>, else m×k and k×n; neither is touched unless <paramref name="computeUV"/>.
    /// </summary>
    public static void Svd<T>(int m, int n, ReadOnlySpan<T> a, Span<T> s, Span<T> u, Span<T> vt, bool fullMatrices, bool computeUV)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(m, nameof(m)); NonNegative(n, nameof(n));
        int k = Math.Min(m, n);
        Need(a.Length, (long)m * n, nameof(a), $"a {m}x{n} matrix");
        Need(s.Length, k, nameof(s), $"{k} singular values");
        if (computeUV)
        {
            int uc = fullMatrices ? m : k, vr = fullMatrices ? n : k;
            Need(u.Length, (long)m * uc, nameof(u), $"U of shape ({m}, {uc})");
            Need(vt.Length, (long)vr * n, nameof(vt), $"Vt of shape ({vr}, {n})");
        }
        if (SvdOfNonFinite(a[..(m * n)], s[..k], computeUV ? u[..(m * (fullMatrices ? m : k))] : default, computeUV ? vt[..((fullMatrices ? n : k) * n)] : default)) return;
        if (k > 0 && Native is { } nat) nat.Svd(m, n, a, s, u, vt, fullMatrices, computeUV);
        else ManagedLapack.Svd(m, n, a, s, u, vt, fullMatrices, computeUV);
    }

    /// <summary>
    /// <c>A = Q R</c> for A m×n, k = min(m, n). Reduced: Q m×k, R k×n; Complete: Q m×m, R m×n; R: only R (k×n), Q untouched.
    /// </summary>
    public static void Qr<T>(int m, int n, ReadOnlySpan<T> a, Span<T> q, Span<T> r, QrMode mode) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(m, nameof(m)); NonNegative(n, nameof(n));
        int k = Math.Min(m, n);
        int qc = mode switch { QrMode.Reduced => k, QrMode.Complete => m, QrMode.R => 0, _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown QR mode") };
        int rr = mode == QrMode.Complete ? m : k;
        Need(a.Length, (long)m * n, nameof(a), $"a {m}x{n} matrix");
        Need(q.Length, (long)m * qc, nameof(q), $"Q of shape ({m}, {qc})");
        Need(r.Length, (long)rr * n, nameof(r), $"R of shape ({rr}, {n})");
        if (k > 0 && Native is { } nat) nat.Qr(m, n, a, q, qc, r, rr);
        else ManagedLapack.Qr(m, n, a, q, qc, r, rr);
    }

    /// <summary>The lower Cholesky factor L (n×n, zero above the diagonal) of a symmetric positive-definite A; reads A's lower triangle.</summary>
    public static void Cholesky<T>(int n, ReadOnlySpan<T> a, Span<T> l) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(n, nameof(n));
        Need(a.Length, (long)n * n, nameof(a), $"a {n}x{n} matrix");
        Need(l.Length, (long)n * n, nameof(l), $"L of shape ({n}, {n})");
        bool ok = n == 0 || (Native is { } nat ? nat.Cholesky(n, a, l) : ManagedLapack.Cholesky(n, a, l));
        if (!ok) throw new LinAlgException("Matrix is not positive definite");
    }

    /// <summary>Solves <c>A X = B</c> for A n×n and B, X n×nrhs.</summary>
    public static void Solve<T>(int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(n, nameof(n)); NonNegative(nrhs, nameof(nrhs));
        Need(a.Length, (long)n * n, nameof(a), $"a {n}x{n} matrix");
        Need(b.Length, (long)n * nrhs, nameof(b), $"b of shape ({n}, {nrhs})");
        Need(x.Length, (long)n * nrhs, nameof(x), $"x of shape ({n}, {nrhs})");
        if (n == 0) return;
        if (Native is { } nat)
        {
            if (!nat.Solve(n, nrhs, a, b, x)) throw new LinAlgException("Singular matrix");
            return;
        }
        T[] lu = a[..(n * n)].ToArray();
        int[] piv = new int[n];
        if (!ManagedLapack.Lu(n, lu, piv, out _)) throw new LinAlgException("Singular matrix");
        b[..(n * nrhs)].CopyTo(x);
        if (nrhs > 0) ManagedLapack.LuSolve(n, nrhs, lu, piv, x);
    }

    /// <summary>True when row-major A is upper triangular (exact zeros below the diagonal), false when lower, null otherwise or for n &lt; 2.</summary>
    private static bool? Triangle<T>(int n, ReadOnlySpan<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (n < 2) return null;
        bool upper = true, lower = true;
        for (int i = 0; i < n && (upper || lower); i++)
        {
            ReadOnlySpan<T> row = a.Slice(i * n, n);
            if (upper && row[..i].ContainsAnyExcept(T.Zero)) upper = false;
            if (lower && row[(i + 1)..].ContainsAnyExcept(T.Zero)) lower = false;
        }
        return upper ? true : lower ? false : null;
    }

    /// <summary>The inverse of the n×n matrix A.</summary>
    public static void Inverse<T>(int n, ReadOnlySpan<T> a, Span<T> inv) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(n, nameof(n));
        Need(a.Length, (long)n * n, nameof(a), $"a {n}x{n} matrix");
        Need(inv.Length, (long)n * n, nameof(inv), $"inv of shape ({n}, {n})");
        if (n == 0) return;
        if (Native is { } nat)
        {
            // A triangular matrix (R of a QR or Cholesky, say) is inverted as one: LU would find no pivot to swap and
            // spend six times the flops on the same triangle.
            bool ok = Triangle(n, a) is { } upper ? nat.TriangularInverse(n, upper, a, inv) : nat.Inverse(n, a, inv);
            if (!ok) throw new LinAlgException("Singular matrix");
            return;
        }
        T[] lu = a[..(n * n)].ToArray();
        int[] piv = new int[n];
        if (!ManagedLapack.Lu(n, lu, piv, out _)) throw new LinAlgException("Singular matrix");
        VectorOps.Identity(n, n, inv);
        ManagedLapack.LuSolve(n, n, lu, piv, inv);
    }

    /// <summary>The sign and natural log of |det A| (sign 0 and log −∞ for a singular matrix, as NumPy).</summary>
    public static (T Sign, T LogAbsDet) Slogdet<T>(int n, ReadOnlySpan<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(n, nameof(n));
        Need(a.Length, (long)n * n, nameof(a), $"a {n}x{n} matrix");
        if (n == 0) return (T.One, T.Zero);
        T[] lu = a[..(n * n)].ToArray();
        int[] piv = new int[n];
        bool regular;
        if (Native is { } nat) regular = nat.Getrf(n, lu, piv);
        else regular = ManagedLapack.Lu(n, lu, piv, out _);
        if (!regular) return (T.Zero, T.NegativeInfinity);
        T sign = T.One, log = T.Zero;
        for (int i = 0; i < n; i++)
        {
            T d = lu[i * n + i];
            if (piv[i] != i) sign = -sign;
            if (d < T.Zero) sign = -sign;
            log += T.Log(T.Abs(d));
        }
        return (sign, log);
    }

    /// <summary>Eigenvalues (ascending, in <paramref name="w"/>) and eigenvectors (columns of <paramref name="v"/>) of a symmetric A; reads A's lower triangle.</summary>
    public static void Eigh<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!CheckEigen(n, a, w, v, computeV, "Eigenvalues did not converge")) return;
        if (Native is { } nat) nat.Eigh(n, a, w, v, computeV);
        else ManagedLapack.Eigh(n, a, w, v, computeV);
    }

    // Sizes and finiteness of an eigen-decomposition's arguments; false when there is nothing to compute (n = 0).
    private static bool CheckEigen<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV, string nonFinite) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(n, nameof(n));
        Need(a.Length, (long)n * n, nameof(a), $"a {n}x{n} matrix");
        Need(w.Length, n, nameof(w), $"{n} eigenvalues");
        if (computeV) Need(v.Length, (long)n * n, nameof(v), $"eigenvectors of shape ({n}, {n})");
        if (n == 0) return false;
        CheckFinite(a[..(n * n)], nonFinite);
        return true;
    }

    /// <summary>
    /// Eigenvalues (LAPACK's order) and right eigenvectors (unit columns of <paramref name="v"/>) of a general matrix
    /// with a real spectrum. A complex spectrum is refused: its NumPy result is complex128, a dtype the protocol lacks.
    /// </summary>
    public static void Eig<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!TryEig(n, a, w, v, computeV, out (T Re, T Im) pair))
        {
            throw new NotSupportedException($"linalg.eig: the matrix has complex eigenvalues ({pair.Re} ± {pair.Im}j); use TryEig and the complex solver (ComplexLinalg.Eig)");
        }
    }

    /// <summary>
    /// The real eigen-decomposition; false (with the first complex pair) when the spectrum is not real, so the caller
    /// solves in complex numbers instead (<see cref="ComplexLinalg.Eig"/>).
    /// </summary>
    public static bool TryEig<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV, out (T Re, T Im) pair) where T : unmanaged, IFloatingPointIeee754<T>
    {
        pair = default;
        if (!CheckEigen(n, a, w, v, computeV, "Array must not contain infs or NaNs")) return true;
        return Native is { } nat ? nat.Eig(n, a, w, v, computeV, out pair) : ManagedLapack.Eig(n, a, w, v, computeV, out pair);
    }

    /// <summary>
    /// Minimum-norm least-squares solution X (n×nrhs) of <c>A X ≈ B</c> (A m×n, B m×nrhs) through the SVD, like LAPACK's
    /// gelsd: singular values at or below <c>rcond · s[0]</c> count as zero (rcond &lt; 0 means machine epsilon).
    /// Writes the min(m, n) singular values to <paramref name="s"/> and returns the effective rank.
    /// </summary>
    public static int Lstsq<T>(int m, int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<T> s, T rcond)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckType<T>();
        NonNegative(m, nameof(m)); NonNegative(n, nameof(n)); NonNegative(nrhs, nameof(nrhs));
        int k = Math.Min(m, n);
        Need(a.Length, (long)m * n, nameof(a), $"a {m}x{n} matrix");
        Need(b.Length, (long)m * nrhs, nameof(b), $"b of shape ({m}, {nrhs})");
        Need(x.Length, (long)n * nrhs, nameof(x), $"x of shape ({n}, {nrhs})");
        Need(s.Length, k, nameof(s), $"{k} singular values");
        x[..(n * nrhs)].Clear();
        if (k == 0) return 0;
        CheckFinite(a[..(m * n)], "SVD did not converge in Linear Least Squares");
        if (nrhs == 0)
        {
            Svd(m, n, a, s, default, default, false, false);
            return CountRank(s[..k], rcond);
        }
        if (Native is { } nat) return nat.Lstsq(m, n, nrhs, a, b, x, s, rcond);
        return ManagedLstsq(m, n, nrhs, a, b, x, s, rcond);
    }

    private static int ManagedLstsq<T>(int m, int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<T> s, T rcond)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        T[] u = new T[m * k], vt = new T[k * n];
        ManagedLapack.Svd(m, n, a, s, u, vt, false, true);
        int rank = CountRank(s[..k], rcond);
        // x = Vtᵀ diag(1/s) Uᵀ b over the first `rank` singular triplets.
        T[] tmp = new T[Math.Max(rank * nrhs, 1)];
        ManagedGemm.Gemm(true, false, rank, nrhs, m, T.One, u, k, b, nrhs, T.Zero, tmp, nrhs);
        for (int i = 0; i < rank; i++) VectorOps.Scale(T.One / s[i], tmp.AsSpan(i * nrhs, nrhs));
        ManagedGemm.Gemm(true, false, n, nrhs, rank, T.One, vt, n, tmp, nrhs, T.Zero, x, nrhs);
        return rank;
    }

    private static int CountRank<T>(ReadOnlySpan<T> s, T rcond) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (s.Length == 0) return 0;
        T cut = (rcond < T.Zero ? VectorOps.Eps<T>() : rcond) * s[0];
        int rank = 0;
        foreach (T v in s) if (v > cut) rank++;
        return rank;
    }
}
