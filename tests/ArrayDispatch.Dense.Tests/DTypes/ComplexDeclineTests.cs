using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests.DTypes;

/// <summary>
/// Complex arrays on Dense, for every function that is not a pure move of elements: it answers as NumPy does (the
/// element-wise functions, sums, products, scans, sorting, searching, unique, products and every linalg function,
/// checked against NumPy's fixtures; any, all, count_nonzero need only "non-zero"); never a wrong answer, never an
/// unrelated exception from a kernel that read the storage as doubles.
/// </summary>
public sealed class ComplexDeclineTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Clip_orders_complex_values_as_numpy_does()
    {
        // NumPy's clip of complex values: minimum(maximum(x, lo), hi) in the lexicographic order
        NDArray c = Np.AsArray(new[] { new System.Numerics.Complex(0, 5), new System.Numerics.Complex(1, -1), new System.Numerics.Complex(3, 0) });
        Np.Clip(c, 1L, 2L).ToArray<System.Numerics.Complex>().ShouldBe([new(1, 0), new(1, 0), new(2, 0)]);
    }

    [Fact]
    public void Truth_value_reductions_answer_as_numpy()
    {
        NDArray c = Np.AsArray(new[] { System.Numerics.Complex.Zero, System.Numerics.Complex.ImaginaryOne });
        Np.Any(c).Item<bool>().ShouldBeTrue();
        Np.All(c).Item<bool>().ShouldBeFalse();
        Np.CountNonzero(c).Item<long>().ShouldBe(1);
        Np.Nonzero(c)[0].ToArray<long>().ShouldBe([1]);
    }
}
