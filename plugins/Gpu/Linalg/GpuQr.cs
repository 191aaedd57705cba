using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Blocked Householder QR on the device (LAPACK's geqrf/orgqr, the same reflectors and signs, so R and Q match
/// Dense's up to rounding). Each panel of <see cref="PanelWidth"/> columns is factored column by column with four
/// barrier-free kernels per column (<see cref="QrSvdKernels.QrPartials{T, TE}"/>: one pass of partial sums gives the
/// column's norm and every vᵀA[:, c] of the panel; the reflector; its rank-1 update of the panel; v stored below the
/// diagonal); the panel's reflectors then become a block reflector I - V T Vᵀ (T from G = VᵀV as LAPACK's larft) and
/// the trailing matrix is updated with three matrix products on the plugin's matmul kernels:
/// <c>C -= V (Tᵀ (Vᵀ C))</c>. Q is formed on the device the same way, backwards from the identity. Nothing is
/// downloaded: all O(mn²) work runs on the device.
/// </summary>
internal static class GpuQr
{
    private const int ChunkRows = 64;

    /// <summary>Columns per panel: 32 on GPUs; 4 on ILGPU's CPU accelerator, so the tests' small matrices span several panels.</summary>
    public static int PanelWidth(GpuRuntime runtime) => runtime.Info.Kind == GpuAcceleratorKind.Cpu ? 4 : 32;

    /// <summary>A factored matrix: R above the diagonal of <see cref="A"/>, the reflectors below, and each panel's V and T when Q is wanted.</summary>
    internal sealed class Factorization : IDisposable
    {
        public required GpuArray A { get; init; }
        public required GpuArray Tau { get; init; }
        public List<(int J0, int Jb, GpuArray V, GpuArray T)> Panels { get; } = [];
        public int M => A.Shape[0];
        public int N => A.Shape[1];

        public void Dispose()
        {
            A.Dispose();
            Tau.Dispose();
            foreach (var p in Panels) { p.V.Dispose(); p.T.Dispose(); }
        }
    }

    /// <summary>A view of rows [r0, r0 + rows) and columns [c0, c0 + cols) of a C-contiguous matrix.</summary>
    public static GpuArray Block(GpuArray a, int r0, int c0, int rows, int cols)
    {
        long ld = a.Shape[1];
        return a.View(new Shape(rows, cols), [ld, 1], a.Offset + r0 * ld + c0);
    }

    /// <summary>The transpose of a C-contiguous matrix, as a view.</summary>
    public static GpuArray Transposed(GpuArray a) => a.View(new Shape(a.Shape[1], a.Shape[0]), [1, a.Shape[1]], a.Offset);

    /// <summary>Factors <paramref name="matrix"/> (m × n, float32 or float64, any layout; not modified).</summary>
    public static Factorization Factor(GpuArray matrix, bool keepPanels) => matrix.DType == DType.Float32
        ? Factor<float, Float32Element>(matrix, keepPanels, 1f)
        : Factor<double, Float64Element>(matrix, keepPanels, 1.0);

    private static Factorization Factor<T, TE>(GpuArray matrix, bool keepPanels, T one) where T : unmanaged where TE : struct, IGpuElement<T>
    {
        GpuRuntime rt = matrix.Runtime;
        int m = matrix.Shape[0], n = matrix.Shape[1], k = Math.Min(m, n);
        var f = new Factorization { A = GpuOps.Copy(matrix), Tau = GpuOps.Empty(rt, new Shape(Math.Max(k, 1)), matrix.DType) };
        if (k == 0) return f;
        try
        {
            int nb = PanelWidth(rt);
            long maxChunks = Math.Max(1, (m + ChunkRows - 1) / ChunkRows);
            using GpuArray partials = GpuOps.Empty(rt, new Shape(checked((int)(maxChunks * nb))), DType.Float64);
            using GpuArray w = GpuOps.Empty(rt, new Shape(nb), DType.Float64);
            using GpuArray scalars = GpuOps.Empty(rt, new Shape(3), DType.Float64);
            var kernels = rt.Kernels;
            var partialsK = kernels.Auto<ArrayView<T>, long, long, long, long, long, ArrayView<double>, long, long>(QrSvdKernels.QrPartials<T, TE>);
            var reflectK = kernels.Auto<ArrayView<T>, long, long, long, long, ArrayView<double>, ArrayView<double>, ArrayView<double>, ArrayView<T>, long>(QrSvdKernels.QrReflect<T, TE>);
            var applyK = kernels.Auto<ArrayView<T>, long, long, long, long, ArrayView<double>, ArrayView<double>, long, long>(QrSvdKernels.QrApply<T, TE>);
            var scaleK = kernels.Auto<ArrayView<T>, long, long, long, ArrayView<double>, long>(QrSvdKernels.QrScale<T, TE>);
            ArrayView<T> a = f.A.Storage.View<T>(), tau = f.Tau.Storage.View<T>();
            ArrayView<double> pv = partials.Storage.View<double>(), wv = w.Storage.View<double>(), sv = scalars.Storage.View<double>();
            for (int j0 = 0; j0 < k; j0 += nb)
            {
                int jb = Math.Min(nb, k - j0);
                for (int j = j0; j < j0 + jb; j++)
                {
                    long cols = j0 + jb - j;
                    long chunks = Math.Max(1, (m - j - 1 + ChunkRows - 1) / ChunkRows);
                    Index1D pt = rt.Threads(chunks * cols);
                    partialsK(pt, a, n, m, j, cols, ChunkRows, pv, chunks * cols, pt.X);
                    Index1D rtt = rt.Threads(cols);
                    reflectK(rtt, a, n, j, cols, chunks, pv, wv, sv, tau, rtt.X);
                    if (cols > 1)
                    {
                        long total = (m - j) * (cols - 1);
                        Index1D at = rt.Threads(total);
                        applyK(at, a, n, m, j, cols, wv, sv, total, at.X);
                    }
                    Index1D st = rt.Threads(m - j);
                    scaleK(st, a, n, m, j, sv, st.X);
                }
                bool trailing = j0 + jb < n;
                if (!trailing && !keepPanels) continue;
                (GpuArray v, GpuArray tt) = BlockReflector<T, TE>(f, j0, jb, one);
                if (trailing)
                {
                    using GpuArray c = Block(f.A, j0, j0 + jb, m - j0, n - j0 - jb);
                    ApplyBlockReflector<T, TE>(f.A, j0, j0 + jb, c, v, tt, transposeT: true);
                }
                if (keepPanels) f.Panels.Add((j0, jb, v, tt));
                else { v.Dispose(); tt.Dispose(); }
            }
            return f;
        }
        catch
        {
            f.Dispose();
            throw;
        }
    }

    /// <summary>V ((m - j0) × jb, explicit) and T (jb × jb) of the panel at <paramref name="j0"/>.</summary>
    private static (GpuArray V, GpuArray T) BlockReflector<T, TE>(Factorization f, int j0, int jb, T one) where T : unmanaged where TE : struct, IGpuElement<T>
    {
        GpuRuntime rt = f.A.Runtime;
        int m = f.M;
        GpuArray v = GpuOps.Empty(rt, new Shape(m - j0, jb), f.A.DType);
        long total = (long)(m - j0) * jb;
        Index1D threads = rt.Threads(total);
        rt.Kernels.Auto<ArrayView<T>, long, long, long, ArrayView<T>, T, long, long>(QrSvdKernels.QrFormV)(
            threads, f.A.Storage.View<T>(), f.N, j0, jb, v.Storage.View<T>(), one, total, threads.X);
        using GpuArray vt = Transposed(v);
        using GpuArray g = MatMul.Compute(vt, v);
        GpuArray tt = GpuOps.Empty(rt, new Shape(jb, jb), f.A.DType);
        rt.Kernels.Auto<ArrayView<T>, long, long, ArrayView<T>, ArrayView<T>>(QrSvdKernels.QrFormT<T, TE>)(
            1, f.Tau.Storage.View<T>(), j0, jb, g.Storage.View<T>(), tt.Storage.View<T>());
        return (v, tt);
    }

    /// <summary>
    /// <c>C -= V (T' (Vᵀ C))</c> with T' = Tᵀ (applying Hᵀ = I - V Tᵀ Vᵀ, the factorization's update) or T (applying H,
    /// forming Q); C is the block of <paramref name="target"/> at (<paramref name="row0"/>, <paramref name="col0"/>).
    /// </summary>
    private static void ApplyBlockReflector<T, TE>(GpuArray target, int row0, int col0, GpuArray c, GpuArray v, GpuArray tt, bool transposeT)
        where T : unmanaged where TE : struct, IGpuElement<T>
    {
        if (c.Size == 0) return;
        GpuRuntime rt = target.Runtime;
        using GpuArray vt = Transposed(v);
        using GpuArray w = MatMul.Compute(vt, c);
        using GpuArray tView = transposeT ? Transposed(tt) : tt.View(tt.Shape, [.. tt.StrideSpan], tt.Offset);
        using GpuArray w2 = MatMul.Compute(tView, w);
        using GpuArray p = MatMul.Compute(v, w2);
        long cols = c.Shape[1], total = p.Size;
        Index1D threads = rt.Threads(total);
        rt.Kernels.Auto<ArrayView<T>, long, long, long, long, ArrayView<T>, long, long>(QrSvdKernels.SubtractBlock<T, TE>)(
            threads, target.Storage.View<T>(), target.Shape[1], row0, col0, cols, p.Storage.View<T>(), total, threads.X);
    }

    /// <summary>R: the first <paramref name="rows"/> rows of the factored matrix's upper triangle (rows × n).</summary>
    public static GpuArray R(Factorization f, int rows) => f.A.DType == DType.Float32 ? R<float>(f, rows) : R<double>(f, rows);

    private static GpuArray R<T>(Factorization f, int rows) where T : unmanaged
    {
        GpuRuntime rt = f.A.Runtime;
        int n = f.N;
        GpuArray r = GpuOps.Empty(rt, new Shape(rows, n), f.A.DType);
        long total = (long)rows * n;
        if (total == 0) return r;
        // rows may exceed m only when m < n is impossible here (rows ≤ m); rows beyond min(m, n) hold zeros since c < n ≤ i.
        Index1D threads = rt.Threads(total);
        rt.Kernels.Auto<ArrayView<T>, long, ArrayView<T>, long, long>(QrSvdKernels.QrExtractR)(threads, f.A.Storage.View<T>(), n, r.Storage.View<T>(), total, threads.X);
        return r;
    }

    /// <summary>The first <paramref name="columns"/> columns of Q (m × columns) from a factorization made with its panels kept.</summary>
    public static GpuArray FormQ(Factorization f, int columns) => f.A.DType == DType.Float32 ? FormQ<float, Float32Element>(f, columns) : FormQ<double, Float64Element>(f, columns);

    private static GpuArray FormQ<T, TE>(Factorization f, int columns) where T : unmanaged where TE : struct, IGpuElement<T>
    {
        GpuArray q = Creation.Eye(f.A.Runtime, f.M, columns, 0, f.A.DType);
        try
        {
            for (int i = f.Panels.Count - 1; i >= 0; i--)
            {
                var (j0, _, v, tt) = f.Panels[i];
                if (j0 >= columns) continue;
                // Backward accumulation: the columns before j0 of rows j0.. are still zero, so only Q[j0:, j0:] changes.
                using GpuArray c = Block(q, j0, j0, f.M - j0, columns - j0);
                ApplyBlockReflector<T, TE>(q, j0, j0, c, v, tt, transposeT: false);
            }
            return q;
        }
        catch
        {
            q.Dispose();
            throw;
        }
    }
}
