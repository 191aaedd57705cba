using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Printing;

/// <summary>
/// <see cref="ArrayPrinter"/> against NumPy 1.24's str and repr, byte for byte, on the recorded fixture set (every dtype,
/// 0-d to 3-d, empty and summarised arrays, print-option combinations). See <see cref="PrintingFixtures"/> for how the
/// fixtures are regenerated.
/// </summary>
[Collection(nameof(GlobalPrintOptions))]
public sealed class ArrayPrinterTests
{
    [Theory]
    [MemberData(nameof(PrintingFixtures.Ids), MemberType = typeof(PrintingFixtures))]
    public void Str_MatchesNumPy(string id)
    {
        PrintingCase c = PrintingFixtures.Get(id);

        ArrayPrinter.Str(c.Buffer, c.Options).ShouldBe(c.Str, $"str of case {id}");
    }

    [Theory]
    [MemberData(nameof(PrintingFixtures.Ids), MemberType = typeof(PrintingFixtures))]
    public void Repr_MatchesNumPy(string id)
    {
        PrintingCase c = PrintingFixtures.Get(id);

        ArrayPrinter.Repr(c.Buffer, c.Options).ShouldBe(c.Repr, $"repr of case {id}");
    }

    [Fact]
    public void Str_StridedView_PrintsElementsInLogicalOrder()
    {
        // The transpose of [[0, 1, 2], [3, 4, 5]] as a view: strides (1, 3).
        var buffer = new HostBuffer(new long[] { 0, 1, 2, 3, 4, 5 }, DType.Int64, new Shape(3, 2), [1, 3]);

        ArrayPrinter.Str(buffer).ShouldBe("[[0 3]\n [1 4]\n [2 5]]");
    }

    [Fact]
    public void Str_WithoutOptions_UsesTheScopedOptions()
    {
        HostBuffer buffer = HostBuffer.FromContiguous(new[] { 1.0 / 3, 2.0 / 3 }, new Shape(2));

        using (PrintOptions.Use(new PrintOptions { Precision = 3 }))
        {
            ArrayPrinter.Str(buffer).ShouldBe("[0.333 0.667]");
        }
        ArrayPrinter.Str(buffer).ShouldBe("[0.33333333 0.66666667]");
    }
}

/// <summary>The notebook table: the text's digits in cells, summarised like the text.</summary>
[Collection(nameof(GlobalPrintOptions))]
public sealed class HtmlTableTests
{
    [Fact]
    public void Of_SmallMatrix_ShowsEveryCellWithIndices()
    {
        HostBuffer buffer = HostBuffer.FromContiguous(new[] { 0.5, 1, 2, 3 }, new Shape(2, 2));

        HtmlTable.Of(buffer).ShouldBe(
            "<table style=\"font-family:monospace\"><thead><tr><th></th><th>0</th><th>1</th></tr></thead><tbody>"
            + "<tr><th>0</th><td>0.5</td><td>1.</td></tr><tr><th>1</th><td>2.</td><td>3.</td></tr></tbody></table>"
            + "<div style=\"font-family:monospace;color:#666\">shape=(2, 2), dtype=float64</div>");
    }

    [Fact]
    public void Of_LargeMatrix_ShowsEdgeItemsAroundEllipses()
    {
        HostBuffer buffer = HostBuffer.FromContiguous(Enumerable.Range(0, 10000).Select(i => (long)i).ToArray(), new Shape(100, 100));

        string html = HtmlTable.Of(buffer);

        html.ShouldContain("<tr><th>⋮</th><td>⋮</td><td>⋮</td><td>⋮</td><td>⋱</td><td>⋮</td><td>⋮</td><td>⋮</td></tr>");
        html.ShouldContain("<tr><th>99</th><td>9900</td><td>9901</td><td>9902</td><td>…</td><td>9997</td><td>9998</td><td>9999</td></tr>");
    }

    [Fact]
    public void Of_ThreeDimensional_ShowsTheReprAsPreformattedText()
    {
        HtmlTable.Of(HostBuffer.FromContiguous(new[] { 1, 2 }, new Shape(1, 1, 2))).ShouldBe("<pre>array([[[1, 2]]], dtype=int32)</pre>");
    }
}
