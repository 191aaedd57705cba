using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary>
/// NumPy's broadcasting of two shapes, including the cases answered without building new dimensions (one shape
/// stretching to the other) and the zero-length ones where stretching goes only from 1.
/// </summary>
public sealed class ShapeBroadcastTests
{
    [Theory]
    [InlineData(new int[0], new[] { 3 }, new[] { 3 })]
    [InlineData(new[] { 3 }, new int[0], new[] { 3 })]
    [InlineData(new[] { 1 }, new[] { 3 }, new[] { 3 })]
    [InlineData(new[] { 2, 3 }, new[] { 3 }, new[] { 2, 3 })]
    [InlineData(new[] { 3 }, new[] { 2, 3 }, new[] { 2, 3 })]
    [InlineData(new[] { 2, 1 }, new[] { 1, 4 }, new[] { 2, 4 })]
    [InlineData(new[] { 3, 1 }, new[] { 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 1 }, new[] { 0 }, new[] { 0 })]
    [InlineData(new[] { 0 }, new[] { 1 }, new[] { 0 })]
    [InlineData(new[] { 2, 0 }, new[] { 1 }, new[] { 2, 0 })]
    [InlineData(new[] { 1, 1 }, new[] { 5 }, new[] { 1, 5 })]
    [InlineData(new[] { 5 }, new[] { 1, 1 }, new[] { 1, 5 })]
    public void Broadcast_gives_NumPys_shape(int[] left, int[] right, int[] expected)
    {
        Shape.TryBroadcast(new Shape(left), new Shape(right), out Shape result).ShouldBeTrue();
        result.ShouldBe(new Shape(expected));
        Shape.Broadcast(new Shape(right), new Shape(left)).ShouldBe(new Shape(expected));
    }

    [Theory]
    [InlineData(new[] { 2 }, new[] { 3 })]
    [InlineData(new[] { 0 }, new[] { 2 })]
    [InlineData(new[] { 2, 3 }, new[] { 2 })]
    public void Shapes_that_do_not_fit_are_refused_naming_both(int[] left, int[] right)
    {
        Shape.TryBroadcast(new Shape(left), new Shape(right), out _).ShouldBeFalse();
        Should.Throw<ShapeMismatchException>(() => Shape.Broadcast(new Shape(left), new Shape(right)))
            .Message.ShouldBe($"operands could not be broadcast together with shapes {NumPyErrors.ShapeText(new Shape(left))} {NumPyErrors.ShapeText(new Shape(right))}");
    }
}
