using System.Numerics;
using ArrayDispatch.Dense.Kernels;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>
/// The managed linear algebra of complex matrices (complex64 and complex128, both computed in double precision and
/// rounded once to the element type): LU with partial pivoting for <c>solve</c>, <c>inv</c>, <c>det</c> and
/// <c>slogdet</c> and the factorizations of ComplexLinalg.Factor.cs, run when no LAPACK with complex routines is loaded
/// (<see cref="LinalgKernels"/> chooses); and the complex Schur form (Hessenberg reduction, shifted QR) for <c>eig</c>,
/// always, which also gives the complex spectra of real matrices. Row-major n×n buffers.
/// </summary>
internal static partial class ComplexLinalg
{
    /// <summary>The complex dtype of a linalg call: complex64 when every input is complex64 or float32, else complex128.</summary>
    public static DType ResultType(params ReadOnlySpan<NDArray> arrays) => ArrayDispatch.Functions.LinalgRules.ResultType(arrays) switch
    {
        DType.Float32 => DType.Complex64,
        DType.Float64 => DType.Complex128,
        DType t => t,
    };

    /// <summary>The array as complex128 values in C order, broadcast to <paramref name="shape"/> when given.</summary>
    public static Complex[] Values(NDArray x, Shape? shape = null)
    {
        DenseArray d = (DenseArray)x;
        // Managed on purpose: the managed complex kernels index a Complex[] (large results would otherwise be native).
        DenseArray result = DenseArray.CreateManaged(DType.Complex128, shape ?? d.Shape);
        Copy.Into(d, result);
        return result.Storage<Complex>();
    }

    /// <summary>Wraps complex128 values as an array of <paramref name="dtype"/> (complex64 rounds each part once).</summary>
    public static DenseArray Wrap(Complex[] values, Shape shape, DType dtype)
    {
        DenseArray c = DenseArray.Wrap(values, shape);
        return Copy.As(c, dtype);
    }

    /// <summary>LU with partial pivoting in place (P A = L U); false when a pivot is exactly zero. <paramref name="swaps"/> counts row exchanges.</summary>
    public static bool Lu(int n, Span<Complex> a, int[] piv, out int swaps)
    {
        swaps = 0;
        bool singular = false;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            double best = Complex.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                double v = Complex.Abs(a[i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            piv[k] = p;
            if (p != k)
            {
                swaps++;
                for (int j = 0; j < n; j++) (a[k * n + j], a[p * n + j]) = (a[p * n + j], a[k * n + j]);
            }
            Complex pivot = a[k * n + k];
            if (pivot == Complex.Zero) { singular = true; continue; }
            for (int i = k + 1; i < n; i++)
            {
                Complex f = a[i * n + k] / pivot;
                a[i * n + k] = f;
                if (f == Complex.Zero) continue;
                for (int j = k + 1; j < n; j++) a[i * n + j] -= f * a[k * n + j];
            }
        }
        return !singular;
    }

    /// <summary>X (n×nrhs) with A X = B.</summary>
    /// <exception cref="LinAlgException">A is singular (NumPy's "Singular matrix").</exception>
    public static void Solve(int n, int nrhs, ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b, Span<Complex> x)
    {
        Complex[] lu = a[..(n * n)].ToArray();
        int[] piv = new int[n];
        if (!Lu(n, lu, piv, out _)) throw new LinAlgException("Singular matrix");
        b[..(n * nrhs)].CopyTo(x);
        for (int k = 0; k < n; k++)
        {
            if (piv[k] != k)
            {
                for (int j = 0; j < nrhs; j++) (x[k * nrhs + j], x[piv[k] * nrhs + j]) = (x[piv[k] * nrhs + j], x[k * nrhs + j]);
            }
        }
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < i; k++)
            {
                Complex f = lu[i * n + k];
                if (f == Complex.Zero) continue;
                for (int j = 0; j < nrhs; j++) x[i * nrhs + j] -= f * x[k * nrhs + j];
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            for (int k = i + 1; k < n; k++)
            {
                Complex f = lu[i * n + k];
                if (f == Complex.Zero) continue;
                for (int j = 0; j < nrhs; j++) x[i * nrhs + j] -= f * x[k * nrhs + j];
            }
            Complex d = lu[i * n + i];
            for (int j = 0; j < nrhs; j++) x[i * nrhs + j] /= d;
        }
    }

