using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>isclose, allclose, array_equal (composed in the protocol) on chunked arrays give Dense's answers.</summary>
public sealed class ToleranceTests
{
    [Fact]
    public void IsClose_AllClose_and_ArrayEqual_of_chunked_arrays_match_Dense()
    {
        using TestHost host = Create(splitEvery: 3);
        NDArray d = DenseData((13, 9));
        NDArray e = d + Np.Where(Np.Greater(d, 0.0), 1e-9, 1e-3);
        d = Np.Where(Np.Greater(d, 2.0), double.NaN, d);
        e = Np.Where(Np.Greater(Np.Abs(e), 2.0), double.NaN, e);
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [5, 4]), y = Np.AsArray(e, backend: "Chunked", chunks: [4, 3]);
        NDArray close = Np.IsClose(x, y, equalNan: true);
        close.ShouldBeOfType<Arrays.ChunkedArray>();                       // lazy until asked
        close.ToArray<bool>().ShouldBe(Np.IsClose(d, e, equalNan: true).ToArray<bool>());
        Np.AllClose(x, y).ShouldBe(Np.AllClose(d, e));
        Np.AllClose(x, x, equalNan: true).ShouldBeTrue();
        Np.ArrayEqual(x, Np.AsArray(d, backend: "Chunked", chunks: [2, 9]), equalNan: true).ShouldBeTrue();
        Np.ArrayEqual(x, y).ShouldBeFalse();
    }
}
