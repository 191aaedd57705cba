using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>
/// numpy.reshape's shape rule, once in the protocol (ManipulationRules.ReshapeTarget) for Dense, Sparse and Gpu: each
/// resolved -1 itself, Dense printed the unknown dimension as 0 ("into shape (5, 0)" where NumPy 1.24 says
/// "(5,newaxis)"), all printed shapes with spaces, and -2 was refused where NumPy reads any negative as the unknown one.
/// </summary>
public sealed class ReshapeRuleTests
{
    [Theory]
    [InlineData(new[] { 5, 3 }, "cannot reshape array of size 12 into shape (5,3)")]
    [InlineData(new[] { 5, -1 }, "cannot reshape array of size 12 into shape (5,newaxis)")]
    [InlineData(new[] { 7 }, "cannot reshape array of size 12 into shape (7,)")]
    [InlineData(new[] { -5, 5 }, "cannot reshape array of size 12 into shape (5)")]
    public void A_size_mismatch_is_numpys_message(int[] shape, string message)
    {
        using var host = TestHost.Create(new DensePlugin());
        Should.Throw<ShapeMismatchException>(() => Np.Arange(12.0).Reshape(shape)).Message.ShouldBe($"{message} (Parameter 'shape')");
    }

    [Fact]
    public void Any_negative_dimension_is_the_unknown_one_and_two_are_refused()
    {
        using var host = TestHost.Create(new DensePlugin());
        Np.Arange(6.0).Reshape(-2, 3).Shape.ShouldBe(new Shape(2, 3));                   // np.arange(6).reshape(-2, 3).shape == (2, 3)
        Should.Throw<ArgumentException>(() => Np.Arange(6.0).Reshape(-2, -1)).Message.ShouldStartWith("can only specify one unknown dimension");
        Should.Throw<ShapeMismatchException>(() => Np.Zeros(new Shape(2, 0, 3)).Reshape(3, 0, -1)).Message.ShouldStartWith("cannot reshape array of size 0 into shape (3,0,newaxis)");
        // np.zeros(0).reshape(0, -1, 4): the unknown dimension of a zero-size array cannot be told, so NumPy refuses it.
        Should.Throw<ShapeMismatchException>(() => ManipulationRules.ReshapeTarget(0, [0, -1, 4])).Message.ShouldStartWith("cannot reshape array of size 0 into shape (0,newaxis,4)");
    }
}