    /// <summary>The inverse, by solving against the identity.</summary>
    public static void Inverse(int n, ReadOnlySpan<Complex> a, Span<Complex> inv)
    {
        var identity = new Complex[n * n];
        for (int i = 0; i < n; i++) identity[i * n + i] = Complex.One;
        Solve(n, n, a, identity, inv);
    }

    /// <summary>NumPy's slogdet of a complex matrix: a sign of modulus 1 (0 when singular) and log|det| (-inf when singular).</summary>
    public static (Complex Sign, double LogAbs) Slogdet(int n, ReadOnlySpan<Complex> a)
    {
        Complex[] lu = a[..(n * n)].ToArray();
        int[] piv = new int[n];
        if (!Lu(n, lu, piv, out int swaps)) return (Complex.Zero, double.NegativeInfinity);
        Complex sign = swaps % 2 == 0 ? Complex.One : -Complex.One;
        double log = 0;
        for (int i = 0; i < n; i++)
        {
            Complex d = lu[i * n + i];
            double m = Complex.Abs(d);
            sign *= d / m;
            log += Math.Log(m);
        }
        return (sign, log);
    }

    /// <summary>
    /// Eigenvalues (and right eigenvectors, unit 2-norm, as columns) of a complex n×n matrix: Householder reduction to
    /// Hessenberg form, then the shifted QR algorithm (Wilkinson shifts, an exceptional shift every tenth sweep without
    /// deflation) to the complex Schur form T = Zᴴ A Z; eigenvectors by back substitution in T, mapped back through Z.
    /// </summary>
    /// <exception cref="LinAlgException">The QR iteration did not converge (NumPy's message).</exception>
    public static void Eig(int n, ReadOnlySpan<Complex> a, Span<Complex> w, Span<Complex> v, bool computeV)
    {
        Complex[] h = a[..(n * n)].ToArray();
        var z = new Complex[n * n];
        for (int i = 0; i < n; i++) z[i * n + i] = Complex.One;
        Hessenberg(n, h, z);
        Schur(n, h, z);
        for (int i = 0; i < n; i++) w[i] = h[i * n + i];
        if (!computeV) return;
        double norm = 0;
        foreach (Complex c in h) norm = Math.Max(norm, Complex.Abs(c));
        double small = Math.Max(norm, double.Epsilon) * 2.220446049250313e-16;
        var y = new Complex[n];
        for (int k = 0; k < n; k++)
        {
            Array.Clear(y);
            y[k] = Complex.One;
            Complex lambda = h[k * n + k];
            for (int i = k - 1; i >= 0; i--)
            {
                Complex sum = Complex.Zero;
                for (int j = i + 1; j <= k; j++) sum += h[i * n + j] * y[j];
                Complex d = h[i * n + i] - lambda;
                if (Complex.Abs(d) < small) d = small;
                y[i] = -sum / d;
            }
            double len = 0;
            for (int i = 0; i < n; i++)
            {
                Complex s = Complex.Zero;
                for (int j = 0; j <= k; j++) s += z[i * n + j] * y[j];
                v[i * n + k] = s;
                len += s.Real * s.Real + s.Imaginary * s.Imaginary;
            }
            len = Math.Sqrt(len);
            for (int i = 0; i < n; i++) v[i * n + k] /= len;
        }
    }

    // H = Qᴴ A Q upper Hessenberg by Householder reflections; Z accumulates Q.
    private static void Hessenberg(int n, Complex[] h, Complex[] z)
    {
        var u = new Complex[n];
        for (int k = 0; k < n - 2; k++)
        {
            double norm = 0;
            for (int i = k + 1; i < n; i++) norm += Complex.Abs(h[i * n + k]) * Complex.Abs(h[i * n + k]);
            norm = Math.Sqrt(norm);
            if (norm == 0) continue;
            Complex x0 = h[(k + 1) * n + k];
            double a0 = Complex.Abs(x0);
            Complex alpha = a0 == 0 ? -norm : -(x0 / a0) * norm;
            Array.Clear(u);
            for (int i = k + 1; i < n; i++) u[i] = h[i * n + k];
            u[k + 1] -= alpha;
            double uu = 0;
            for (int i = k + 1; i < n; i++) uu += u[i].Real * u[i].Real + u[i].Imaginary * u[i].Imaginary;
            if (uu == 0) continue;
            double beta = 2 / uu;
            // H = (I - β u uᴴ) H: rows k+1..n-1
            for (int j = 0; j < n; j++)
            {
                Complex s = Complex.Zero;
                for (int i = k + 1; i < n; i++) s += Complex.Conjugate(u[i]) * h[i * n + j];
                s *= beta;
                for (int i = k + 1; i < n; i++) h[i * n + j] -= u[i] * s;
            }
            // H = H (I - β u uᴴ), Z = Z (I - β u uᴴ): columns k+1..n-1
            foreach (Complex[] m in new[] { h, z })
            {
                for (int i = 0; i < n; i++)
                {
                    Complex s = Complex.Zero;
                    for (int j = k + 1; j < n; j++) s += m[i * n + j] * u[j];
                    s *= beta;
                    for (int j = k + 1; j < n; j++) m[i * n + j] -= s * Complex.Conjugate(u[j]);
                }
            }
            for (int i = k + 2; i < n; i++) h[i * n + k] = Complex.Zero;
        }
    }

