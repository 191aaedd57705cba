using System.Net;
using ArrayDispatch.Printing;
using Microsoft.DotNet.Interactive.Formatting;

namespace ArrayDispatch.Notebooks;

/// <summary>
/// Shows arrays in Polyglot Notebooks: host-resident 1-d and 2-d arrays as an HTML table (summarised like NumPy's text),
/// arrays that render themselves (<see cref="IHtmlFormattable"/>, e.g. Chunked's Dask card) as their HTML, others as
/// NumPy's repr in a <c>&lt;pre&gt;</c>; <see cref="NotebookExtensions.VisualizeInline"/> graphs as inline SVG.
/// </summary>
/// <remarks>In a notebook: <c>#r "ArrayDispatch.Notebooks.dll"</c>, then <c>ArrayDispatch.Notebooks.ArrayFormatters.Register();</c>.</remarks>
public static class ArrayFormatters
{
    private static int s_registered;

    /// <summary>Registers the formatters with <see cref="Formatter"/> (once; later calls do nothing).</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) != 0) return;
        Formatter.Register<NDArray>((x, context) => { context.Writer.Write(ToHtml(x)); return true; }, HtmlFormatter.MimeType);
        Formatter.Register<NDArray>((x, context) => { context.Writer.Write(x.ToString("R", null)); return true; }, PlainTextFormatter.MimeType);
        Formatter.Register<GraphImage>((g, context) => { context.Writer.Write(g.ToHtml()); return true; }, HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(NDArray), HtmlFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GraphImage), HtmlFormatter.MimeType);
    }

    /// <summary>The HTML a notebook shows for <paramref name="x"/>.</summary>
    public static string ToHtml(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x is IHtmlFormattable self) return self.ToHtml();
        if (x.IsHostResident) return HtmlTable.Of(x.ToHost());
        return "<pre>" + WebUtility.HtmlEncode(x.ToString("R", null)) + "</pre>";
    }
}
