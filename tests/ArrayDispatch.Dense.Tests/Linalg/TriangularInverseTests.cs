using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>inv of a triangular matrix (the R of a QR, a Cholesky factor) takes trtri: the same inverse as LU's, triangular, and the same errors.</summary>
public sealed class TriangularInverseTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_inverse_of_a_triangular_matrix_is_LUs_and_stays_triangular(bool upper)
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Random.Sample((60, 60), Np.Random.DefaultRng(4)) + Np.Eye(60) * 3.0;
        NDArray t = upper ? Np.Triu(a) : Np.Tril(a);
        NDArray inverse = Np.Linalg.Inv(t);
        NDArray viaLu;
        using (LinalgKernels.UseManaged()) viaLu = Np.Linalg.Inv(t);
        inverse.ToArray<double>().ShouldBe(viaLu.ToArray<double>(), 1e-12);
        (upper ? Np.Tril(inverse, -1) : Np.Triu(inverse, 1)).ToArray<double>().ShouldAllBe(v => v == 0);
        Np.MatMul(t, inverse).ToArray<double>().ShouldBe(Np.Eye(60).ToArray<double>(), 1e-12);

        NDArray f = t.AsType(DType.Float32);
        Np.MatMul(f, Np.Linalg.Inv(f)).AsType(DType.Float64).ToArray<double>().ShouldBe(Np.Eye(60).ToArray<double>(), 1e-4);
    }

    [Fact]
    public void A_triangular_matrix_with_a_zero_on_its_diagonal_is_singular_as_NumPy_says()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray t = Np.Triu(Np.Random.Sample((5, 5), Np.Random.DefaultRng(8)) + 1.0);
        t[2, 2] = Np.AsArray(0.0);
        Should.Throw<LinAlgException>(() => Np.Linalg.Inv(t)).Message.ShouldBe("Singular matrix");
    }
}
