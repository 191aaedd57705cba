using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>linalg.eig / eigvals on both paths: A v = λ v with unit vectors, NumPy's values, refusals that say why.</summary>
public sealed class EigTests
{
    // A = S diag(d) S⁻¹ for a well-conditioned S: a non-symmetric matrix with the given real spectrum.
    private static double[] WithSpectrum(double[] d, int seed)
    {
        int n = d.Length;
        var rng = new Random(seed);
        var s = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) s[i * n + j] = (i == j ? n : 0) + rng.NextDouble() - 0.5;
        NDArray sm = DenseArray.From(s, n, n);
        NDArray a = Np.MatMul(Np.MatMul(sm, DenseArray.From(Diagonal(d), n, n)), Np.Linalg.Inv(sm));
        return a.ToArray<double>();
    }

    private static double[] Diagonal(double[] d)
    {
        var m = new double[d.Length * d.Length];
        for (int i = 0; i < d.Length; i++) m[i * d.Length + i] = d[i];
        return m;
    }

    private static void ShouldBeEigenpairs(double[] a, int n, NDArray w, NDArray v)
    {
        double[] values = w.ToArray<double>(), vectors = v.ToArray<double>();
        for (int j = 0; j < n; j++)
        {
            double length = 0;
            for (int i = 0; i < n; i++) length += vectors[i * n + j] * vectors[i * n + j];
            Math.Sqrt(length).ShouldBe(1.0, 1e-10);
            for (int i = 0; i < n; i++)
            {
                double av = 0;
                for (int k = 0; k < n; k++) av += a[i * n + k] * vectors[k * n + j];
                av.ShouldBe(values[j] * vectors[i * n + j], 1e-8, $"row {i} of A v{j}");
            }
        }
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Eig_of_a_non_symmetric_matrix_with_a_real_spectrum_gives_unit_eigenpairs(LinalgPath path)
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] spectrum = [5, -3, 2, 0.5, -1, 4, 7, -6];
        double[] a = WithSpectrum(spectrum, 3);
        using var _ = path.Enter();
        var (w, v) = Np.Linalg.Eig(DenseArray.From(a, 8, 8));
        w.Shape.ShouldBe(new Shape(8));
        v.Shape.ShouldBe(new Shape(8, 8));
        w.ToArray<double>().Order().ToArray().ShouldBe(spectrum.Order().ToArray(), 1e-9);
        ShouldBeEigenpairs(a, 8, w, v);
        Np.Linalg.Eigvals(DenseArray.From(a, 8, 8)).ToArray<double>().Order().ToArray().ShouldBe(spectrum.Order().ToArray(), 1e-9);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Repeated_eigenvalues_of_a_diagonalisable_matrix_get_independent_vectors(LinalgPath path)
    {
        using var host = TestHost.Create(new DensePlugin());
        double[] spectrum = [2, 2, 2, -1, 3];
        double[] a = WithSpectrum(spectrum, 5);
        using var _ = path.Enter();
        var (w, v) = Np.Linalg.Eig(DenseArray.From(a, 5, 5));
        ShouldBeEigenpairs(a, 5, w, v);
        Math.Abs(Np.Linalg.Det(v).ToArray<double>()[0]).ShouldBeGreaterThan(1e-6);
    }

    [Fact]
    public void Eig_matches_NumPy_on_a_small_upper_triangular_and_a_stacked_input()
    {
        using var host = TestHost.Create(new DensePlugin());
        // np.linalg.eig([[1, 2], [0, 3]]) -> w = [1, 3], v = [[1, 0.70710678], [0, 0.70710678]]
        var (w, v) = Np.Linalg.Eig(DenseArray.From(new[] { 1.0, 2, 0, 3 }, 2, 2));
        w.ToArray<double>().ShouldBe([1.0, 3.0], 1e-12);
        double[] vectors = v.ToArray<double>();
        Math.Abs(vectors[1]).ShouldBe(Math.Sqrt(0.5), 1e-12);
        Math.Abs(vectors[3]).ShouldBe(Math.Sqrt(0.5), 1e-12);
        vectors[2].ShouldBe(0.0, 1e-12);
        NDArray stack = Np.Linalg.Eigvals(DenseArray.From(new[] { 1.0, 2, 0, 3, 4, 0, 0, -2 }, 2, 2, 2));
        stack.Shape.ShouldBe(new Shape(2, 2));
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void A_complex_spectrum_answers_complex_as_numpy(LinalgPath path)
    {
        using var host = TestHost.Create(new DensePlugin());
        using var _ = path.Enter();
        // A rotation by 90 degrees: eigenvalues ±1j, so NumPy's answer is complex128 (complex64 for float32 input).
        double[] a = [0.0, -1, 1, 0];
        EigResult r = Np.Linalg.Eig(DenseArray.From(a, 2, 2));
        r.Eigenvalues.DType.ShouldBe(DType.Complex128);
        var w = r.Eigenvalues.ToArray<System.Numerics.Complex>().OrderBy(c => c.Imaginary).ToArray();
        w[0].Real.ShouldBe(0, 1e-12); w[0].Imaginary.ShouldBe(-1, 1e-12);
        w[1].Real.ShouldBe(0, 1e-12); w[1].Imaginary.ShouldBe(1, 1e-12);
        System.Numerics.Complex[] values = r.Eigenvalues.ToArray<System.Numerics.Complex>(), v = r.Eigenvectors.ToArray<System.Numerics.Complex>();
        for (int j = 0; j < 2; j++)
        {
            for (int i = 0; i < 2; i++)
            {
                System.Numerics.Complex av = a[i * 2] * v[j] + a[i * 2 + 1] * v[2 + j];
                System.Numerics.Complex.Abs(av - values[j] * v[i * 2 + j]).ShouldBeLessThan(1e-12);
            }
        }
        Np.Linalg.Eigvals(Np.AsType(DenseArray.From(a, 2, 2), DType.Float32)).DType.ShouldBe(DType.Complex64);
    }

    [Fact]
    public void Eig_of_a_non_square_matrix_names_the_shape()
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<Exception>(() => Np.Linalg.Eig(Np.Zeros((2, 3)))).Message.ShouldContain("square");
    }
}
