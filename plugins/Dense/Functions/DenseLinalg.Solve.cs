using System.Numerics;
using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

// Solvers and pseudo-inverses: solve, lstsq, pinv, matrix_rank.
public static partial class DenseLinalg
{
    /// <summary>
    /// <c>a @ x = b</c> for a (..., M, M). As NumPy 1.x: b is a stack of vectors (..., M) when it has one dimension less
    /// than a, else a stack of matrices (..., M, K); the batch dimensions broadcast.
    /// </summary>
    [Implements("linalg.solve")]
    public static DispatchResult<NDArray> Solve(in PairArgs args, ReadOnlySpan<Type> types)
    {
        NDArray a = args.A, b = args.B;
        (int n, int nrhs, bool vector, Shape batch) = LinalgRules.Solve(a, b);
        int[] bd = batch.ToArray();
        if (a.DType.IsComplex() || b.DType.IsComplex()) return ComplexSolve(a, b, bd, n, nrhs, vector);
        DType t = LinalgInput.ResultType(a, b);
        DenseArray ax = LinalgInput.Prepare(a, t, LinalgRules.Join(bd, n, n));
        Shape bShape = vector ? LinalgRules.Join(bd, n) : LinalgRules.Join(bd, n, nrhs);
        DenseArray bx = LinalgInput.Prepare(b, t, bShape);
        return t == DType.Float32 ? SolveOf<float>(ax, bx, n, nrhs) : SolveOf<double>(ax, bx, n, nrhs);
    }

