using System.Numerics;
using System.Runtime.CompilerServices;

namespace ArrayDispatch.Ufuncs;

/// <summary>
/// NumPy's complex loops, written once for both complex element types (<see cref="Complex64"/> and
/// <see cref="System.Numerics.Complex"/>): each function computes on the parts in double precision and rounds once per
/// part to the element type, as <see cref="Complex64"/>'s own arithmetic does. The formulas are NumPy's where NumPy writes
/// its own (<c>nc_pow</c>, <c>nc_expm1</c>, <c>nc_log1p</c>, the arithmetic, division and comparison loops) and C99
/// Annex G's where NumPy calls the C library (<c>csqrt</c>, <c>cexp</c>, <c>clog</c>), with Kahan's formulas for the
/// inverse functions, so the branch cuts (the negative real axis for sqrt and log, the real axis outside [-1, 1] for
/// arcsin, arccos and arctanh, the imaginary axis outside [-i, i] for arctan and arcsinh) take the side the sign of a
/// zero part names.
/// </summary>
public static class ComplexFunctions
{
    private const double Ln2 = 0.693147180559945309417232121458176568;
    private const double Log2E = 1.442695040888963407359924681001892137;
    private const double Log10E = 0.434294481903251827651128918916605082;

    /// <summary>The real part, widened exactly to double (a float32 or float64 is its own real part; other real types read as NaN).</summary>
    public static double Re<T>(T z) where T : INumberBase<T>
    {
        // The element type is told apart by a static readonly value and the parts read through Unsafe.As, not by typeof
        // tests and boxing: ILGPU compiles this (and so every op's Complex loop) into device kernels, where System.Type
        // and boxes do not exist; its constant value folds the branches away.
        if (ComplexKind<T>.Value == 2) return Unsafe.As<T, Complex>(ref z).Real;
        if (ComplexKind<T>.Value == 1) return Unsafe.As<T, Complex64>(ref z).Real;
        // No generic conversion here: ILGPU compiles every call a kernel's code names, reachable or not.
        if (ComplexKind<T>.Value == 3) return Unsafe.As<T, double>(ref z);
        if (ComplexKind<T>.Value == 4) return Unsafe.As<T, float>(ref z);
        return double.NaN;
    }

    /// <summary>The imaginary part, widened exactly to double (0 for a real type).</summary>
    public static double Im<T>(T z) where T : INumberBase<T>
    {
        if (ComplexKind<T>.Value == 2) return Unsafe.As<T, Complex>(ref z).Imaginary;
        if (ComplexKind<T>.Value == 1) return Unsafe.As<T, Complex64>(ref z).Imaginary;
        return 0;
    }

    /// <summary>The value of a complex element type as <see cref="Complex"/> (exact).</summary>
    public static Complex Widen<T>(T z) where T : INumberBase<T> => new(Re(z), Im(z));

    /// <summary><c>re + im·j</c> in the complex element type <typeparamref name="T"/>, each part rounded once.</summary>
    /// <remarks><typeparamref name="T"/> must be <see cref="Complex"/> or <see cref="Complex64"/>; any other type gives its default (no throw: the kernels that compile this cannot throw).</remarks>
    public static T Create<T>(double re, double im) where T : INumberBase<T>
    {
        if (ComplexKind<T>.Value == 2)
        {
            var z = new Complex(re, im);
            return Unsafe.As<Complex, T>(ref z);
        }
        if (ComplexKind<T>.Value == 1)
        {
            var z = new Complex64((float)re, (float)im);
            return Unsafe.As<Complex64, T>(ref z);
        }
        return default!;
    }

    /// <summary><paramref name="z"/> in the complex element type <typeparamref name="T"/>.</summary>
    public static T Narrow<T>(Complex z) where T : INumberBase<T> => Create<T>(z.Real, z.Imaginary);

    // ---- arithmetic (NumPy's loops) ----

    /// <summary>The product as NumPy's loop computes it: <c>(ac - bd) + (ad + bc)j</c>, without special cases.</summary>
    public static Complex Multiply(Complex x, Complex y) =>
        new(x.Real * y.Real - x.Imaginary * y.Imaginary, x.Real * y.Imaginary + x.Imaginary * y.Real);

