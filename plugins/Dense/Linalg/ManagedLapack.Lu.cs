using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>Managed LAPACK-style factorisations on row-major storage (the fallback when no native LAPACK loads).</summary>
internal static partial class ManagedLapack
{
    private const int LuBlock = 64;

    /// <summary>
    /// In-place LU with partial pivoting, <c>P A = L U</c> (unit lower L). <paramref name="piv"/>[k] is the row swapped with
    /// row k at step k. Returns false when a pivot is exactly zero (the factorisation still completes, as LAPACK's getrf).
    /// Right-looking blocked algorithm: each panel of <see cref="LuBlock"/> columns is factored with whole-row swaps,
    /// U12 = L11⁻¹ A12 by forward substitution, and the trailing matrix is updated with one GEMM, A22 -= L21 U12.
    /// </summary>
    public static bool Lu<T>(int n, Span<T> a, Span<int> piv, out int swaps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool regular = true;
        swaps = 0;
        if (n < 2 * LuBlock) return LuPanel(n, 0, n, a, piv, ref swaps);
        for (int j0 = 0; j0 < n; j0 += LuBlock)
        {
            int jb = Math.Min(LuBlock, n - j0), j1 = j0 + jb, rest = n - j1;
            regular &= LuPanel(n, j0, jb, a, piv, ref swaps);
            if (rest == 0) continue;
            for (int i = j0 + 1; i < j1; i++)
            {
                Span<T> ri = a.Slice(i * n + j1, rest);
                for (int p = j0; p < i; p++)
                {
                    T l = a[i * n + p];
                    if (l != T.Zero) VectorOps.Axpy(-l, a.Slice(p * n + j1, rest), ri);
                }
            }
            ManagedGemm.Gemm(false, false, rest, rest, jb, -T.One, a[(j1 * n + j0)..], n, a[(j0 * n + j1)..], n, T.One, a[(j1 * n + j1)..], n);
        }
        return regular;
    }

    /// <summary>Unblocked LU of columns [j0, j0+jb) of rows j0.. (row swaps span whole rows; updates stay inside the panel).</summary>
    private static bool LuPanel<T>(int n, int j0, int jb, Span<T> a, Span<int> piv, ref int swaps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool regular = true;
        int j1 = j0 + jb;
        for (int k = j0; k < j1; k++)
        {
            int p = k;
            T best = T.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                T v = T.Abs(a[i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            piv[k] = p;
            if (best == T.Zero) { regular = false; continue; }   // NaN pivots propagate, as LAPACK
            if (p != k)
            {
                VectorOps.Swap(a.Slice(p * n, n), a.Slice(k * n, n));
                swaps++;
            }
            T pivot = a[k * n + k];
            int width = j1 - k - 1;
            if (width == 0)
            {
                for (int i = k + 1; i < n; i++) a[i * n + k] /= pivot;
                continue;
            }
            if ((long)(n - k) * width >= 128 * 128 && Environment.ProcessorCount > 1)
            {
                EliminateParallel(n, k, width, pivot, a);
                continue;
            }
            ReadOnlySpan<T> rowK = a.Slice(k * n + k + 1, width);
            for (int i = k + 1; i < n; i++)
            {
                T l = a[i * n + k] /= pivot;
                if (l != T.Zero) VectorOps.Axpy(-l, rowK, a.Slice(i * n + k + 1, width));
            }
        }
        return regular;
    }

    private static unsafe void EliminateParallel<T>(int n, int k, int width, T pivot, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* p = a)
        {
            T* basePtr = p;
            int rest = n - k - 1;
            int chunks = Math.Min(Environment.ProcessorCount * 4, rest);
            Parallel.For(0, chunks, ch =>
            {
                int i0 = k + 1 + (int)((long)rest * ch / chunks), i1 = k + 1 + (int)((long)rest * (ch + 1) / chunks);
                var rowK = new ReadOnlySpan<T>(basePtr + (long)k * n + k + 1, width);
                for (int i = i0; i < i1; i++)
                {
                    T l = basePtr[(long)i * n + k] /= pivot;
                    if (l != T.Zero) VectorOps.Axpy(-l, rowK, new Span<T>(basePtr + (long)i * n + k + 1, width));
                }
            });
        }
    }

    /// <summary>
    /// Solves <c>A X = B</c> in place in <paramref name="x"/> (n×nrhs, holding B on entry) from the LU factors. Forward
    /// and back substitution go by blocks of rows: the contribution of the rows already solved is one GEMM per block.
    /// </summary>
    public static void LuSolve<T>(int n, int nrhs, ReadOnlySpan<T> lu, ReadOnlySpan<int> piv, Span<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < n; k++)
            if (piv[k] != k) VectorOps.Swap(x.Slice(piv[k] * nrhs, nrhs), x.Slice(k * nrhs, nrhs));
        int nb = n >= 2 * LuBlock && nrhs >= 8 ? LuBlock : n;
        for (int i0 = 0; i0 < n; i0 += nb)
        {
            int i1 = Math.Min(n, i0 + nb);
            if (i0 > 0) ManagedGemm.Gemm(false, false, i1 - i0, nrhs, i0, -T.One, lu[(i0 * n)..], n, x, nrhs, T.One, x[(i0 * nrhs)..], nrhs);
            for (int i = i0; i < i1; i++)
            {
                Span<T> xi = x.Slice(i * nrhs, nrhs);
                for (int j = i0; j < i; j++)
                {
                    T l = lu[i * n + j];
                    if (l != T.Zero) VectorOps.Axpy(-l, x.Slice(j * nrhs, nrhs), xi);
                }
            }
        }
        for (int i1 = n; i1 > 0; i1 -= nb)
        {
            int i0 = Math.Max(0, i1 - nb);
            if (i1 < n) ManagedGemm.Gemm(false, false, i1 - i0, nrhs, n - i1, -T.One, lu[(i0 * n + i1)..], n, x[(i1 * nrhs)..], nrhs, T.One, x[(i0 * nrhs)..], nrhs);
            for (int i = i1 - 1; i >= i0; i--)
            {
                Span<T> xi = x.Slice(i * nrhs, nrhs);
                for (int j = i + 1; j < i1; j++)
                {
                    T u = lu[i * n + j];
                    if (u != T.Zero) VectorOps.Axpy(-u, x.Slice(j * nrhs, nrhs), xi);
                }
                VectorOps.Scale(T.One / lu[i * n + i], xi);
            }
        }
    }

    /// <summary>The lower Cholesky factor of a symmetric positive-definite matrix (only the lower triangle of A is read).</summary>
    public static bool Cholesky<T>(int n, ReadOnlySpan<T> a, Span<T> l) where T : unmanaged, IFloatingPointIeee754<T>
    {
        l[..(n * n)].Clear();
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> li = l.Slice(i * n, i);
            for (int j = 0; j <= i; j++)
            {
                T s = a[i * n + j] - VectorOps.Dot(li[..j], l.Slice(j * n, j));
                if (i == j)
                {
                    if (!(s > T.Zero)) return false;
                    l[i * n + i] = T.Sqrt(s);
                }
                else
                {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return true;
    }
}
