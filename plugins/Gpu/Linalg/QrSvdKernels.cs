using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The device kernels of the Gpu's QR and SVD (<see cref="GpuQr"/>, <see cref="GpuSvd"/>). Matrices are row-major with a
/// leading dimension; every kernel is a barrier-free grid-stride loop (a group barrier on ILGPU's CPU accelerator is a
/// host-thread rendezvous), generic over the storage type <c>T</c> (float or double) and its adapter
/// <c>TE</c>: dot products, norms and rotations are computed in double and stored once in T.
/// </summary>
internal static class QrSvdKernels
{
    // ---------------------------------------------------------------- Householder panel (geqr2 on the device)

    /// <summary>
    /// Partial sums for column j's reflector and its application to the panel's columns c = j .. j + cols - 1: thread
    /// (chunk, col) sums <c>A[i, j]·A[i, c]</c> over the rows i &gt; j of its chunk (for c = j: the squared norm below the
    /// diagonal). One pass gives both the norm and every <c>vᵀA[:, c]</c>, since v = [1; A[j+1:, j] / (alpha - beta)].
    /// </summary>
    public static void QrPartials<T, TE>(Index1D t, ArrayView<T> a, long ld, long m, long j, long cols, long rowsPerChunk, ArrayView<double> partials, long total, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long idx = t; idx < total; idx += threads)
        {
            long col = idx % cols, chunk = idx / cols;
            long r0 = j + 1 + chunk * rowsPerChunk;
            long r1 = r0 + rowsPerChunk < m ? r0 + rowsPerChunk : m;
            double s = 0;
            for (long i = r0; i < r1; i++) s += e.ToDouble(a[i * ld + j]) * e.ToDouble(a[i * ld + j + col]);
            partials[idx] = s;
        }
    }

    /// <summary>
    /// The reflector of column j (LAPACK's dlarfg: beta = -sign(alpha)·‖[alpha; x]‖, tau = (beta - alpha)/beta, tau = 0
    /// when x = 0) into <c>scalars = [tau, 1/(alpha - beta), beta]</c> and <c>tau[j]</c>, and
    /// <c>w[c] = tau·vᵀA[:, j + c]</c> for the panel's other columns. One thread per panel column.
    /// </summary>
    public static void QrReflect<T, TE>(Index1D t, ArrayView<T> a, long ld, long j, long cols, long chunks, ArrayView<double> partials,
        ArrayView<double> w, ArrayView<double> scalars, ArrayView<T> tau, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long col = t; col < cols; col += threads)
        {
            double sigma = 0;
            for (long c = 0; c < chunks; c++) sigma += partials[c * cols];
            double alpha = e.ToDouble(a[j * ld + j]);
            double tv = 0, inv = 0, beta = alpha;
            if (sigma != 0)
            {
                double norm = Math.Sqrt(alpha * alpha + sigma);
                beta = alpha >= 0 ? -norm : norm;
                tv = (beta - alpha) / beta;
                inv = 1.0 / (alpha - beta);
            }
            if (col == 0)
            {
                scalars[0] = tv;
                scalars[1] = inv;
                scalars[2] = beta;
                tau[j] = e.FromDouble(tv);
            }
            else
            {
                double s = 0;
                for (long c = 0; c < chunks; c++) s += partials[c * cols + col];
                w[col] = tv * (e.ToDouble(a[j * ld + j + col]) + inv * s);
            }
        }
    }

    /// <summary><c>A[i, j + c] -= v_i · w[c]</c> for rows i ≥ j and the panel's columns after j (column j is read, not written).</summary>
    public static void QrApply<T, TE>(Index1D t, ArrayView<T> a, long ld, long m, long j, long cols, ArrayView<double> w, ArrayView<double> scalars, long total, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        long width = cols - 1;
        for (long idx = t; idx < total; idx += threads)
        {
            long col = 1 + idx % width, i = j + idx / width;
            double v = i == j ? 1.0 : e.ToDouble(a[i * ld + j]) * scalars[1];
            long at = i * ld + j + col;
            a[at] = e.FromDouble(e.ToDouble(a[at]) - v * w[col]);
        }
    }

    /// <summary>Column j becomes beta on the diagonal and the reflector's v below it (x / (alpha - beta)).</summary>
    public static void QrScale<T, TE>(Index1D t, ArrayView<T> a, long ld, long m, long j, ArrayView<double> scalars, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long r = t; r < m - j; r += threads)
        {
            long i = j + r;
            if (r == 0) a[i * ld + j] = e.FromDouble(scalars[2]);
            else if (scalars[0] != 0) a[i * ld + j] = e.FromDouble(e.ToDouble(a[i * ld + j]) * scalars[1]);
        }
    }

    /// <summary>The panel's reflectors as an explicit (m - j0) × jb matrix: unit diagonal, zero above, v below.</summary>
    public static void QrFormV<T>(Index1D t, ArrayView<T> a, long ld, long j0, long jb, ArrayView<T> v, T one, long total, long threads)
        where T : unmanaged
    {
        for (long idx = t; idx < total; idx += threads)
        {
            long r = idx / jb, c = idx % jb;
            v[idx] = r == c ? one : r > c ? a[(j0 + r) * ld + j0 + c] : default;
        }
    }

    /// <summary>
    /// LAPACK's larft (forward, columnwise) for one panel: the jb × jb upper triangular T with H_1 … H_jb = I - V T Vᵀ,
    /// from tau and G = VᵀV. One thread (jb² work, jb ≤ 32).
    /// </summary>
    public static void QrFormT<T, TE>(Index1D t, ArrayView<T> tau, long j0, long jb, ArrayView<T> g, ArrayView<T> tt)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        if (t != 0) return;
        TE e = default;
        for (long i = 0; i < jb; i++)
        {
            double ti = e.ToDouble(tau[j0 + i]);
            for (long r = 0; r < jb; r++)
            {
                if (r > i) { tt[r * jb + i] = default; continue; }
                if (r == i) { tt[r * jb + i] = e.FromDouble(ti); continue; }
                double s = 0;
                for (long k = r; k < i; k++) s += e.ToDouble(tt[r * jb + k]) * e.ToDouble(g[k * jb + i]);
                tt[r * jb + i] = e.FromDouble(-ti * s);
            }
        }
    }

    /// <summary><c>A[row0 + r, col0 + c] -= P[r, c]</c> for the rows × cols block (P contiguous).</summary>
    public static void SubtractBlock<T, TE>(Index1D t, ArrayView<T> a, long ld, long row0, long col0, long cols, ArrayView<T> p, long total, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long idx = t; idx < total; idx += threads)
        {
            long r = idx / cols, c = idx % cols;
            long at = (row0 + r) * ld + col0 + c;
            a[at] = e.FromDouble(e.ToDouble(a[at]) - e.ToDouble(p[idx]));
        }
    }

    /// <summary>R (rows × n, row-major): the upper triangle of the factored m × n matrix, zero below.</summary>
    public static void QrExtractR<T>(Index1D t, ArrayView<T> a, long n, ArrayView<T> r, long total, long threads) where T : unmanaged
    {
        for (long idx = t; idx < total; idx += threads)
        {
            long i = idx / n, c = idx % n;
            r[idx] = c >= i ? a[i * n + c] : default;
        }
    }

    // ---------------------------------------------------------------- one-sided Jacobi on the rows of an n × n matrix

    /// <summary>Pair k of round <paramref name="round"/> of the round-robin (circle) tournament over <paramref name="players"/> (even) rows.</summary>
    private static void Pair(long round, long k, long players, out long p, out long q)
    {
        long ring = players - 1;
        if (k == 0) { p = round; q = ring; }
        else { p = (round + k) % ring; q = (round - k + ring) % ring; }
        if (p > q) { long s = p; p = q; q = s; }
    }

    /// <summary>Partial sums of ‖b_p‖², ‖b_q‖² and b_p·b_q for every pair of the round, segment by segment.</summary>
    public static void JacobiDots<T, TE>(Index1D t, ArrayView<T> b, long n, long players, long round, long segment, long segments, ArrayView<double> partials, long total, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long idx = t; idx < total; idx += threads)
        {
            long k = idx / segments, g = idx % segments;
            Pair(round, k, players, out long p, out long q);
            double alpha = 0, beta = 0, gamma = 0;
            if (q < n)
            {
                long e0 = g * segment, e1 = e0 + segment < n ? e0 + segment : n;
                for (long x = e0; x < e1; x++)
                {
                    double bp = e.ToDouble(b[p * n + x]), bq = e.ToDouble(b[q * n + x]);
                    alpha += bp * bp;
                    beta += bq * bq;
                    gamma += bp * bq;
                }
            }
            partials[idx * 3] = alpha;
            partials[idx * 3 + 1] = beta;
            partials[idx * 3 + 2] = gamma;
        }
    }

    /// <summary>
    /// The rotation of each pair (cosine, sine) that makes its two rows orthogonal, or (1, 0) when they already are to
    /// within <paramref name="tolerance"/>·‖b_p‖‖b_q‖; sets <c>flag[0]</c> when any pair rotates (the sweep is not converged).
    /// </summary>
    public static void JacobiAngles(Index1D t, ArrayView<double> partials, long segments, long pairs, long n, long players, long round, double tolerance,
        ArrayView<double> rotations, ArrayView<int> flag, long threads)
    {
        for (long k = t; k < pairs; k += threads)
        {
            double alpha = 0, beta = 0, gamma = 0;
            for (long g = 0; g < segments; g++)
            {
                long at = (k * segments + g) * 3;
                alpha += partials[at];
                beta += partials[at + 1];
                gamma += partials[at + 2];
            }
            Pair(round, k, players, out _, out long q);
            double c = 1, s = 0;
            if (q < n && gamma != 0 && Math.Abs(gamma) > tolerance * Math.Sqrt(alpha) * Math.Sqrt(beta))
            {
                double zeta = (beta - alpha) / (2 * gamma);
                double az = Math.Abs(zeta);
                double tangent = (zeta >= 0 ? 1.0 : -1.0) / (az + (az > 1e150 ? az : Math.Sqrt(1 + zeta * zeta)));
                c = 1 / Math.Sqrt(1 + tangent * tangent);
                s = c * tangent;
                flag[0] = 1;
            }
            rotations[k * 2] = c;
            rotations[k * 2 + 1] = s;
        }
    }

    /// <summary>Rotates rows p and q of B (and of V, the accumulated rotations, when <paramref name="withV"/> is 1): p' = c·p - s·q, q' = s·p + c·q.</summary>
    public static void JacobiRotate<T, TE>(Index1D t, ArrayView<T> b, ArrayView<T> v, int withV, long n, long players, long round, ArrayView<double> rotations, long total, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long idx = t; idx < total; idx += threads)
        {
            long k = idx / n, x = idx % n;
            double s = rotations[k * 2 + 1];
            if (s == 0) continue;
            double c = rotations[k * 2];
            Pair(round, k, players, out long p, out long q);
            double bp = e.ToDouble(b[p * n + x]), bq = e.ToDouble(b[q * n + x]);
            b[p * n + x] = e.FromDouble(c * bp - s * bq);
            b[q * n + x] = e.FromDouble(s * bp + c * bq);
            if (withV != 0)
            {
                double vp = e.ToDouble(v[p * n + x]), vq = e.ToDouble(v[q * n + x]);
                v[p * n + x] = e.FromDouble(c * vp - s * vq);
                v[q * n + x] = e.FromDouble(s * vp + c * vq);
            }
        }
    }

    /// <summary>The norm of each row of B (the singular values, unsorted), in double.</summary>
    public static void RowNorms<T, TE>(Index1D t, ArrayView<T> b, long n, ArrayView<double> norms, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long i = t; i < n; i += threads)
        {
            double s = 0;
            for (long x = 0; x < n; x++) { double v = e.ToDouble(b[i * n + x]); s += v * v; }
            norms[i] = Math.Sqrt(s);
        }
    }

    /// <summary>Each value's place in descending order (ties keep index order): <c>order[rank] = i</c>.</summary>
    public static void RankDescending(Index1D t, ArrayView<double> values, long n, ArrayView<int> order, long threads)
    {
        for (long i = t; i < n; i += threads)
        {
            double v = values[i];
            long rank = 0;
            for (long j = 0; j < n; j++)
            {
                double u = values[j];
                if (u > v || (u == v && j < i)) rank++;
            }
            order[rank] = (int)i;
        }
    }

    /// <summary>
    /// The sorted results: s[r] (the first K), Vh row r = V row order[r] and Y row r = B row order[r] / s (zero when s
    /// is at or below the cut: those rows are completed afterwards), the last two when <see cref="GatherDims.WithV"/>.
    /// </summary>
    public static void JacobiGather<T, TE>(Index1D t, ArrayView<T> b, ArrayView<T> v, ArrayView<double> norms, ArrayView<int> order,
        ArrayView<T> s, ArrayView<T> vh, ArrayView<T> y, GatherDims d, long total, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        long n = d.N;
        double cut = d.Cut * norms[order[0]];
        for (long idx = t; idx < total; idx += threads)
        {
            // With vectors one thread per element of Vh and Y; without, one per singular value.
            long r = d.WithV != 0 ? idx / n : idx, x = d.WithV != 0 ? idx % n : 0;
            long i = order[r];
            double sv = norms[i];
            if (x == 0 && r < d.K) s[r] = e.FromDouble(sv);
            if (d.WithV != 0)
            {
                vh[r * n + x] = v[i * n + x];
                y[r * n + x] = sv > cut && sv > 0 ? e.FromDouble(e.ToDouble(b[i * n + x]) / sv) : default;
            }
        }
    }

    /// <summary>How many sorted singular values are at or below the cut (the rows of Y left to complete), into count[0].</summary>
    public static void CountBelow(Index1D t, ArrayView<double> norms, ArrayView<int> order, long n, double relativeCut, ArrayView<int> count)
    {
        if (t != 0) return;
        double cut = relativeCut * norms[order[0]];
        int below = 0;
        for (long r = 0; r < n; r++)
        {
            double sv = norms[order[r]];
            if (!(sv > cut && sv > 0)) below++;
        }
        count[0] = below;
    }

    // ---------------------------------------------------------------- completing Y's rows for zero singular values

    /// <summary>residual[x] = 1 - Σ_{j&lt;d} Y[j, x]²: how much of the unit vector e_x lies outside the rows found so far.</summary>
    public static void CompleteResidual<T, TE>(Index1D t, ArrayView<T> y, long n, long d, ArrayView<double> residual, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long x = t; x < n; x += threads)
        {
            double s = 0;
            for (long j = 0; j < d; j++) { double v = e.ToDouble(y[j * n + x]); s += v * v; }
            residual[x] = 1 - s;
        }
    }

    /// <summary>The unit vector with the largest residual (first on ties), into pick[0].</summary>
    public static void CompletePick(Index1D t, ArrayView<double> residual, long n, ArrayView<int> pick)
    {
        if (t != 0) return;
        long best = 0;
        for (long x = 1; x < n; x++) if (residual[x] > residual[best]) best = x;
        pick[0] = (int)best;
    }

    /// <summary>Y[d, x] = e_pick[x] - Σ_{j&lt;d} Y[j, pick]·Y[j, x] (Gram–Schmidt of the picked unit vector).</summary>
    public static void CompleteProject<T, TE>(Index1D t, ArrayView<T> y, long n, long d, ArrayView<int> pick, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        long p = pick[0];
        for (long x = t; x < n; x += threads)
        {
            double v = x == p ? 1.0 : 0.0;
            for (long j = 0; j < d; j++) v -= e.ToDouble(y[j * n + p]) * e.ToDouble(y[j * n + x]);
            y[d * n + x] = e.FromDouble(v);
        }
    }

    /// <summary>coefficients[j] = Y[j, :]·Y[d, :] for j &lt; d (the second Gram–Schmidt pass).</summary>
    public static void CompleteCoefficients<T, TE>(Index1D t, ArrayView<T> y, long n, long d, ArrayView<double> coefficients, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long j = t; j < d; j += threads)
        {
            double s = 0;
            for (long x = 0; x < n; x++) s += e.ToDouble(y[j * n + x]) * e.ToDouble(y[d * n + x]);
            coefficients[j] = s;
        }
    }

    /// <summary>Y[d, x] -= Σ_{j&lt;d} coefficients[j]·Y[j, x].</summary>
    public static void CompleteReorthogonalize<T, TE>(Index1D t, ArrayView<T> y, long n, long d, ArrayView<double> coefficients, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long x = t; x < n; x += threads)
        {
            double v = e.ToDouble(y[d * n + x]);
            for (long j = 0; j < d; j++) v -= coefficients[j] * e.ToDouble(y[j * n + x]);
            y[d * n + x] = e.FromDouble(v);
        }
    }

    /// <summary>Y[d, :] normalized (one thread: n work).</summary>
    public static void CompleteNormalize<T, TE>(Index1D t, ArrayView<T> y, long n, long d)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        if (t != 0) return;
        TE e = default;
        double s = 0;
        for (long x = 0; x < n; x++) { double v = e.ToDouble(y[d * n + x]); s += v * v; }
        double inv = s > 0 ? 1 / Math.Sqrt(s) : 0;
        for (long x = 0; x < n; x++) y[d * n + x] = e.FromDouble(e.ToDouble(y[d * n + x]) * inv);
    }

    // ---------------------------------------------------------------- lstsq, pinv, rank

    /// <summary>
    /// Scales row r of <paramref name="x"/> (rows × cols) by 1/s[r] when s[r] &gt; cut·s[0] (cut relative) or s[r] &gt; cut
    /// (absolute), else zeroes it: diag(1/s) restricted to the kept singular values.
    /// </summary>
    public static void ScaleRowsByInverse<T, TE>(Index1D t, ArrayView<T> x, long cols, ArrayView<T> s, long sOffset, double cut, int relative, long total, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        double threshold = relative != 0 ? cut * e.ToDouble(s[sOffset]) : cut;
        for (long idx = t; idx < total; idx += threads)
        {
            long r = idx / cols;
            double sv = e.ToDouble(s[sOffset + r]);
            x[idx] = sv > threshold ? e.FromDouble(e.ToDouble(x[idx]) / sv) : default;
        }
    }

    /// <summary>
    /// Per matrix b of a stack of sorted singular values (k each): how many exceed the cut (relative to s[0] when
    /// <paramref name="relative"/> is 1, absolute otherwise), as int64.
    /// </summary>
    public static void CountAbove<T, TE>(Index1D t, ArrayView<T> s, long k, long count, double cut, int relative, ArrayView<long> ranks, long threads)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        TE e = default;
        for (long b = t; b < count; b += threads)
        {
            long rank = 0;
            if (k > 0)
            {
                double threshold = relative != 0 ? cut * e.ToDouble(s[b * k]) : cut;
                for (long i = 0; i < k; i++) if (e.ToDouble(s[b * k + i]) > threshold) rank++;
            }
            ranks[b] = rank;
        }
    }
}

/// <summary>The sizes of <see cref="QrSvdKernels.JacobiGather{T, TE}"/>: the order n, the singular values kept, the relative cut, whether vectors are formed.</summary>
internal struct GatherDims
{
    public long N;
    public long K;
    public double Cut;
    public int WithV;
}
