using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Sparse.Linalg;

/// <summary>
/// Dense kernels for the frontal matrices of <see cref="MultifrontalLu"/>, column-major: a blocked partial LU of the fully
/// summed columns and the Schur-complement update <c>C -= A·B</c>. Written here rather than borrowed: the plugin
/// references no other plugin (Dense's BLAS is out of reach by design) and System.Numerics.Tensors has no matrix
/// product, while this update is where the factorisation's flops are. The product packs A in 12-row panels and B in
/// 4-column strips so a 12×4 tile of C lives in twelve Vector256 accumulators (two FMA pipes kept busy; on AVX-512
/// hardware Zen-class cores split 512-bit FMAs in two anyway, and the JIT may use the upper 16 registers).
/// </summary>
internal static unsafe class FrontKernels
{
    /// <summary>Columns factored per panel before the trailing update runs as a matrix product.</summary>
    public const int PanelWidth = 32;

    private const int Mr = 12, Nr = 4;

    /// <summary>Rows of A packed at a time (a multiple of <see cref="Mr"/>): the packed block stays in L2.</summary>
    private const int Mc = 192;

    [ThreadStatic] private static double[]? t_packA;
    [ThreadStatic] private static double[]? t_packB;

    /// <summary>
    /// Partial LU with threshold pivoting of the front <paramref name="f"/> (m × m, column-major): eliminates its first
    /// <paramref name="fullySummed"/> columns, choosing each pivot among the fully summed rows only. The diagonal is
    /// kept while it is at least <paramref name="threshold"/> times the column's largest entry (every row, summed or
    /// not, takes part in that test), otherwise the largest fully summed entry if it passes the same test. Leaves
    /// L (unit, below the diagonal) and U in the first columns and rows, and the Schur complement in the trailing
    /// block. <paramref name="rowLabels"/> follows the row swaps. Returns false when no fully summed row passes.
    /// </summary>
    public static bool PartialLu(double* f, int m, int fullySummed, double threshold, Span<int> rowLabels)
    {
        for (int k0 = 0; k0 < fullySummed; k0 += PanelWidth)
        {
            int kb = Math.Min(PanelWidth, fullySummed - k0);
            int k1 = k0 + kb;
            for (int k = k0; k < k1; k++)
            {
                double* col = f + (long)k * m;
                double colMax = 0;
                for (int i = k; i < m; i++) colMax = Math.Max(colMax, Math.Abs(col[i]));
                if (colMax == 0 || double.IsNaN(colMax)) return false;
                int pivot = k;
                if (Math.Abs(col[k]) < threshold * colMax)
                {
                    double best = 0;
                    for (int i = k; i < fullySummed; i++)
                    {
                        double v = Math.Abs(col[i]);
                        if (v > best) { best = v; pivot = i; }
                    }
                    if (best < threshold * colMax) return false;
                }
                if (pivot != k)
                {
                    for (int j = 0; j < m; j++)
                    {
                        double* cj = f + (long)j * m;
                        (cj[k], cj[pivot]) = (cj[pivot], cj[k]);
                    }
                    (rowLabels[k], rowLabels[pivot]) = (rowLabels[pivot], rowLabels[k]);
                }
                double inverse = 1.0 / col[k];
                Scale(col + k + 1, m - k - 1, inverse);
                // Rank-1 update of the rest of the panel.
                for (int j = k + 1; j < k1; j++)
                {
                    double* cj = f + (long)j * m;
                    double ukj = cj[k];
                    if (ukj != 0) Axpy(cj + k + 1, col + k + 1, -ukj, m - k - 1);
                }
            }
            if (k1 == m) break;
            // U's block row: L11⁻¹ times the panel rows of the columns right of the panel.
            for (int j = k1; j < m; j++)
            {
                double* cj = f + (long)j * m;
                for (int k = k0; k < k1; k++)
                {
                    double v = cj[k];
                    if (v == 0) continue;
                    double* lk = f + (long)k * m;
                    for (int i = k + 1; i < k1; i++) cj[i] -= lk[i] * v;
                }
            }
            // Trailing update: F(k1:m, k1:m) -= L(k1:m, k0:k1) · U(k0:k1, k1:m).
            SubtractProduct(f + k1 + (long)k1 * m, m, f + k1 + (long)k0 * m, m, f + k0 + (long)k1 * m, m, m - k1, m - k1, kb);
        }
        return true;
    }

