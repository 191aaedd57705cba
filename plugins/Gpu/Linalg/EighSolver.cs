using System.Numerics;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// eigh/eigvalsh as MAGMA's hybrid syevd splits the work, over a whole stack:
/// <list type="number">
/// <item>device: Householder reduction to tridiagonal form A = Q·T·Qᵀ, blocked as sytrd/latrd (per column: norm,
/// reflector, p = τ·A22·v corrected for the panel's pending updates; per panel: A22 −= V·Wᵀ + W·Vᵀ by two matmuls;
/// O(n³), all matrices per launch), the reflectors kept in A's lower columns;</item>
/// <item>host: d and e (2n numbers per matrix) downloaded and the implicit QL iteration run in double
/// (<see cref="EighTridiagonalQl"/>, O(n²)); with vectors it reports its Givens rotations instead of applying them;</item>
/// <item>device: the rotations applied to every Vᵀ in chunks (one thread per matrix and component, O(n³) in all), the columns gathered
/// in ascending eigenvalue order, then Z ← H_0·…·H_{n−3}·Z by blocks of reflectors in compact WY form (LAPACK's larft/larfb: I − V·T·Vᵀ, three matmuls per block; the back-transformation).</item>
/// </list>
/// Eigenvalues come back ascending (NumPy's order); only d, e and the sorted eigenvalues cross the bus.
/// </summary>
internal static class EighSolver
{
    /// <summary>Rotations uploaded per launch of <see cref="EighKernels.Rotate{T}"/>.</summary>
    private static int RotationChunk(GpuRuntime rt) => RotationChunkOverride ?? (rt.Info.Kind == GpuAcceleratorKind.Cpu ? 1 << 14 : 1 << 20);

    /// <summary>A smaller chunk for tests, so a matrix's rotations span several launches.</summary>
    internal static int? RotationChunkOverride { get; set; }

    /// <summary>
    /// Eigenvalues (count, n), ascending, and with <paramref name="vectors"/> the eigenvectors (count, n, n) as columns,
    /// of the symmetric matrices whose lower triangles <paramref name="a"/> (count, n, n, consumed as workspace) holds.
    /// </summary>
    /// <exception cref="LinAlgException">A matrix holds NaN or ∞, or the QL iteration did not converge ("Eigenvalues did not converge", as Dense).</exception>
    public static (GpuArray W, GpuArray? V) Run<T>(GpuArray a, int count, int n, bool vectors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GpuRuntime rt = a.Runtime;
        if (count == 0 || n == 0)
        {
            return (GpuOps.Empty(rt, new Shape(count, n), a.DType), vectors ? GpuOps.Empty(rt, new Shape(count, n, n), a.DType) : null);
        }
        if (FactorizationBlocks.AnyNonFinite<T>(a, count)) throw new LinAlgException("Eigenvalues did not converge");
        using GpuArray tri = Tridiagonalize<T>(a, count, n);

        T[] host = Transfers.Download(tri).ToContiguous<T>();
        var values = new double[count * n];
        int[] order = new int[count * n];
        GpuArray? vt = vectors ? FactorizationBlocks.Identity<T>(rt, a.DType, count, n) : null;
        RotationQueue<T>? rotations = vt is null ? null : new RotationQueue<T>(vt, count, n, RotationChunk(rt));
        try
        {
            for (int b = 0; b < count; b++)
            {
                var d = new double[n];
                var e = new double[n];
                for (int i = 0; i < n; i++)
                {
                    d[i] = double.CreateTruncating(host[b * 3 * n + i]);
                    e[i] = double.CreateTruncating(host[b * 3 * n + n + i]);
                }
                rotations?.Begin(b);
                EighTridiagonalQl.Solve(d, e, rotations is null ? null : rotations.Add);
                int[] perm = Enumerable.Range(0, n).ToArray();
                Array.Sort(perm, (x, y) => d[x].CompareTo(d[y]) is int c && c != 0 ? c : x.CompareTo(y));
                for (int k = 0; k < n; k++)
                {
                    values[b * n + k] = d[perm[k]];
                    order[b * n + k] = perm[k];
                }
            }
            rotations?.Flush();
            GpuArray w = Upload<T>(rt, values, new Shape(count, n));
            if (vt is null) return (w, null);
            try
            {
                return (w, BackTransform<T>(a, tri, vt, order, count, n));
            }
            catch
            {
                w.Dispose();
                throw;
            }
        }
        finally
        {
            vt?.Dispose();
        }
    }

