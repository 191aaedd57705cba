using ILGPU;
using ILGPU.Runtime;
using C = System.Numerics.Complex;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The device kernels of numpy.fft. Arrays are complex128, C-contiguous, seen as (outer, length, inner): a line is
/// (o, i), its element k at <c>(o·length + k)·inner + i</c>, so any axis transforms in place without a transpose. Every
/// kernel is a grid-stride loop over all lines at once (one launch per Stockham stage for all the lines).
/// </summary>
internal static class FftKernels
{
    private static C Mul(C a, C b) => new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary><c>dst (outer, n, inner)</c> from <c>src (outer, len, inner)</c>: cropped or zero-padded along the middle axis.</summary>
    public static void Resize(Index1D t, ArrayView<C> src, ArrayView<C> dst, long len, long n, long inner, long total, long threads)
    {
        for (long e = t; e < total; e += threads)
        {
            long i = e % inner, k = (e / inner) % n, o = e / (inner * n);
            dst[e] = k < len ? src[(o * len + k) * inner + i] : default;
        }
    }

    /// <summary>The twiddles <c>exp(sign·2πik/n)</c>, k &lt; the table's length (3n/4 covers the radix-4 stages).</summary>
    public static void Twiddles(Index1D t, ArrayView<C> w, long n, double sign, long threads)
    {
        for (long k = t; k < w.Length; k += threads)
        {
            double angle = 2 * Math.PI * k / n;
            w[k] = new C(Math.Cos(angle), sign * Math.Sin(angle));
        }
    }

    /// <summary>
    /// One radix-2 Stockham stage (span <paramref name="p"/> = 1, 2, 4, … n/2) over every line: butterfly j reads
    /// elements j and j + n/2 and writes <c>(j / p)·2p + j mod p</c> and that + p, so the output needs no bit reversal.
    /// </summary>
    public static void Stockham(Index1D t, ArrayView<C> src, ArrayView<C> dst, ArrayView<C> twiddles, long n, long p, long inner, long butterflies, long threads)
    {
        long half = n / 2;
        for (long b = t; b < butterflies; b += threads)
        {
            long i = b % inner, j = (b / inner) % half, o = b / (inner * half);
            long line = o * n * inner + i;
            long r = j % p;
            C x0 = src[line + j * inner], x1 = Mul(src[line + (j + half) * inner], twiddles[r * (half / p)]);
            long d = (j - r) * 2 + r;
            dst[line + d * inner] = x0 + x1;
            dst[line + (d + p) * inner] = x0 - x1;
        }
    }

    /// <summary>
    /// One radix-4 Stockham stage (span <paramref name="p"/> = 1, 4, 16, …) over every line: butterfly j reads elements
    /// j + r·n/4 (r &lt; 4), twiddles them by <c>exp(sign·2πi·r·(j mod p)/(4p))</c>, takes their 4-point DFT and writes
    /// <c>(j / p)·4p + j mod p + r·p</c>. Half the launches and memory passes of radix 2.
    /// </summary>
    public static void Stockham4(Index1D t, ArrayView<C> src, ArrayView<C> dst, ArrayView<C> twiddles, long n, long p, long inner, double sign, long butterflies, long threads)
    {
        long quarter = n / 4;
        for (long b = t; b < butterflies; b += threads)
        {
            long i = b % inner, j = (b / inner) % quarter, o = b / (inner * quarter);
            long line = o * n * inner + i;
            long r = j % p, step = r * (quarter / p);
            C v0 = src[line + j * inner];
            C v1 = Mul(src[line + (j + quarter) * inner], twiddles[step]);
            C v2 = Mul(src[line + (j + 2 * quarter) * inner], twiddles[2 * step]);
            C v3 = Mul(src[line + (j + 3 * quarter) * inner], twiddles[3 * step]);
            C a0 = v0 + v2, a1 = v0 - v2, a2 = v1 + v3, d = v1 - v3;
            C a3 = new(-sign * d.Imaginary, sign * d.Real);    // (v1 - v3) · (sign · i)
            long at = (j - r) * 4 + r;
            dst[line + at * inner] = a0 + a2;
            dst[line + (at + p) * inner] = a1 + a3;
            dst[line + (at + 2 * p) * inner] = a0 - a2;
            dst[line + (at + 3 * p) * inner] = a1 - a3;
        }
    }

