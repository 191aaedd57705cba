using ArrayDispatch.Dense;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Integration;

/// <summary>Sparse and the real Dense backend in one host (the runtime's dispatcher): each meets the other only through the protocol.</summary>
public sealed class DenseMixingTests
{
    private static readonly double[] s_a = Values.RandomDense(6, 5, 0.3, 31);
    private static readonly double[] s_b = Values.RandomDense(6, 5, 1.0, 32);

    private static TestHost Host(bool allowDensify = false) => TestHost.Create(
        new Dictionary<string, string?> { ["ArrayDispatch:Backends:Sparse:AllowDensify"] = allowDensify ? "true" : "false" },
        new DensePlugin(), new SparsePlugin());

    [Fact]
    public void AsArray_DenseToSparseAndBack_RoundTrips()
    {
        using TestHost host = Host();
        NDArray dense = Np.AsArray(Np.Array(s_a).Reshape(6, 5));
        NDArray sparse = Np.AsArray(dense, backend: "Sparse", format: "csc");
        sparse.ShouldBeOfType<CscArray>();
        sparse.Backend.ShouldBe("Sparse");
        NDArray back = Np.AsArray(sparse, backend: "Dense");
        back.ShouldBeOfType<DenseArray>();
        Values.Of(back).ShouldBe(s_a);
    }

    [Fact]
    public void Add_DenseLeftSparseRight_DenseDeclinesAndSparseGivesDense()
    {
        using TestHost host = Host();
        NDArray d = Np.AsArray(Np.Array(s_b).Reshape(6, 5));
        NDArray s = Np.AsArray(d.Reshape(30).AsType(DType.Float64) * 0 + Np.Array(s_a), backend: "Sparse").Reshape(6, 5);
        NDArray r = d + s;
        r.ShouldBeOfType<DenseArray>();
        Values.Of(r).ShouldBe(s_a.Zip(s_b, (x, y) => x + y).ToArray());
        NDArray m = d * s;
        m.ShouldBeAssignableTo<SparseArray>();
        Values.Of(m).ShouldBe(s_a.Zip(s_b, (x, y) => x * y).ToArray());
    }

    [Fact]
    public void MatMul_SparseTimesDenseVector_GivesDenseArray()
    {
        using TestHost host = Host();
        NDArray s = Np.AsArray(Np.Array(s_a).Reshape(6, 5), backend: "Sparse");
        NDArray v = Np.Array(new[] { 1.0, 2, 3, 4, 5 });
        NDArray y = s.MatMul(v);
        y.ShouldBeOfType<DenseArray>();
        Values.ShouldBeClose(Values.Of(y), Values.MatMul(s_a, 6, 5, [1, 2, 3, 4, 5], 1));
    }

    [Fact]
    public void Sum_Sparse_GivesDenseScalar()
    {
        using TestHost host = Host();
        NDArray s = Np.AsArray(Np.Array(s_a).Reshape(6, 5), backend: "Sparse");
        NDArray total = Np.Sum(s);
        total.ShouldBeOfType<DenseArray>();
        total.Item<double>().ShouldBe(s_a.Sum(), 1e-12);
    }

    [Fact]
    public void Exp_AllowDensifyFromHostConfiguration_GivesDense()
    {
        using TestHost host = Host(allowDensify: true);
        NDArray s = Np.AsArray(Np.Array(s_a).Reshape(6, 5), backend: "Sparse");
        Np.Exp(s).ShouldBeOfType<DenseArray>();
    }
}
