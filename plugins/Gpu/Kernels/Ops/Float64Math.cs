using ILGPU;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Float64 functions written out for kernels. ILGPU 1.5.3 has no hardware path for double <c>exp</c> (PTX has none, and
/// without libdevice ILGPU falls back to a slow generic routine: exp float64 ran at 32 GB/s on an H100 against 1.9 TB/s
/// for add). This one is Cody–Waite range reduction plus a degree-13 polynomial: about 20 floating-point operations,
/// branch-free for finite inputs, within 1–2 ulp of the correctly rounded result.
/// </summary>
internal static class Float64Math
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01;   // 32 significant bits: k * Ln2Hi is exact for |k| < 2^11
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Overflow = 709.782712893384;
    private const double Underflow = -745.1332191019412;

    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > Overflow) return double.PositiveInfinity;
        if (x < Underflow) return 0.0;
        double kf = Math.Floor(x * Log2E + 0.5);
        double r = x - kf * Ln2Hi;
        r -= kf * Ln2Lo;                                       // |r| <= ln(2)/2
        // Taylor series of e^r to r^13 / 13! (the next term is below 2^-60 relative).
        double p = 1.0 / 6227020800.0;
        p = p * r + 1.0 / 479001600.0;
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        int k = (int)kf;                                       // -1075 ... 1024
        if (k < -1021) return p * Pow2(k + 54) * 5.551115123125783e-17;   // subnormal results: scale in two steps (2^-54)
        if (k > 1023) return p * Pow2(k - 1) * 2.0;
        return p * Pow2(k);
    }

    /// <summary>2^k for a normal exponent (-1022 ... 1023), built from its bits.</summary>
    private static double Pow2(int k) => Interop.IntAsFloat((ulong)(k + 1023) << 52);
}
