using ArrayDispatch.Functions;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Integration;

/// <summary>What Sparse declares up front (no <c>out=</c> for ufuncs, zero fills only), as the dispatcher enforces it.</summary>
public sealed class DeclaredSupportTests
{
    [Fact]
    public void Sparse_declares_no_out_for_ufuncs_and_only_zero_fills_for_full()
    {
        using TestHost host = SparseHost.Create();

        host.Dispatcher.SupportOf("Sparse", ArrayFunctions.Add)!.TakesOut.ShouldBeFalse();
        host.Dispatcher.SupportOf("Sparse", ArrayFunctions.Exp)!.TakesOut.ShouldBeFalse();
        host.Dispatcher.SupportOf("Sparse", ArrayFunctions.Full)!.NonzeroFill.ShouldBeFalse();
        host.Dispatcher.SupportOf("Sparse", ArrayFunctions.MatMul)!.IsUnrestricted.ShouldBeTrue();
    }

    [Fact]
    public void Out_on_a_sparse_add_is_refused_naming_out_and_the_reason()
    {
        using TestHost host = SparseHost.Create();
        NDArray s = Np.Eye(3, backend: "Sparse");

        var ex = Should.Throw<NoImplementationException>(() => Np.Add(s, s, @out: Np.Eye(3, backend: "Sparse")));

        ex.Message.ShouldContain("Sparse");
        ex.Message.ShouldContain("does not take out=");
        ex.Message.ShouldContain("sparse results are new arrays");
    }

    [Fact]
    public void A_sparse_full_with_a_nonzero_fill_is_refused_and_zeros_are_made()
    {
        using TestHost host = SparseHost.Create();

        Should.Throw<NoImplementationException>(() => Np.Full(new Shape(2, 2), 3.0, backend: "Sparse")).Message.ShouldContain("every element would be stored");
        Np.AsArray(Np.Zeros(new Shape(2, 2), backend: "Sparse"), backend: "Dense").ToArray<double>().ShouldBe([0.0, 0, 0, 0]);
    }
}