    /// <summary>
    /// <see cref="PartialLu"/> that delays instead of giving up: a fully summed column with no acceptable pivot among
    /// the fully summed rows not yet pivotal moves behind the others (column swap, <paramref name="colLabels"/>
    /// follows) and the next one is tried. Unblocked (every elimination updates the whole trailing front, so a
    /// swapped-in column is always current); it runs only on fronts where the blocked version failed. Returns the
    /// pivots taken, d: the front's rows and columns d .. fullySummed are the delayed ones, left unfactored for the
    /// parent with the Schur complement.
    /// </summary>
    public static int PartialLuDelaying(double* f, int m, int fullySummed, double threshold, Span<int> rowLabels, Span<int> colLabels)
    {
        int done = 0, end = fullySummed;
        while (done < end)
        {
            int k = done;
            double* col = f + (long)k * m;
            double colMax = 0;
            for (int i = k; i < m; i++) colMax = Math.Max(colMax, Math.Abs(col[i]));
            int pivot = -1;
            if (colMax > 0 && !double.IsNaN(colMax))
            {
                if (Math.Abs(col[k]) >= threshold * colMax) pivot = k;
                else
                {
                    double best = 0;
                    int at = -1;
                    for (int i = k; i < fullySummed; i++)
                    {
                        double v = Math.Abs(col[i]);
                        if (v > best) { best = v; at = i; }
                    }
                    if (at >= 0 && best >= threshold * colMax) pivot = at;
                }
            }
            if (pivot < 0)
            {
                end--;
                if (end != k)
                {
                    double* other = f + (long)end * m;
                    for (int i = 0; i < m; i++) (col[i], other[i]) = (other[i], col[i]);
                    (colLabels[k], colLabels[end]) = (colLabels[end], colLabels[k]);
                }
                continue;
            }
            if (pivot != k)
            {
                for (int j = 0; j < m; j++)
                {
                    double* cj = f + (long)j * m;
                    (cj[k], cj[pivot]) = (cj[pivot], cj[k]);
                }
                (rowLabels[k], rowLabels[pivot]) = (rowLabels[pivot], rowLabels[k]);
            }
            Scale(col + k + 1, m - k - 1, 1.0 / col[k]);
            for (int j = k + 1; j < m; j++)
            {
                double* cj = f + (long)j * m;
                double ukj = cj[k];
                if (ukj != 0) Axpy(cj + k + 1, col + k + 1, -ukj, m - k - 1);
            }
            done++;
        }
        return done;
    }

