using System.Numerics;

namespace ArrayDispatch.Dense.Tests.Fft;

/// <summary>The O(n²) definition of the DFT, the reference the fast transforms are checked against.</summary>
internal static class NaiveDft
{
    public static Complex[] Transform(ReadOnlySpan<Complex> x, bool inverse = false)
    {
        int n = x.Length;
        var y = new Complex[n];
        double sign = inverse ? 2 : -2;
        for (int k = 0; k < n; k++)
        {
            Complex sum = 0;
            for (int j = 0; j < n; j++)
            {
                (double sin, double cos) = Math.SinCos(sign * Math.PI * ((long)j * k % n) / n);
                sum += x[j] * new Complex(cos, sin);
            }
            y[k] = sum;
        }
        return y;
    }

    public static Complex[] RandomComplex(Random random, int n)
    {
        var x = new Complex[n];
        for (int i = 0; i < n; i++) x[i] = new Complex(random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1);
        return x;
    }

    /// <summary>max |a - b| / max |b|, the error measure that does not blow up on near-zero terms.</summary>
    public static double RelErr(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        double err = 0, scale = 1e-300;
        for (int i = 0; i < b.Length; i++)
        {
            err = Math.Max(err, Complex.Abs(a[i] - b[i]));
            scale = Math.Max(scale, Complex.Abs(b[i]));
        }
        return err / scale;
    }
}
