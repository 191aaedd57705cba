using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The device half of eigh (see <see cref="EighSolver"/>): the reduction of a symmetric stack to tridiagonal form by
/// Householder reflectors (LAPACK's sytd2 steps, all matrices per launch), the application of the host's QL rotations
/// to the eigenvector rows, and the back-transformation by the stored reflectors.
/// Per-matrix vectors: <c>tri (count, 3, n)</c> holds d, e and τ; <c>scal (count, 2)</c> the reflector's scale and K.
/// </summary>
internal static class EighKernels
{
    /// <summary>Where the blocked tridiagonalization stands: matrix order, column j = panel start + i, panel width (V's and W's row stride).</summary>
    internal struct PanelStep
    {
        public long N;
        public long J;
        public long I;
        public long Kb;
    }

    /// <summary>Copies the lower triangle onto the upper one (the reductions update the full trailing matrix).</summary>
    public static void Symmetrize<T>(Index1D t, ArrayView<T> a, long n, long total, long threads) where T : unmanaged
    {
        for (long e = t; e < total; e += threads)
        {
            long c = e % n, r = (e / n) % n, b = e / (n * n);
            if (c > r) a[e] = a[b * n * n + c * n + r];
        }
    }

    /// <summary>Lane partial sums of squares of column j below row j + 1 (σ of the reflector).</summary>
    public static void NormPartial<T>(Index1D t, ArrayView<T> a, ArrayView<T> partial, long n, long j, long lanes, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long lane = e % lanes, b = e / lanes;
            T s = T.Zero;
            for (long i = j + 2 + lane; i < n; i += lanes)
            {
                T v = a[b * n * n + i * n + j];
                s += v * v;
            }
            partial[e] = s;
        }
    }

    /// <summary>
    /// One thread per matrix, LAPACK's dlarfg on x = a[j+1:, j]: β = −sign(α)·‖x‖, τ = (β − α)/β and the scale
    /// 1/(α − β) of the vector's tail (τ = 0, β = α when the tail is zero: H = I). Stores e[j] = β, τ[j].
    /// </summary>
    public static void Reflector<T>(Index1D t, ArrayView<T> a, ArrayView<T> partial, ArrayView<T> tri, ArrayView<T> scal, long n, long j, long lanes, long count, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long b = t; b < count; b += threads)
        {
            T sigma = T.Zero;
            for (long l = 0; l < lanes; l++) sigma += partial[b * lanes + l];
            T alpha = a[b * n * n + (j + 1) * n + j];
            T beta = alpha, tau = T.Zero, scale = T.Zero;
            if (sigma != T.Zero)
            {
                T norm = T.Sqrt(alpha * alpha + sigma);
                beta = alpha >= T.Zero ? -norm : norm;
                tau = (beta - alpha) / beta;
                scale = T.One / (alpha - beta);
            }
            tri[b * 3 * n + n + j] = beta;
            tri[b * 3 * n + 2 * n + j] = tau;
            scal[b * 2] = scale;
        }
    }

    /// <summary>v = (1, x_tail·scale): written back into column j below the subdiagonal (kept for the back-transformation) and into the contiguous v (count, n).</summary>
    public static void ScaleVector<T>(Index1D t, ArrayView<T> a, ArrayView<T> v, ArrayView<T> scal, long n, long j, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = n - j - 1;
        for (long e = t; e < total; e += threads)
        {
            long r = e % m, b = e / m;
            long at = b * n * n + (j + 1 + r) * n + j;
            T value = r == 0 ? T.One : a[at] * scal[b * 2];
            a[at] = value;
            v[b * n + r] = value;
        }
    }

    /// <summary>p = τ·A22·v over the trailing (m × m) matrix, one thread per row r (reading column r of the symmetric A22: coalesced).</summary>
    public static void Symv<T>(Index1D t, ArrayView<T> a, ArrayView<T> v, ArrayView<T> p, ArrayView<T> tri, long n, long j, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = n - j - 1;
        for (long e = t; e < total; e += threads)
        {
            long r = e % m, b = e / m;
            T s = T.Zero;
            long column = b * n * n + (j + 1) * n + j + 1 + r;
            for (long c = 0; c < m; c++) s += a[column + c * n] * v[b * n + c];
            p[b * n + r] = tri[b * 3 * n + 2 * n + j] * s;
        }
    }

    /// <summary>One thread per matrix: K = τ/2 · pᵀv (so that w = p − K·v).</summary>
    public static void HalfDot<T>(Index1D t, ArrayView<T> v, ArrayView<T> p, ArrayView<T> tri, ArrayView<T> scal, long n, long j, long count, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = n - j - 1;
        for (long b = t; b < count; b += threads)
        {
            T s = T.Zero;
            for (long r = 0; r < m; r++) s += p[b * n + r] * v[b * n + r];
            scal[b * 2 + 1] = tri[b * 3 * n + 2 * n + j] * s / (T.One + T.One);
        }
    }

    /// <summary>
    /// The panel's column update (LAPACK's latrd): a[r, j] −= Σ_{q&lt;i} V[r, q]·W[j, q] + W[r, q]·V[j, q] for rows r ≥ j,
    /// the earlier reflectors of the panel applied to column j before its own reflector is formed. V, W: (count, n, kb).
    /// </summary>
    public static void PanelColumn<T>(Index1D t, ArrayView<T> a, ArrayView<T> vp, ArrayView<T> wp, PanelStep st, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long rows = st.N - st.J;
        for (long e = t; e < total; e += threads)
        {
            long r = st.J + e % rows, b = e / rows;
            long pr = b * st.N * st.Kb + r * st.Kb, pj = b * st.N * st.Kb + st.J * st.Kb;
            T s = T.Zero;
            for (long q = 0; q < st.I; q++) s += vp[pr + q] * wp[pj + q] + wp[pr + q] * vp[pj + q];
            long at = b * st.N * st.N + r * st.N + st.J;
            a[at] = a[at] - s;
        }
    }

    /// <summary>Column i of V (count, n, kb): the reflector v (count, n; v[0] at row j + 1) placed at its rows, zero above.</summary>
    public static void PanelStoreV<T>(Index1D t, ArrayView<T> v, ArrayView<T> vp, PanelStep st, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long r = e % st.N, b = e / st.N;
            vp[b * st.N * st.Kb + r * st.Kb + st.I] = r > st.J ? v[b * st.N + r - st.J - 1] : T.Zero;
        }
    }

    /// <summary>x_q = W[:, q]ᵀ·v and y_q = V[:, q]ᵀ·v over the rows below j, q &lt; i: xy (count, 2, kb).</summary>
    public static void PanelDots<T>(Index1D t, ArrayView<T> vp, ArrayView<T> wp, ArrayView<T> v, ArrayView<T> xy, PanelStep st, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long q = e % st.I, b = e / st.I;
            T x = T.Zero, y = T.Zero;
            for (long r = st.J + 1; r < st.N; r++)
            {
                T vr = v[b * st.N + r - st.J - 1];
                long at = b * st.N * st.Kb + r * st.Kb + q;
                x += wp[at] * vr;
                y += vp[at] * vr;
            }
            xy[b * 2 * st.Kb + q] = x;
            xy[b * 2 * st.Kb + st.Kb + q] = y;
        }
    }

    /// <summary>p −= τ·(V·x + W·y) over the rows below j: p = τ·A22·v computed on the trailing matrix the panel has not updated yet, corrected.</summary>
    public static void PanelCorrect<T>(Index1D t, ArrayView<T> vp, ArrayView<T> wp, ArrayView<T> xy, ArrayView<T> p, ArrayView<T> tri, PanelStep st, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = st.N - st.J - 1;
        for (long e = t; e < total; e += threads)
        {
            long r = e % m, b = e / m;
            long row = b * st.N * st.Kb + (st.J + 1 + r) * st.Kb;
            T s = T.Zero;
            for (long q = 0; q < st.I; q++) s += vp[row + q] * xy[b * 2 * st.Kb + q] + wp[row + q] * xy[b * 2 * st.Kb + st.Kb + q];
            p[b * st.N + r] = p[b * st.N + r] - tri[b * 3 * st.N + 2 * st.N + st.J] * s;
        }
    }

    /// <summary>Column i of W (count, n, kb): w = p − K·v at the rows below j, zero above.</summary>
    public static void PanelStoreW<T>(Index1D t, ArrayView<T> p, ArrayView<T> v, ArrayView<T> scal, ArrayView<T> wp, PanelStep st, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long r = e % st.N, b = e / st.N;
            long k = r - st.J - 1;
            wp[b * st.N * st.Kb + r * st.Kb + st.I] = k >= 0 ? p[b * st.N + k] - scal[b * 2 + 1] * v[b * st.N + k] : T.Zero;
        }
    }

    /// <summary>The diagonal d, the last subdiagonal entry (no reflector is needed for it) and zeros for e[n−1], τ[n−2], τ[n−1].</summary>
    public static void Extract<T>(Index1D t, ArrayView<T> a, ArrayView<T> tri, long n, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long i = e % n, b = e / n;
            tri[b * 3 * n + i] = a[b * n * n + i * n + i];
            if (i == n - 2) tri[b * 3 * n + n + i] = a[b * n * n + (i + 1) * n + i];
            if (i >= n - 2) tri[b * 3 * n + 2 * n + i] = T.Zero;
            if (i == n - 1) tri[b * 3 * n + n + i] = T.Zero;
        }
    }

    /// <summary>
    /// Applies a chunk of the QL iteration's Givens rotations, in order, to the rows of every Vᵀ (count, n, n): one thread
    /// per (matrix b, component k), coalesced over k. Matrix b's rotations are q = starts[b] … starts[b+1]−1; rotation q
    /// mixes rows i and i + 1, i = index[q], with (c, s) = cs[2q], cs[2q+1], as tql2 accumulates them.
    /// </summary>
    public static void Rotate<T>(Index1D t, ArrayView<T> vt, ArrayView<int> index, ArrayView<T> cs, ArrayView<int> starts, long n, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long k = e % n, b = e / n;
            long offset = b * n * n + k;
            long end = starts[b + 1];
            // A QL sweep runs i = m−1, m−2, …: rotation i's new row i is the next rotation's row i + 1, so it is
            // carried in a register rather than reloaded (every row is still stored; the loads no longer wait on stores).
            long previous = -2;
            T carried = T.Zero;
            for (long q = starts[b]; q < end; q++)
            {
                long i = index[q];
                long x = offset + i * n, y = x + n;
                T c = cs[2 * q], s = cs[2 * q + 1];
                T h = i + 1 == previous ? carried : vt[y], g = vt[x];
                vt[y] = s * g + c * h;
                carried = c * g - s * h;
                vt[x] = carried;
                previous = i;
            }
        }
    }

    /// <summary>z[b, r, k] = vt[b, perm[b, k], r]: the eigenvectors of T as columns, in ascending order of their eigenvalues.</summary>
    public static void Gather<T>(Index1D t, ArrayView<T> vt, ArrayView<int> perm, ArrayView<T> z, long n, long total, long threads)
        where T : unmanaged
    {
        for (long e = t; e < total; e += threads)
        {
            long k = e % n, r = (e / n) % n, b = e / (n * n);
            z[e] = vt[b * n * n + perm[b * n + k] * n + r];
        }
    }

    /// <summary>
    /// The reflectors j0 … j0+kb−1 as the columns of V (count, m, kb), m = n − j0 − 1 rows (A's rows j0+1 …): column i
    /// is zero above its row i, 1 there, then the stored vector (LAPACK's unit lower trapezoidal V of larft/larfb).
    /// </summary>
    public static void BuildV<T>(Index1D t, ArrayView<T> a, ArrayView<T> v, long n, long j0, long kb, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = n - j0 - 1;
        for (long e = t; e < total; e += threads)
        {
            long i = e % kb, r = (e / kb) % m, b = e / (kb * m);
            v[e] = r < i ? T.Zero : r == i ? T.One : a[b * n * n + (j0 + 1 + r) * n + j0 + i];
        }
    }

    /// <summary>
    /// One thread per matrix, LAPACK's larft (forward, columnwise) from G = VᵀV (count, kb, kb): the upper triangular
    /// T (count, kb, kb) with H_{j0}·…·H_{j0+kb−1} = I − V·T·Vᵀ; T[i, i] = τ_i, T[:i, i] = −τ_i·T[:i, :i]·G[:i, i].
    /// </summary>
    public static void BuildT<T>(Index1D t, ArrayView<T> g, ArrayView<T> tri, ArrayView<T> tm, long n, long j0, long kb, long count, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long b = t; b < count; b += threads)
        {
            long o = b * kb * kb;
            for (long i = 0; i < kb; i++)
            {
                T tau = tri[b * 3 * n + 2 * n + j0 + i];
                for (long r = 0; r < i; r++)
                {
                    T s = T.Zero;
                    for (long p = r; p < i; p++) s += tm[o + r * kb + p] * g[o + p * kb + i];
                    tm[o + r * kb + i] = -tau * s;
                }
                for (long r = i + 1; r < kb; r++) tm[o + r * kb + i] = T.Zero;
                tm[o + i * kb + i] = tau;
            }
        }
    }
}
