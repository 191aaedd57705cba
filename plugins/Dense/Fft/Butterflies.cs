using System.Numerics;
using System.Runtime.CompilerServices;

namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// One decimation-in-frequency Stockham stage per radix: for sub-length <c>p·m</c> and stride <c>s</c>, the p inputs
/// <c>x[q + s(j + r·m)]</c> go through a length-p DFT, are multiplied by the twiddles w^(j·k) and land at
/// <c>y[q + s(p·j + k)]</c>. Radices 2, 3, 4 and 5 are written out (fewer multiplications); other small primes use
/// the O(p²) generic butterfly.
/// </summary>
internal static class Butterflies
{
    // -i·z
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Complex MinusI(Complex z) => new(z.Imaginary, -z.Real);

    public static void Radix2(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        for (int j = 0; j < m; j++)
        {
            Complex w = tw[j];
            int i0 = s * j, i1 = s * (j + m), o = s * 2 * j;
            for (int q = 0; q < s; q++)
            {
                Complex a = x[i0 + q], b = x[i1 + q];
                y[o + q] = a + b;
                y[o + s + q] = (a - b) * w;
            }
        }
    }

    public static void Radix4(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        for (int j = 0; j < m; j++)
        {
            Complex w1 = tw[3 * j], w2 = tw[3 * j + 1], w3 = tw[3 * j + 2];
            int i0 = s * j, i1 = s * (j + m), i2 = s * (j + 2 * m), i3 = s * (j + 3 * m), o = s * 4 * j;
            for (int q = 0; q < s; q++)
            {
                Complex a = x[i0 + q], b = x[i1 + q], c = x[i2 + q], d = x[i3 + q];
                Complex apc = a + c, amc = a - c, bpd = b + d, jbmd = MinusI(b - d);
                y[o + q] = apc + bpd;
                y[o + s + q] = (amc + jbmd) * w1;
                y[o + 2 * s + q] = (apc - bpd) * w2;
                y[o + 3 * s + q] = (amc - jbmd) * w3;
            }
        }
    }

    public static void Radix3(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        const double Sin = 0.86602540378443864676;   // sin(2π/3)
        for (int j = 0; j < m; j++)
        {
            Complex w1 = tw[2 * j], w2 = tw[2 * j + 1];
            int i0 = s * j, i1 = s * (j + m), i2 = s * (j + 2 * m), o = s * 3 * j;
            for (int q = 0; q < s; q++)
            {
                Complex a = x[i0 + q], b = x[i1 + q], c = x[i2 + q];
                Complex t = b + c, u = a - 0.5 * t, v = MinusI(Sin * (b - c));
                y[o + q] = a + t;
                y[o + s + q] = (u + v) * w1;
                y[o + 2 * s + q] = (u - v) * w2;
            }
        }
    }

    public static void Radix5(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw)
    {
        const double C1 = 0.30901699437494742410, C2 = -0.80901699437494742410;   // cos(2π/5), cos(4π/5)
        const double S1 = 0.95105651629515357212, S2 = 0.58778525229247312917;    // sin(2π/5), sin(4π/5)
        for (int j = 0; j < m; j++)
        {
            int t0 = 4 * j;
            Complex w1 = tw[t0], w2 = tw[t0 + 1], w3 = tw[t0 + 2], w4 = tw[t0 + 3];
            int i0 = s * j, i1 = s * (j + m), i2 = s * (j + 2 * m), i3 = s * (j + 3 * m), i4 = s * (j + 4 * m), o = s * 5 * j;
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[i0 + q], a1 = x[i1 + q], a2 = x[i2 + q], a3 = x[i3 + q], a4 = x[i4 + q];
                Complex t1 = a1 + a4, t2 = a2 + a3, t3 = a1 - a4, t4 = a2 - a3;
                Complex r1 = a0 + C1 * t1 + C2 * t2, r2 = a0 + C2 * t1 + C1 * t2;
                Complex i1v = MinusI(S1 * t3 + S2 * t4), i2v = MinusI(S2 * t3 - S1 * t4);
                y[o + q] = a0 + t1 + t2;
                y[o + s + q] = (r1 + i1v) * w1;
                y[o + 2 * s + q] = (r2 + i2v) * w2;
                y[o + 3 * s + q] = (r2 - i2v) * w3;
                y[o + 4 * s + q] = (r1 - i1v) * w4;
            }
        }
    }

    public static void Generic(int p, int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, ReadOnlySpan<Complex> tw, ReadOnlySpan<Complex> roots)
    {
        Span<Complex> a = stackalloc Complex[p];
        for (int j = 0; j < m; j++)
        {
            int o = s * p * j;
            for (int q = 0; q < s; q++)
            {
                for (int r = 0; r < p; r++) a[r] = x[s * (j + r * m) + q];
                for (int k = 0; k < p; k++)
                {
                    Complex sum = a[0];
                    for (int r = 1, e = k; r < p; r++, e = (e + k) % p) sum += a[r] * roots[e];
                    y[o + k * s + q] = k == 0 ? sum : sum * tw[j * (p - 1) + k - 1];
                }
            }
        }
    }
}
