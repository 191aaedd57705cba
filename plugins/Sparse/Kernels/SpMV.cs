using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Products of a CSR matrix with dense vectors and blocks, in parallel over row blocks (SciPy's loops are serial).</summary>
internal static class SpMV
{
    /// <summary><c>y = A @ x</c> for CSR A with <paramref name="rows"/> rows.</summary>
    /// <remarks>
    /// Row blocks run in parallel; the inner loop has no bounds checks (the CSR arrays were validated when built) and four
    /// independent accumulators, so the gathers of x overlap. The only allocation is y.
    /// </remarks>
    public static T[] Multiply<T>(int rows, SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer<T> values, T[] x) where T : unmanaged, INumberBase<T>
    {
        T[] y = GC.AllocateUninitializedArray<T>(rows);
        MultiplyInto(rows, indptr, indices, values, x, new DenseRows<T>(y, 1));
        return y;
    }

    /// <summary>Writes <c>A @ x</c> into <paramref name="y"/> (one element per row).</summary>
    public static void MultiplyInto<T>(int rows, SparseBuffer<int> indptr, SparseBuffer<int> indices, SparseBuffer<T> values, T[] x, DenseRows<T> y) where T : unmanaged, INumberBase<T>
    {
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, b =>
        {
            (int start, int end) = Blocks.Range(b, rows);
            MultiplyRows(start, end, indptr.Span, indices.Span, values.Span, x, y.Rows(start, end));
        });
    }

    /// <summary>How many entries ahead the gathers of x are prefetched.</summary>
    /// <remarks>
    /// x (8 MB for a million float64 columns) does not fit next to the streamed values and indices in this machine's
    /// 8 MB L3, so most gathers go to memory; with four accumulators the core still waits on them. Prefetching the x of
    /// the entries 64 ahead (about six rows) measured 5-10 % faster than none and than 16 or 128 ahead (2 vCPU EPYC,
    /// 1e6² CSR with 1e7 entries); AVX2 gathers measured 30 % slower than scalar loads and column panels (x in cache per
    /// pass) slower still, so neither is used.
    /// </remarks>
    private const int PrefetchDistance = 64;

    // Rows [start, end) of y, which holds those rows alone (row i at i - start; also SpMM's one-column case). Called once
    // per row block: compiled optimised at once rather than running tier-0 code until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static unsafe void MultiplyRows<T>(int start, int end, ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, ReadOnlySpan<T> values, T[] x, Span<T> y) where T : unmanaged, INumberBase<T>
    {
        ref int pr = ref MemoryMarshal.GetReference(indptr);
        ref int ir = ref MemoryMarshal.GetReference(indices);
        ref T vr = ref MemoryMarshal.GetReference(values);
        ref T xr = ref MemoryMarshal.GetArrayDataReference(x);
        ref T yr = ref MemoryMarshal.GetReference(y);
        // Prefetching reads indices[k + PrefetchDistance + 3]: only while that is inside the array.
        int prefetchEnd = Sse.IsSupported ? indices.Length - PrefetchDistance - 3 : 0;
        int k = Unsafe.Add(ref pr, start);
        fixed (T* xp = x)
        {
            for (int i = start; i < end; i++)
            {
                int e = Unsafe.Add(ref pr, i + 1);
                T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
                for (; k + 3 < e; k += 4)
                {
                    if (k < prefetchEnd)
                    {
                        ref int ahead = ref Unsafe.Add(ref ir, k + PrefetchDistance);
                        Sse.Prefetch0(xp + ahead);
                        Sse.Prefetch0(xp + Unsafe.Add(ref ahead, 1));
                        Sse.Prefetch0(xp + Unsafe.Add(ref ahead, 2));
                        Sse.Prefetch0(xp + Unsafe.Add(ref ahead, 3));
                    }
                    s0 += Unsafe.Add(ref vr, k) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k));
                    s1 += Unsafe.Add(ref vr, k + 1) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k + 1));
                    s2 += Unsafe.Add(ref vr, k + 2) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k + 2));
                    s3 += Unsafe.Add(ref vr, k + 3) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k + 3));
                }
                for (; k < e; k++) s0 += Unsafe.Add(ref vr, k) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k));
                Unsafe.Add(ref yr, i - start) = (s0 + s1) + (s2 + s3);
            }
        }
    }

    /// <summary><c>Y = D @ A</c> for a C-ordered dense block D (m × k) and CSR A (k × n): each row of D scatters rows of A.</summary>
    public static T[] DenseTimesCsr<T>(T[] d, int m, int k, SparseBuffer<int> indptrBuffer, SparseBuffer<int> indicesBuffer, SparseBuffer<T> valuesBuffer, int n) where T : unmanaged, INumberBase<T>
    {
        var y = new T[(long)m * n];
        Parallel.For(0, Blocks.Count(m), Blocks.Options, blk =>
        {
            (int start, int end) = Blocks.Range(blk, m);
            ReadOnlySpan<int> indptr = indptrBuffer.Span, indices = indicesBuffer.Span;
            ReadOnlySpan<T> values = valuesBuffer.Span;
            for (int i = start; i < end; i++)
            {
                long row = (long)i * n;
                for (int j = 0; j < k; j++)
                {
                    T dij = d[(long)i * k + j];
                    if (dij == T.Zero) continue;
                    for (int t = indptr[j]; t < indptr[j + 1]; t++) y[row + indices[t]] += dij * values[t];
                }
            }
        });
        return y;
    }
}
