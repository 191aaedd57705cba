using ArrayDispatch.Functions;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Functions;

/// <summary>NumPy's einsum shape rule, written once in the protocol (Dense checks calls with it; Chunked builds its result's shape from it).</summary>
public sealed class ProductRulesTests
{
    [Theory]
    [InlineData("ij,jk->ik", new[] { 2, 3 }, new[] { 3, 4 }, new[] { 2, 4 })]
    [InlineData("ij,jk", new[] { 2, 3 }, new[] { 3, 4 }, new[] { 2, 4 })]          // implicit: labels seen once, in order
    [InlineData("ba,ca", new[] { 2, 3 }, new[] { 4, 3 }, new[] { 2, 4 })]
    [InlineData("ii", new[] { 3, 3 }, null, new int[0])]                             // trace
    [InlineData("ji", new[] { 2, 5 }, null, new[] { 5, 2 })]                        // implicit transpose
    [InlineData("...ij,...jk", new[] { 2, 1, 3, 4 }, new[] { 5, 4, 6 }, new[] { 2, 5, 3, 6 })]   // '...' broadcast first
    [InlineData("i...->...", new[] { 3, 2, 7 }, null, new[] { 2, 7 })]
    public void EinsumShape_is_numpys(string subscripts, int[] a, int[]? b, int[] expected)
    {
        Shape[] shapes = b is null ? [new Shape(a)] : [new Shape(a), new Shape(b)];
        ProductRules.EinsumShape(subscripts, shapes).ShouldBe(new Shape(expected));
    }

    [Fact]
    public void EinsumShape_refuses_what_numpy_refuses_naming_the_operand_or_label()
    {
        Should.Throw<ArgumentException>(() => ProductRules.EinsumShape("ij", [new Shape(2, 2), new Shape(2, 2)]))
            .Message.ShouldStartWith("einsum: 1 operand subscripts for 2 operands");
        Should.Throw<ArgumentException>(() => ProductRules.EinsumShape("ijk", [new Shape(2, 2)]))
            .Message.ShouldStartWith("einsum: operand 0 has 2 dimensions but subscripts 'ijk' name 3");
        Should.Throw<ShapeMismatchException>(() => ProductRules.EinsumShape("ij,jk", [new Shape(2, 3), new Shape(4, 2)]))
            .Message.ShouldBe("einsum: size of label 'j' for operand 1 (4) does not match previous terms (3)");
        Should.Throw<ArgumentException>(() => ProductRules.EinsumShape("ij->k", [new Shape(2, 3)]))
            .Message.ShouldStartWith("einsum: output subscript 'k' does not appear in the inputs");
        Should.Throw<ArgumentException>(() => ProductRules.EinsumShape("...ijk", [new Shape(2, 2)]))
            .Message.ShouldStartWith("einsum: operand 0 has 2 dimensions but subscripts '...ijk' name 3 besides '...'");
    }
}
