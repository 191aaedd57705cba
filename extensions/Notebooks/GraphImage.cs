using System.Net;

namespace ArrayDispatch.Notebooks;

/// <summary>A task graph drawn by <see cref="NDArray.Visualize"/>, shown inline: the SVG, or the DOT text when Graphviz is missing.</summary>
/// <param name="Svg">The SVG document, or <see langword="null"/> when only DOT was written.</param>
/// <param name="Dot">The DOT text, or <see langword="null"/> when the SVG was drawn.</param>
public sealed record GraphImage(string? Svg, string? Dot)
{
    /// <summary>The inline SVG (its XML declaration and DOCTYPE removed), or the DOT text in a <c>&lt;pre&gt;</c> with a hint.</summary>
    public string ToHtml()
    {
        if (Svg is { } svg)
        {
            int start = svg.IndexOf("<svg", StringComparison.Ordinal);
            return start < 0 ? svg : svg[start..];
        }
        return "<div>Graphviz's <code>dot</code> is not on the PATH (apt-get install -y graphviz); the graph in DOT:</div><pre>"
            + WebUtility.HtmlEncode(Dot ?? "") + "</pre>";
    }
}