    /// <summary>
    /// Reduces every matrix to tridiagonal form in place, blocked as LAPACK's sytrd/latrd: for each panel of reflectors
    /// the columns are updated by the panel's earlier reflectors, each reflector formed and its w = τ·A22·v corrected
    /// for the panel's pending updates (V, W of n × kb), then the trailing matrix updated once, A22 −= V·Wᵀ + W·Vᵀ, by
    /// two matmuls. Returns tri (count, 3, n): d, e and τ per matrix; the reflectors stay in A's lower columns.
    /// </summary>
    private static GpuArray Tridiagonalize<T>(GpuArray a, int count, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GpuRuntime rt = a.Runtime;
        int lanes = FactorizationBlocks.Lanes(rt), nb = FactorizationBlocks.PanelWidth(rt);
        GpuArray tri = GpuOps.Empty(rt, new Shape(count, 3, n), a.DType);
        using GpuArray partial = GpuOps.Empty(rt, new Shape(count, lanes), a.DType);
        using GpuArray scal = GpuOps.Empty(rt, new Shape(count, 2), a.DType);
        using GpuArray v = GpuOps.Empty(rt, new Shape(count, n), a.DType);
        using GpuArray p = GpuOps.Empty(rt, new Shape(count, n), a.DType);
        using GpuArray vp = GpuOps.Empty(rt, new Shape(count, n, nb), a.DType);
        using GpuArray wp = GpuOps.Empty(rt, new Shape(count, n, nb), a.DType);
        using GpuArray xy = GpuOps.Empty(rt, new Shape(count, 2, nb), a.DType);
        ArrayView<T> va = FactorizationBlocks.V<T>(a), vtri = FactorizationBlocks.V<T>(tri), vpart = FactorizationBlocks.V<T>(partial),
            vscal = FactorizationBlocks.V<T>(scal), vv = FactorizationBlocks.V<T>(v), vpv = FactorizationBlocks.V<T>(p),
            vvp = FactorizationBlocks.V<T>(vp), vwp = FactorizationBlocks.V<T>(wp), vxy = FactorizationBlocks.V<T>(xy);
        long size = (long)count * n * n;
        Index1D all = rt.Threads(size);
        rt.Kernels.Auto<ArrayView<T>, long, long, long>(EighKernels.Symmetrize<T>)(all, va, n, size, all.X);
        var norm = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, long, long, long, long, long>(EighKernels.NormPartial<T>);
        var reflector = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, long, long, long, long, long>(EighKernels.Reflector<T>);
        var scaleVector = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, long, long, long, long>(EighKernels.ScaleVector<T>);
        var symv = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, long, long, long, long>(EighKernels.Symv<T>);
        var halfDot = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, long, long, long, long>(EighKernels.HalfDot<T>);
        var column = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, EighKernels.PanelStep, long, long>(EighKernels.PanelColumn<T>);
        var storeV = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, EighKernels.PanelStep, long, long>(EighKernels.PanelStoreV<T>);
        var dots = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, EighKernels.PanelStep, long, long>(EighKernels.PanelDots<T>);
        var correct = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, EighKernels.PanelStep, long, long>(EighKernels.PanelCorrect<T>);
        var storeW = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, EighKernels.PanelStep, long, long>(EighKernels.PanelStoreW<T>);
        Index1D laneThreads = rt.Threads((long)count * lanes), matrixThreads = rt.Threads(count), rowThreads = rt.Threads((long)count * n);
        int reflectors = n - 2;
        for (int k0 = 0; k0 < reflectors; k0 += nb)
        {
            int kb = Math.Min(nb, reflectors - k0);
            for (int i = 0; i < kb; i++)
            {
                int j = k0 + i;
                long m = n - j - 1;
                var step = new EighKernels.PanelStep { N = n, J = j, I = i, Kb = nb };
                if (i > 0)
                {
                    Index1D columnThreads = rt.Threads(count * (m + 1));
                    column(columnThreads, va, vvp, vwp, step, count * (m + 1), columnThreads.X);
                }
                norm(laneThreads, va, vpart, n, j, lanes, (long)count * lanes, laneThreads.X);
                reflector(matrixThreads, va, vpart, vtri, vscal, n, j, lanes, count, matrixThreads.X);
                Index1D vectorThreads = rt.Threads(count * m);
                scaleVector(vectorThreads, va, vv, vscal, n, j, count * m, vectorThreads.X);
                storeV(rowThreads, vv, vvp, step, (long)count * n, rowThreads.X);
                symv(vectorThreads, va, vv, vpv, vtri, n, j, count * m, vectorThreads.X);
                if (i > 0)
                {
                    Index1D dotThreads = rt.Threads((long)count * i);
                    dots(dotThreads, vvp, vwp, vv, vxy, step, (long)count * i, dotThreads.X);
                    correct(vectorThreads, vvp, vwp, vxy, vpv, vtri, step, count * m, vectorThreads.X);
                }
                halfDot(matrixThreads, vv, vpv, vtri, vscal, n, j, count, matrixThreads.X);
                storeW(rowThreads, vpv, vv, vscal, vwp, step, (long)count * n, rowThreads.X);
            }
            // A22 −= V·Wᵀ + W·Vᵀ over the rows and columns past the panel (both triangles: later symv read either).
            int end = k0 + kb, rest = n - end;
            var below = new MatrixBlock { Stride = (long)n * nb, Ld = nb, Row = end, Col = 0, Rows = rest, Cols = kb };
            MatrixBlock trailing = MatrixBlock.Of(n, n, end, end, rest, rest);
            FactorizationBlocks.SubtractProduct<T>(a, trailing, vp, below, wp, below, count, transposeRight: true);
            FactorizationBlocks.SubtractProduct<T>(a, trailing, wp, below, vp, below, count, transposeRight: true);
        }
        Index1D diagonalThreads = rt.Threads((long)count * n);
        rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, long, long, long>(EighKernels.Extract<T>)(diagonalThreads, va, vtri, n, (long)count * n, diagonalThreads.X);
        return tri;
    }

