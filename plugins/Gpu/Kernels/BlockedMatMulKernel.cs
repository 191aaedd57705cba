using System.Numerics;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Register-blocked matrix product (the shape of the classic SGEMM kernels). A group of G x G threads computes an
/// 8G x 8G block of C (128 x 128 with G = 16); each thread keeps an 8 x 8 micro-tile of C in 64 registers, at rows
/// <c>ty + G i</c> and columns <c>tx + G j</c>. The K axis is walked in slabs of D = G / 2 (8): per slab the group stages
/// an 8G x D slab of A (stored transposed, <c>As[k][m]</c>, rows padded by 4 so that the transposing stores hit 32
/// distinct banks) and a D x 8G slab of B in shared memory, then every thread runs D rank-1 updates: 8 + 8 shared
/// loads (broadcast for A, 16 consecutive words for B: conflict-free) feed 64 fused multiply-adds, a 4:1 ratio of math
/// to shared traffic. Global loads are coalesced (consecutive threads read consecutive k of A, consecutive n of B) and
/// prefetched into registers for the next slab while the current one is multiplied, so their latency hides behind the
/// math. Edges are guarded (out-of-range loads give zero, out-of-range stores are skipped), and grid z is the batch.
/// The 64 accumulators and their updates are written out as named locals on purpose: ILGPU places any indexed local
/// array (<c>LocalMemory.Allocate</c>) in local memory, i.e. DRAM-backed spills, which would undo the register blocking;
/// <c>PtxCompilationTests</c> checks the generated PTX has no <c>.local</c> space. The repetition is the price of that.
/// </summary>
internal static class BlockedMatMulKernel
{
    /// <summary>Shared-memory elements a launch needs: the padded transposed A slab and the B slab.</summary>
    public static int SharedElements<TShape>() where TShape : struct, IMatMulShape
    {
        int g = default(TShape).Group, depth = default(TShape).Depth;
        return depth * (8 * g + 4) + depth * 8 * g;
    }

    private static T LoadA<T>(ArrayView<T> a, long aBase, MatMulDims d, int row, int k) where T : unmanaged, INumberBase<T> =>
        row < d.M && k < d.K ? a[aBase + (long)row * d.K + k] : T.Zero;

    private static T LoadB<T>(ArrayView<T> b, long bBase, MatMulDims d, int k, int column) where T : unmanaged, INumberBase<T> =>
        k < d.K && column < d.N ? b[bBase + (long)k * d.N + column] : T.Zero;

