using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

internal static partial class ManagedLapack
{
    private const int MaxSweeps = 80;

    /// <summary>
    /// SVD by one-sided (Hestenes) Jacobi on rows. The matrix is arranged as B (r×c, r ≤ c: A itself when wide, Aᵀ when
    /// tall); when c &gt; r, B = Rᵀ Qᵀ from a Householder QR of Bᵀ first, so that Jacobi works on the square Rᵀ. Jacobi
    /// rotates row pairs of S until all rows are orthogonal (relative to machine precision), accumulating the rotations
    /// in V: then S₀ = Vᵀ S, the row norms of S are the singular values, its normalised rows the right singular vectors.
    /// </summary>
    public static void Svd<T>(int m, int n, ReadOnlySpan<T> a, Span<T> s, Span<T> u, Span<T> vt, bool fullMatrices, bool computeUV)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = Math.Min(m, n);
        int uCols = fullMatrices ? m : k, vtRows = fullMatrices ? n : k;
        if (k == 0)
        {
            if (computeUV)
            {
                VectorOps.Identity(m, uCols, u);
                VectorOps.Identity(vtRows, n, vt);
            }
            return;
        }
        bool wide = m <= n;
        int r = k, c = Math.Max(m, n);
        // bt = Bᵀ (c×r), row-major: A itself when tall, Aᵀ when wide.
        T[] bt = new T[c * r];
        if (wide) VectorOps.Transpose(m, n, a, bt); else a[..(m * n)].CopyTo(bt);

        T[] sm = new T[r * r];
        T[]? q = null;
        if (c > r)
        {
            T[] tau = new T[r];
            Geqrf(c, r, bt, tau);
            for (int i = 0; i < r; i++)
                for (int j = i; j < r; j++) sm[j * r + i] = bt[i * r + j];   // S = Rᵀ
            if (computeUV) { q = new T[c * r]; Orgqr(c, r, bt, tau, r, q); }
        }
        else
        {
            VectorOps.Transpose(c, r, bt, sm);   // square: S = B
        }

        T[]? v = computeUV ? new T[r * r] : null;
        if (v is not null) VectorOps.Identity(r, r, v);
        JacobiRows(r, r, sm, v);

        var sigma = new T[r];
        for (int i = 0; i < r; i++) sigma[i] = T.Sqrt(VectorOps.Dot<T>(sm.AsSpan(i * r, r), sm.AsSpan(i * r, r)));
        int[] order = new int[r];
        for (int i = 0; i < r; i++) order[i] = i;
        Array.Sort(order, (x, y) => sigma[y].CompareTo(sigma[x]));
        for (int i = 0; i < r; i++) s[i] = sigma[order[i]];
        if (!computeUV) return;

        // Right singular vectors of S as rows, normalised; rows with a zero singular value are completed afterwards.
        T tiny = VectorOps.SafeMin<T>() / VectorOps.Eps<T>();
        var right = new T[r * r];
        int valid = 0;
        for (int t = 0; t < r; t++)
        {
            T sg = sigma[order[t]];
            if (!(sg > tiny)) break;
            Span<T> dst = right.AsSpan(t * r, r);
            sm.AsSpan(order[t] * r, r).CopyTo(dst);
            VectorOps.Scale(T.One / sg, dst);
            valid++;
        }
        CompleteRows(r, r, valid, right);

        // Right vectors of B: rows of (right · Qᵀ), then completed to the full basis when asked.
        int rightRows = wide ? vtRows : uCols;
        T[] rb = new T[rightRows * c];
        if (q is not null) ManagedGemm.Gemm(false, true, r, c, r, T.One, right, r, q, r, T.Zero, rb, c);
        else right.AsSpan(0, r * r).CopyTo(rb);
        if (rightRows > r) CompleteRows(rightRows, c, r, rb);

