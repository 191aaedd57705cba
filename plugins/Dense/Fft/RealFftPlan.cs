using System.Numerics;

namespace ArrayDispatch.Dense.Fft;

/// <summary>
/// The transform of real input of one length and its inverse. An even length n runs as a complex transform of length
/// n/2 of the packed pairs <c>x[2k] + i·x[2k+1]</c> and one pass that splits the even and odd halves apart, about half
/// the work of a complex transform; an odd length runs the full complex transform.
/// </summary>
internal sealed class RealFftPlan
{
    private static readonly PlanCache<RealFftPlan> s_cache = new(static n => new RealFftPlan(n));

    private readonly ComplexFftPlan _complex;   // length n/2 for even n, n for odd n
    private readonly Complex[] _w;              // exp(-2πi·k/n), k ≤ n/4, for even n

    /// <summary>The plan for length <paramref name="n"/>, built once while it is among the last PlanCache.Capacity lengths used.</summary>
    public static RealFftPlan For(int n) => s_cache.For(n);

    private RealFftPlan(int n)
    {
        Length = n;
        Even = n % 2 == 0;
        _complex = ComplexFftPlan.For(Even ? n / 2 : n);
        _w = new Complex[Even ? n / 2 + 1 : 0];
        for (int k = 0; k < _w.Length; k++) _w[k] = ComplexFftPlan.Root(k, n);
        ScratchLength = Even ? n / 2 + _complex.ScratchLength : n + _complex.ScratchLength;
    }

    /// <summary>The real length n.</summary>
    public int Length { get; }

    private bool Even { get; }

    /// <summary>The number of complex terms, n/2 + 1.</summary>
    public int HalfLength => Length / 2 + 1;

    /// <summary>The scratch length <see cref="Forward"/> and <see cref="Inverse"/> need.</summary>
    public int ScratchLength { get; }

    /// <summary>The unnormalized forward transform of <paramref name="x"/> (length n) into <paramref name="spectrum"/> (length n/2 + 1).</summary>
    public void Forward(ReadOnlySpan<double> x, Span<Complex> spectrum, Span<Complex> scratch)
    {
        int n = Length;
        if (!Even)
        {
            Span<Complex> full = scratch[..n];
            for (int k = 0; k < n; k++) full[k] = x[k];
            _complex.Forward(full, scratch[n..]);
            full[..HalfLength].CopyTo(spectrum);
            return;
        }
        int h = n / 2;
        Span<Complex> z = spectrum[..h];
        for (int k = 0; k < h; k++) z[k] = new Complex(x[2 * k], x[2 * k + 1]);
        _complex.Forward(z, scratch);
        Complex z0 = z[0];
        spectrum[0] = z0.Real + z0.Imaginary;
        spectrum[h] = z0.Real - z0.Imaginary;
        // X_k = E_k + w^k·O_k with E_k = (Z_k + conj Z_{h-k})/2, O_k = (Z_k - conj Z_{h-k})/(2i); X_{h-k} uses the
        // conjugates of the same E_k and O_k, so each pair is rewritten in place together.
        for (int k = 1; 2 * k <= h; k++)
        {
            Complex zk = z[k], zm = Complex.Conjugate(z[h - k]);
            Complex e = 0.5 * (zk + zm), o = new Complex(0.5 * (zk.Imaginary - zm.Imaginary), -0.5 * (zk.Real - zm.Real));
            spectrum[k] = e + _w[k] * o;
            spectrum[h - k] = Complex.Conjugate(e) + _w[h - k] * Complex.Conjugate(o);
        }
    }

    /// <summary>
    /// The unnormalized inverse (n times the real signal whose transform is <paramref name="spectrum"/>), from n/2 + 1
    /// terms; the imaginary parts of the zero term (and of the Nyquist term of an even length) are ignored, as pocketfft does.
    /// </summary>
    public void Inverse(ReadOnlySpan<Complex> spectrum, Span<double> x, Span<Complex> scratch)
    {
        int n = Length;
        if (!Even)
        {
            Span<Complex> full = scratch[..n];
            full[0] = spectrum[0].Real;
            for (int k = 1; k < HalfLength; k++)
            {
                full[k] = spectrum[k];
                full[n - k] = Complex.Conjugate(spectrum[k]);
            }
            _complex.Inverse(full, scratch[n..]);
            for (int k = 0; k < n; k++) x[k] = full[k].Real;
            return;
        }
        int h = n / 2;
        Span<Complex> z = scratch[..h];
        // Z_k = 2E_k + 2i·O_k rebuilds the packed half-length transform from X_k and conj X_{h-k}.
        for (int k = 0; k < h; k++)
        {
            Complex xk = k == 0 ? spectrum[0].Real : spectrum[k];
            Complex xm = Complex.Conjugate(h - k == h ? spectrum[h].Real : spectrum[h - k]);
            Complex d = (xk - xm) * Complex.Conjugate(_w[k]);
            z[k] = xk + xm + new Complex(-d.Imaginary, d.Real);
        }
        _complex.Inverse(z, scratch[h..]);
        for (int k = 0; k < h; k++)
        {
            x[2 * k] = z[k].Real;
            x[2 * k + 1] = z[k].Imaginary;
        }
    }
}
