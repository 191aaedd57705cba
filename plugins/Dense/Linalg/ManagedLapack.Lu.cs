using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>Managed LAPACK-style factorisations on row-major storage (the fallback when no native LAPACK loads).</summary>
internal static partial class ManagedLapack
{
    /// <summary>
    /// In-place LU with partial pivoting, <c>P A = L U</c> (unit lower L). <paramref name="piv"/>[k] is the row swapped with
    /// row k at step k. Returns false when a pivot is exactly zero (the factorisation still completes, as LAPACK's getrf).
    /// </summary>
    public static bool Lu<T>(int n, Span<T> a, Span<int> piv, out int swaps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool regular = true;
        swaps = 0;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            T best = T.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                T v = T.Abs(a[i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            piv[k] = p;
            if (best == T.Zero || T.IsNaN(best)) { regular = false; continue; }
            if (p != k)
            {
                VectorOps.Swap(a.Slice(p * n, n), a.Slice(k * n, n));
                swaps++;
            }
            T pivot = a[k * n + k];
            int rest = n - k - 1;
            if (rest == 0) continue;
            if ((long)rest * rest >= 128 * 128 && Environment.ProcessorCount > 1)
            {
                EliminateParallel(n, k, pivot, a);
            }
            else
            {
                ReadOnlySpan<T> rowK = a.Slice(k * n + k + 1, rest);
                for (int i = k + 1; i < n; i++)
                {
                    T l = a[i * n + k] /= pivot;
                    if (l != T.Zero) VectorOps.Axpy(-l, rowK, a.Slice(i * n + k + 1, rest));
                }
            }
        }
        return regular;
    }

    private static unsafe void EliminateParallel<T>(int n, int k, T pivot, Span<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        fixed (T* p = a)
        {
            T* basePtr = p;
            int rest = n - k - 1;
            int chunks = Math.Min(Environment.ProcessorCount * 4, rest);
            Parallel.For(0, chunks, ch =>
            {
                int i0 = k + 1 + (int)((long)rest * ch / chunks), i1 = k + 1 + (int)((long)rest * (ch + 1) / chunks);
                var rowK = new ReadOnlySpan<T>(basePtr + (long)k * n + k + 1, rest);
                for (int i = i0; i < i1; i++)
                {
                    T l = basePtr[(long)i * n + k] /= pivot;
                    if (l != T.Zero) VectorOps.Axpy(-l, rowK, new Span<T>(basePtr + (long)i * n + k + 1, rest));
                }
            });
        }
    }

    /// <summary>Solves <c>A X = B</c> in place in <paramref name="x"/> (n×nrhs, holding B on entry) from the LU factors.</summary>
    public static void LuSolve<T>(int n, int nrhs, ReadOnlySpan<T> lu, ReadOnlySpan<int> piv, Span<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int k = 0; k < n; k++)
            if (piv[k] != k) VectorOps.Swap(x.Slice(piv[k] * nrhs, nrhs), x.Slice(k * nrhs, nrhs));
        for (int i = 0; i < n; i++)
        {
            Span<T> xi = x.Slice(i * nrhs, nrhs);
            for (int j = 0; j < i; j++)
            {
                T l = lu[i * n + j];
                if (l != T.Zero) VectorOps.Axpy(-l, x.Slice(j * nrhs, nrhs), xi);
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            Span<T> xi = x.Slice(i * nrhs, nrhs);
            for (int j = i + 1; j < n; j++)
            {
                T u = lu[i * n + j];
                if (u != T.Zero) VectorOps.Axpy(-u, x.Slice(j * nrhs, nrhs), xi);
            }
            VectorOps.Scale(T.One / lu[i * n + i], xi);
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
