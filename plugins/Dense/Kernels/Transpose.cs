using ArrayDispatch.Dense.Storage;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// Copies whose destination rows are contiguous while the source is contiguous along another axis (a transposed or
/// axis-permuted view): 4 × 4 blocks are transposed in registers inside cache tiles, tile rows in parallel.
/// </summary>
/// <remarks>
/// The element-wise path gathers such rows one element at a time, each from another source row, so every element is
/// its own cache line and, for 4096² float64, its own page; it moved about 2 GB/s. Here a tile of
/// <see cref="TileBytes"/> × <see cref="TileBytes"/> bytes (16 KB of source and destination together for 8-byte
/// elements) stays in L1 while it is read in 32-byte pieces along the source rows and written in 32-byte pieces along
/// the destination rows. Hand-written rather than TensorPrimitives or Tensor.Transpose: neither transposes a strided
/// view into a strided destination, and the shuffle sequence depends only on the element size, so one generic source
/// serves int32/float32 (Vector128, 4 × 4) and int64/float64 (Vector256, 4 × 4). One-byte elements (bool) use the same
/// tiles with scalar moves.
/// </remarks>
internal static class Transpose
{
    /// <summary>The tile edge in bytes: 32 float64 or 64 float32 per tile row.</summary>
    /// <remarks>
    /// 32 float64 keep a tile's 32 source and 32 destination row pieces (16 KB) in a 32 KB L1. On the 2-vCPU EPYC bench
    /// machine (4096² float64 into a preallocated result, 2026-12-04, two rounds) 256, 512 and 1024 bytes measured the
    /// same within noise (median 28-33 ms, min 24-28 ms) and 128 bytes slower (median 42-44 ms).
    /// </remarks>
    private const int TileBytes = 256;

    /// <summary>
    /// Copies operand 0 of <paramref name="layout"/> into operand 1 when operand 1's innermost stride is 1 and operand 0
    /// has stride 1 along another axis; returns <see langword="false"/> (nothing written) for any other layout.
    /// </summary>
    public static bool TryCopy<T>(Elements<T> source, Elements<T> destination, Layout layout) where T : unmanaged
    {
        int rank = layout.Dims.Length;
        long[] sx = layout.Strides[0], sd = layout.Strides[1];
        if (rank < 2 || sd[rank - 1] != 1 || sx[rank - 1] == 1) return false;
        int a = -1;
        for (int k = rank - 2; k >= 0; k--)
        {
            if (sx[k] == 1) { a = k; break; }
        }
        if (a < 0) return false;

        // The 2-d problem: i runs along axis a (source-contiguous), j along the last axis (destination-contiguous);
        // every other axis is an outer loop.
        var plan = new Plan(layout, a);
        int tileEdge = TileBytes / Math.Min(Unsafe.SizeOf<T>(), 8);
        int tileRows = (plan.Rows + tileEdge - 1) / tileEdge;
        long n = plan.Outer * plan.Rows * plan.Cols;
        int workers = n >= Elementwise.ParallelThreshold ? Environment.ProcessorCount : 1;
        // Work items are (outer index, tile row, column span); the columns are split only when there are too few tile
        // rows to give each core several items (a (2, 1e6) result from a (1e6, 2) array has one tile row).
        int tileCols = (plan.Cols + tileEdge - 1) / tileEdge;
        long rowItems = plan.Outer * tileRows;
        int spans = (int)Math.Clamp(workers * 8L / rowItems, 1, tileCols);
        var grid = new Grid(tileEdge, tileRows, spans, (tileCols + spans - 1) / spans * tileEdge);
        long items = rowItems * spans;
        if (workers <= 1 || items == 1)
        {
            Run(source, destination, plan, grid, 0, items);
            return true;
        }
        // A few parts per core, so a core that the OS deschedules on the shared machine is caught up by the other.
        int parts = (int)Math.Min(items, workers * 8L);
        Parallel.For(0, parts, p => Run(source, destination, plan, grid, items * p / parts, items * (p + 1) / parts));
        return true;
    }

