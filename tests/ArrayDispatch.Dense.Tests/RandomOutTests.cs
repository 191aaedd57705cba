using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Dense.Tests;

/// <summary>Random draws into <c>out=</c>: the values of the allocating call, written into the given array.</summary>
public sealed class RandomOutTests
{
    private static NDArray Draw(RandomDistribution distribution, Shape shape, double low, double high, DType dtype, NDArray? output) =>
        Np.Dispatcher.Create(ArrayFunctions.Random, new RandomArgs(distribution, shape, low, high, 12345UL, dtype, Out: output));

    private static double[] Values(NDArray a) => Np.AsType(a, DType.Float64).ToArray<double>();

    [Theory]
    [InlineData(RandomDistribution.Uniform, DType.Float64)]
    [InlineData(RandomDistribution.Uniform, DType.Float32)]
    [InlineData(RandomDistribution.Normal, DType.Float64)]
    [InlineData(RandomDistribution.Integers, DType.Int64)]
    public void Out_receives_the_same_values_as_the_allocating_draw_and_is_returned(RandomDistribution distribution, DType dtype)
    {
        using var host = TestHost.Create(new DensePlugin());
        var shape = new Shape(37, 11);
        double high = distribution == RandomDistribution.Integers ? 1000 : 3;
        NDArray fresh = Draw(distribution, shape, -2, high, dtype, null);
        // A recycled buffer holds old values: they must all be overwritten.
        NDArray buffer = Np.Full(shape, 7L, dtype);

        NDArray result = Draw(distribution, shape, -2, high, dtype, buffer);

        result.ShouldBeSameAs(buffer);
        Values(result).ShouldBe(Values(fresh));
    }

    [Fact]
    public void Uniform_into_out_matches_element_for_element()
    {
        using var host = TestHost.Create(new DensePlugin());
        var shape = new Shape(2000, 3);
        double[] expected = Draw(RandomDistribution.Uniform, shape, 0, 1, DType.Float64, null).ToArray<double>();
        NDArray buffer = Np.Zeros(shape);
        Draw(RandomDistribution.Uniform, shape, 0, 1, DType.Float64, buffer).ToArray<double>().ShouldBe(expected);
        buffer.ToArray<double>().ShouldBe(expected);
    }

    [Fact]
    public void Out_of_the_wrong_shape_is_refused_naming_out()
    {
        using var host = TestHost.Create(new DensePlugin());
        var ex = Should.Throw<ShapeMismatchException>(() => Draw(RandomDistribution.Uniform, new Shape(4, 5), 0, 1, DType.Float64, Np.Zeros(new Shape(5, 4))));
        ex.ParamName.ShouldBe("out");
        ex.Message.ShouldContain("(5, 4)");
        ex.Message.ShouldContain("(4, 5)");
    }

    [Fact]
    public void Out_of_the_wrong_dtype_is_refused_naming_out()
    {
        using var host = TestHost.Create(new DensePlugin());
        var ex = Should.Throw<DTypeMismatchException>(() => Draw(RandomDistribution.Uniform, new Shape(4), 0, 1, DType.Float64, Np.Zeros(new Shape(4), DType.Float32)));
        ex.ParamName.ShouldBe("out");
    }

    [Fact]
    public void A_non_contiguous_out_is_filled_in_its_own_layout()
    {
        using var host = TestHost.Create(new DensePlugin());
        NDArray fresh = Draw(RandomDistribution.Uniform, new Shape(6, 4), 0, 1, DType.Float64, null);
        NDArray backing = Np.Zeros(new Shape(4, 6));
        NDArray view = Np.Transpose(backing);
        Draw(RandomDistribution.Uniform, new Shape(6, 4), 0, 1, DType.Float64, view);
        Values(view).ShouldBe(Values(fresh));
        Values(backing).ShouldBe(Values(Np.Transpose(fresh)));
    }
}
