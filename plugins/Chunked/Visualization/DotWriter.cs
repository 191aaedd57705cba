using System.Text;
using ArrayDispatch.Chunked.Graph;

namespace ArrayDispatch.Chunked.Visualization;

/// <summary>Writes a task graph in Graphviz DOT: one node per task labelled like Dask's (function and chunk index), grouped by layer.</summary>
public static class DotWriter
{
    /// <summary>The DOT text of <paramref name="graph"/>.</summary>
    public static string Write(TaskGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.AppendLine("digraph G {");
        sb.AppendLine("  rankdir=BT;");
        sb.AppendLine("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string key in graph.Tasks.Keys) ids[key] = ids.Count;
        var placed = new HashSet<string>(StringComparer.Ordinal);
        int cluster = 0;
        foreach (GraphLayer layer in graph.Layers)
        {
            var members = layer.Tasks.Where(t => graph.Contains(t.Key) && placed.Add(t.Key)).ToList();
            if (members.Count == 0) continue;
            sb.Append("  subgraph cluster_").Append(cluster++).AppendLine(" {");
            sb.Append("    label=\"").Append(Escape(layer.Name)).AppendLine("\"; style=dashed; color=gray60; fontsize=9;");
            foreach (ChunkTask t in members) Node(sb, "    ", ids[t.Key], t);
            sb.AppendLine("  }");
        }
        foreach (ChunkTask t in graph.Tasks.Values)
        {
            if (placed.Add(t.Key)) Node(sb, "  ", ids[t.Key], t);
        }
        foreach (ChunkTask t in graph.Tasks.Values)
        {
            foreach (string d in t.Dependencies.Distinct())
            {
                sb.Append("  n").Append(ids[d]).Append(" -> n").Append(ids[t.Key]).AppendLine(";");
            }
        }
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static void Node(StringBuilder sb, string indent, int id, ChunkTask t) =>
        sb.Append(indent).Append('n').Append(id).Append(" [label=\"").Append(Escape(t.Label)).Append("\", tooltip=\"").Append(Escape(t.Key)).AppendLine("\"];");

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