        if (wide)
        {
            // A = B = Vᵀ Σ W: U[:, t] = V row order[t]; Vt = rb.
            for (int t = 0; t < r; t++)
                for (int i = 0; i < m; i++) u[i * uCols + t] = v![order[t] * r + i];
            rb.AsSpan(0, vtRows * n).CopyTo(vt);
        }
        else
        {
            // A = Bᵀ = Wᵀ Σ V: U = rbᵀ, Vt row t = V row order[t].
            VectorOps.Transpose(uCols, m, rb, u);
            for (int t = 0; t < r; t++) v.AsSpan(order[t] * r, r).CopyTo(vt.Slice(t * n, n));
        }
    }

    /// <summary>
    /// Rotates pairs of rows of <paramref name="sm"/> (rows×cols) until they are mutually orthogonal, applying the same
    /// rotations to <paramref name="v"/>. Each sweep visits every pair once, block by block for cache reuse: first the
    /// pairs inside each block of rows, then the pairs between two blocks, with the block pairs of a round-robin round
    /// disjoint so that they run in parallel.
    /// </summary>
    private static void JacobiRows<T>(int rows, int cols, T[] sm, T[]? v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int rowBytes = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() * (cols + (v is null ? 0 : rows));
        int bs = Math.Clamp(128 * 1024 / Math.Max(1, rowBytes), 4, Math.Max(4, rows));
        int blocks = (rows + bs - 1) / bs;
        bool parallel = blocks >= 2 && (long)rows * cols >= 64 * 256 && Environment.ProcessorCount > 1;
        int players = blocks + (blocks & 1);       // an odd count gets a dummy block that sits out
        var pairs = new (int I, int J)[players / 2];
        T[] norms = new T[rows];
        for (int sweep = 0; ; sweep++)
        {
            if (sweep == MaxSweeps) throw new LinAlgException("SVD did not converge");
            for (int i = 0; i < rows; i++) norms[i] = VectorOps.Dot<T>(sm.AsSpan(i * cols, cols), sm.AsSpan(i * cols, cols));
            int rotated = 0;
            void Block(int bi, int bj)
            {
                bool any = false;
                int i1 = Math.Min(rows, (bi + 1) * bs), j1 = Math.Min(rows, (bj + 1) * bs);
                for (int p = bi * bs; p < i1; p++)
                    for (int q = bi == bj ? p + 1 : bj * bs; q < j1; q++)
                        any |= RotatePair(rows, cols, sm, v, norms, p, q);
                if (any) Volatile.Write(ref rotated, 1);
            }
            if (parallel) Parallel.For(0, blocks, b => Block(b, b));
            else for (int b = 0; b < blocks; b++) Block(b, b);
            for (int round = 0; round < players - 1; round++)
            {
                pairs[0] = (round, players - 1);
                for (int k = 1; k < players / 2; k++) pairs[k] = ((round + k) % (players - 1), (round - k + players - 1) % (players - 1));
                if (parallel)
                {
                    Parallel.For(0, pairs.Length, i =>
                    {
                        var (bi, bj) = pairs[i];
                        if (bi < blocks && bj < blocks) Block(Math.Min(bi, bj), Math.Max(bi, bj));
                    });
                }
                else
                {
                    foreach (var (bi, bj) in pairs)
                        if (bi < blocks && bj < blocks) Block(Math.Min(bi, bj), Math.Max(bi, bj));
                }
            }
            if (rotated == 0) return;
        }
    }

    /// <summary>
    /// One Hestenes rotation making rows p and q orthogonal; false when they already are (to machine precision). The
    /// squared row norms are cached and updated (‖p'‖² = ‖p‖² - t·p·q, ‖q'‖² = ‖q‖² + t·p·q), and recomputed when one
    /// halves, where cancellation would make the update inaccurate.
    /// </summary>
    private static bool RotatePair<T>(int rows, int cols, T[] sm, T[]? v, T[] norms, int p, int q) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> xp = sm.AsSpan(p * cols, cols), xq = sm.AsSpan(q * cols, cols);
        T xx = norms[p], yy = norms[q];
        if (xx == T.Zero || yy == T.Zero) return false;
        T xy = VectorOps.Dot<T>(xp, xq);
        if (!(T.Abs(xy) > VectorOps.Eps<T>() * T.Sqrt(xx) * T.Sqrt(yy))) return false;
        T two = T.CreateTruncating(2), half = T.CreateTruncating(0.5);
        T zeta = (yy - xx) / (two * xy);
        T t = T.Abs(zeta) > T.CreateTruncating(1e150)
            ? T.One / (two * zeta)
            : T.CopySign(T.One / (T.Abs(zeta) + T.Hypot(T.One, zeta)), zeta);
        T cs = T.One / T.Hypot(T.One, t), sn = cs * t;
        VectorOps.Rotate(xp, xq, cs, sn);
        if (v is not null) VectorOps.Rotate(v.AsSpan(p * rows, rows), v.AsSpan(q * rows, rows), cs, sn);
        T np = xx - t * xy, nq = yy + t * xy;
        norms[p] = np < half * xx ? VectorOps.Dot<T>(xp, xp) : np;
        norms[q] = nq < half * yy ? VectorOps.Dot<T>(xq, xq) : nq;
        return true;
    }

    /// <summary>
    /// Rows [0, valid) of <paramref name="y"/> (total×c) are orthonormal; fills rows [valid, total) with an orthonormal
    /// basis of (part of) their orthogonal complement, from the complete QR of the valid rows' transpose.
    /// </summary>
    private static void CompleteRows<T>(int total, int c, int valid, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (valid >= total) return;
        T[] yt = new T[c * Math.Max(valid, 1)];
        VectorOps.Transpose(valid, c, y.AsSpan(0, valid * c), yt);
        T[] q = new T[c * c];
        T[] tau = new T[Math.Max(valid, 1)];
        Geqrf(c, valid, yt, tau);
        Orgqr(c, valid, yt, tau, c, q);
        for (int t = valid; t < total; t++)
            for (int i = 0; i < c; i++) y[t * c + i] = q[i * c + t];
    }
}