    /// <summary>The quotient by Smith's method, as NumPy's division loop (a zero divisor gives inf or NaN parts).</summary>
    public static Complex Divide(Complex x, Complex y)
    {
        double ar = x.Real, ai = x.Imaginary, br = y.Real, bi = y.Imaginary;
        double abr = Math.Abs(br), abi = Math.Abs(bi);
        if (abr >= abi)
        {
            if (abr == 0 && abi == 0) return new(ar / abr, ai / abi);
            double rat = bi / br, scl = 1.0 / (br + bi * rat);
            return new((ar + ai * rat) * scl, (ai - ar * rat) * scl);
        }
        else
        {
            double rat = br / bi, scl = 1.0 / (bi + br * rat);
            return new((ar * rat + ai) * scl, (ai * rat - ar) * scl);
        }
    }

    /// <summary><c>1 / z</c> as NumPy's reciprocal loop (Smith's method with a numerator of 1).</summary>
    public static Complex Reciprocal(Complex z)
    {
        double r = z.Real, i = z.Imaginary;
        if (Math.Abs(i) <= Math.Abs(r))
        {
            double q = i / r, d = r + i * q;
            return new(1 / d, -q / d);
        }
        else
        {
            double q = r / i, d = r * q + i;
            return new(q / d, -1 / d);
        }
    }

    /// <summary><c>x ** y</c> as NumPy's <c>nc_pow</c>: <c>z ** 0</c> is 1, <c>0 ** y</c> is 0 for real positive y and NaN otherwise, small integer exponents by repeated multiplication, else <c>exp(y log x)</c>.</summary>
    public static Complex Power(Complex x, Complex y)
    {
        double ar = x.Real, ai = x.Imaginary, br = y.Real, bi = y.Imaginary;
        if (br == 0 && bi == 0) return new(1, 0);
        if (ar == 0 && ai == 0)
        {
            return br > 0 && bi == 0 ? new(0, 0) : new(double.NaN, double.NaN);
        }
        if (bi == 0 && br >= -100 && br <= 100 && br == Math.Truncate(br))
        {
            int n = (int)br;
            if (n == 1) return x;
            if (n == 2) return Multiply(x, x);
            if (n == 3) return Multiply(Multiply(x, x), x);
            int m = n < 0 ? -n : n;
            Complex aa = new(1, 0), p = x;
            int mask = 1;
            while (true)
            {
                if ((m & mask) != 0) aa = Multiply(aa, p);
                mask <<= 1;
                if (m < mask || mask <= 0) break;
                p = Multiply(p, p);
            }
            return br < 0 ? Divide(new(1, 0), aa) : aa;
        }
        return Exp(Multiply(y, Log(x)));
    }

    /// <summary>
    /// <see cref="Power"/> for complex64, as NumPy's <c>nc_powf</c>: the small integer exponents' repeated multiplications
    /// round every product and sum to float32, so a product that overflows float32 is inf there and the next one's
    /// <c>inf - inf</c> NaN (NumPy's <c>(18.3+2.4j) ** 40</c> in complex64 is nan+nanj; one double-precision pass rounded at
    /// the end gave inf-infj); other exponents as <see cref="Power"/>, rounded once.
    /// </summary>
    internal static Complex PowerSingle(Complex x, Complex y)
    {
        double br = y.Real, bi = y.Imaginary;
        if (br == 0 && bi == 0) return new(1, 0);
        if (x.Real == 0 && x.Imaginary == 0) return Power(x, y);
        if (bi == 0 && br >= -100 && br <= 100 && br == Math.Truncate(br))
        {
            int n = (int)br;
            if (n == 1) return x;
            if (n == 2) return MultiplySingle(x, x);
            if (n == 3) return MultiplySingle(MultiplySingle(x, x), x);
            int m = n < 0 ? -n : n;
            Complex aa = new(1, 0), p = x;
            int mask = 1;
            while (true)
            {
                if ((m & mask) != 0) aa = MultiplySingle(aa, p);
                mask <<= 1;
                if (m < mask || mask <= 0) break;
                p = MultiplySingle(p, p);
            }
            return br < 0 ? Divide(new(1, 0), aa) : aa;
        }
        return Power(x, y);
    }

