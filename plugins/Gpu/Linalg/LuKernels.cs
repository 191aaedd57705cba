using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The per-column steps of the LU panel (LAPACK's getf2 over a stack of n × n matrices, all matrices in each launch):
/// the pivot search as lane partials and a per-matrix choice, the row interchange over the whole row (so L and U end
/// where getrf leaves them), the column scaling and the rank-1 update inside the panel. Then the pivots applied to a
/// right-hand side and the log-determinant.
/// </summary>
internal static class LuKernels
{
    /// <summary>
    /// Lane l of matrix b scans rows j + l, j + l + lanes, … of column j for the largest |a| (the first on ties, as
    /// LAPACK's idamax) and writes its (value, row) partial.
    /// </summary>
    public static void PivotPartial<T>(Index1D t, ArrayView<T> a, ArrayView<T> bestValue, ArrayView<int> bestRow, long n, long j, long lanes, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long lane = e % lanes, b = e / lanes;
            long matrix = b * n * n;
            T best = -T.One;
            long row = j;
            for (long i = j + lane; i < n; i += lanes)
            {
                T v = T.Abs(a[matrix + i * n + j]);
                if (v > best) { best = v; row = i; }
            }
            bestValue[e] = best;
            bestRow[e] = (int)row;
        }
    }

    /// <summary>
    /// One thread per matrix: the pivot row of column j from the lane partials (largest value, smallest row on ties),
    /// recorded in <c>piv[b, j]</c>; an exactly zero pivot sets <c>info[b]</c> (the matrix is singular, as getrf's info &gt; 0).
    /// </summary>
    public static void PivotSelect<T>(Index1D t, ArrayView<T> a, ArrayView<T> bestValue, ArrayView<int> bestRow, ArrayView<int> piv, ArrayView<int> info, long n, long j, long lanes, long count, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long b = t; b < count; b += threads)
        {
            T best = bestValue[b * lanes];
            int row = bestRow[b * lanes];
            for (long l = 1; l < lanes; l++)
            {
                T v = bestValue[b * lanes + l];
                int r = bestRow[b * lanes + l];
                if (v > best || (v == best && r < row)) { best = v; row = r; }
            }
            piv[b * n + j] = row;
            if (a[b * n * n + row * n + j] == T.Zero) info[b] = 1;
        }
    }

    /// <summary>Interchanges rows j and piv[b, j] of every matrix, across all n columns.</summary>
    public static void SwapRows<T>(Index1D t, ArrayView<T> a, ArrayView<int> piv, long n, long j, long total, long threads)
        where T : unmanaged
    {
        for (long e = t; e < total; e += threads)
        {
            long c = e % n, b = e / n;
            long p = piv[b * n + j];
            if (p == j) continue;
            long x = b * n * n + j * n + c, y = b * n * n + p * n + c;
            T v = a[x];
            a[x] = a[y];
            a[y] = v;
        }
    }

    /// <summary>Divides column j below the diagonal by the pivot (left as is when the pivot is zero, as getf2).</summary>
    public static void ScaleColumn<T>(Index1D t, ArrayView<T> a, long n, long j, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = n - j - 1;
        for (long e = t; e < total; e += threads)
        {
            long i = j + 1 + e % m, b = e / m;
            T pivot = a[b * n * n + j * n + j];
            if (pivot != T.Zero) a[b * n * n + i * n + j] = a[b * n * n + i * n + j] / pivot;
        }
    }

    /// <summary>The rank-1 update of the panel: <c>a[i, c] -= a[i, j]·a[j, c]</c> for rows i &gt; j and columns j &lt; c &lt; end.</summary>
    public static void Rank1<T>(Index1D t, ArrayView<T> a, long n, long j, long end, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = n - j - 1, w = end - j - 1;
        for (long e = t; e < total; e += threads)
        {
            long c = j + 1 + e % w, i = j + 1 + (e / w) % m, b = e / (w * m);
            long matrix = b * n * n;
            a[matrix + i * n + c] = a[matrix + i * n + c] - a[matrix + i * n + j] * a[matrix + j * n + c];
        }
    }

    /// <summary>Applies the interchanges piv[b, 0], …, piv[b, n−1] in order to every column of B (count, n, k).</summary>
    public static void PermuteRows<T>(Index1D t, ArrayView<T> rhs, ArrayView<int> piv, long n, long k, long total, long threads)
        where T : unmanaged
    {
        for (long e = t; e < total; e += threads)
        {
            long c = e % k, b = e / k;
            for (long j = 0; j < n; j++)
            {
                long p = piv[b * n + j];
                if (p == j) continue;
                long x = b * n * k + j * k + c, y = b * n * k + p * k + c;
                T v = rhs[x];
                rhs[x] = rhs[y];
                rhs[y] = v;
            }
        }
    }

    /// <summary>
    /// sign and log|det| of every factored matrix (Dense's slogdet): the sign flips for each interchange and each
    /// negative diagonal entry; a zero on the diagonal gives (0, −∞). <paramref name="det"/> gets sign·exp(log).
    /// </summary>
    public static void LogDet<T>(Index1D t, ArrayView<T> a, ArrayView<int> piv, ArrayView<T> sign, ArrayView<T> log, ArrayView<T> det, long n, long count, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long b = t; b < count; b += threads)
        {
            T s = T.One, l = T.Zero;
            bool singular = false;
            for (long i = 0; i < n; i++)
            {
                T d = a[b * n * n + i * n + i];
                if (d == T.Zero) singular = true;
                if (piv[b * n + i] != i) s = -s;
                if (d < T.Zero) s = -s;
                l += T.Log(T.Abs(d));
            }
            if (singular)
            {
                s = T.Zero;
                l = T.NegativeInfinity;
            }
            sign[b] = s;
            log[b] = l;
            det[b] = s * T.Exp(l);
        }
    }
}
