using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>Kernels that make arrays: fills, ranges, <c>eye</c> and counter-based random numbers.</summary>
internal static class CreationKernels
{
    // Grid-stride loops, as in ElementwiseKernels: thread i fills i, i + threads, … .

    public static void Fill<T>(Index1D i, ArrayView<T> z, T value, long threads) where T : unmanaged
    {
        for (long k = i; k < z.Length; k += threads) z[k] = value;
    }

    public static void RangeInt<T, E>(Index1D i, ArrayView<T> z, long start, long step, long threads)
        where T : unmanaged where E : struct, IGpuElement<T>
    {
        for (long k = i; k < z.Length; k += threads) z[k] = default(E).FromInt64(start + k * step);
    }

    /// <summary><c>start + i * step</c>, with the last element set to <paramref name="last"/> when <paramref name="pinLast"/> (linspace's endpoint).</summary>
    public static void RangeFloat<T, E>(Index1D i, ArrayView<T> z, double start, double step, long pinLast, double last, long threads)
        where T : unmanaged where E : struct, IGpuElement<T>
    {
        for (long k = i; k < z.Length; k += threads)
        {
            double v = pinLast != 0 && k == z.Length - 1 ? last : start + k * step;
            z[k] = default(E).FromDouble(v);
        }
    }

    public static void Eye<T, E>(Index1D i, ArrayView<T> z, long columns, long diagonal, long threads)
        where T : unmanaged where E : struct, IGpuElement<T>
    {
        for (long k = i; k < z.Length; k += threads)
        {
            long row = k / columns;
            long column = k - row * columns;
            z[k] = default(E).FromInt64(column - row == diagonal ? 1 : 0);
        }
    }

    /// <summary>Uniform on [low, high) (or integers in [low, high) when <paramref name="integers"/>): SplitMix64 of (seed, i), so values do not depend on launch geometry.</summary>
    public static void Uniform<T, E>(Index1D i, ArrayView<T> z, ulong seed, double low, double high, long integers, long threads)
        where T : unmanaged where E : struct, IGpuElement<T>
    {
        for (long k = i; k < z.Length; k += threads)
        {
            double u = Unit(Mix(seed, (ulong)k));
            if (integers != 0)
            {
                long span = (long)high - (long)low;
                long v = (long)low + (long)(u * span);
                z[k] = default(E).FromInt64(v >= (long)high ? (long)high - 1 : v);
            }
            else
            {
                z[k] = default(E).FromDouble(low + (high - low) * u);
            }
        }
    }

    /// <summary>Normal(mean, std) by Box–Muller from two counter-based uniforms per element.</summary>
    public static void Normal<T, E>(Index1D i, ArrayView<T> z, ulong seed, double mean, double std, long threads)
        where T : unmanaged where E : struct, IGpuElement<T>
    {
        for (long k = i; k < z.Length; k += threads)
        {
            ulong counter = (ulong)k * 2UL;
            double u1 = 1.0 - Unit(Mix(seed, counter));          // (0, 1]: log stays finite
            double u2 = Unit(Mix(seed, counter + 1UL));
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            z[k] = default(E).FromDouble(mean + std * r * Math.Cos(2.0 * Math.PI * u2));
        }
    }

    /// <summary>SplitMix64's finaliser of <c>seed + (counter + 1) * golden</c>.</summary>
    public static ulong Mix(ulong seed, ulong counter)
    {
        ulong z = seed + (counter + 1UL) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The top 53 bits as a double in [0, 1).</summary>
    public static double Unit(ulong bits) => (bits >> 11) * (1.0 / 9007199254740992.0);
}