    /// <summary>The eigenvectors of A: the columns of Vᵀ's rows gathered in eigenvalue order, then Z ← H_0·…·H_{n−3}·Z, blocked (compact WY).</summary>
    private static GpuArray BackTransform<T>(GpuArray a, GpuArray tri, GpuArray vt, int[] order, int count, int n) where T : unmanaged, IFloatingPointIeee754<T>
    {
        GpuRuntime rt = a.Runtime;
        using GpuArray perm = Transfers.Upload(rt, HostBuffer.FromContiguous(order, new Shape(count, n)));
        GpuArray z = GpuOps.Empty(rt, new Shape(count, n, n), a.DType);
        long size = z.Size;
        Index1D all = rt.Threads(size);
        rt.Kernels.Auto<ArrayView<T>, ArrayView<int>, ArrayView<T>, long, long, long>(EighKernels.Gather<T>)(
            all, FactorizationBlocks.V<T>(vt), FactorizationBlocks.V<int>(perm), FactorizationBlocks.V<T>(z), n, size, all.X);
        if (n < 3) return z;
        try
        {
            // Reflectors 0 … n−3 in blocks from the last: Z[j0+1:] −= V·(T·(Vᵀ·Z[j0+1:])), LAPACK's larft + larfb,
            // every product through the plugin's matmul.
            int reflectors = n - 2, nb = FactorizationBlocks.PanelWidth(rt);
            var buildV = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, long, long, long, long, long>(EighKernels.BuildV<T>);
            var buildT = rt.Kernels.Auto<ArrayView<T>, ArrayView<T>, ArrayView<T>, long, long, long, long, long>(EighKernels.BuildT<T>);
            Index1D matrixThreads = rt.Threads(count);
            for (int j0 = (reflectors - 1) / nb * nb; j0 >= 0; j0 -= nb)
            {
                int kb = Math.Min(nb, reflectors - j0), m = n - j0 - 1;
                using GpuArray v = GpuOps.Empty(rt, new Shape(count, m, kb), a.DType);
                Index1D vThreads = rt.Threads(v.Size);
                buildV(vThreads, FactorizationBlocks.V<T>(a), FactorizationBlocks.V<T>(v), n, j0, kb, v.Size, vThreads.X);
                using GpuArray vT = FactorizationBlocks.TransposedView(v);
                using GpuArray g = MatMul.Compute(vT, v);
                using GpuArray tm = GpuOps.Empty(rt, new Shape(count, kb, kb), a.DType);
                buildT(matrixThreads, FactorizationBlocks.V<T>(g), FactorizationBlocks.V<T>(tri), FactorizationBlocks.V<T>(tm), n, j0, kb, count, matrixThreads.X);
                MatrixBlock rows = MatrixBlock.Of(n, n, j0 + 1, 0, m, n);
                using GpuArray zs = FactorizationBlocks.Copy<T>(z, rows, count);
                using GpuArray w = MatMul.Compute(vT, zs);
                using GpuArray tw = MatMul.Compute(tm, w);
                using GpuArray product = MatMul.Compute(v, tw);
                Index1D threads = rt.Threads(product.Size);
                rt.Kernels.Auto<ArrayView<T>, MatrixBlock, ArrayView<T>, long, long>(FactorizationKernels.SubtractBlock<T>)(
                    threads, FactorizationBlocks.V<T>(z), rows, FactorizationBlocks.V<T>(product), product.Size, threads.X);
            }
            return z;
        }
        catch
        {
            z.Dispose();
            throw;
        }
    }