    // Shifted QR sweeps on the Hessenberg matrix to upper triangular (Schur) form, rotations applied to whole rows and
    // columns so that T stays similar to A through Z.
    private static void Schur(int n, Complex[] h, Complex[] z)
    {
        const double Eps = 2.220446049250313e-16;
        int hi = n - 1, iterations = 0, total = 0;
        var cs = new (Complex C, Complex S)[Math.Max(n, 1)];
        while (hi > 0)
        {
            int l = hi;
            while (l > 0)
            {
                double scale = Complex.Abs(h[l * n + l]) + Complex.Abs(h[(l - 1) * n + l - 1]);
                if (scale == 0) scale = 1;
                if (Complex.Abs(h[l * n + l - 1]) <= Eps * scale) { h[l * n + l - 1] = Complex.Zero; break; }
                l--;
            }
            if (l == hi) { hi--; iterations = 0; continue; }
            if (++total > 60 * n) throw new LinAlgException("Eigenvalues did not converge");
            iterations++;
            Complex mu;
            if (iterations % 10 == 0)
            {
                mu = h[hi * n + hi] + Complex.Abs(h[hi * n + hi - 1]) * 0.75;   // exceptional shift
            }
            else
            {
                Complex a = h[(hi - 1) * n + hi - 1], b = h[(hi - 1) * n + hi], c = h[hi * n + hi - 1], d = h[hi * n + hi];
                Complex half = (a - d) / 2, root = Complex.Sqrt(half * half + b * c);
                Complex m1 = (a + d) / 2 + root, m2 = (a + d) / 2 - root;
                mu = Complex.Abs(m1 - d) < Complex.Abs(m2 - d) ? m1 : m2;
            }
            for (int k = l; k <= hi; k++) h[k * n + k] -= mu;
            for (int k = l; k < hi; k++)
            {
                Complex x = h[k * n + k], y = h[(k + 1) * n + k];
                double r = Math.Sqrt(x.Real * x.Real + x.Imaginary * x.Imaginary + y.Real * y.Real + y.Imaginary * y.Imaginary);
                Complex c = r == 0 ? Complex.One : x / r, s = r == 0 ? Complex.Zero : y / r;
                cs[k] = (c, s);
                for (int j = k; j < n; j++)
                {
                    Complex p = h[k * n + j], q = h[(k + 1) * n + j];
                    h[k * n + j] = Complex.Conjugate(c) * p + Complex.Conjugate(s) * q;
                    h[(k + 1) * n + j] = -s * p + c * q;
                }
            }
            for (int k = l; k < hi; k++)
            {
                (Complex c, Complex s) = cs[k];
                int rows = Math.Min(k + 2, hi);
                for (int i = 0; i <= rows; i++)
                {
                    Complex p = h[i * n + k], q = h[i * n + k + 1];
                    h[i * n + k] = p * c + q * s;
                    h[i * n + k + 1] = -p * Complex.Conjugate(s) + q * Complex.Conjugate(c);
                }
                for (int i = 0; i < n; i++)
                {
                    Complex p = z[i * n + k], q = z[i * n + k + 1];
                    z[i * n + k] = p * c + q * s;
                    z[i * n + k + 1] = -p * Complex.Conjugate(s) + q * Complex.Conjugate(c);
                }
            }
            for (int k = l; k <= hi; k++) h[k * n + k] += mu;
        }
    }
}
