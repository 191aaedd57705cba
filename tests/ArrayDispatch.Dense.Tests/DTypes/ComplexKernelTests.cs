using ArrayDispatch.Dense.Tests.Linalg;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using C = System.Numerics.Complex;

namespace ArrayDispatch.Dense.Tests.DTypes;

/// <summary>The vectorised complex128 multiply and the BLAS complex matmul give NumPy's answers, as the scalar loops do.</summary>
public sealed class ComplexKernelTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());

    public void Dispose() => _host.Dispose();

    private static C[] RandomComplex(int seed, int count)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new C(rng.NextDouble() * 4 - 2, rng.NextDouble() * 4 - 2)).ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_003)]
    public void Complex128_multiply_matches_numpys_unfused_formula_bit_for_bit(int n)
    {
        C[] a = RandomComplex(n, n), b = RandomComplex(n + 1, n);
        // special values too: the lanes must not reorder anything NumPy's loop does
        a[0] = new C(double.PositiveInfinity, 1);
        if (n > 3) { b[1] = new C(double.NaN, 0); a[2] = new C(-0.0, 0.0); b[2] = new C(0.0, -0.0); }
        C[] product = Np.Multiply(Np.AsArray(a), Np.AsArray(b)).ToArray<C>();
        for (int i = 0; i < n; i++)
        {
            double re = a[i].Real * b[i].Real - a[i].Imaginary * b[i].Imaginary;
            double im = a[i].Real * b[i].Imaginary + a[i].Imaginary * b[i].Real;
            product[i].Real.ShouldBe(re, $"real part at {i}");
            product[i].Imaginary.ShouldBe(im, $"imaginary part at {i}");
        }
        // in place (the destination is an operand)
        NDArray x = Np.AsArray(a);
        Np.Multiply(x, Np.AsArray(b), x);
        x.ToArray<C>().ShouldBe(product);
    }

    [Theory]
    [InlineData(LinalgPath.Default, DType.Complex128)]
    [InlineData(LinalgPath.Managed, DType.Complex128)]
    [InlineData(LinalgPath.Default, DType.Complex64)]
    [InlineData(LinalgPath.Managed, DType.Complex64)]
    public void Complex_matmul_agrees_with_the_definition_on_both_paths(LinalgPath path, DType dtype)
    {
        using var _ = path.Enter();
        const int m = 37, k = 29, n = 41;
        C[] a = RandomComplex(1, m * k), b = RandomComplex(2, k * n);
        NDArray c = Np.MatMul(Np.AsArray(a).Reshape(m, k).AsType(dtype), Np.AsArray(b).Reshape(k, n).AsType(dtype));
        c.DType.ShouldBe(dtype);
        C[] got = c.AsType(DType.Complex128).ToArray<C>();
        double tolerance = dtype == DType.Complex64 ? 1e-4 : 1e-12;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                C s = C.Zero;
                for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
                C.Abs(got[i * n + j] - s).ShouldBeLessThan(tolerance);
            }
    }
}
