using System.Globalization;
using System.Net;
using System.Text;
using ArrayDispatch.Chunked.Graph;

namespace ArrayDispatch.Chunked.Arrays;

/// <summary>
/// Dask's HTML card for an array (<c>dask.array.Array._repr_html_</c>): a table of the array's and one chunk's bytes and
/// shape, the chunk and layer counts and the dtype, beside a picture of the chunk grid of the last two axes. Nothing is computed.
/// </summary>
internal static class DaskCard
{
    private const double Side = 120;

    public static string Of(ChunkedArray x)
    {
        int[] chunk = x.Chunks.ChunkSize();
        long itemSize = x.DType.ItemSize();
        long chunkElements = 1;
        foreach (int c in chunk) chunkElements *= c;
        int layers = TaskGraph.FromLayers(x.Layer).Layers.Count;
        var html = new StringBuilder();
        html.Append("<table><tr><td><table style=\"border-collapse:collapse\">");
        html.Append("<thead><tr><td></td><th>Array</th><th>Chunk</th></tr></thead><tbody>");
        Row(html, "Bytes", Bytes(x.Size * itemSize), Bytes(chunkElements * itemSize));
        Row(html, "Shape", x.Shape.ToString(), Shape.Format(chunk));
        Row(html, "Dask graph", Plural(x.BlockCount, "chunk") + " in " + Plural(layers, "graph layer"), "");
        Row(html, "Data type", x.DType.Name() + " " + WebUtility.HtmlEncode(x.ChunkType.Name), "");
        html.Append("</tbody></table></td><td>").Append(Grid(x)).Append("</td></tr></table>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, string array, string chunk) =>
        html.Append("<tr><th>").Append(name).Append("</th><td>").Append(WebUtility.HtmlEncode(array)).Append("</td><td>").Append(WebUtility.HtmlEncode(chunk)).Append("</td></tr>");

    private static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? "" : "s");

    /// <summary>Bytes as Dask prints them: <c>7.63 MiB</c>.</summary>
    internal static string Bytes(long bytes)
    {
        string[] units = ["B", "kiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
        return unit == 0 ? $"{bytes} B" : value.ToString("0.##", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>The chunk boundaries of the last two axes (one axis: a strip), scaled so the longer side is 120 px.</summary>
    private static string Grid(ChunkedArray x)
    {
        if (x.Rank == 0) return "";
        int rowAxis = x.Rank >= 2 ? x.Rank - 2 : -1;
        int colAxis = x.Rank - 1;
        double rows = rowAxis < 0 ? 1 : Math.Max(x.Shape.Dims[rowAxis], 1);
        double cols = Math.Max(x.Shape.Dims[colAxis], 1);
        double scale = Side / Math.Max(rows, cols);
        double width = Math.Max(cols * scale, 10), height = rowAxis < 0 ? 25 : Math.Max(rows * scale, 10);
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"<svg width=\"{width + 20:0}\" height=\"{height + 20:0}\" style=\"stroke:rgb(0,0,0);stroke-width:1\">"));
        foreach (double y in Edges(x, rowAxis, height))
        {
            svg.Append(string.Create(CultureInfo.InvariantCulture, $"<line x1=\"10\" y1=\"{y + 10:0.#}\" x2=\"{width + 10:0.#}\" y2=\"{y + 10:0.#}\"/>"));
        }
        foreach (double c in Edges(x, colAxis, width))
        {
            svg.Append(string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{c + 10:0.#}\" y1=\"10\" x2=\"{c + 10:0.#}\" y2=\"{height + 10:0.#}\"/>"));
        }
        svg.Append(string.Create(CultureInfo.InvariantCulture,
            $"<polygon points=\"10,10 {width + 10:0.#},10 {width + 10:0.#},{height + 10:0.#} 10,{height + 10:0.#}\" style=\"fill:#ECB172A0;stroke-width:0\"/>"));
        return svg.Append("</svg>").ToString();
    }

    private static IEnumerable<double> Edges(ChunkedArray x, int axis, double length)
    {
        if (axis < 0)
        {
            yield return 0;
            yield return length;
            yield break;
        }
        double total = Math.Max(x.Shape.Dims[axis], 1), at = 0;
        yield return 0;
        foreach (int size in x.Chunks[axis])
        {
            at += size;
            yield return at / total * length;
        }
    }
}
