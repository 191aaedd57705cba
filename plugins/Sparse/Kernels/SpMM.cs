using ArrayDispatch.Simd;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary><c>Y = A @ B</c> for CSR A and a C-ordered dense block B with few columns, in parallel over row blocks.</summary>
/// <remarks>
/// SciPy's <c>csr_matvecs</c> walks each row's entries once per output row and adds <c>a_ik * B[k, :]</c> into Y with a
/// scalar inner loop over the columns. Here each output row's columns live in up to eight vector accumulators
/// (Vector512: 64 float64, 128 float32; Vector256: 32 / 64) for the whole walk over the row's entries and are stored once, so Y is written exactly once
/// (allocated uninitialised, no zeroing pass) and never read. Each entry's B row is a random 128-256-byte read from a
/// block that does not fit in cache (12.8 MB for 1e5 × 16 float64), so the B rows of the entries
/// <see cref="PrefetchDistance"/> ahead are prefetched. The vector count is a generic struct parameter
/// (<see cref="IVectors"/>): the JIT compiles one loop per width with exactly that many accumulators, where a loop over
/// an accumulator array would keep them in memory. When the width is not a multiple of the vector length, the last
/// vector is placed at column <c>n - w</c>, overlapping the previous one: the overlapped columns are computed twice
/// with the same operations in the same order, so they are stored with the same value, and no scalar tail pass over the
/// entries is needed. Blocks wider than eight vectors go row by row, four vectors per pass (<c>WideRow</c>). Hand-written rather than TensorPrimitives: its span operations would store and reload the row
/// accumulators for every entry.
/// </remarks>
internal static class SpMM
{
    /// <summary>How many entries ahead the B rows are prefetched.</summary>
    /// <remarks>
    /// An entry's panel is a few vector multiply-adds (tens of cycles), a B row from memory hundreds. On the 2-vCPU EPYC
    /// bench machine under load (1e5² CSR with 1e6 entries @ 1e5 × 16 float64, 2026-12-04, medians of 15, five
    /// processes each): no prefetch 17-33 ms, 8 ahead 11-40 ms, 16, 32 and 64 ahead 8-23 ms with no order between them
    /// beyond the noise. 32 (about three rows of A) is the middle of that plateau.
    /// </remarks>
    private const int PrefetchDistance = 32;

    /// <summary>The most accumulators one pass keeps in registers (of 16 ymm or 32 zmm registers; the rest hold the broadcast value and loads).</summary>
    private const int MaxVectors = 8;

    /// <summary>A C-ordered <paramref name="rows"/> × <paramref name="n"/> block <c>A @ B</c>.</summary>
    public static T[] Multiply<T>(int rows, SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer<T> values, T[] b, int n) where T : unmanaged, INumberBase<T>
    {
        T[] y = GC.AllocateUninitializedArray<T>(checked(rows * n));
        MultiplyInto(rows, indptr, indices, values, b, n, new DenseRows<T>(y, n));
        return y;
    }

