using System.Numerics;

namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// A complex discrete Fourier transform of one length: mixed radix (4, 2, 3, 5 and small primes up to 13) as a
/// Stockham autosort FFT, which needs no bit reversal and reads and writes every stage in order, or Bluestein's chirp-z
/// transform when the length has a larger prime factor, so every length costs O(n log n).
/// </summary>
/// <remarks>
/// Hand-written rather than taken from a package. MathNet.Numerics' Fourier (5.0.0) transforms whole arrays in its own
/// layouts, so every strided line of an n-d array would be copied in and out around it, with its own scratch and
/// scaling, and it would add a dependency to the reference backend; FftSharp targets power-of-two lengths. Owning the
/// loops lets Dense gather lines (cropped or zero-padded) straight into one scratch buffer per thread, scale on the way
/// out, and cache plans process-wide; MathNet's speed was not measured against this (the bar is NumPy's
/// pocketfft, measured in bench/Dense "quick fft"). Both precisions are computed in double (complex64 results are
/// rounded once at the end): float32 results are more accurate than single-precision pocketfft's, at the cost of the
/// float32 speed-up.
/// </remarks>
internal sealed class ComplexFftPlan
{
    // Plans are immutable once built; Lazy gives one build per length however many threads ask at once.
    private static readonly PlanCache<ComplexFftPlan> s_cache = new(static n => new ComplexFftPlan(n));

    private const int LargestRadix = 13;

    private readonly int[] _radices;
    private readonly Complex[][] _twiddles;   // per stage p: w_len^(j*k) at [j*(p-1) + k-1], len the stage's sub-length
    private readonly Complex[][] _roots;      // per stage: the p-th roots of unity, for the generic butterfly
    private readonly Bluestein? _bluestein;

    /// <summary>The plan for length <paramref name="n"/>, built once while it is among the last PlanCache.Capacity lengths used, and shared by every thread.</summary>
    public static ComplexFftPlan For(int n) => s_cache.For(n);

    /// <summary>The number of plans built (tests check the cache builds each length once).</summary>
    internal static int CachedCount => s_cache.Count;

    private ComplexFftPlan(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "an FFT length must be positive");
        Length = n;
        List<int>? radices = Factor(n);
        if (radices is null)
        {
            _bluestein = new Bluestein(n);
            _radices = [];
            _twiddles = [];
            _roots = [];
            ScratchLength = _bluestein.ScratchLength;
            return;
        }
        _radices = radices.ToArray();
        _twiddles = new Complex[_radices.Length][];
        _roots = new Complex[_radices.Length][];
        int len = n;
        for (int i = 0; i < _radices.Length; i++)
        {
            int p = _radices[i], m = len / p;
            var tw = new Complex[m * (p - 1)];
            for (int j = 0; j < m; j++)
                for (int k = 1; k < p; k++) tw[j * (p - 1) + k - 1] = Root((long)j * k, len);
            _twiddles[i] = tw;
            var roots = new Complex[p];
            for (int t = 0; t < p; t++) roots[t] = Root(t, p);
            _roots[i] = roots;
            len = m;
        }
        ScratchLength = n;
    }

    /// <summary>The transform length.</summary>
    public int Length { get; }

    /// <summary>The length of the scratch span <see cref="Forward"/> and <see cref="Inverse"/> need.</summary>
    public int ScratchLength { get; }

    /// <summary>exp(-2πi·k/n), with k reduced modulo n first so large products stay accurate.</summary>
    internal static Complex Root(long k, long n)
    {
        (double sin, double cos) = Math.SinCos(-2.0 * Math.PI * (k % n) / n);
        return new Complex(cos, sin);
    }

    // The radices in the order the stages run, or null when a prime factor is above LargestRadix (Bluestein).
    private static List<int>? Factor(int n)
    {
        var radices = new List<int>();
        while (n % 4 == 0) { radices.Add(4); n /= 4; }
        while (n % 2 == 0) { radices.Add(2); n /= 2; }
        for (int p = 3; p <= LargestRadix && n > 1; p += 2)
            while (n % p == 0) { radices.Add(p); n /= p; }
        return n == 1 ? radices : null;
    }

    /// <summary>The unnormalized forward transform (exp(-2πi·jk/n)) of <paramref name="data"/>, in place.</summary>
    public void Forward(Span<Complex> data, Span<Complex> scratch)
    {
        if (_bluestein is not null) { _bluestein.Forward(data, scratch); return; }
        Span<Complex> x = data, y = scratch[..Length];
        int s = 1, len = Length;
        for (int i = 0; i < _radices.Length; i++)
        {
            int p = _radices[i], m = len / p;
            switch (p)
            {
                case 2: Butterflies.Radix2(m, s, x, y, _twiddles[i]); break;
                case 3: Butterflies.Radix3(m, s, x, y, _twiddles[i]); break;
                case 4: Butterflies.Radix4(m, s, x, y, _twiddles[i]); break;
                case 5: Butterflies.Radix5(m, s, x, y, _twiddles[i]); break;
                default: Butterflies.Generic(p, m, s, x, y, _twiddles[i], _roots[i]); break;
            }
            Span<Complex> t = x; x = y; y = t;
            len = m;
            s *= p;
        }
        if (_radices.Length % 2 == 1) x.CopyTo(data);
    }

    /// <summary>The unnormalized inverse transform (exp(+2πi·jk/n)) of <paramref name="data"/>, in place: conj(F(conj(x))).</summary>
    public void Inverse(Span<Complex> data, Span<Complex> scratch)
    {
        Conjugate(data);
        Forward(data, scratch);
        Conjugate(data);
    }

    internal static void Conjugate(Span<Complex> data)
    {
        for (int i = 0; i < data.Length; i++) data[i] = Complex.Conjugate(data[i]);
    }
}
