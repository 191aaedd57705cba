using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary>A shape indexes like NumPy's shape tuple: negative axes, <c>^</c> from the end, and ranges.</summary>
public sealed class ShapeIndexingTests
{
    private static readonly Shape s_shape = new(2, 3, 4);

    [Fact]
    public void Negative_axes_count_from_the_end_as_in_NumPy()
    {
        s_shape[-1].ShouldBe(4);
        s_shape[-3].ShouldBe(2);
        s_shape[0].ShouldBe(2);
    }

    [Fact]
    public void Hat_indices_count_from_the_end()
    {
        s_shape[^1].ShouldBe(4);
        s_shape[^3].ShouldBe(2);
        s_shape[new Index(1)].ShouldBe(3);
    }

    [Fact]
    public void Ranges_give_a_shape()
    {
        s_shape[1..].ShouldBe(new Shape(3, 4));
        s_shape[..^1].ShouldBe(new Shape(2, 3));
        s_shape[1..1].ShouldBe(Shape.Scalar);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-4)]
    public void An_axis_out_of_range_is_NumPys_AxisError(int axis) =>
        Should.Throw<AxisOutOfRangeException>(() => s_shape[axis]).Message.ShouldBe($"axis {axis} is out of bounds for array of dimension 3");

    [Fact]
    public void Hat_zero_and_beyond_the_rank_are_out_of_range()
    {
        Should.Throw<AxisOutOfRangeException>(() => s_shape[^0]).Message.ShouldBe("axis 3 is out of bounds for array of dimension 3");
        Should.Throw<AxisOutOfRangeException>(() => s_shape[^4]);
        Should.Throw<AxisOutOfRangeException>(() => Shape.Scalar[^1]);
    }
}
