using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>
/// Managed GEMM, <c>C = alpha op(A) op(B) + beta C</c> on row-major storage, in the GotoBLAS/BLIS structure: B is packed
/// into KC×NR panels, A (times alpha) into MR×KC panels, and a 6×(2 vectors) register-blocked micro-kernel with FMA
/// accumulates into C. Row blocks of C run in parallel when the product is large.
/// </summary>
internal static unsafe class ManagedGemm
{
    private const int MR = 6;
    private const int KC = 256;
    private const int MC = 96;     // multiple of MR
    private const int NC = 2048;
    private const long ParallelFlops = 1L << 21;

    public static void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        for (int i = 0; i < m; i++)
        {
            Span<T> row = c.Slice(i * ldc, n);
            if (beta == T.Zero) row.Clear();
            else if (beta != T.One) VectorOps.Scale(beta, row);
        }
        if (k == 0 || alpha == T.Zero) return;

        int nr = Vector256.IsHardwareAccelerated ? 2 * Vector256<T>.Count : 8;
        int nPanelsMax = (Math.Min(n, NC) + nr - 1) / nr;
        T[] bPack = ArrayPool<T>.Shared.Rent(nPanelsMax * nr * Math.Min(k, KC));
        bool parallel = (long)m * n * k >= ParallelFlops && m > MC && Environment.ProcessorCount > 1;
        try
        {
            fixed (T* pa = a, pb = b, pc = c)
            {
                var ctx = new Context<T>(pa, lda, transA, pb, ldb, transB, pc, ldc, alpha, nr);
                for (int jc = 0; jc < n; jc += NC)
                {
                    int nc = Math.Min(NC, n - jc);
                    for (int p0 = 0; p0 < k; p0 += KC)
                    {
                        int kc = Math.Min(KC, k - p0);
                        fixed (T* bp = bPack) PackB(ctx, p0, kc, jc, nc, bp);
                        int blocks = (m + MC - 1) / MC;
                        if (parallel)
                        {
                            T[] bArr = bPack;
                            Parallel.For(0, blocks, ib => RunBlock(ctx, bArr, ib * MC, Math.Min(MC, m - ib * MC), p0, kc, jc, nc));
                        }
                        else
                        {
                            for (int ib = 0; ib < blocks; ib++) RunBlock(ctx, bPack, ib * MC, Math.Min(MC, m - ib * MC), p0, kc, jc, nc);
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(bPack);
        }
    }

    private readonly struct Context<T>(T* a, int lda, bool transA, T* b, int ldb, bool transB, T* c, int ldc, T alpha, int nr)
        where T : unmanaged
    {
        public readonly T* A = a, B = b, C = c;
        public readonly int Lda = lda, Ldb = ldb, Ldc = ldc, NR = nr;
        public readonly bool TransA = transA, TransB = transB;
        public readonly T Alpha = alpha;
    }

    private static void RunBlock<T>(Context<T> ctx, T[] bPack, int i0, int mc, int p0, int kc, int jc, int nc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nr = ctx.NR;
        int mPanels = (mc + MR - 1) / MR;
        T[] aPack = ArrayPool<T>.Shared.Rent(mPanels * MR * kc);
        try
        {
            fixed (T* ap = aPack, bp = bPack)
            {
                PackA(ctx, i0, mc, p0, kc, ap);
                T* tile = stackalloc T[MR * 64];
                for (int j = 0; j < nc; j += nr)
                {
                    int ncur = Math.Min(nr, nc - j);
                    T* bPanel = bp + (j / nr) * nr * kc;
                    for (int i = 0; i < mc; i += MR)
                    {
                        int mcur = Math.Min(MR, mc - i);
                        T* cPtr = ctx.C + (long)(i0 + i) * ctx.Ldc + jc + j;
                        if (Vector256.IsHardwareAccelerated)
                            Kernel(kc, ap + (i / MR) * MR * kc, bPanel, cPtr, ctx.Ldc, mcur, ncur, tile);
                        else
                            ScalarKernel(kc, ap + (i / MR) * MR * kc, bPanel, nr, cPtr, ctx.Ldc, mcur, ncur);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(aPack);
        }
    }

    private static void PackA<T>(Context<T> ctx, int i0, int mc, int p0, int kc, T* dst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T alpha = ctx.Alpha;
        for (int ip = 0; ip < mc; ip += MR)
        {
            T* panel = dst + (ip / MR) * MR * kc;
            for (int r = 0; r < MR; r++)
            {
                int i = i0 + ip + r;
                if (ip + r >= mc)
                {
                    for (int p = 0; p < kc; p++) panel[p * MR + r] = T.Zero;
                }
                else if (!ctx.TransA)
                {
                    T* src = ctx.A + (long)i * ctx.Lda + p0;
                    for (int p = 0; p < kc; p++) panel[p * MR + r] = alpha * src[p];
                }
                else
                {
                    T* src = ctx.A + (long)p0 * ctx.Lda + i;
                    for (int p = 0; p < kc; p++) panel[p * MR + r] = alpha * src[(long)p * ctx.Lda];
                }
            }
        }
    }

    private static void PackB<T>(Context<T> ctx, int p0, int kc, int jc, int nc, T* dst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nr = ctx.NR;
        for (int jp = 0; jp < nc; jp += nr)
        {
            T* panel = dst + (jp / nr) * nr * kc;
            int w = Math.Min(nr, nc - jp);
            for (int p = 0; p < kc; p++)
            {
                T* row = panel + p * nr;
                if (!ctx.TransB)
                {
                    T* src = ctx.B + (long)(p0 + p) * ctx.Ldb + jc + jp;
                    for (int j = 0; j < w; j++) row[j] = src[j];
                }
                else
                {
                    T* src = ctx.B + (long)(jc + jp) * ctx.Ldb + p0 + p;
                    for (int j = 0; j < w; j++) row[j] = src[(long)j * ctx.Ldb];
                }
                for (int j = w; j < nr; j++) row[j] = T.Zero;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel<T>(int kc, T* a, T* b, T* c, int ldc, int mr, int nr, T* tile) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.Load(b), b1 = Vector256.Load(b + w);
            Vector256<T> x = Vector256.Create(a[0]);
            c00 = VectorOps.Fma(x, b0, c00); c01 = VectorOps.Fma(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = VectorOps.Fma(x, b0, c10); c11 = VectorOps.Fma(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = VectorOps.Fma(x, b0, c20); c21 = VectorOps.Fma(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = VectorOps.Fma(x, b0, c30); c31 = VectorOps.Fma(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = VectorOps.Fma(x, b0, c40); c41 = VectorOps.Fma(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = VectorOps.Fma(x, b0, c50); c51 = VectorOps.Fma(x, b1, c51);
            a += MR;
            b += 2 * w;
        }
        if (mr == MR && nr == 2 * w)
        {
            Add(c, c00, c01, w); Add(c + ldc, c10, c11, w); Add(c + 2L * ldc, c20, c21, w);
            Add(c + 3L * ldc, c30, c31, w); Add(c + 4L * ldc, c40, c41, w); Add(c + 5L * ldc, c50, c51, w);
            return;
        }
        int s = 2 * w;
        c00.Store(tile); c01.Store(tile + w); c10.Store(tile + s); c11.Store(tile + s + w);
        c20.Store(tile + 2 * s); c21.Store(tile + 2 * s + w); c30.Store(tile + 3 * s); c31.Store(tile + 3 * s + w);
        c40.Store(tile + 4 * s); c41.Store(tile + 4 * s + w); c50.Store(tile + 5 * s); c51.Store(tile + 5 * s + w);
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < nr; j++)
                c[(long)i * ldc + j] += tile[i * s + j];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add<T>(T* c, Vector256<T> v0, Vector256<T> v1, int w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        (Vector256.Load(c) + v0).Store(c);
        (Vector256.Load(c + w) + v1).Store(c + w);
    }

    private static void ScalarKernel<T>(int kc, T* a, T* b, int nrFull, T* c, int ldc, int mr, int nr) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < nr; j++)
            {
                T sum = T.Zero;
                for (int p = 0; p < kc; p++) sum += a[p * MR + i] * b[p * nrFull + j];
                c[(long)i * ldc + j] += sum;
            }
    }
}