    private static GpuArray Upload<T>(GpuRuntime rt, double[] values, Shape shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var data = new T[values.Length];
        for (int i = 0; i < data.Length; i++) data[i] = T.CreateTruncating(values[i]);
        return Transfers.Upload(rt, HostBuffer.FromContiguous(data, shape));
    }

    /// <summary>
    /// Buffers the QL rotations of the whole stack (matrix by matrix, each in its order) and applies them on the device
    /// in chunks: one launch per chunk over every (matrix, component), whatever the stack's size.
    /// </summary>
    private sealed class RotationQueue<T>(GpuArray vt, int count, int n, int capacity) where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly int[] _index = new int[capacity];
        private readonly T[] _cs = new T[2 * capacity];
        private readonly int[] _perMatrix = new int[count];
        private int _count, _matrix;

        /// <summary>The rotations added next belong to matrix <paramref name="b"/> (matrices come in ascending order).</summary>
        public void Begin(int b) => _matrix = b;

        public void Add(int i, double c, double s)
        {
            _index[_count] = i;
            _cs[2 * _count] = T.CreateTruncating(c);
            _cs[2 * _count + 1] = T.CreateTruncating(s);
            _perMatrix[_matrix]++;
            if (++_count == capacity) Flush();
        }

        public void Flush()
        {
            if (_count == 0) return;
            var starts = new int[count + 1];
            for (int b = 0; b < count; b++) starts[b + 1] = starts[b] + _perMatrix[b];
            GpuRuntime rt = vt.Runtime;
            using GpuArray index = Transfers.Upload(rt, HostBuffer.FromContiguous(_index[.._count], new Shape(_count)));
            using GpuArray cs = Transfers.Upload(rt, HostBuffer.FromContiguous(_cs[..(2 * _count)], new Shape(2 * _count)));
            using GpuArray bounds = Transfers.Upload(rt, HostBuffer.FromContiguous(starts, new Shape(count + 1)));
            long total = (long)count * n;
            Index1D threads = rt.Threads(total);
            rt.Kernels.Auto<ArrayView<T>, ArrayView<int>, ArrayView<T>, ArrayView<int>, long, long, long>(EighKernels.Rotate<T>)(
                threads, FactorizationBlocks.V<T>(vt), FactorizationBlocks.V<int>(index), FactorizationBlocks.V<T>(cs), FactorizationBlocks.V<int>(bounds), n, total, threads.X);
            // The uploads above synchronized before copying; the next chunk's uploads wait for this launch the same way.
            Array.Clear(_perMatrix);
            _count = 0;
        }
    }
}