    // A complex64 product as float32 arithmetic computes it: each product of float32 parts is exact in double, then rounded
    // to float32 as the float multiply rounds it; the sum or difference rounded again.
    private static Complex MultiplySingle(Complex x, Complex y)
    {
        float rr = (float)(x.Real * y.Real), ii = (float)(x.Imaginary * y.Imaginary);
        float ri = (float)(x.Real * y.Imaginary), ir = (float)(x.Imaginary * y.Real);
        return new((float)(rr - ii), (float)(ri + ir));
    }

    // ---- magnitude, sign ----

    /// <summary><c>|z|</c> as C's <c>cabs</c>: infinite when a part is, even beside a NaN.</summary>
    public static double Abs(Complex z)
    {
        double r = z.Real, i = z.Imaginary;
        if (double.IsInfinity(r) || double.IsInfinity(i)) return double.PositiveInfinity;
        if (double.IsNaN(r) || double.IsNaN(i)) return double.NaN;
        return Hypot(r, i);
    }

    /// <summary>NumPy 2's <c>sign</c>: <c>z / |z|</c>; 0 for 0, NaN for a NaN part, the direction of an infinite part.</summary>
    public static Complex Sign(Complex z)
    {
        double r = z.Real, i = z.Imaginary;
        if (double.IsNaN(r) || double.IsNaN(i)) return new(double.NaN, double.NaN);
        if (double.IsInfinity(r))
        {
            if (double.IsInfinity(i)) return new(double.NaN, double.NaN);
            return new(r > 0 ? 1 : -1, 0);
        }
        if (double.IsInfinity(i)) return new(0, i > 0 ? 1 : -1);
        double a = Hypot(r, i);
        return a == 0 ? new(0, 0) : new(r / a, i / a);
    }

    /// <summary>The angle of <paramref name="z"/> in radians, <c>atan2(im, re)</c>.</summary>
    public static double Angle(Complex z) => Math.Atan2(z.Imaginary, z.Real);

    // ---- exponentials and logarithms ----

    /// <summary><c>exp(z)</c> with C99's special values (<c>cexp</c>).</summary>
    public static Complex Exp(Complex z)
    {
        double a = z.Real, b = z.Imaginary;
        if (double.IsFinite(a))
        {
            if (b == 0) return new(Math.Exp(a), b);
            if (!double.IsFinite(b)) return new(double.NaN, double.NaN);
            double e = Math.Exp(a);
            if (double.IsInfinity(e))
            {
                // exp(a) overflows but exp(a) * cos(b) may not: scale by exp(a / 2) twice
                double h = Math.Exp(a / 2);
                return new(h * Math.Cos(b) * h, h * Math.Sin(b) * h);
            }
            return new(e * Math.Cos(b), e * Math.Sin(b));
        }
        if (double.IsInfinity(a))
        {
            if (a > 0)
            {
                if (b == 0) return new(a, b);
                if (!double.IsFinite(b)) return new(a, double.NaN);
                return new(a * Math.Cos(b), a * Math.Sin(b));
            }
            if (!double.IsFinite(b)) return new(0, 0);
            return new(0 * Math.Cos(b), 0 * Math.Sin(b));
        }
        // a is NaN
        return b == 0 ? new(a, b) : new(double.NaN, double.NaN);
    }

    /// <summary><c>2 ** z</c>: <c>exp(z ln 2)</c>, as NumPy's <c>nc_exp2</c>.</summary>
    public static Complex Exp2(Complex z) => Exp(new(z.Real * Ln2, z.Imaginary * Ln2));

    /// <summary><c>exp(z) - 1</c> as NumPy's <c>nc_expm1</c>: <c>expm1(x) cos(y) - 2 sin²(y/2)</c> + <c>exp(x) sin(y)</c>j.</summary>
    public static Complex Expm1(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        double a = Math.Sin(y / 2);
        return new(FloatFunctions.Expm1(x) * Math.Cos(y) - 2 * a * a, Math.Exp(x) * Math.Sin(y));
    }

