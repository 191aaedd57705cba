using ArrayDispatch.Dense;
using ArrayDispatch.Functions;
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

    private static TestHost Host(bool allowDensify = false) => SparseHost.Create((SparseHost.AllowDensify, allowDensify ? "true" : "false"));

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

    [Fact]
    public void Multiply_DenseLeftSparseRight_DenseIsLeftOutByNEP18_AndSparseHandles()
    {
        using TestHost host = Host();
        NDArray d = Np.AsArray(Np.Array(s_b).Reshape(6, 5));
        NDArray s = Np.AsArray(Np.Array(s_a).Reshape(6, 5), backend: "Sparse");
        var plan = host.Dispatcher.Explain(ArrayFunctions.Multiply, [d.GetType(), s.GetType()]);
        plan.Candidates.Select(c => c.Backend).ShouldBe(["Sparse"]);   // Dense handles only DenseArray: the dispatcher's check, not its handler's
        plan.Excluded.ShouldContain(x => x.Backend == "Dense" && x.Reason.Contains("OnlyOwnArrayTypes"));
        NDArray m = Np.Multiply(d, s);
        m.ShouldBeOfType<CsrArray>();
        Values.Of(m).ShouldBe(s_a.Zip(s_b, (x, y) => x * y).ToArray());
    }

    [Fact]
    public void Sort_OfSparse_IsNoImplementation_ListingEachBackendsDecline()
    {
        using TestHost host = Host();
        NDArray s = Np.AsArray(Np.Array(s_a).Reshape(6, 5), backend: "Sparse");
        var ex = Should.Throw<NoImplementationException>(() => Np.Sort(s));
        ex.Message.ShouldBe("""
            no implementation found for 'sort' on types [CsrArray]
              Sparse: does not implement 'sort'
              Dense:  owns none of the argument types and is not configured to coerce them
            """.ReplaceLineEndings("\n"));
        ex.Declines.Select(d => d.Backend).ShouldBe(["Sparse", "Dense"]);
    }

    [Fact]
    public void Sort_OfSparse_WithDenseCoercingSort_GivesDenseSortedRows()
    {
        using TestHost host = SparseHost.Create(("ArrayDispatch:Functions:sort:Coerce:0", "Dense"));
        NDArray s = Np.AsArray(Np.Array(new[] { 3.0, 0, -1, 2, 0, 0 }).Reshape(2, 3), backend: "Sparse");
        NDArray r = Np.Sort(s);
        r.ShouldBeOfType<DenseArray>().Backend.ShouldBe("Dense");
        r.Shape.ShouldBe(new Shape(2, 3));
        r.ToArray<double>().ShouldBe([-1, 0, 3, 0, 0, 2]);
    }
}
