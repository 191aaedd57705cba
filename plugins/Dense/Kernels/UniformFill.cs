using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// Uniform float64 draws: sixteen xoshiro256** streams side by side (lane j seeded from positions 4j..4j+3 of the
/// SplitMix64 sequence of the seed), element i taken from lane i mod 16. The lanes are four independent
/// <see cref="Vector256{T}"/> state sets advanced in one loop, so the CPU overlaps their dependency chains (one set of four
/// lanes was bound by the chain's latency: 2.0 ms for a 2000×2000 chunk, four sets 1.3 ms, about the store's cost). Where
/// AVX-512VL is present the rotations are one instruction (<c>vprolq</c>); elsewhere shifts, with the same values. Written
/// by hand because neither System.Random nor TensorPrimitives fills a span with a seeded generator. The multiplications by
/// 5 and 9 are shifts and adds, so AVX2 (which has no 64-bit multiply) runs it. The first k values depend only on the
/// seed, not on how many are drawn.
/// </summary>
internal static class UniformFill
{
    /// <summary>Lanes (independent streams); element i comes from lane i mod <see cref="Lanes"/>.</summary>
    internal const int Lanes = 16;

    /// <summary>Fills <paramref name="destination"/> with <paramref name="low"/> + <paramref name="width"/>·U[0, 1).</summary>
    public static void Fill(Span<double> destination, ulong seed, double low, double width)
    {
        // words[w * Lanes + j]: word w of lane j's state.
        Span<ulong> words = stackalloc ulong[4 * Lanes];
        for (int j = 0; j < Lanes; j++)
        {
            for (int w = 0; w < 4; w++) words[w * Lanes + j] = DenseRandom.SplitMix(ref seed);
        }
        ReadOnlySpan<ulong> s = words;
        Vector256<ulong> a0 = Vector256.Create(s[0..4]), a1 = Vector256.Create(s[16..20]), a2 = Vector256.Create(s[32..36]), a3 = Vector256.Create(s[48..52]);
        Vector256<ulong> b0 = Vector256.Create(s[4..8]), b1 = Vector256.Create(s[20..24]), b2 = Vector256.Create(s[36..40]), b3 = Vector256.Create(s[52..56]);
        Vector256<ulong> c0 = Vector256.Create(s[8..12]), c1 = Vector256.Create(s[24..28]), c2 = Vector256.Create(s[40..44]), c3 = Vector256.Create(s[56..60]);
        Vector256<ulong> d0 = Vector256.Create(s[12..16]), d1 = Vector256.Create(s[28..32]), d2 = Vector256.Create(s[44..48]), d3 = Vector256.Create(s[60..64]);
        var vlow = Vector256.Create(low);
        var vwidth = Vector256.Create(width);
        ref double d = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length, i0 = 0;
        for (; i0 + Lanes <= n; i0 += Lanes)
        {
            Store(Next(ref a0, ref a1, ref a2, ref a3), vlow, vwidth, ref d, i0);
            Store(Next(ref b0, ref b1, ref b2, ref b3), vlow, vwidth, ref d, i0 + 4);
            Store(Next(ref c0, ref c1, ref c2, ref c3), vlow, vwidth, ref d, i0 + 8);
            Store(Next(ref d0, ref d1, ref d2, ref d3), vlow, vwidth, ref d, i0 + 12);
        }
        if (i0 == n) return;
        // The last partial round: all sixteen lanes step once, the first n - i0 values are kept.
        Span<double> tail = stackalloc double[Lanes];
        ref double t = ref MemoryMarshal.GetReference(tail);
        Store(Next(ref a0, ref a1, ref a2, ref a3), vlow, vwidth, ref t, 0);
        Store(Next(ref b0, ref b1, ref b2, ref b3), vlow, vwidth, ref t, 4);
        Store(Next(ref c0, ref c1, ref c2, ref c3), vlow, vwidth, ref t, 8);
        Store(Next(ref d0, ref d1, ref d2, ref d3), vlow, vwidth, ref t, 12);
        tail[..(n - i0)].CopyTo(destination[i0..]);
    }

    /// <summary>One xoshiro256** step of four lanes: their outputs, the state advanced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Next(ref Vector256<ulong> s0, ref Vector256<ulong> s1, ref Vector256<ulong> s2, ref Vector256<ulong> s3)
    {
        Vector256<ulong> x = s1 + (s1 << 2); // s1 * 5
        x = RotateLeft(x, 7);
        x += x << 3; // * 9
        Vector256<ulong> t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return x;
    }

    /// <summary>52 random bits as the mantissa of a double in [1, 2), minus one: exactly uniform on [0, 1), scaled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<ulong> bits, Vector256<double> low, Vector256<double> width, ref double destination, int offset)
    {
        Vector256<double> u = (Vector256.Create(0x3FF0000000000000UL) | (bits >> 12)).AsDouble() - Vector256.Create(1.0);
        (low + width * u).StoreUnsafe(ref destination, (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> RotateLeft(Vector256<ulong> x, [ConstantExpected(Min = 1, Max = 63)] byte count) =>
        Avx512F.VL.IsSupported ? Avx512F.VL.RotateLeft(x, count) : (x << count) | (x >> (64 - count));
}