    private static DenseArray SolveOf<T>(DenseArray a, DenseArray b, int n, int nrhs) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> av = a.AsSpan<T>(), bv = b.AsSpan<T>();
        int count = n == 0 ? 0 : (int)(a.Shape.Size / ((long)n * n));
        T[] x = new T[bv.Length];
        for (int i = 0; i < count; i++)
            LinalgKernels.Solve(n, nrhs, av.Slice(i * n * n, n * n), bv.Slice(i * n * nrhs, n * nrhs), x.AsSpan(i * n * nrhs, n * nrhs));
        return LinalgInput.Wrap(x, b.Shape);
    }

    /// <summary>The minimum-norm least-squares solution (LAPACK gelsd); rcond None means eps·max(M, N) as NumPy ≥ 1.14 with rcond=None.</summary>
    [Implements("linalg.lstsq")]
    public static DispatchResult<LstsqResult> Lstsq(in ToleranceArgs args, ReadOnlySpan<Type> types)
    {
        NDArray a = args.X;
        NDArray b = args.B ?? throw new ArgumentNullException(nameof(args), "lstsq needs the right-hand side b");
        LinalgRules.RequireMatrix(a);
        if (b.Rank is not (1 or 2)) throw new LinAlgException($"{b.Rank}-dimensional array given. Array must be one or two-dimensional");
        if (b.Shape[0] != a.Shape[0]) throw new LinAlgException("Incompatible dimensions");
        if (a.DType.IsComplex() || b.DType.IsComplex()) return ComplexLstsq(a, b, args.Tolerance);
        DType t = LinalgInput.ResultType(a, b);
        DenseArray ax = LinalgInput.Prepare(a, t), bx = LinalgInput.Prepare(b, t);
        double rcond = args.Tolerance ?? LinalgInput.Eps(t) * Math.Max(a.Shape[0], a.Shape[1]);
        return t == DType.Float32 ? LstsqOf<float>(ax, bx, rcond) : LstsqOf<double>(ax, bx, rcond);
    }

    private static LstsqResult LstsqOf<T>(DenseArray a, DenseArray b, double rcond) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = a.Shape[0], n = a.Shape[1], k = Math.Min(m, n);
        bool vector = b.Rank == 1;
        int nrhs = vector ? 1 : b.Shape[1];
        ReadOnlySpan<T> av = a.AsSpan<T>(), bv = b.AsSpan<T>();
        T[] x = new T[n * nrhs], s = new T[k];
        int rank = LinalgKernels.Lstsq(m, n, nrhs, av, bv, x, s, T.CreateTruncating(rcond));
        T[] residuals = [];
        if (rank == n && m > n)
        {
            // ‖b - a x‖² per column.
            T[] r = bv.ToArray();
            LinalgKernels.Gemm(false, false, m, nrhs, n, -T.One, av, Math.Max(1, n), x, Math.Max(1, nrhs), T.One, r, Math.Max(1, nrhs));
            residuals = new T[nrhs];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < nrhs; j++) residuals[j] += r[i * nrhs + j] * r[i * nrhs + j];
        }
        DenseArray xs = vector ? LinalgInput.Wrap(x, new Shape(n)) : LinalgInput.Wrap(x, new Shape(n, nrhs));
        return new LstsqResult(xs, LinalgInput.Wrap(residuals, new Shape(residuals.Length)), rank, LinalgInput.Wrap(s, new Shape(k)));
    }

    /// <summary>The Moore-Penrose pseudo-inverse (..., N, M) through the SVD; singular values at or below rcond·max(s) (default 1e-15) count as zero.</summary>
    [Implements("linalg.pinv")]
    public static DispatchResult<NDArray> Pinv(in ToleranceArgs args, ReadOnlySpan<Type> types)
    {
        if (LinalgRules.IsEmptyPinv(args.X, out Shape empty)) return DenseArray.Create(args.X.DType, empty);
        double rcond = args.Tolerance ?? 1e-15;
        if (args.X.DType.IsComplex()) return ComplexPinv(args.X, rcond);
        DenseArray x = LinalgInput.Prepare(args.X, LinalgInput.ResultType(args.X));
        return x.DType == DType.Float32 ? PinvOf<float>(x, rcond) : PinvOf<double>(x, rcond);
    }

    private static DenseArray PinvOf<T>(DenseArray x, double rcond) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        int k = Math.Min(m, n);
        ReadOnlySpan<T> a = x.AsSpan<T>();
        T[] result = new T[count * n * m];
        T[] s = new T[k], u = new T[m * k], vt = new T[k * n];
        for (int b = 0; b < count; b++)
        {
            LinalgKernels.Svd(m, n, a.Slice(b * m * n, m * n), s, u, vt, false, true);
            T cutoff = k == 0 ? T.Zero : T.CreateTruncating(rcond) * s[0];
            for (int j = 0; j < k; j++)
            {
                T inv = s[j] > cutoff ? T.One / s[j] : T.Zero;
                for (int i = 0; i < m; i++) u[i * k + j] *= inv;
            }
            // pinv = Vtᵀ · (U diag(1/s))ᵀ, n×m.
            LinalgKernels.Gemm(true, true, n, m, k, T.One, vt, Math.Max(1, n), u, Math.Max(1, k), T.Zero, result.AsSpan(b * n * m, n * m), Math.Max(1, m));
        }
        return LinalgInput.Wrap(result, LinalgRules.Join(batch, n, m));
    }

    /// <summary>The number of singular values above tol (default max(s)·max(M, N)·eps); for fewer than two dimensions, 1 unless all zero.</summary>
    [Implements("linalg.matrix_rank")]
    public static DispatchResult<NDArray> MatrixRank(in ToleranceArgs args, ReadOnlySpan<Type> types)
    {
        NDArray input = args.X;
        LinalgRules.RequireSingularValuesForDefaultTolerance(input, args.Tolerance);
        if (input.DType.IsComplex()) return ComplexMatrixRank(input, args.Tolerance);
        DenseArray x = LinalgInput.Prepare(input, LinalgInput.ResultType(input));
        if (input.Rank < 2)
            return x.DType == DType.Float32 ? AnyNonZero<float>(x) : AnyNonZero<double>(x);
        return x.DType == DType.Float32 ? RankOf<float>(x, args.Tolerance) : RankOf<double>(x, args.Tolerance);
    }

    private static DenseArray AnyNonZero<T>(DenseArray x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long any = 0;
        foreach (T v in x.AsSpan<T>()) if (v != T.Zero) { any = 1; break; }
        return DenseArray.Scalar(any);
    }

    private static DenseArray RankOf<T>(DenseArray x, double? tol) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (batch, count, m, n) = LinalgRules.Split(x.Shape);
        int k = Math.Min(m, n);
        ReadOnlySpan<T> a = x.AsSpan<T>();
        long[] ranks = new long[count];
        T[] s = new T[k];
        T eps = T.CreateTruncating(LinalgInput.Eps(x.DType));
        for (int b = 0; b < count; b++)
        {
            LinalgKernels.Svd(m, n, a.Slice(b * m * n, m * n), s, default, default, false, false);
            T cut = tol is { } t ? T.CreateTruncating(t) : k == 0 ? T.Zero : s[0] * T.CreateTruncating(Math.Max(m, n)) * eps;
            foreach (T v in s) if (v > cut) ranks[b]++;
        }
        return LinalgInput.Wrap(ranks, new Shape(batch));
    }
}