    public static void Run<T, TShape>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, MatMulDims d, Layout batchA, Layout batchB)
        where T : unmanaged, INumberBase<T> where TShape : struct, IMatMulShape
    {
        int g = default(TShape).Group;
        int depth = default(TShape).Depth;
        int bm = 8 * g;
        int bn = 8 * g;
        int lda = bm + 4;
        int bOffset = depth * lda;
        int threads = g * g;
        ArrayView<T> s = SharedMemory.GetDynamic<T>();
        int tx = Group.IdxX;
        int ty = Group.IdxY;
        int t = ty * g + tx;
        int row0 = Grid.IdxY * bm;
        int col0 = Grid.IdxX * bn;
        int batch = Grid.IdxZ;
        long aBase = batchA.Index(batch) * d.M * (long)d.K;
        long bBase = batchB.Index(batch) * d.K * (long)d.N;
        long cBase = batch * (long)d.M * d.N;

        // Each thread loads 4 elements of each slab: element e = t + threads * j (j = 0..3).
        int e0 = t, e1 = t + threads, e2 = t + 2 * threads, e3 = t + 3 * threads;
        int ar0 = e0 / depth, ar1 = e1 / depth, ar2 = e2 / depth, ar3 = e3 / depth;
        int ak0 = e0 % depth, ak1 = e1 % depth, ak2 = e2 % depth, ak3 = e3 % depth;
        int bk0 = e0 / bn, bk1 = e1 / bn, bk2 = e2 / bn, bk3 = e3 / bn;
        int bc0 = e0 % bn, bc1 = e1 % bn, bc2 = e2 % bn, bc3 = e3 % bn;

        T ra0 = LoadA(a, aBase, d, row0 + ar0, ak0);
        T ra1 = LoadA(a, aBase, d, row0 + ar1, ak1);
        T ra2 = LoadA(a, aBase, d, row0 + ar2, ak2);
        T ra3 = LoadA(a, aBase, d, row0 + ar3, ak3);
        T rb0 = LoadB(b, bBase, d, bk0, col0 + bc0);
        T rb1 = LoadB(b, bBase, d, bk1, col0 + bc1);
        T rb2 = LoadB(b, bBase, d, bk2, col0 + bc2);
        T rb3 = LoadB(b, bBase, d, bk3, col0 + bc3);
        s[ak0 * lda + ar0] = ra0;
        s[ak1 * lda + ar1] = ra1;
        s[ak2 * lda + ar2] = ra2;
        s[ak3 * lda + ar3] = ra3;
        s[bOffset + bk0 * bn + bc0] = rb0;
        s[bOffset + bk1 * bn + bc1] = rb1;
        s[bOffset + bk2 * bn + bc2] = rb2;
        s[bOffset + bk3 * bn + bc3] = rb3;
        Group.Barrier();

        T c00 = T.Zero, c01 = T.Zero, c02 = T.Zero, c03 = T.Zero, c04 = T.Zero, c05 = T.Zero, c06 = T.Zero, c07 = T.Zero;
        T c10 = T.Zero, c11 = T.Zero, c12 = T.Zero, c13 = T.Zero, c14 = T.Zero, c15 = T.Zero, c16 = T.Zero, c17 = T.Zero;
        T c20 = T.Zero, c21 = T.Zero, c22 = T.Zero, c23 = T.Zero, c24 = T.Zero, c25 = T.Zero, c26 = T.Zero, c27 = T.Zero;
        T c30 = T.Zero, c31 = T.Zero, c32 = T.Zero, c33 = T.Zero, c34 = T.Zero, c35 = T.Zero, c36 = T.Zero, c37 = T.Zero;
        T c40 = T.Zero, c41 = T.Zero, c42 = T.Zero, c43 = T.Zero, c44 = T.Zero, c45 = T.Zero, c46 = T.Zero, c47 = T.Zero;
        T c50 = T.Zero, c51 = T.Zero, c52 = T.Zero, c53 = T.Zero, c54 = T.Zero, c55 = T.Zero, c56 = T.Zero, c57 = T.Zero;
        T c60 = T.Zero, c61 = T.Zero, c62 = T.Zero, c63 = T.Zero, c64 = T.Zero, c65 = T.Zero, c66 = T.Zero, c67 = T.Zero;
        T c70 = T.Zero, c71 = T.Zero, c72 = T.Zero, c73 = T.Zero, c74 = T.Zero, c75 = T.Zero, c76 = T.Zero, c77 = T.Zero;

        for (int k0 = 0; k0 < d.K; k0 += depth)
        {
            int next = k0 + depth;
            bool more = next < d.K;
            if (more)
            {
                // Prefetch the next slab into registers; the loads complete while this slab is multiplied.
                ra0 = LoadA(a, aBase, d, row0 + ar0, next + ak0);
                ra1 = LoadA(a, aBase, d, row0 + ar1, next + ak1);
                ra2 = LoadA(a, aBase, d, row0 + ar2, next + ak2);
                ra3 = LoadA(a, aBase, d, row0 + ar3, next + ak3);
                rb0 = LoadB(b, bBase, d, next + bk0, col0 + bc0);
                rb1 = LoadB(b, bBase, d, next + bk1, col0 + bc1);
                rb2 = LoadB(b, bBase, d, next + bk2, col0 + bc2);
                rb3 = LoadB(b, bBase, d, next + bk3, col0 + bc3);
            }
            for (int kk = 0; kk < depth; kk++)
            {
                // Sub-views: the eight loads then use constant offsets from one base address.
                ArrayView<T> sa = s.SubView(kk * lda + ty);
                ArrayView<T> sb = s.SubView(bOffset + kk * bn + tx);
                T a0 = sa[0], a1 = sa[1 * g], a2 = sa[2 * g], a3 = sa[3 * g], a4 = sa[4 * g], a5 = sa[5 * g], a6 = sa[6 * g], a7 = sa[7 * g];
                T b0 = sb[0], b1 = sb[1 * g], b2 = sb[2 * g], b3 = sb[3 * g], b4 = sb[4 * g], b5 = sb[5 * g], b6 = sb[6 * g], b7 = sb[7 * g];
                c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3; c04 += a0 * b4; c05 += a0 * b5; c06 += a0 * b6; c07 += a0 * b7;
                c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3; c14 += a1 * b4; c15 += a1 * b5; c16 += a1 * b6; c17 += a1 * b7;
                c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3; c24 += a2 * b4; c25 += a2 * b5; c26 += a2 * b6; c27 += a2 * b7;
                c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3; c34 += a3 * b4; c35 += a3 * b5; c36 += a3 * b6; c37 += a3 * b7;
                c40 += a4 * b0; c41 += a4 * b1; c42 += a4 * b2; c43 += a4 * b3; c44 += a4 * b4; c45 += a4 * b5; c46 += a4 * b6; c47 += a4 * b7;
                c50 += a5 * b0; c51 += a5 * b1; c52 += a5 * b2; c53 += a5 * b3; c54 += a5 * b4; c55 += a5 * b5; c56 += a5 * b6; c57 += a5 * b7;
                c60 += a6 * b0; c61 += a6 * b1; c62 += a6 * b2; c63 += a6 * b3; c64 += a6 * b4; c65 += a6 * b5; c66 += a6 * b6; c67 += a6 * b7;
                c70 += a7 * b0; c71 += a7 * b1; c72 += a7 * b2; c73 += a7 * b3; c74 += a7 * b4; c75 += a7 * b5; c76 += a7 * b6; c77 += a7 * b7;
            }
            Group.Barrier();
            if (more)
            {
                s[ak0 * lda + ar0] = ra0;
                s[ak1 * lda + ar1] = ra1;
                s[ak2 * lda + ar2] = ra2;
                s[ak3 * lda + ar3] = ra3;
                s[bOffset + bk0 * bn + bc0] = rb0;
                s[bOffset + bk1 * bn + bc1] = rb1;
                s[bOffset + bk2 * bn + bc2] = rb2;
                s[bOffset + bk3 * bn + bc3] = rb3;
            }
            Group.Barrier();
        }

        int n0 = col0 + tx;
        int n1 = col0 + tx + 1 * g;
        int n2 = col0 + tx + 2 * g;
        int n3 = col0 + tx + 3 * g;
        int n4 = col0 + tx + 4 * g;
        int n5 = col0 + tx + 5 * g;
        int n6 = col0 + tx + 6 * g;
        int n7 = col0 + tx + 7 * g;
        int m0 = row0 + ty;
        if (m0 < d.M)
        {
            long r = cBase + (long)m0 * d.N;
            if (n0 < d.N) c[r + n0] = c00;
            if (n1 < d.N) c[r + n1] = c01;
            if (n2 < d.N) c[r + n2] = c02;
            if (n3 < d.N) c[r + n3] = c03;
            if (n4 < d.N) c[r + n4] = c04;
            if (n5 < d.N) c[r + n5] = c05;
            if (n6 < d.N) c[r + n6] = c06;
            if (n7 < d.N) c[r + n7] = c07;
        }
        int m1 = row0 + ty + 1 * g;
        if (m1 < d.M)
        {
            long r = cBase + (long)m1 * d.N;
            if (n0 < d.N) c[r + n0] = c10;
            if (n1 < d.N) c[r + n1] = c11;
            if (n2 < d.N) c[r + n2] = c12;
            if (n3 < d.N) c[r + n3] = c13;
            if (n4 < d.N) c[r + n4] = c14;
            if (n5 < d.N) c[r + n5] = c15;
            if (n6 < d.N) c[r + n6] = c16;
            if (n7 < d.N) c[r + n7] = c17;
        }
        int m2 = row0 + ty + 2 * g;
        if (m2 < d.M)
        {
            long r = cBase + (long)m2 * d.N;
            if (n0 < d.N) c[r + n0] = c20;
            if (n1 < d.N) c[r + n1] = c21;
            if (n2 < d.N) c[r + n2] = c22;
            if (n3 < d.N) c[r + n3] = c23;
            if (n4 < d.N) c[r + n4] = c24;
            if (n5 < d.N) c[r + n5] = c25;
            if (n6 < d.N) c[r + n6] = c26;
            if (n7 < d.N) c[r + n7] = c27;
        }
        int m3 = row0 + ty + 3 * g;
        if (m3 < d.M)
        {
            long r = cBase + (long)m3 * d.N;
            if (n0 < d.N) c[r + n0] = c30;
            if (n1 < d.N) c[r + n1] = c31;
            if (n2 < d.N) c[r + n2] = c32;
            if (n3 < d.N) c[r + n3] = c33;
            if (n4 < d.N) c[r + n4] = c34;
            if (n5 < d.N) c[r + n5] = c35;
            if (n6 < d.N) c[r + n6] = c36;
            if (n7 < d.N) c[r + n7] = c37;
        }
        int m4 = row0 + ty + 4 * g;
        if (m4 < d.M)
        {
            long r = cBase + (long)m4 * d.N;
            if (n0 < d.N) c[r + n0] = c40;
            if (n1 < d.N) c[r + n1] = c41;
            if (n2 < d.N) c[r + n2] = c42;
            if (n3 < d.N) c[r + n3] = c43;
            if (n4 < d.N) c[r + n4] = c44;
            if (n5 < d.N) c[r + n5] = c45;
            if (n6 < d.N) c[r + n6] = c46;
            if (n7 < d.N) c[r + n7] = c47;
        }
        int m5 = row0 + ty + 5 * g;
        if (m5 < d.M)
        {
            long r = cBase + (long)m5 * d.N;
            if (n0 < d.N) c[r + n0] = c50;
            if (n1 < d.N) c[r + n1] = c51;
            if (n2 < d.N) c[r + n2] = c52;
            if (n3 < d.N) c[r + n3] = c53;
            if (n4 < d.N) c[r + n4] = c54;
            if (n5 < d.N) c[r + n5] = c55;
            if (n6 < d.N) c[r + n6] = c56;
            if (n7 < d.N) c[r + n7] = c57;
        }
        int m6 = row0 + ty + 6 * g;
        if (m6 < d.M)
        {
            long r = cBase + (long)m6 * d.N;
            if (n0 < d.N) c[r + n0] = c60;
            if (n1 < d.N) c[r + n1] = c61;
            if (n2 < d.N) c[r + n2] = c62;
            if (n3 < d.N) c[r + n3] = c63;
            if (n4 < d.N) c[r + n4] = c64;
            if (n5 < d.N) c[r + n5] = c65;
            if (n6 < d.N) c[r + n6] = c66;
            if (n7 < d.N) c[r + n7] = c67;
        }
        int m7 = row0 + ty + 7 * g;
        if (m7 < d.M)
        {
            long r = cBase + (long)m7 * d.N;
            if (n0 < d.N) c[r + n0] = c70;
            if (n1 < d.N) c[r + n1] = c71;
            if (n2 < d.N) c[r + n2] = c72;
            if (n3 < d.N) c[r + n3] = c73;
            if (n4 < d.N) c[r + n4] = c74;
            if (n5 < d.N) c[r + n5] = c75;
            if (n6 < d.N) c[r + n6] = c76;
            if (n7 < d.N) c[r + n7] = c77;
        }
    }
}