    /// <summary><c>log(z)</c> with C99's special values (<c>clog</c>): the cut is the negative real axis, whose side the sign of a zero imaginary part names.</summary>
    public static Complex Log(Complex z)
    {
        double a = z.Real, b = z.Imaginary;
        double re;
        if (double.IsInfinity(a) || double.IsInfinity(b)) re = double.PositiveInfinity;
        else if (double.IsNaN(a) || double.IsNaN(b)) re = double.NaN;
        else
        {
            double ax = Math.Abs(a), ay = Math.Abs(b);
            double big = Math.Max(ax, ay), small = Math.Min(ax, ay);
            if (big == 0) re = double.NegativeInfinity;
            else if (big > 0.5 && big < 2 && small < 1)
            {
                // near |z| = 1: log(|z|) = log1p((big - 1)(big + 1) + small²) / 2, without the cancellation of log(hypot)
                re = FloatFunctions.Log1p((big - 1) * (big + 1) + small * small) / 2;
            }
            else re = Math.Log(Hypot(a, b));
        }
        return new(re, Math.Atan2(b, a));
    }

    /// <summary><c>log2(z)</c>: <c>log(z) / ln 2</c>, as NumPy's <c>nc_log2</c>.</summary>
    public static Complex Log2(Complex z)
    {
        Complex l = Log(z);
        return new(l.Real * Log2E, l.Imaginary * Log2E);
    }

    /// <summary><c>log10(z)</c>: <c>log(z) / ln 10</c>, as NumPy's <c>nc_log10</c>.</summary>
    public static Complex Log10(Complex z)
    {
        Complex l = Log(z);
        return new(l.Real * Log10E, l.Imaginary * Log10E);
    }

    /// <summary><c>log(1 + z)</c> as NumPy's <c>nc_log1p</c>: <c>log(|1 + z|) + atan2(y, 1 + x)</c>j.</summary>
    public static Complex Log1p(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        return new(Math.Log(Hypot(x + 1, y)), Math.Atan2(y, x + 1));
    }

    /// <summary><c>sqrt(z)</c> with C99's special values (<c>csqrt</c>): the cut is the negative real axis; the result's imaginary part has the sign of the input's.</summary>
    public static Complex Sqrt(Complex z)
    {
        double a = z.Real, b = z.Imaginary;
        if (a == 0 && b == 0) return new(0, b);
        if (double.IsInfinity(b)) return new(double.PositiveInfinity, b);
        if (double.IsNaN(a)) return new(a, double.NaN);
        if (double.IsInfinity(a))
        {
            // sqrt(-inf + yi) = 0 ± inf i (NaN real for a NaN y); sqrt(+inf + yi) = inf ± 0i (NaN imaginary for a NaN y)
            return a < 0 ? new(Math.Abs(b - b), double.CopySign(double.PositiveInfinity, b)) : new(a, double.CopySign(b - b, b));
        }
        if (double.IsNaN(b)) return new(double.NaN, double.NaN);
        const double Thresh = 7.446288774449766337959726e+307;   // above it a + hypot(a, b) could overflow
        bool scale = Math.Abs(a) >= Thresh || Math.Abs(b) >= Thresh;
        if (scale) { a *= 0.25; b *= 0.25; }
        Complex r;
        if (a >= 0)
        {
            double t = Math.Sqrt((a + Hypot(a, b)) * 0.5);
            r = new(t, b / (2 * t));
        }
        else
        {
            double t = Math.Sqrt((-a + Hypot(a, b)) * 0.5);
            r = new(Math.Abs(b) / (2 * t), double.CopySign(t, b));
        }
        return scale ? new(r.Real * 2, r.Imaginary * 2) : r;
    }

    // ---- trigonometric and hyperbolic functions ----

    /// <summary><c>sinh(z)</c>: <c>sinh(x) cos(y) + cosh(x) sin(y)</c>j (a zero imaginary part stays exactly).</summary>
    public static Complex Sinh(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (y == 0) return new(Math.Sinh(x), y);
        if (x == 0 && double.IsFinite(y)) return new(x, Math.Sin(y));
        return new(Math.Sinh(x) * Math.Cos(y), Math.Cosh(x) * Math.Sin(y));
    }

    /// <summary><c>cosh(z)</c>: <c>cosh(x) cos(y) + sinh(x) sin(y)</c>j.</summary>
    public static Complex Cosh(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (y == 0) return new(Math.Cosh(x), double.IsNaN(x) ? y : double.CopySign(0.0, x) * y);
        if (x == 0 && double.IsFinite(y)) return new(Math.Cos(y), x * y);
        return new(Math.Cosh(x) * Math.Cos(y), Math.Sinh(x) * Math.Sin(y));
    }

