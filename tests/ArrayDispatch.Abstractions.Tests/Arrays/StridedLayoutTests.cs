using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary>
/// <see cref="StridedLayout"/>: NumPy's view functions as arithmetic on shape, strides and offset. Checked by the element
/// each view position addresses (<c>offset + Σ index·stride</c>) against the element NumPy's view addresses there.
/// </summary>
public sealed class StridedLayoutTests
{
    private static readonly StridedLayout s_c = StridedLayout.Contiguous(new Shape(2, 3, 4));   // strides (12, 4, 1)

    private static long At(StridedLayout layout, params int[] index)
    {
        long at = layout.Offset;
        for (int k = 0; k < index.Length; k++) at += index[k] * layout.Strides[k];
        return at;
    }

    [Fact]
    public void Flip_addresses_the_mirrored_element_and_leaves_an_empty_axis_alone()
    {
        StridedLayout flipped = s_c.Flip(Axes.Of(0, -1));
        flipped.Shape.ShouldBe(s_c.Shape);
        At(flipped, 0, 1, 0).ShouldBe(At(s_c, 1, 1, 3));
        At(flipped.Flip(Axes.Of(0, 2)), 1, 2, 3).ShouldBe(At(s_c, 1, 2, 3));      // flipping twice is the identity
        StridedLayout empty = StridedLayout.Contiguous(new Shape(0, 3)).Flip(0);
        empty.Offset.ShouldBe(0);                                                   // an empty axis has no last element to start from
        Should.Throw<AxisOutOfRangeException>(() => s_c.Flip(3));
    }

    [Fact]
    public void Swapaxes_and_moveaxis_permute_as_NumPy()
    {
        s_c.SwapAxes(0, -1).Shape.ShouldBe(new Shape(4, 3, 2));
        At(s_c.SwapAxes(0, 2), 3, 1, 0).ShouldBe(At(s_c, 0, 1, 3));
        s_c.MoveAxis([0], [-1]).Shape.ShouldBe(new Shape(3, 4, 2));                 // np.moveaxis(np.zeros((2,3,4)), 0, -1).shape
        s_c.MoveAxis([0, 1], [-1, -2]).Shape.ShouldBe(new Shape(4, 3, 2));
        s_c.MoveAxis([2, 0], [0, 1]).Shape.ShouldBe(new Shape(4, 2, 3));
        Should.Throw<ArgumentException>(() => s_c.MoveAxis([0, 0], [1, 2])).Message.ShouldStartWith("repeated axis in `source` argument");
        Should.Throw<ArgumentException>(() => s_c.MoveAxis([0, 1], [1])).Message.ShouldStartWith("`source` and `destination` arguments must have the same number of elements");
        Should.Throw<ArgumentException>(() => s_c.Transpose([0, 0, 1])).Message.ShouldStartWith("repeated axis in transpose");
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    [InlineData(-1, 1)]
    [InlineData(3, 0)]
    [InlineData(-2, 0)]
    [InlineData(int.MinValue, 0)]
    [InlineData(int.MaxValue, 0)]
    public void Diagonal_of_the_first_two_axes_is_the_last_axis_of_the_view(int offset, int length)
    {
        StridedLayout d = s_c.Diagonal(offset);
        d.Shape.ShouldBe(new Shape(4, length));                                     // np.diagonal(np.zeros((2,3,4)), k).shape
        for (int i = 0; i < length; i++)
        {
            At(d, 1, i).ShouldBe(At(s_c, i + Math.Max(0, -offset), i + Math.Max(0, offset), 1));
        }
        Should.Throw<ArgumentException>(() => StridedLayout.Contiguous(new Shape(5)).Diagonal()).Message.ShouldStartWith("diag requires an array of at least two dimensions");
    }

    [Fact]
    public void Broadcast_expand_and_squeeze_change_only_lengths_of_one()
    {
        StridedLayout row = StridedLayout.Contiguous(new Shape(1, 4));
        StridedLayout b = row.BroadcastTo(new Shape(3, 2, 4));
        b.Strides.ToArray().ShouldBe([0L, 0, 1]);
        Should.Throw<ShapeMismatchException>(() => row.BroadcastTo(new Shape(3))).Message.ShouldStartWith(
            "operands could not be broadcast together with remapped shapes [original->remapped]: (1, 4) and requested shape (3,)");
        StridedLayout e = s_c.ExpandDims([0, -1]);
        e.Shape.ShouldBe(new Shape(1, 2, 3, 4, 1));
        e.Squeeze().Shape.ShouldBe(s_c.Shape);
        Should.Throw<ArgumentException>(() => s_c.Squeeze(1));
        s_c.IsContiguous.ShouldBeTrue();
        s_c.Transpose().IsContiguous.ShouldBeFalse();
        s_c.Slice(0, 1, 1, 1).IsContiguous.ShouldBeTrue();                          // x[1:2]
        s_c.Slice(1, 1, 1, 1).IsContiguous.ShouldBeFalse();                         // x[:, 1:2]: a gap between the two rows
        default(StridedLayout).Shape.ShouldBe(Shape.Scalar);
        default(StridedLayout).StrideArray().ShouldBeEmpty();
    }
}
