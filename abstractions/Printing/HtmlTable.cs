using System.Net;
using System.Text;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Printing;

/// <summary>
/// Host-resident arrays as an HTML table for notebooks: 1-d as one row, 2-d as rows and columns with their indices,
/// summarised like the text (the first and last <see cref="PrintOptions.EdgeItems"/> of each long axis around an
/// ellipsis) when the array has more than <see cref="PrintOptions.Threshold"/> elements. Other ranks show the text in a
/// <c>&lt;pre&gt;</c>. Cells hold the same digits as the text.
/// </summary>
public static class HtmlTable
{
    /// <summary>The array as an HTML fragment.</summary>
    /// <param name="a">The elements.</param>
    /// <param name="options">The print options; <see langword="null"/> for <see cref="PrintOptions.Current"/>.</param>
    public static string Of(HostBuffer a, PrintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= PrintOptions.Current;
        string caption = $"<div style=\"font-family:monospace;color:#666\">shape={a.Shape}, dtype={a.DType.Name()}</div>";
        if (a.Shape.Rank is not (1 or 2) || a.Shape.Size == 0)
        {
            return "<pre>" + WebUtility.HtmlEncode(ArrayPrinter.Repr(a, options)) + "</pre>";
        }
        bool summarise = a.Shape.Size > options.Threshold;
        int rows = a.Shape.Rank == 2 ? a.Shape.Dims[0] : 1;
        int cols = a.Shape.Dims[a.Shape.Rank - 1];
        long rowStride = a.Shape.Rank == 2 ? a.Strides[0] : 0;
        long colStride = a.Strides[a.Shape.Rank - 1];
        int[] rowIndex = Shown(rows, summarise, options.EdgeItems);
        int[] colIndex = Shown(cols, summarise, options.EdgeItems);

        var offsets = new List<long>(rowIndex.Length * colIndex.Length);
        foreach (int r in rowIndex)
        {
            if (r < 0) continue;
            foreach (int c in colIndex)
            {
                if (c >= 0) offsets.Add(a.Offset + r * rowStride + c * colStride);
            }
        }
        ElementFormat format = ElementFormat.For(a, offsets, options);

        var html = new StringBuilder("<table style=\"font-family:monospace\"><thead><tr><th></th>");
        foreach (int c in colIndex) html.Append("<th>").Append(c < 0 ? "…" : c.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (int r in rowIndex)
        {
            html.Append("<tr><th>").Append(r < 0 ? "⋮" : r.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("</th>");
            foreach (int c in colIndex)
            {
                string cell = r < 0 ? (c < 0 ? "⋱" : "⋮") : c < 0 ? "…" : WebUtility.HtmlEncode(format.Format(a.Offset + r * rowStride + c * colStride).Trim());
                html.Append("<td>").Append(cell).Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").Append(caption).ToString();
    }

    /// <summary>The indices shown along an axis of <paramref name="n"/>; -1 marks the ellipsis.</summary>
    private static int[] Shown(int n, bool summarise, int edge)
    {
        if (!summarise || n <= 2 * edge) return [.. Enumerable.Range(0, n)];
        return [.. Enumerable.Range(0, edge), -1, .. Enumerable.Range(n - edge, edge)];
    }
}