    /// <summary>Writes <c>A @ B</c> into the C-ordered <paramref name="rows"/> × <paramref name="n"/> block <paramref name="y"/>.</summary>
    public static void MultiplyInto<T>(int rows, SparseBuffer<int> indptrBuffer, SparseBuffer<int> indicesBuffer, SparseBuffer<T> valuesBuffer, T[] b, int n, DenseRows<T> y) where T : unmanaged, INumberBase<T>
    {
        if (n == 0 || rows == 0) return;
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, blk =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            // The buffers, not spans, are captured (a lambda cannot hold a span); each block takes its spans here.
            ReadOnlySpan<int> indptr = indptrBuffer.Span, indices = indicesBuffer.Span;
            ReadOnlySpan<T> values = valuesBuffer.Span;
            Span<T> yBlock = y.Rows(start, end);
            if (n == 1)
            {
                SpMV.MultiplyRows(start, end, indptr, indices, values, b, yBlock);
                return;
            }
            // Complex values (no vectors of them) and blocks narrower than one vector go through the scalar rows;
            // a width's Count is read only for the element types it supports.
            // Vector256 except where only Vector512's eight-vector panel holds the row (see Use512).
            if (Lanes256<T>.IsAccelerated && n >= Lanes256<T>.Count && !Use512<T>(n)) Rows<T, Lanes256<T>, Vector256<T>>(start, end, indptr, indices, values, b, n, yBlock);
            else if (Lanes512<T>.IsAccelerated && n >= Lanes512<T>.Count) Rows<T, Lanes512<T>, Vector512<T>>(start, end, indptr, indices, values, b, n, yBlock);
            else ScalarRows(start, end, indptr, indices, values, b, n, yBlock);
        });
    }

    /// <summary>Whether an <paramref name="n"/>-column block goes through Vector512 rather than Vector256 (both accelerated).</summary>
    /// <remarks>
    /// Only between the two widths' panels (33-64 float64 columns, 65-128 float32), where Vector256 falls back to the
    /// row-by-row loop and Vector512's eight zmm accumulators still hold the whole row. Narrower blocks measured faster in
    /// Vector256, wider ones (both widths row by row) even, so they keep Vector256's loop, timed before at 1000 columns.
    /// <c>ArrayDispatch.Sparse.Benchmarks lanes</c>: one thread, the csr @ dense matrix (1e5², 1e6 entries) @ 1e5 × k
    /// float64, both widths alternating, medians [min] in ms, 256 against 512, three sittings on the 2-vCPU EPYC Zen 4
    /// VM, 2026-12-05 (load 35-40, 35-40, 10):
    /// k = 8: 2.89 [2.71], 2.83 [2.62], 2.74 [2.60] against 3.04 [2.81], 2.98 [2.79], 3.76 [2.59];
    /// k = 16: 6.84 [6.20], 12.3 [6.71], 9.95 [5.70] against 7.98 [6.77], 12.5 [9.45], 11.8 [6.37];
    /// k = 32: 24.3 [22.6], 25.4 [20.8], 24.8 [20.5] against 23.4 [21.2], 23.6 [21.1], 25.3 [19.5];
    /// k = 64: 104 [72.9], 66.7 [57.7], 73.7 [53.9] against 100 [65.8], 66.4 [54.1], 63.0 [46.0];
    /// k = 100: 140 [95], 164 [107], 110 [78] against 145 [101], 153 [114], 115 [83].
    /// The entries' B rows come from memory, so the width matters little; Zen 4 splits 512-bit operations in two, and
    /// B's rows start 16 bytes into a cache line (managed arrays), where every 512-bit load spans two lines. Both widths
    /// give bitwise the same result (each column's multiply-adds in the same order).
    /// </remarks>
    private static bool Use512<T>(int n) where T : unmanaged =>
        Lanes512<T>.IsAccelerated && n > MaxVectors * Lanes256<T>.Count && n <= MaxVectors * Lanes512<T>.Count;

    /// <summary>
    /// Rows [start, end) of <c>A @ B</c> in <typeparamref name="TL"/>'s vectors into <paramref name="y"/>, those rows alone
    /// (row i at <c>(i - start) * n</c>); needs <paramref name="n"/> ≥ TL.Count (tests call both widths).
    /// </summary>
    internal static void Rows<T, TL, TV>(int start, int end, ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, ReadOnlySpan<T> values, T[] b, int n, Span<T> y)
        where T : unmanaged, INumberBase<T> where TL : struct, ILanes<TV, T> where TV : struct
    {
        int w = TL.Count;
        if (n > MaxVectors * w)
        {
            for (int i = start; i < end; i++) WideRow<T, TL, TV>(indptr[i], indptr[i + 1], indices, values, b, n, y.Slice((i - start) * n, n));
            return;
        }
        switch ((n + w - 1) / w)
        {
            case 1: Panel<T, V1, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
            case 2: Panel<T, V2, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
            case 3: Panel<T, V3, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
            case 4: Panel<T, V4, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
            case 5: Panel<T, V5, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
            case 6: Panel<T, V6, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
            case 7: Panel<T, V7, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
            default: Panel<T, V8, TL, TV>(start, end, indptr, indices, values, b, n, y); break;
        }
    }

    // All n columns of rows [start, end) in V = ceil(n / w) accumulators (the last vector at n - w).
    // Called once per row block: compiled optimised at once rather than running tier-0 code until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Panel<T, V, TL, TV>(int start, int end, ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, ReadOnlySpan<T> values, T[] b, int n, Span<T> y)
        where T : unmanaged, INumberBase<T> where V : struct, IVectors where TL : struct, ILanes<TV, T> where TV : struct
    {
        int w = TL.Count, j = 0;
        nint o1 = j + w, o2 = j + 2 * w, o3 = j + 3 * w, o4 = j + 4 * w, o5 = j + 5 * w, o6 = j + 6 * w, o7 = j + 7 * w;
        nint lastOffset = Math.Min(j + (V.Count - 1) * w, n - w);
        nint o0 = V.Count == 1 ? lastOffset : j;
        switch (V.Count)
        {
            case 2: o1 = lastOffset; break;
            case 3: o2 = lastOffset; break;
            case 4: o3 = lastOffset; break;
            case 5: o4 = lastOffset; break;
            case 6: o5 = lastOffset; break;
            case 7: o6 = lastOffset; break;
            case 8: o7 = lastOffset; break;
        }
        // The panel's bytes in B, for prefetching its cache lines: the first, every 64 bytes after it, and the last.
        int panelBytes = (int)(lastOffset - o0 + w) * sizeof(T);
        ref int pr = ref MemoryMarshal.GetReference(indptr);
        ref int ir = ref MemoryMarshal.GetReference(indices);
        ref T vr = ref MemoryMarshal.GetReference(values);
        ref T br = ref MemoryMarshal.GetArrayDataReference(b);
        ref T yr = ref MemoryMarshal.GetReference(y);
        int prefetchEnd = Sse.IsSupported ? indices.Length - PrefetchDistance : 0;
        int k = Unsafe.Add(ref pr, start);
        fixed (T* bp = b)
        {
            byte* panel = (byte*)(bp + o0);
            for (int i = start; i < end; i++)
            {
                int e = Unsafe.Add(ref pr, i + 1);
                TV a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default;
                for (; k < e; k++)
                {
                    if (k < prefetchEnd)
                    {
                        byte* ahead = panel + (nint)Unsafe.Add(ref ir, k + PrefetchDistance) * n * sizeof(T);
                        Sse.Prefetch0(ahead);
                        if (panelBytes > 64) Sse.Prefetch0(ahead + 64);
                        if (panelBytes > 128) Sse.Prefetch0(ahead + 128);
                        if (panelBytes > 192) Sse.Prefetch0(ahead + 192);
                        Sse.Prefetch0(ahead + panelBytes - 1);
                    }
                    TV va = TL.Create(Unsafe.Add(ref vr, k));
                    ref T row = ref Unsafe.Add(ref br, (nint)Unsafe.Add(ref ir, k) * n);
                    a0 = TL.Add(a0, TL.Multiply(va, TL.Load(in row, (nuint)o0)));
                    if (V.Count > 1) a1 = TL.Add(a1, TL.Multiply(va, TL.Load(in row, (nuint)o1)));
                    if (V.Count > 2) a2 = TL.Add(a2, TL.Multiply(va, TL.Load(in row, (nuint)o2)));
                    if (V.Count > 3) a3 = TL.Add(a3, TL.Multiply(va, TL.Load(in row, (nuint)o3)));
                    if (V.Count > 4) a4 = TL.Add(a4, TL.Multiply(va, TL.Load(in row, (nuint)o4)));
                    if (V.Count > 5) a5 = TL.Add(a5, TL.Multiply(va, TL.Load(in row, (nuint)o5)));
                    if (V.Count > 6) a6 = TL.Add(a6, TL.Multiply(va, TL.Load(in row, (nuint)o6)));
                    if (V.Count > 7) a7 = TL.Add(a7, TL.Multiply(va, TL.Load(in row, (nuint)o7)));
                }
                ref T yrow = ref Unsafe.Add(ref yr, (nint)(i - start) * n);
                TL.Store(a0, ref yrow, (nuint)o0);
                if (V.Count > 1) TL.Store(a1, ref yrow, (nuint)o1);
                if (V.Count > 2) TL.Store(a2, ref yrow, (nuint)o2);
                if (V.Count > 3) TL.Store(a3, ref yrow, (nuint)o3);
                if (V.Count > 4) TL.Store(a4, ref yrow, (nuint)o4);
                if (V.Count > 5) TL.Store(a5, ref yrow, (nuint)o5);
                if (V.Count > 6) TL.Store(a6, ref yrow, (nuint)o6);
                if (V.Count > 7) TL.Store(a7, ref yrow, (nuint)o7);
            }
        }
    }

    /// <summary>Row by row, 4 vectors (16 float64) of columns per pass over the row's entries, for blocks wider than one pass.</summary>
    /// <remarks>
    /// All passes of a row run before the next row, so the row's B rows are read front to back (hardware prefetch) while
    /// they are in cache. Reusing <c>Panel</c> here, once per row and panel (its set-up per call), or panel by panel over
    /// the row block took 1.0-1.65 s for 1e5 x 1000 against 0.63-0.94 s for this loop (2026-12-04, same sitting).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WideRow<T, TL, TV>(int k0, int e, ReadOnlySpan<int> indices, ReadOnlySpan<T> values, T[] b, int n, Span<T> yRow)
        where T : unmanaged, INumberBase<T> where TL : struct, ILanes<TV, T> where TV : struct
    {
        ref int ir = ref MemoryMarshal.GetReference(indices);
        ref T vr = ref MemoryMarshal.GetReference(values);
        ref T br = ref MemoryMarshal.GetArrayDataReference(b);
        ref T yr = ref MemoryMarshal.GetReference(yRow);
        int w = TL.Count, j = 0;
        for (; j + 4 * w <= n; j += 4 * w)
        {
            TV a0 = TL.Zero, a1 = a0, a2 = a0, a3 = a0;
            for (int k = k0; k < e; k++)
            {
                TV va = TL.Create(Unsafe.Add(ref vr, k));
                ref T src = ref Unsafe.Add(ref br, (nint)((long)Unsafe.Add(ref ir, k) * n + j));
                a0 = TL.Add(a0, TL.Multiply(va, TL.Load(in src, 0)));
                a1 = TL.Add(a1, TL.Multiply(va, TL.Load(in src, (nuint)w)));
                a2 = TL.Add(a2, TL.Multiply(va, TL.Load(in src, (nuint)(2 * w))));
                a3 = TL.Add(a3, TL.Multiply(va, TL.Load(in src, (nuint)(3 * w))));
            }
            TL.Store(a0, ref yr, (nuint)j);
            TL.Store(a1, ref yr, (nuint)(j + w));
            TL.Store(a2, ref yr, (nuint)(j + 2 * w));
            TL.Store(a3, ref yr, (nuint)(j + 3 * w));
        }
        // The rest, one vector per pass; the last one placed at n - w, overlapping (see the class remarks).
        for (; j < n; j += w)
        {
            nint at = Math.Min(j, n - w);
            TV a0 = TL.Zero;
            for (int k = k0; k < e; k++)
            {
                a0 = TL.Add(a0, TL.Multiply(TL.Create(Unsafe.Add(ref vr, k)), TL.Load(in Unsafe.Add(ref br, (nint)Unsafe.Add(ref ir, k) * n), (nuint)at)));
            }
            TL.Store(a0, ref yr, (nuint)at);
        }
    }

    // Fewer columns than one vector holds, or element types without vectors (complex): each row of y accumulated in place.
    private static void ScalarRows<T>(int start, int end, ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, ReadOnlySpan<T> values, T[] b, int n, Span<T> y) where T : unmanaged, INumberBase<T>
    {
        for (int i = start; i < end; i++)
        {
            Span<T> acc = y.Slice((i - start) * n, n);
            acc.Clear();
            for (int k = indptr[i]; k < indptr[i + 1]; k++)
            {
                T v = values[k];
                ReadOnlySpan<T> row = b.AsSpan((int)((long)indices[k] * n), n);
                for (int c = 0; c < acc.Length; c++) acc[c] += v * row[c];
            }
        }
    }

    /// <summary>A vector count known when the JIT compiles <see cref="Panel{T, V, TL, TV}"/>.</summary>
    private interface IVectors
    {
        static abstract int Count { get; }
    }

    private readonly struct V1 : IVectors { public static int Count => 1; }

    private readonly struct V2 : IVectors { public static int Count => 2; }

    private readonly struct V3 : IVectors { public static int Count => 3; }

    private readonly struct V4 : IVectors { public static int Count => 4; }

    private readonly struct V5 : IVectors { public static int Count => 5; }

    private readonly struct V6 : IVectors { public static int Count => 6; }

    private readonly struct V7 : IVectors { public static int Count => 7; }

    private readonly struct V8 : IVectors { public static int Count => 8; }
}