    /// <summary><c>tanh(z)</c> by Kahan's formula (as C libraries' <c>ctanh</c>), with the limit ±1 for large |x|.</summary>
    public static Complex Tanh(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (double.IsNaN(x)) return new(x, y == 0 ? y : double.NaN);
        if (double.IsInfinity(x))
        {
            return new(double.CopySign(1, x), double.IsFinite(y) ? double.CopySign(0, Math.Sin(y) * Math.Cos(y)) : double.CopySign(0, y));
        }
        if (!double.IsFinite(y)) return new(x == 0 ? x : double.NaN, double.NaN);
        if (Math.Abs(x) >= 22)
        {
            double e = Math.Exp(-Math.Abs(x));
            return new(double.CopySign(1, x), 4 * Math.Sin(y) * Math.Cos(y) * e * e);
        }
        double t = Math.Tan(y), beta = 1 + t * t, s = Math.Sinh(x), rho = Math.Sqrt(1 + s * s), denom = 1 + beta * s * s;
        return new(beta * rho * s / denom, t / denom);
    }

    /// <summary><c>sin(z) = -i sinh(iz)</c>.</summary>
    public static Complex Sin(Complex z) => FromTimesI(Sinh(TimesI(z)));

    /// <summary><c>cos(z) = cosh(iz)</c>.</summary>
    public static Complex Cos(Complex z) => Cosh(TimesI(z));

    /// <summary><c>tan(z) = -i tanh(iz)</c>.</summary>
    public static Complex Tan(Complex z) => FromTimesI(Tanh(TimesI(z)));

