using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// Uniform float64 draws, four xoshiro256** streams side by side in one <see cref="Vector256{T}"/> of states (lane j
/// seeded from the SplitMix64 sequence of the seed), element i taken from lane i mod 4. Written by hand because
/// neither System.Random nor TensorPrimitives fills a span with a seeded generator, and the scalar generator costs
/// about 2 ns per element where this one is bound by the store (a 2000×2000 chunk: 8.8 ms scalar). The multiplications
/// by 5 and 9 are shifts and adds, so AVX2 (which has no 64-bit multiply) runs it. The first k values depend only on
/// the seed, not on how many are drawn.
/// </summary>
internal static class UniformFill
{
    /// <summary>Fills <paramref name="destination"/> with <paramref name="low"/> + <paramref name="width"/>·U[0, 1).</summary>
    public static void Fill(Span<double> destination, ulong seed, double low, double width)
    {
        Vector256<ulong> s0, s1, s2, s3;
        Span<ulong> lanes = stackalloc ulong[16];
        for (int i = 0; i < 16; i++) lanes[i] = DenseRandom.SplitMix(ref seed);
        // lanes[4 * word + lane]: word w of lane j's state.
        s0 = Vector256.Create(lanes[0], lanes[4], lanes[8], lanes[12]);
        s1 = Vector256.Create(lanes[1], lanes[5], lanes[9], lanes[13]);
        s2 = Vector256.Create(lanes[2], lanes[6], lanes[10], lanes[14]);
        s3 = Vector256.Create(lanes[3], lanes[7], lanes[11], lanes[15]);
        var one = Vector256.Create(1.0);
        var vlow = Vector256.Create(low);
        var vwidth = Vector256.Create(width);
        var exponent = Vector256.Create(0x3FF0000000000000UL);
        ref double d = ref MemoryMarshal.GetReference(destination);
        int n = destination.Length, i0 = 0;
        Span<double> tail = stackalloc double[4];
        while (i0 < n)
        {
            Vector256<ulong> x = s1 + (s1 << 2); // s1 * 5
            x = (x << 7) | (x >> 57);
            x += x << 3; // * 9
            Vector256<ulong> t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 45) | (s3 >> 19);
            // 52 random bits as the mantissa of a double in [1, 2), minus one: exactly uniform on [0, 1).
            Vector256<double> u = (exponent | (x >> 12)).AsDouble() - one;
            Vector256<double> value = vlow + vwidth * u;
            if (i0 + 4 <= n) value.StoreUnsafe(ref d, (nuint)i0);
            else
            {
                value.CopyTo(tail);
                tail[..(n - i0)].CopyTo(destination[i0..]);
            }
            i0 += 4;
        }
    }
}
