using Shouldly;
using Xunit;

namespace ArrayDispatch.Host.Tests.Protocol;

/// <summary>The protocol's one concatenate/stack shape rule and dtype promotion, which every backend's joining uses.</summary>
public sealed class JoiningRuleTests
{
    [Fact]
    public void Concatenated_adds_the_axis_and_normalises_a_negative_axis()
    {
        int axis = -1;
        Shape.Concatenated([new Shape(2, 3), new Shape(2, 4)], ref axis).ShouldBe(new Shape(2, 7));
        axis.ShouldBe(1);
    }

    [Fact]
    public void Concatenated_refuses_what_NumPy_refuses_with_its_messages()
    {
        int axis = 0;
        Should.Throw<ArgumentException>(() => Shape.Concatenated([], ref axis)).Message.ShouldStartWith("need at least one array to concatenate");
        Should.Throw<ArgumentException>(() => Shape.Concatenated([Shape.Scalar], ref axis)).Message.ShouldStartWith("zero-dimensional arrays cannot be concatenated");
        Should.Throw<ShapeMismatchException>(() => Shape.Concatenated([new Shape(2, 3), new Shape(3)], ref axis)).Message.ShouldStartWith(
            "all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension(s) and the array at index 1 has 1 dimension(s)");
        var mismatch = Should.Throw<ShapeMismatchException>(() => Shape.Concatenated([new Shape(2, 3), new Shape(2, 3), new Shape(1, 4)], ref axis));
        mismatch.Message.ShouldStartWith("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 2 has size 4");
        mismatch.ParamName.ShouldBe("arrays");
    }

    [Fact]
    public void Stacked_needs_equal_shapes_and_places_the_new_axis()
    {
        Shape.Stacked([new Shape(2, 3), new Shape(2, 3)], -1).ShouldBe(2);
        Should.Throw<ArgumentException>(() => Shape.Stacked([], 0)).Message.ShouldStartWith("need at least one array to stack");
        Should.Throw<ShapeMismatchException>(() => Shape.Stacked([new Shape(2, 3), new Shape(3, 2)], 0)).Message.ShouldStartWith("all input arrays must have the same shape");
    }

    [Fact]
    public void Promote_of_several_dtypes_is_NumPys_result_type()
    {
        DTypes.Promote([DType.Int32, DType.Float32]).ShouldBe(DType.Float64);
        DTypes.Promote([DType.Bool, DType.Int32, DType.Int64]).ShouldBe(DType.Int64);
        DTypes.Promote([DType.Float32]).ShouldBe(DType.Float32);
        Should.Throw<ArgumentException>(() => DTypes.Promote(Array.Empty<DType>()));
    }
}
