using System.Numerics;

namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// Bluestein's chirp-z transform: a length-n DFT as a cyclic convolution of length m ≥ 2n - 1 with only factors 2, 3
/// and 5, so lengths with large prime factors (1,000,003) cost three transforms of a smooth length instead of O(n²).
/// </summary>
internal sealed class Bluestein
{
    private readonly int _n, _m;
    private readonly Complex[] _chirp;     // exp(-πi·k²/n)
    private readonly Complex[] _kernel;    // the transform of the conjugate chirp, wrapped, divided by m
    private readonly ComplexFftPlan _inner;

    public Bluestein(int n)
    {
        _n = n;
        _m = SmoothAtLeast(2L * n - 1);
        _inner = ComplexFftPlan.For(_m);
        _chirp = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            // k² mod 2n keeps the angle small, so the chirp of large k is as accurate as that of small k.
            long k2 = (long)k * k % (2L * n);
            (double sin, double cos) = Math.SinCos(-Math.PI * k2 / n);
            _chirp[k] = new Complex(cos, sin);
        }
        _kernel = new Complex[_m];
        double scale = 1.0 / _m;
        _kernel[0] = Complex.Conjugate(_chirp[0]) * scale;
        for (int k = 1; k < n; k++) _kernel[k] = _kernel[_m - k] = Complex.Conjugate(_chirp[k]) * scale;
        _inner.Forward(_kernel, new Complex[_inner.ScratchLength]);
    }

    public int ScratchLength => _m + _inner.ScratchLength;

    public void Forward(Span<Complex> data, Span<Complex> scratch)
    {
        Span<Complex> a = scratch[.._m], inner = scratch[_m..];
        for (int k = 0; k < _n; k++) a[k] = data[k] * _chirp[k];
        a[_n..].Clear();
        _inner.Forward(a, inner);
        for (int k = 0; k < _m; k++) a[k] *= _kernel[k];
        _inner.Inverse(a, inner);
        for (int k = 0; k < _n; k++) data[k] = a[k] * _chirp[k];
    }

    /// <summary>The smallest 2^a·3^b·5^c at least <paramref name="minimum"/>.</summary>
    internal static int SmoothAtLeast(long minimum)
    {
        long best = long.MaxValue;
        for (long p5 = 1; p5 < 2 * minimum; p5 *= 5)
            for (long p35 = p5; p35 < 2 * minimum; p35 *= 3)
            {
                long v = p35;
                while (v < minimum) v *= 2;
                if (v < best) best = v;
            }
        return checked((int)best);
    }
}