    /// <summary><c>arcsin(z)</c> by Kahan's formula: <c>atan(x / Re(√(1-z) √(1+z)))</c> + <c>asinh(Im(conj(√(1-z)) √(1+z)))</c>j; the cuts are the real axis beyond ±1.</summary>
    public static Complex Asin(Complex z)
    {
        if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary)) return FromTimesI(AsinhNonFinite(TimesI(z)));
        Complex s1 = Sqrt(OneMinus(z)), s2 = Sqrt(OnePlus(z));
        double re = Math.Atan(z.Real / (s1.Real * s2.Real - s1.Imaginary * s2.Imaginary));
        double im = Math.Asinh(s1.Real * s2.Imaginary - s1.Imaginary * s2.Real);
        return new(re, im);
    }

    /// <summary><c>arccos(z)</c> by Kahan's formula: <c>2 atan(Re √(1-z) / Re √(1+z))</c> + <c>asinh(Im(conj(√(1+z)) √(1-z)))</c>j.</summary>
    public static Complex Acos(Complex z)
    {
        if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary)) return AcosNonFinite(z.Real, z.Imaginary);
        Complex s1 = Sqrt(OneMinus(z)), s2 = Sqrt(OnePlus(z));
        double re = 2 * Math.Atan2(s1.Real, s2.Real);
        double im = Math.Asinh(s2.Real * s1.Imaginary - s2.Imaginary * s1.Real);
        return new(re, im);
    }

    /// <summary><c>arctan(z) = -i arctanh(iz)</c>; the cuts are the imaginary axis beyond ±i.</summary>
    public static Complex Atan(Complex z) => FromTimesI(Atanh(TimesI(z)));

    /// <summary><c>arcsinh(z) = -i arcsin(iz)</c>; the cuts are the imaginary axis beyond ±i.</summary>
    public static Complex Asinh(Complex z) =>
        !double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary) ? AsinhNonFinite(z) : FromTimesI(Asin(TimesI(z)));

    // C99 Annex G's special values (NumPy's npy_casinh, npy_cacos, npy_catanh) where a part is infinite or NaN: the
    // formulas above give NaN there (inf/inf), e.g. arcsin(-inf+0j) is -pi/2+infj, arctan(-inf+0j) is -pi/2+0j.

    /// <summary><c>casinh</c> of a non-finite z (odd and conjugate-symmetric).</summary>
    private static Complex AsinhNonFinite(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (double.IsNaN(x)) return new(double.IsInfinity(y) ? y : double.NaN, y == 0 ? y : double.NaN);
        if (double.IsNaN(y)) return new(double.IsInfinity(x) ? x : double.NaN, double.NaN);
        double im = double.IsInfinity(x) && double.IsInfinity(y) ? Math.PI / 4 : double.IsInfinity(x) ? 0 : Math.PI / 2;
        return new(double.CopySign(double.PositiveInfinity, x), double.CopySign(im, y));
    }

    /// <summary><c>cacos</c> of a non-finite z (conjugate-symmetric).</summary>
    private static Complex AcosNonFinite(double x, double y)
    {
        if (double.IsNaN(x)) return new(double.NaN, double.IsInfinity(y) ? -y : double.NaN);
        if (double.IsNaN(y)) return double.IsInfinity(x) ? new(double.NaN, double.NegativeInfinity) : new(x == 0 ? Math.PI / 2 : double.NaN, double.NaN);
        double re = double.IsInfinity(x) && double.IsInfinity(y) ? (x < 0 ? 3 * Math.PI / 4 : Math.PI / 4)
            : double.IsInfinity(x) ? (x < 0 ? Math.PI : 0) : Math.PI / 2;
        return new(re, double.CopySign(double.PositiveInfinity, -y));
    }

    /// <summary><c>catanh</c> of a non-finite z (odd and conjugate-symmetric).</summary>
    private static Complex AtanhNonFinite(double x, double y)
    {
        if (double.IsNaN(x)) return double.IsInfinity(y) ? new(double.CopySign(0, x), double.CopySign(Math.PI / 2, y)) : new(double.NaN, double.NaN);
        if (double.IsNaN(y)) return double.IsInfinity(x) || x == 0 ? new(double.CopySign(0, x), double.NaN) : new(double.NaN, double.NaN);
        return new(double.CopySign(0, x), double.CopySign(Math.PI / 2, y));
    }

    /// <summary><c>arccosh(z)</c> by Kahan's formula: <c>asinh(Re(conj(√(z-1)) √(z+1)))</c> + <c>2 atan(Im √(z-1) / Re √(z+1))</c>j; the cut is the real axis below 1.</summary>
    public static Complex Acosh(Complex z)
    {
        Complex s1 = Sqrt(new(z.Real - 1, z.Imaginary)), s2 = Sqrt(new(z.Real + 1, z.Imaginary));
        double re = Math.Asinh(s1.Real * s2.Real + s1.Imaginary * s2.Imaginary);
        double im = 2 * Math.Atan2(s1.Imaginary, s2.Real);
        return new(re, im);
    }

    /// <summary><c>arctanh(z)</c>: <c>log1p(4x / |1 - z|²) / 4</c> + <c>atan2(2y, (1 - x)(1 + x) - y²) / 2</c>j; the cuts are the real axis beyond ±1.</summary>
    public static Complex Atanh(Complex z)
    {
        double x = z.Real, y = z.Imaginary;
        if (!double.IsFinite(x) || !double.IsFinite(y)) return AtanhNonFinite(x, y);
        double ax = Math.Abs(x);
        double re;
        if (ax == 1 && y == 0) re = double.CopySign(double.PositiveInfinity, x);
        else
        {
            double d = (1 - ax) * (1 - ax) + y * y;
            re = double.CopySign(FloatFunctions.Log1p(4 * ax / d) / 4, x);
        }
        double im = Math.Atan2(2 * y, (1 - x) * (1 + x) - y * y) / 2;
        return new(re, im);
    }

    // ---- comparisons (NumPy's lexicographic order: real parts, then imaginary parts; a NaN part compares false) ----

    /// <summary>NumPy's complex <c>&lt;</c>.</summary>
    public static bool Less(Complex x, Complex y) =>
        (x.Real < y.Real && !double.IsNaN(x.Imaginary) && !double.IsNaN(y.Imaginary)) || (x.Real == y.Real && x.Imaginary < y.Imaginary);

    /// <summary>NumPy's complex <c>&lt;=</c>.</summary>
    public static bool LessEqual(Complex x, Complex y) =>
        (x.Real < y.Real && !double.IsNaN(x.Imaginary) && !double.IsNaN(y.Imaginary)) || (x.Real == y.Real && x.Imaginary <= y.Imaginary);

    /// <summary>NumPy's complex <c>&gt;=</c> (the order <c>maximum</c> and <c>fmax</c> use).</summary>
    public static bool GreaterEqual(Complex x, Complex y) => LessEqual(y, x);

    /// <summary>Whether a part is NaN (NumPy's complex <c>isnan</c>).</summary>
    public static bool IsNaN(Complex z) => double.IsNaN(z.Real) || double.IsNaN(z.Imaginary);

    /// <summary>
    /// The order NumPy sorts complex values in: values without a NaN part first, then <c>R + NaNj</c>, <c>NaN + Rj</c>,
    /// <c>NaN + NaNj</c>, each group by real part, then imaginary part; negative when <paramref name="x"/> comes first.
    /// </summary>
    public static int SortCompare(Complex x, Complex y)
    {
        // the class first: (real, imaginary) NaN-ness in the order (no, no) < (no, yes) < (yes, no) < (yes, yes)
        int cx = (double.IsNaN(x.Real) ? 2 : 0) + (double.IsNaN(x.Imaginary) ? 1 : 0);
        int cy = (double.IsNaN(y.Real) ? 2 : 0) + (double.IsNaN(y.Imaginary) ? 1 : 0);
        if (cx != cy) return cx < cy ? -1 : 1;
        if (cx < 2 && x.Real != y.Real) return x.Real < y.Real ? -1 : 1;
        if ((cx & 1) == 0 && x.Imaginary != y.Imaginary) return x.Imaginary < y.Imaginary ? -1 : 1;
        return 0;
    }

    /// <summary>Rounds each part half to even (NumPy's complex <c>rint</c>).</summary>
    public static Complex Rint(Complex z) => new(Math.Round(z.Real), Math.Round(z.Imaginary));

    /// <summary>
    /// <c>sqrt(x² + y²)</c> without undue overflow or underflow, to within about half an ulp: the squares are summed
    /// exactly in double-double (fused multiply-adds give each square's rounding error) and the square root gets one
    /// Newton correction. Written out because ILGPU cannot compile <see cref="double.Hypot"/> (its bit casts).
    /// </summary>
    private static double Hypot(double x, double y)
    {
        double ax = Math.Abs(x), ay = Math.Abs(y);
        if (double.IsInfinity(ax) || double.IsInfinity(ay)) return double.PositiveInfinity;
        if (double.IsNaN(ax) || double.IsNaN(ay)) return double.NaN;
        double big = Math.Max(ax, ay), small = Math.Min(ax, ay);
        if (small == 0) return big;
        double scale = 1;
        if (big > 1e150)
        {
            big *= 2.409919865102884e-181; small *= 2.409919865102884e-181; scale = 4.149515568880993e+180;   // 2^-600, 2^600: exact
        }
        else if (big < 1e-150)
        {
            big *= 4.149515568880993e+180; small *= 4.149515568880993e+180; scale = 2.409919865102884e-181;
        }
        double b2 = big * big, b2e = Math.FusedMultiplyAdd(big, big, -b2);
        double s2 = small * small, s2e = Math.FusedMultiplyAdd(small, small, -s2);
        double sum = b2 + s2, sumE = s2 - (sum - b2) + b2e + s2e;   // b2 >= s2: Fast2Sum is exact
        double h = Math.Sqrt(sum);
        double residual = Math.FusedMultiplyAdd(-h, h, sum) + sumE;   // (sum + sumE) - h², to about 2^-104 relative
        h += residual / (2 * h);
        return h * scale;
    }

    // Which element type T is: 2 for Complex, 1 for Complex64, 3 for double, 4 for float, 0 otherwise (a constant to ILGPU).
    internal static class ComplexKind<T>
    {
        public static readonly int Value = typeof(T) == typeof(Complex) ? 2 : typeof(T) == typeof(Complex64) ? 1
            : typeof(T) == typeof(double) ? 3 : typeof(T) == typeof(float) ? 4 : 0;
    }

    // i·z and -i·z with the parts moved (no multiplication, so signed zeros and infinities survive)
    private static Complex TimesI(Complex z) => new(-z.Imaginary, z.Real);

    private static Complex FromTimesI(Complex z) => new(z.Imaginary, -z.Real);

    private static Complex OneMinus(Complex z) => new(1 - z.Real, -z.Imaginary);

    private static Complex OnePlus(Complex z) => new(1 + z.Real, z.Imaginary);
}
