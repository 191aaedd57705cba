using ArrayDispatch.Simd;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// NumPy-grade accurate float sums at memory speed. Written by hand because neither TensorPrimitives call fits:
/// <c>TensorPrimitives.Sum</c> over the whole row adds each lane sequentially (error grows with n/lanes, about 1e-11
/// relative at 10M elements where NumPy's pairwise sum stays near 1e-16), and recursing down to 128-element
/// <c>TensorPrimitives.Sum</c> calls (NumPy's scheme) costs 3-8x more per element than the memory traffic (measured
/// 8.5 ms vs 2.0 ms for 10M float64, single core). Here blocks of <see cref="Block"/> elements are summed by four
/// independent vector accumulators (each lane adds Block/16 float64 values in Vector256, Block/32 in Vector512), and the
/// block sums are combined pairwise through a binary-counter stack, so the error bound is O((Block/lanes + log2 n) ε),
/// like NumPy's. The block loop is written once over the lane width (<see cref="ILanes{TV, T}"/>).
/// </summary>
internal static class PairwiseSum
{
    /// <summary>Elements per leaf block; a multiple of four Vector512 widths for every element type.</summary>
    public const int Block = 1024;

    /// <summary>The sum of <paramref name="x"/>, accurate as NumPy's pairwise summation.</summary>
    /// <remarks>
    /// Compiled fully optimized at the first call (here and in <see cref="BlockSum{TL, TV, T}"/>): under tiered compilation
    /// the block loop ran as unoptimized tier-0 code for the first rounds of calls, and on a busy machine the background
    /// recompilation took seconds to arrive (a 10M float64 sum: 7.6 ms for the first twenty calls, 3.3 ms after tier-up).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Sum<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (s_prefer512 && Lanes512<T>.IsAccelerated) return Sum<Lanes512<T>, Vector512<T>, T>(x);
        if (Lanes256<T>.IsAccelerated) return Sum<Lanes256<T>, Vector256<T>, T>(x);
        if (Lanes512<T>.IsAccelerated) return Sum<Lanes512<T>, Vector512<T>, T>(x);
        return Tree(x);
    }

    /// <summary>Whether Vector512 blocks are used where both widths run: no, by measurement on the Zen 4 bench machine.</summary>
    /// <remarks>
    /// <c>ArrayDispatch.Bench.Dense lanes</c> (both widths in one process, calls alternating; 2-vCPU EPYC Zen 4 VM,
    /// load 35-40, 2026-12-05; medians of 41, float64): 64-byte-aligned rows (the plugin's native buffers) 2048 elements
    /// 0.142 µs at 256 against 0.122 at 512, 16384 elements 1.20 against 1.22-1.28, 10M from memory 3.7-4.1 ms against
    /// 4.1-4.5 (min); rows 16 bytes into a cache line (managed arrays, where every 512-bit load spans two lines) 2048:
    /// 0.122 against 0.129, 16384: 1.19 against 1.45, 10M: 2.7 against 2.9 (min). Zen 4 executes a 512-bit add as two
    /// 256-bit halves, so the wider vector only pays for L1-resident aligned rows. Set true where a machine with
    /// full-width AVX-512 units measures better (the generic source compiles both).
    /// </remarks>
    private static readonly bool s_prefer512 = false;

    /// <summary><see cref="Sum{T}(ReadOnlySpan{T})"/> with the block sums in <typeparamref name="TL"/>'s vectors (tests call both widths).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static T Sum<TL, TV, T>(ReadOnlySpan<T> x)
        where TL : struct, ILanes<TV, T> where TV : struct where T : unmanaged, IFloatingPointIeee754<T>
    {
        // A binary counter of pending block sums: level k holds the sum of 2^k blocks, so every addition below is
        // between partial sums of equal size, which is what bounds the error by log2 of the block count.
        Span<T> pending = stackalloc T[64];
        Span<ulong> counts = stackalloc ulong[64];
        int top = 0;
        ref T start = ref MemoryMarshal.GetReference(x);
        int n = x.Length, i = 0;
        for (; i + Block <= n; i += Block)
        {
            T sum = BlockSum<TL, TV, T>(ref Unsafe.Add(ref start, i));
            ulong count = 1;
            while (top > 0 && counts[top - 1] == count)
            {
                sum = pending[--top] + sum;
                count *= 2;
            }
            pending[top] = sum;
            counts[top++] = count;
        }
        T total = Tree(x[i..]);
        while (top > 0) total = pending[--top] + total;
        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T BlockSum<TL, TV, T>(ref T block)
        where TL : struct, ILanes<TV, T> where TV : struct where T : unmanaged, IFloatingPointIeee754<T>
    {
        int width = TL.Count;
        TV s0 = TL.Zero, s1 = s0, s2 = s0, s3 = s0;
        for (int j = 0; j < Block; j += 4 * width)
        {
            s0 = TL.Add(s0, TL.Load(in block, (nuint)j));
            s1 = TL.Add(s1, TL.Load(in block, (nuint)(j + width)));
            s2 = TL.Add(s2, TL.Load(in block, (nuint)(j + 2 * width)));
            s3 = TL.Add(s3, TL.Load(in block, (nuint)(j + 3 * width)));
        }
        return TL.Sum(TL.Add(TL.Add(s0, s1), TL.Add(s2, s3)));
    }

    // The tail (fewer than Block elements) and machines without vectors: NumPy's own recursion.
    private static T Tree<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length <= 128) return System.Numerics.Tensors.TensorPrimitives.Sum(x);
        int half = (x.Length / 2) & ~7;
        return Tree(x[..half]) + Tree(x[half..]);
    }
}