    /// <summary>How the 2-d problem is cut into work items: tile rows of <c>Edge</c> rows, column spans of <c>SpanCols</c> columns.</summary>
    private readonly record struct Grid(int Edge, int TileRows, int Spans, int SpanCols);

    private static void Run<T>(Elements<T> source, Elements<T> destination, Plan plan, Grid grid, long first, long end) where T : unmanaged
    {
        ref T s0 = ref source.Reference;
        ref T d0 = ref destination.Reference;
        for (long item = first; item < end; item++)
        {
            int span = (int)(item % grid.Spans);
            long rowItem = item / grid.Spans;
            long outer = rowItem / grid.TileRows;
            int i0 = (int)(rowItem % grid.TileRows) * grid.Edge, i1 = Math.Min(plan.Rows, i0 + grid.Edge);
            int c0 = (int)Math.Min(plan.Cols, (long)span * grid.SpanCols), c1 = (int)Math.Min(plan.Cols, (long)c0 + grid.SpanCols);
            (long ox, long od) = plan.OuterOffsets(outer);
            TileRow(ref Unsafe.Add(ref s0, (nint)ox), (nint)plan.SourceColumnStride,
                    ref Unsafe.Add(ref d0, (nint)od), (nint)plan.DestinationRowStride, i0, i1, c0, c1, grid.Edge);
        }
    }

    // d[i * di + j] = s[i + j * sj] for i in [i0, i1) and j in [c0, c1), one tile of columns at a time.
    private static void TileRow<T>(ref T s, nint sj, ref T d, nint di, int i0, int i1, int c0, int c1, int tileEdge) where T : unmanaged
    {
        int iFull = i0 + ((i1 - i0) & ~3);
        for (int j0 = c0; j0 < c1; j0 += tileEdge)
        {
            int j1 = Math.Min(c1, j0 + tileEdge), jFull = j0 + ((j1 - j0) & ~3);
            for (int i = i0; i < iFull; i += 4)
            {
                for (int j = j0; j < jFull; j += 4)
                {
                    Block4(ref Unsafe.Add(ref s, i + j * sj), sj, ref Unsafe.Add(ref d, i * di + j), di);
                }
                for (int j = jFull; j < j1; j++)
                {
                    for (int ii = i; ii < i + 4; ii++) Unsafe.Add(ref d, ii * di + j) = Unsafe.Add(ref s, ii + j * sj);
                }
            }
            for (int i = iFull; i < i1; i++)
            {
                for (int j = j0; j < j1; j++) Unsafe.Add(ref d, i * di + j) = Unsafe.Add(ref s, i + j * sj);
            }
        }
    }