    private static void Scale(double* x, int count, double factor)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vf = Vector256.Create(factor);
            for (; i <= count - 4; i += 4) Vector256.Store(Vector256.Load(x + i) * vf, x + i);
        }
        for (; i < count; i++) x[i] *= factor;
    }

    /// <summary><c>y += alpha·x</c>.</summary>
    private static void Axpy(double* y, double* x, double alpha, int count)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var va = Vector256.Create(alpha);
            for (; i <= count - 4; i += 4) Vector256.Store(Vector256.FusedMultiplyAdd(Vector256.Load(x + i), va, Vector256.Load(y + i)), y + i);
        }
        for (; i < count; i++) y[i] += alpha * x[i];
    }

    /// <summary><c>C -= A·B</c>: C is rows × cols, A rows × depth, B depth × cols, all column-major with their leading dimensions.</summary>
    public static void SubtractProduct(double* c, int ldc, double* a, int lda, double* b, int ldb, int rows, int cols, int depth)
    {
        if (rows <= 0 || cols <= 0 || depth <= 0) return;
        if (!Vector256.IsHardwareAccelerated || (long)rows * cols * depth < 2048)
        {
            for (int j = 0; j < cols; j++)
            {
                double* cj = c + (long)j * ldc;
                for (int p = 0; p < depth; p++)
                {
                    double v = b[p + (long)j * ldb];
                    if (v == 0) continue;
                    double* ap = a + (long)p * lda;
                    for (int i = 0; i < rows; i++) cj[i] -= ap[i] * v;
                }
            }
            return;
        }
        int strips = (cols + Nr - 1) / Nr;
        int packBLength = strips * Nr * depth;
        if (t_packB is null || t_packB.Length < packBLength) t_packB = new double[Math.Max(packBLength, 4096)];
        int packALength = Mc * depth;
        if (t_packA is null || t_packA.Length < packALength) t_packA = new double[Math.Max(packALength, 4096)];
        fixed (double* pb = t_packB, pa = t_packA)
        {
            PackB(b, ldb, cols, depth, pb);
            double* tile = stackalloc double[Mr * Nr];
            for (int i0 = 0; i0 < rows; i0 += Mc)
            {
                int mc = Math.Min(Mc, rows - i0);
                PackA(a + i0, lda, mc, depth, pa);
                for (int s = 0; s < strips; s++)
                {
                    int j0 = s * Nr;
                    int nr = Math.Min(Nr, cols - j0);
                    double* bs = pb + (long)s * Nr * depth;
                    for (int ip = 0; ip < mc; ip += Mr)
                    {
                        int mr = Math.Min(Mr, mc - ip);
                        double* ct = c + i0 + ip + (long)j0 * ldc;
                        if (mr == Mr && nr == Nr) Kernel(depth, pa + (long)ip * depth, bs, ct, ldc);
                        else Edge(depth, pa + (long)ip * depth, bs, ct, ldc, mr, nr, tile);
                    }
                }
            }
        }
    }

    /// <summary>A's rows in panels of <see cref="Mr"/>: element (i, p) of panel P at <c>P·Mr·depth + p·Mr + i</c>, zero-padded.</summary>
    private static void PackA(double* a, int lda, int rows, int depth, double* dst)
    {
        for (int i0 = 0; i0 < rows; i0 += Mr)
        {
            int mr = Math.Min(Mr, rows - i0);
            double* panel = dst + (long)i0 * depth;
            for (int p = 0; p < depth; p++)
            {
                double* src = a + i0 + (long)p * lda;
                double* d = panel + p * Mr;
                if (mr == Mr)
                {
                    Vector256.Store(Vector256.Load(src), d);
                    Vector256.Store(Vector256.Load(src + 4), d + 4);
                    Vector256.Store(Vector256.Load(src + 8), d + 8);
                }
                else
                {
                    int i = 0;
                    for (; i < mr; i++) d[i] = src[i];
                    for (; i < Mr; i++) d[i] = 0;
                }
            }
        }
    }

    /// <summary>B's columns in strips of <see cref="Nr"/>: element (p, j) of strip S at <c>S·Nr·depth + p·Nr + j</c>, zero-padded.</summary>
    private static void PackB(double* b, int ldb, int cols, int depth, double* dst)
    {
        for (int j0 = 0; j0 < cols; j0 += Nr)
        {
            int nr = Math.Min(Nr, cols - j0);
            double* strip = dst + (long)j0 * depth;
            for (int j = 0; j < Nr; j++)
            {
                if (j < nr)
                {
                    double* src = b + (long)(j0 + j) * ldb;
                    for (int p = 0; p < depth; p++) strip[p * Nr + j] = src[p];
                }
                else
                {
                    for (int p = 0; p < depth; p++) strip[p * Nr + j] = 0;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(int depth, double* a, double* b, double* c, int ldc)
    {
        Vector256<double> c00 = default, c01 = default, c02 = default;
        Vector256<double> c10 = default, c11 = default, c12 = default;
        Vector256<double> c20 = default, c21 = default, c22 = default;
        Vector256<double> c30 = default, c31 = default, c32 = default;
        for (int p = 0; p < depth; p++)
        {
            Vector256<double> a0 = Vector256.Load(a), a1 = Vector256.Load(a + 4), a2 = Vector256.Load(a + 8);
            Vector256<double> bv = Vector256.Create(b[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, bv, c00);
            c01 = Vector256.FusedMultiplyAdd(a1, bv, c01);
            c02 = Vector256.FusedMultiplyAdd(a2, bv, c02);
            bv = Vector256.Create(b[1]);
            c10 = Vector256.FusedMultiplyAdd(a0, bv, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, bv, c11);
            c12 = Vector256.FusedMultiplyAdd(a2, bv, c12);
            bv = Vector256.Create(b[2]);
            c20 = Vector256.FusedMultiplyAdd(a0, bv, c20);
            c21 = Vector256.FusedMultiplyAdd(a1, bv, c21);
            c22 = Vector256.FusedMultiplyAdd(a2, bv, c22);
            bv = Vector256.Create(b[3]);
            c30 = Vector256.FusedMultiplyAdd(a0, bv, c30);
            c31 = Vector256.FusedMultiplyAdd(a1, bv, c31);
            c32 = Vector256.FusedMultiplyAdd(a2, bv, c32);
            a += Mr;
            b += Nr;
        }
        Subtract(c, c00, c01, c02);
        Subtract(c + ldc, c10, c11, c12);
        Subtract(c + 2L * ldc, c20, c21, c22);
        Subtract(c + 3L * ldc, c30, c31, c32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Subtract(double* c, Vector256<double> v0, Vector256<double> v1, Vector256<double> v2)
    {
        Vector256.Store(Vector256.Load(c) - v0, c);
        Vector256.Store(Vector256.Load(c + 4) - v1, c + 4);
        Vector256.Store(Vector256.Load(c + 8) - v2, c + 8);
    }

    /// <summary>A partial tile at the bottom or right edge: the full product into a scratch tile, then only the valid part.</summary>
    private static void Edge(int depth, double* a, double* b, double* c, int ldc, int mr, int nr, double* tile)
    {
        new Span<double>(tile, Mr * Nr).Clear();
        Kernel(depth, a, b, tile, Mr);
        for (int j = 0; j < nr; j++)
        {
            for (int i = 0; i < mr; i++) c[i + (long)j * ldc] += tile[i + j * Mr];
        }
    }
}
