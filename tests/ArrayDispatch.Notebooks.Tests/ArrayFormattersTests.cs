using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;
using Microsoft.DotNet.Interactive.Formatting;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Notebooks.Tests;

public sealed class ArrayFormattersTests
{
    public ArrayFormattersTests() => ArrayFormatters.Register();

    [Fact]
    public void Html_HostResidentMatrix_IsATable()
    {
        NDArray x = new HostArray(HostBuffer.FromContiguous(new[] { 0.5, 1, 2, 3 }, new Shape(2, 2)));

        string html = x.ToDisplayString(HtmlFormatter.MimeType);

        html.ShouldStartWith("<table");
        html.ShouldContain("<tr><th>0</th><td>0.5</td><td>1.</td></tr>");
    }

    [Fact]
    public void Html_ArrayThatRendersItself_UsesItsHtml()
    {
        new CardArray().ToDisplayString(HtmlFormatter.MimeType).ShouldBe("<div>card</div>");
    }

    [Fact]
    public void Html_OtherArrays_ShowTheirReprPreformatted()
    {
        new RemoteArray().ToDisplayString(HtmlFormatter.MimeType).ShouldBe("<pre>RemoteArray(shape=(2,), dtype=float64)</pre>");
    }

    [Fact]
    public void PlainText_IsNumPysRepr()
    {
        NDArray x = new HostArray(HostBuffer.FromContiguous(new[] { 1, 2 }, new Shape(2)));

        x.ToDisplayString(PlainTextFormatter.MimeType).ShouldBe("array([1, 2], dtype=int32)");
    }

    [Fact]
    public void GraphImage_InlinesTheSvgElement_OrShowsDot()
    {
        new GraphImage("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"1\"></svg>", null).ToDisplayString(HtmlFormatter.MimeType)
            .ShouldBe("<svg width=\"1\"></svg>");
        new GraphImage(null, "digraph { a -> b }").ToHtml().ShouldEndWith("<pre>digraph { a -&gt; b }</pre>");
    }

    private sealed class HostArray(HostBuffer buffer) : NDArray
    {
        public override Shape Shape => buffer.Shape;

        public override DType DType => buffer.DType;

        public override bool IsHostResident => true;

        public override HostBuffer ToHost() => buffer;
    }

    private class RemoteArray : NDArray
    {
        public override Shape Shape => new(2);

        public override DType DType => DType.Float64;

        public override HostBuffer ToHost() => throw new InvalidOperationException("not host-resident");
    }

    private sealed class CardArray : RemoteArray, IHtmlFormattable
    {
        public string ToHtml() => "<div>card</div>";
    }
}