    // d[r * di + c] = s[r + c * sj] for r, c in [0, 4): four source pieces (one per destination column) are loaded,
    // transposed in registers and stored as four destination row pieces.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4<T>(ref T s, nint sj, ref T d, nint di) where T : unmanaged
    {
        if (Unsafe.SizeOf<T>() == 8 && Avx.IsSupported)
        {
            ref double sp = ref Unsafe.As<T, double>(ref s);
            ref double dp = ref Unsafe.As<T, double>(ref d);
            Vector256<double> v0 = Vector256.LoadUnsafe(ref sp), v1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref sp, sj));
            Vector256<double> v2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref sp, 2 * sj)), v3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref sp, 3 * sj));
            Vector256<double> t0 = Avx.UnpackLow(v0, v1), t1 = Avx.UnpackHigh(v0, v1);   // (v0[0], v1[0], v0[2], v1[2]), (v0[1], v1[1], v0[3], v1[3])
            Vector256<double> t2 = Avx.UnpackLow(v2, v3), t3 = Avx.UnpackHigh(v2, v3);
            Avx.Permute2x128(t0, t2, 0x20).StoreUnsafe(ref dp);                              // (v0[0], v1[0], v2[0], v3[0])
            Avx.Permute2x128(t1, t3, 0x20).StoreUnsafe(ref Unsafe.Add(ref dp, di));
            Avx.Permute2x128(t0, t2, 0x31).StoreUnsafe(ref Unsafe.Add(ref dp, 2 * di));
            Avx.Permute2x128(t1, t3, 0x31).StoreUnsafe(ref Unsafe.Add(ref dp, 3 * di));
            return;
        }
        if (Unsafe.SizeOf<T>() == 4 && Sse.IsSupported)
        {
            ref float sp = ref Unsafe.As<T, float>(ref s);
            ref float dp = ref Unsafe.As<T, float>(ref d);
            Vector128<float> v0 = Vector128.LoadUnsafe(ref sp), v1 = Vector128.LoadUnsafe(ref Unsafe.Add(ref sp, sj));
            Vector128<float> v2 = Vector128.LoadUnsafe(ref Unsafe.Add(ref sp, 2 * sj)), v3 = Vector128.LoadUnsafe(ref Unsafe.Add(ref sp, 3 * sj));
            Vector128<float> t0 = Sse.UnpackLow(v0, v1), t1 = Sse.UnpackLow(v2, v3);        // (v0[0], v1[0], v0[1], v1[1]), (v2[0], v3[0], v2[1], v3[1])
            Vector128<float> t2 = Sse.UnpackHigh(v0, v1), t3 = Sse.UnpackHigh(v2, v3);
            Sse.MoveLowToHigh(t0, t1).StoreUnsafe(ref dp);                                    // (v0[0], v1[0], v2[0], v3[0])
            Sse.MoveHighToLow(t1, t0).StoreUnsafe(ref Unsafe.Add(ref dp, di));                // (v0[1], v1[1], v2[1], v3[1])
            Sse.MoveLowToHigh(t2, t3).StoreUnsafe(ref Unsafe.Add(ref dp, 2 * di));
            Sse.MoveHighToLow(t3, t2).StoreUnsafe(ref Unsafe.Add(ref dp, 3 * di));
            return;
        }
        for (nint r = 0; r < 4; r++)
        {
            for (nint c = 0; c < 4; c++) Unsafe.Add(ref d, r * di + c) = Unsafe.Add(ref s, r + c * sj);
        }
    }

    /// <summary>The copy as a 2-d transpose (rows along the source-contiguous axis) inside loops over the other axes.</summary>
    private sealed class Plan
    {
        private readonly int[] _outerDims;
        private readonly long[] _outerSource, _outerDestination;
        private readonly long _sourceOffset, _destinationOffset;

        public Plan(Layout layout, int axis)
        {
            int rank = layout.Dims.Length;
            long[] sx = layout.Strides[0], sd = layout.Strides[1];
            Rows = layout.Dims[axis];
            Cols = layout.Dims[rank - 1];
            SourceColumnStride = sx[rank - 1];
            DestinationRowStride = sd[axis];
            _sourceOffset = layout.Offsets[0];
            _destinationOffset = layout.Offsets[1];
            var dims = new List<int>(rank);
            var os = new List<long>(rank);
            var od = new List<long>(rank);
            long outer = 1;
            for (int k = 0; k < rank - 1; k++)
            {
                if (k == axis) continue;
                dims.Add(layout.Dims[k]);
                os.Add(sx[k]);
                od.Add(sd[k]);
                outer *= layout.Dims[k];
            }
            _outerDims = [.. dims];
            _outerSource = [.. os];
            _outerDestination = [.. od];
            Outer = outer;
        }

        public int Rows { get; }

        public int Cols { get; }

        public long Outer { get; }

        public long SourceColumnStride { get; }

        public long DestinationRowStride { get; }

        /// <summary>The offsets of element (0, 0) of the 2-d problem number <paramref name="outer"/> (last outer axis fastest).</summary>
        public (long Source, long Destination) OuterOffsets(long outer)
        {
            long ox = _sourceOffset, od = _destinationOffset;
            for (int k = _outerDims.Length - 1; k >= 0; k--)
            {
                long index = outer % _outerDims[k];
                outer /= _outerDims[k];
                ox += index * _outerSource[k];
                od += index * _outerDestination[k];
            }
            return (ox, od);
        }
    }
}
