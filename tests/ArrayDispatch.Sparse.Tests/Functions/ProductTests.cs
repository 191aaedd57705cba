using ArrayDispatch.Dense;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

public sealed class ProductTests
{
    private static readonly double[] s_a = Values.RandomDense(9, 7, 0.3, 21);
    private static readonly double[] s_b = Values.RandomDense(7, 5, 0.3, 22);

    [Fact]
    public void SpMV_MatchesDense()
    {
        using TestHost host = SparseHost.Create();
        double[] x = Enumerable.Range(1, 7).Select(v => v * 0.5).ToArray();
        NDArray y = Np.MatMul(Np.AsArray(DenseOf(s_a, 9, 7), backend: "Sparse"), DenseOf(x));
        y.ShouldBeOfType<DenseArray>();
        y.Shape.ShouldBe(new Shape(9));
        Values.ShouldBeClose(Values.Of(y), Values.MatMul(s_a, 9, 7, x, 1));
    }

    [Fact]
    public void SpMM_MatchesDense()
    {
        using TestHost host = SparseHost.Create();
        double[] d = Values.RandomDense(7, 5, 1.0, 23);
        NDArray y = Np.AsArray(DenseOf(s_a, 9, 7), backend: "Sparse").MatMul(DenseOf(d, 7, 5));
        y.Shape.ShouldBe(new Shape(9, 5));
        Values.ShouldBeClose(Values.Of(y), Values.MatMul(s_a, 9, 7, d, 5));
    }

    [Theory]
    [InlineData("csr", "csr")]
    [InlineData("csc", "coo")]
    public void SpGEMM_GivesSparseMatchingDense(string fa, string fb)
    {
        using TestHost host = SparseHost.Create();
        NDArray p = Np.MatMul(Np.AsArray(DenseOf(s_a, 9, 7), backend: "Sparse", format: fa), Np.AsArray(DenseOf(s_b, 7, 5), backend: "Sparse", format: fb));
        p.ShouldBeOfType<CsrArray>();
        Values.ShouldBeClose(Values.Of(p), Values.MatMul(s_a, 9, 7, s_b, 5));
    }

    [Fact]
    public void DenseTimesSparse_GivesDense()
    {
        using TestHost host = SparseHost.Create();
        double[] d = Values.RandomDense(4, 9, 1.0, 24);
        NDArray y = Np.MatMul(DenseOf(d, 4, 9), Np.AsArray(DenseOf(s_a, 9, 7), backend: "Sparse"));
        y.ShouldBeOfType<DenseArray>();
        Values.ShouldBeClose(Values.Of(y), Values.MatMul(d, 4, 9, s_a, 7));
    }

    [Fact]
    public void MatMul_CoreDimensionMismatch_NamesBothSizes()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.AsArray(DenseOf(s_a, 9, 7), backend: "Sparse");
        Should.Throw<ShapeMismatchException>(() => Np.MatMul(s, DenseOf(new double[5])))
            .Message.ShouldBe("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 5 is different from 7) (Parameter 'x2')");
    }

    [Fact]
    public void Kron_MatchesDefinition()
    {
        using TestHost host = SparseHost.Create();
        NDArray a = Np.AsArray(DenseOf(new[] { 1.0, 2, 0, 3 }, 2, 2), backend: "Sparse");
        NDArray b = Np.AsArray(DenseOf(new[] { 0.0, 1, 1, 0 }, 2, 2), backend: "Sparse");
        Values.Of(Np.Kron(a, b)).ShouldBe([0, 1, 0, 2, 1, 0, 2, 0, 0, 0, 0, 3, 0, 0, 3, 0]);
    }
}
