using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// A rectangular block of every matrix of a C-contiguous stack: element (b, r, c) of the block lives at
/// <c>b·Stride + (Row + r)·Ld + Col + c</c>. A kernel parameter (plain fields, as ILGPU takes them).
/// </summary>
internal struct MatrixBlock
{
    /// <summary>Elements between the matrices of the stack.</summary>
    public long Stride;
    /// <summary>Elements between rows.</summary>
    public long Ld;
    public long Row;
    public long Col;
    public long Rows;
    public long Cols;

    public readonly long Index(long b, long r, long c) => b * Stride + (Row + r) * Ld + Col + c;

    /// <summary>The block at (<paramref name="row"/>, <paramref name="col"/>) of size rows × cols in a stack of <paramref name="height"/> × <paramref name="width"/> matrices.</summary>
    public static MatrixBlock Of(long height, long width, long row, long col, long rows, long cols) =>
        new() { Stride = height * width, Ld = width, Row = row, Col = col, Rows = rows, Cols = cols };
}

/// <summary>
/// The building blocks the blocked factorizations share (LU, Cholesky, the triangular solves): block copies and
/// subtractions around the plugin's matmul, the small triangular solve of a diagonal block, identity and triangle
/// masks. Every kernel is a grid-stride loop over all matrices of the stack at once.
/// </summary>
internal static class FactorizationKernels
{
    /// <summary><c>dst (count, rows, cols)</c>, contiguous, = the block <paramref name="s"/> of <paramref name="src"/>.</summary>
    public static void CopyBlock<T>(Index1D t, ArrayView<T> src, MatrixBlock s, ArrayView<T> dst, long total, long threads)
        where T : unmanaged
    {
        for (long e = t; e < total; e += threads)
        {
            long c = e % s.Cols, r = (e / s.Cols) % s.Rows, b = e / (s.Cols * s.Rows);
            dst[e] = src[s.Index(b, r, c)];
        }
    }

    /// <summary>The block <paramref name="d"/> of <paramref name="dst"/> minus <c>p (count, rows, cols)</c>, in place.</summary>
    public static void SubtractBlock<T>(Index1D t, ArrayView<T> dst, MatrixBlock d, ArrayView<T> p, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long c = e % d.Cols, r = (e / d.Cols) % d.Rows, b = e / (d.Cols * d.Rows);
            long i = d.Index(b, r, c);
            dst[i] = dst[i] - p[e];
        }
    }

    /// <summary>
    /// Solves the small triangular system of a diagonal block for every column of the right-hand block, in place, one
    /// thread per (matrix, column): <paramref name="upper"/> 0 is unit lower (forward substitution, the L of an LU),
    /// 1 is upper with its diagonal (back substitution, the U). <paramref name="tri"/> is square; <paramref name="rhs"/>
    /// has as many rows.
    /// </summary>
    public static void SolveDiagonalBlock<T>(Index1D t, ArrayView<T> factor, MatrixBlock tri, ArrayView<T> b, MatrixBlock rhs, int upper, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long k = tri.Rows;
        for (long e = t; e < total; e += threads)
        {
            long c = e % rhs.Cols, m = e / rhs.Cols;
            if (upper == 0)
            {
                for (long i = 1; i < k; i++)
                {
                    T s = b[rhs.Index(m, i, c)];
                    for (long p = 0; p < i; p++) s -= factor[tri.Index(m, i, p)] * b[rhs.Index(m, p, c)];
                    b[rhs.Index(m, i, c)] = s;
                }
            }
            else
            {
                for (long i = k - 1; i >= 0; i--)
                {
                    T s = b[rhs.Index(m, i, c)];
                    for (long p = i + 1; p < k; p++) s -= factor[tri.Index(m, i, p)] * b[rhs.Index(m, p, c)];
                    b[rhs.Index(m, i, c)] = s / factor[tri.Index(m, i, i)];
                }
            }
        }
    }

    /// <summary>Every n × n matrix of <paramref name="a"/> set to the identity.</summary>
    public static void Identity<T>(Index1D t, ArrayView<T> a, long n, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long c = e % n, r = (e / n) % n;
            a[e] = r == c ? T.One : T.Zero;
        }
    }

    /// <summary>Zeroes the strict upper triangle of every n × n matrix (the Cholesky factor's unused half).</summary>
    public static void ZeroUpper<T>(Index1D t, ArrayView<T> a, long n, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            long c = e % n, r = (e / n) % n;
            if (c > r) a[e] = T.Zero;
        }
    }

    /// <summary>
    /// Sets <c>flags[b]</c> to 1 when matrix b (of <paramref name="size"/> elements) holds a NaN or an infinity
    /// (<c>x − x</c> is 0 only for finite x; threads that find one all store the same 1).
    /// </summary>
    public static void NonFinite<T>(Index1D t, ArrayView<T> a, ArrayView<int> flags, long size, long total, long threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (long e = t; e < total; e += threads)
        {
            T v = a[e];
            if (!(v - v == T.Zero)) flags[e / size] = 1;
        }
    }
}
