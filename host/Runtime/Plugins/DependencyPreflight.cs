namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// Walks a plugin's reference closure before loading it: every referenced assembly must be in the plugin's folder,
/// shared by the host, in the host's folder, or part of the framework. Without this a missing dependency surfaces
/// only at the first call that touches it.
/// </summary>
internal static class DependencyPreflight
{
    private static readonly Lazy<HashSet<string>> s_framework = new(() =>
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string tpa)
        {
            foreach (string path in tpa.Split(Path.PathSeparator)) names.Add(Path.GetFileNameWithoutExtension(path));
        }
        return names;
    });

    public static string? FindMissing(string folder, AssemblyFacts entry, IEnumerable<string> shared)
    {
        var sharedSet = new HashSet<string>(shared, StringComparer.OrdinalIgnoreCase);
        var local = Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
            .GroupBy(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<(AssemblyFacts Facts, string From)>();
        pending.Enqueue((entry, entry.Name.Name ?? "?"));
        while (pending.Count > 0)
        {
            (AssemblyFacts facts, string from) = pending.Dequeue();
            foreach (var reference in facts.References)
            {
                string? n = reference.Name;
                if (n is null || !visited.Add(n)) continue;
                if (sharedSet.Contains(n) || s_framework.Value.Contains(n)) continue;
                if (local.TryGetValue(n, out string? path))
                {
                    if (AssemblyInspector.TryRead(path, out _) is { } child) pending.Enqueue((child, n));
                    continue;
                }
                if (File.Exists(Path.Combine(AppContext.BaseDirectory, n + ".dll"))) continue;
                return $"'{n}' {reference.Version} (referenced by {from}) is not in {folder}, not shared by the host, and not part of the framework";
            }
        }
        return null;
    }
}