    /// <summary>The chirp <c>exp(sign·πik²/n)</c>, k &lt; length, with k² reduced modulo 2n first so large k keep their precision.</summary>
    public static void Chirp(Index1D t, ArrayView<C> w, long n, double sign, long threads)
    {
        for (long k = t; k < w.Length; k += threads)
        {
            long k2 = (k * k) % (2 * n);
            double angle = Math.PI * k2 / n;
            w[k] = new C(Math.Cos(angle), sign * Math.Sin(angle));
        }
    }

    /// <summary>Bluestein's filter line of length m: <c>conj(chirp)</c> at k and m - k for k &lt; n, zero between.</summary>
    public static void Filter(Index1D t, ArrayView<C> b, ArrayView<C> chirp, long n, long m, long threads)
    {
        for (long k = t; k < m; k += threads)
        {
            long j = k < n ? k : m - k < n ? m - k : -1;
            b[k] = j < 0 ? default : C.Conjugate(chirp[j]);
        }
    }

    /// <summary><c>dst (outer, m, inner)</c> = <c>src (outer, n, inner)</c> times the chirp, zero beyond n.</summary>
    public static void ChirpIn(Index1D t, ArrayView<C> src, ArrayView<C> dst, ArrayView<C> chirp, long n, long m, long inner, long total, long threads)
    {
        for (long e = t; e < total; e += threads)
        {
            long i = e % inner, k = (e / inner) % m, o = e / (inner * m);
            dst[e] = k < n ? Mul(src[(o * n + k) * inner + i], chirp[k]) : default;
        }
    }

    /// <summary>Every line of <c>a (outer, m, inner)</c> times the line <paramref name="filter"/>, pointwise.</summary>
    public static void Pointwise(Index1D t, ArrayView<C> a, ArrayView<C> filter, long m, long inner, long total, long threads)
    {
        for (long e = t; e < total; e += threads) a[e] = Mul(a[e], filter[(e / inner) % m]);
    }

    /// <summary><c>dst (outer, n, inner)</c> = the first n of <c>src (outer, m, inner)</c> times the chirp and <paramref name="scale"/>.</summary>
    public static void ChirpOut(Index1D t, ArrayView<C> src, ArrayView<C> dst, ArrayView<C> chirp, long n, long m, long inner, double scale, long total, long threads)
    {
        for (long e = t; e < total; e += threads)
        {
            long i = e % inner, k = (e / inner) % n, o = e / (inner * n);
            C v = Mul(src[(o * m + k) * inner + i], chirp[k]);
            dst[e] = new C(v.Real * scale, v.Imaginary * scale);
        }
    }

    public static void Scale(Index1D t, ArrayView<C> a, double scale, long threads)
    {
        for (long e = t; e < a.Length; e += threads) a[e] = new C(a[e].Real * scale, a[e].Imaginary * scale);
    }

    /// <summary>
    /// The Hermitian spectrum of length n that irfft/hfft invert: <c>src (outer, len, inner)</c> cropped or padded to
    /// n/2 + 1 values (conjugated first for hfft), the rest their mirrored conjugates.
    /// </summary>
    public static void Hermitian(Index1D t, ArrayView<C> src, ArrayView<C> dst, long len, long n, long inner, long conjugate, long total, long threads)
    {
        long h = n / 2 + 1;
        for (long e = t; e < total; e += threads)
        {
            long i = e % inner, k = (e / inner) % n, o = e / (inner * n);
            long j = k < h ? k : n - k;
            C v = j < len ? src[(o * len + j) * inner + i] : default;
            if (conjugate != 0) v = C.Conjugate(v);
            dst[e] = k < h ? v : C.Conjugate(v);
        }
    }
}
