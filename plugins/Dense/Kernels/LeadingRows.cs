using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Simd;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// Combines many rows into one accumulator row: the inner loop of a reduction over leading axes (<c>sum(x, axis=0)</c>).
/// Sums add four rows per pass over the accumulator, <c>acc += (r0 + r1) + (r2 + r3)</c>, so the accumulator is read
/// and written once per four rows instead of once per row (a TensorPrimitives.Add per row measured 3-4x NumPy on a
/// 3162² sum over axis 0); other reductions combine one row at a time.
/// </summary>
internal static class LeadingRows
{
    /// <summary>Combines rows k = 0..<paramref name="count"/>-1 of <paramref name="data"/>, row k at <paramref name="offset"/> + k·<paramref name="stride"/>.</summary>
    public static void Combine<T, TOp>(Span<T> accumulator, Elements<T> data, long offset, long stride, long count)
        where T : unmanaged where TOp : IReductionOp<T>
    {
        if (TOp.CombinesByAddition && s_prefer512 && Lanes512<T>.IsAccelerated) Combine<T, TOp, Lanes512<T>, Vector512<T>>(accumulator, data, offset, stride, count);
        else if (TOp.CombinesByAddition && Lanes256<T>.IsAccelerated) Combine<T, TOp, Lanes256<T>, Vector256<T>>(accumulator, data, offset, stride, count);
        else if (TOp.CombinesByAddition && Lanes512<T>.IsAccelerated) Combine<T, TOp, Lanes512<T>, Vector512<T>>(accumulator, data, offset, stride, count);
        else for (long k = 0; k < count; k++) TOp.Combine(accumulator, data.AsSpan(offset + k * stride, accumulator.Length));
    }

    /// <summary>Whether Vector512 is used where both widths run: no, by measurement on the Zen 4 bench machine.</summary>
    /// <remarks>
    /// <c>ArrayDispatch.Bench.Dense lanes</c> (both widths in one process, calls alternating; 2-vCPU EPYC Zen 4 VM,
    /// load 35-40, 2026-12-05; medians of 41, float64, 256 against 512): 64-byte-aligned rows 8 × 512 0.33 against 0.34 µs,
    /// 64 × 4096 29.8-33.1 against 27.8-31.0 µs, 3162² 3.1-3.6 against 3.0-3.4 ms (min); rows 16 bytes into a cache line
    /// 8 × 512 0.43 against 0.48 µs, 64 × 4096 29.7 against 30.1 µs, 3162² 3.21 against 3.24 ms (min). Within a few
    /// percent either way; the 256-bit loop leaves the shorter scalar tail per row. Both widths give bitwise the same
    /// sums (each element's additions are in the same order), so this is a speed choice only.
    /// </remarks>
    private static readonly bool s_prefer512 = false;

    /// <summary><see cref="Combine{T, TOp}"/> with sums added four rows at a time in <typeparamref name="TL"/>'s vectors (tests call both widths).</summary>
    internal static void Combine<T, TOp, TL, TV>(Span<T> accumulator, Elements<T> data, long offset, long stride, long count)
        where T : unmanaged where TOp : IReductionOp<T> where TL : struct, ILanes<TV, T> where TV : struct
    {
        long k = 0;
        if (TOp.CombinesByAddition)
        {
            for (; k + 4 <= count; k += 4)
            {
                long at = offset + k * stride;
                int done = AddFour<T, TL, TV>(accumulator, data, at, stride);
                if (done == accumulator.Length) continue;
                for (int r = 0; r < 4; r++) TOp.Combine(accumulator[done..], data.AsSpan(at + r * stride + done, accumulator.Length - done));
            }
        }
        for (; k < count; k++) TOp.Combine(accumulator, data.AsSpan(offset + k * stride, accumulator.Length));
    }

    // Vector part of four rows; returns how many leading elements it combined. Compiled optimized at once: its tier-0
    // code calls each lane wrapper instead of inlining it, and a whole pass over the rows runs inside one call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int AddFour<T, TL, TV>(Span<T> accumulator, Elements<T> data, long offset, long stride)
        where T : unmanaged where TL : struct, ILanes<TV, T> where TV : struct
    {
        ref T acc = ref MemoryMarshal.GetReference(accumulator);
        ref T r0 = ref Unsafe.Add(ref data.Reference, (nint)offset);
        ref T r1 = ref Unsafe.Add(ref r0, (nint)stride);
        ref T r2 = ref Unsafe.Add(ref r1, (nint)stride);
        ref T r3 = ref Unsafe.Add(ref r2, (nint)stride);
        int n = accumulator.Length, width = TL.Count, j = 0;
        for (; j + width <= n; j += width)
        {
            nuint at = (nuint)j;
            TV rows = TL.Add(TL.Add(TL.Load(in r0, at), TL.Load(in r1, at)), TL.Add(TL.Load(in r2, at), TL.Load(in r3, at)));
            TL.Store(TL.Add(TL.Load(in acc, at), rows), ref acc, at);
        }
        return j;
    }
}
