using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// A null array from C# is the caller's ArgumentNullException naming the argument. It was "no implementation found for
/// 'sum' on types []" (no backend owns null), or Dense's NullReferenceException wrapped as a backend failure ('dot',
/// 'concatenate', every unary ufunc), or a facade's own NullReferenceException (Np.Compute, Np.HStack, Np.Einsum).
/// </summary>
public sealed class NullArgumentTests
{
    private static readonly NDArray Null = null!;

    [Fact]
    public void A_null_array_argument_is_named()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(6.0).Reshape(2, 3);
        Should.Throw<ArgumentNullException>(() => Np.Sum(Null)).ParamName.ShouldBe("x");
        Should.Throw<ArgumentNullException>(() => Np.Sqrt(Null)).ParamName.ShouldBe("x");
        Should.Throw<ArgumentNullException>(() => Np.Transpose(Null)).ParamName.ShouldBe("x");
        Should.Throw<ArgumentNullException>(() => Np.Dot(a, Null)).ParamName.ShouldBe("b");
        Should.Throw<ArgumentNullException>(() => Np.MatMul(Null, a)).ParamName.ShouldBe("a");
        Should.Throw<ArgumentNullException>(() => Np.Linalg.Inv(Null)).ParamName.ShouldBe("a");
        Should.Throw<ArgumentNullException>(() => Np.Linalg.Lstsq(a, Null)).ParamName.ShouldBe("b");
        Should.Throw<ArgumentNullException>(() => Np.FFT.Fft(Null)).ParamName.ShouldBe("x");
        var ex = Should.Throw<ArgumentNullException>(() => Np.Concatenate([a, Null]));
        ex.ParamName.ShouldBe("arrays");
        ex.Message.ShouldStartWith("'concatenate' was called with null for its array argument 'arrays[1]'.");
        Should.Throw<ArgumentNullException>(() => Np.Einsum("ij,ij->i", a, Null)).ParamName.ShouldBe("operands");
    }

    [Fact]
    public void A_null_list_or_shape_given_to_the_facade_is_named()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray a = Np.Arange(6.0).Reshape(2, 3);
        Should.Throw<ArgumentNullException>(() => Np.Reshape(a, null!)).ParamName.ShouldBe("shape");      // was "cannot reshape ... into shape ()"
        Should.Throw<ArgumentNullException>(() => Np.BroadcastTo(a, null!)).ParamName.ShouldBe("shape");
        Should.Throw<ArgumentNullException>(() => Np.Tile(a, null!)).ParamName.ShouldBe("reps");          // was a copy, as if reps were ()
        Should.Throw<ArgumentNullException>(() => Np.MoveAxis(a, null!, [0])).ParamName.ShouldBe("source");
        Should.Throw<ArgumentNullException>(() => Np.Split(a, (int[])null!)).ParamName.ShouldBe("indices");
        Should.Throw<ArgumentNullException>(() => Np.Compute(null!)).ParamName.ShouldBe("arrays");
        Should.Throw<ArgumentNullException>(() => Np.HStack(null!)).ParamName.ShouldBe("arrays");
        Should.Throw<ArgumentNullException>(() => Np.Meshgrid(null!)).ParamName.ShouldBe("xi");
        Should.Throw<ArgumentNullException>(() => Np.Tensordot(a, a, null!, [0])).ParamName.ShouldBe("axesA");
    }
}
