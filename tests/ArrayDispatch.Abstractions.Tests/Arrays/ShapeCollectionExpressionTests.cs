using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary>
/// A collection expression is a shape, so <c>Np.Zeros([2, 3])</c> compiles as an outside user first writes it (it was
/// error CS9215: "Collection expression type 'Shape' must have an instance or extension method 'Add'").
/// </summary>
public sealed class ShapeCollectionExpressionTests
{
    private static Shape Take(Shape shape) => shape;   // a parameter of type Shape, as Np.Zeros/Ones/Empty/Full/Random have

    [Fact]
    public void A_collection_expression_is_a_shape_with_those_dimensions()
    {
        Take([2, 3]).ShouldBe(new Shape(2, 3));
        Shape scalar = [];
        scalar.ShouldBe(Shape.Scalar);
        scalar.Rank.ShouldBe(0);
        int[] dims = [4, 5];
        Take([.. dims, 6]).ShouldBe(new Shape(4, 5, 6));
    }

    [Fact]
    public void A_collection_expression_with_a_negative_dimension_is_refused_as_the_constructor_refuses_it() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Take([-1, 3])).Message.ShouldContain("negative dimensions are not allowed: (-1, 3)");
}
