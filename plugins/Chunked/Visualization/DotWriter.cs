using System.Globalization;
using System.Text;
using ArrayDispatch.Chunked.Graph;

namespace ArrayDispatch.Chunked.Visualization;

/// <summary>
/// Writes a task graph in Graphviz DOT: one node per task labelled like Dask's (function and chunk index), grouped by layer.
/// A layer's caption is a text node on the row of its first tasks rather than the cluster's own label, which Graphviz
/// draws across the edges leaving the cluster; edges are routed around nodes, so they never run through a caption.
/// </summary>
public static class DotWriter
{
    /// <summary>The DOT text of the graph <paramref name="plan"/> runs, titled with its task counts (run, culled, fused).</summary>
    public static string Write(ComputePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Write(plan.Graph, Title(plan));
    }

    /// <summary>The title of a plan's picture, e.g. <c>6 tasks (11 built: 1 culled, 4 fused)</c>.</summary>
    public static string Title(ComputePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        string tasks = plan.Graph.Count == 1 ? "1 task" : $"{plan.Graph.Count} tasks";
        return string.Create(CultureInfo.InvariantCulture, $"{tasks} ({plan.Built.Count} built: {plan.Culled} culled, {plan.Fused} fused)");
    }

    /// <summary>The DOT text of <paramref name="graph"/>, with <paramref name="title"/> above it when given.</summary>
    public static string Write(TaskGraph graph, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.AppendLine("digraph G {");
        sb.AppendLine("  rankdir=BT;");
        if (title is not null) sb.Append("  label=\"").Append(Escape(title)).AppendLine("\"; labelloc=t; fontname=\"Helvetica\"; fontsize=12;");
        sb.AppendLine("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string key in graph.Tasks.Keys) ids[key] = ids.Count;
        var placed = new HashSet<string>(StringComparer.Ordinal);
        int cluster = 0;
        foreach (GraphLayer layer in graph.Layers)
        {
            // The graph's own tasks (a fused task keeps the key of its last part, so it is drawn in that part's layer).
            var members = layer.Tasks.Where(t => graph.Contains(t.Key) && placed.Add(t.Key)).Select(t => graph[t.Key]).ToList();
            if (members.Count == 0) continue;
            int c = cluster++;
            sb.Append("  subgraph cluster_").Append(c).AppendLine(" {");
            sb.AppendLine("    label=\"\"; style=dashed; color=gray60;");
            sb.Append("    c").Append(c).Append(" [shape=plaintext, style=\"\", fontsize=9, fontcolor=gray35, label=\"").Append(Escape(layer.Name)).AppendLine("\"];");
            foreach (ChunkTask t in members) Node(sb, "    ", ids[t.Key], t);
            // The caption sits on the row of a task that reads nothing from its own layer (the layer's lowest row).
            var own = new HashSet<string>(members.Select(t => t.Key), StringComparer.Ordinal);
            ChunkTask first = members.FirstOrDefault(t => !t.Dependencies.Any(own.Contains)) ?? members[0];
            sb.Append("    { rank=same; c").Append(c).Append("; n").Append(ids[first.Key]).AppendLine("; }");
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
