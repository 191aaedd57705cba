namespace ArrayDispatch.Runtime.Plugins;

/// <summary>The outcome of loading one plugin folder.</summary>
/// <param name="Name">The backend name (the folder's name when the plugin could not be read).</param>
/// <param name="Folder">The plugin's folder, or null for an in-process backend.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Reason">Why it failed, or a summary when loaded.</param>
/// <param name="Version">The plugin assembly's version, when known.</param>
/// <param name="ArrayTypes">The array types it owns, when loaded.</param>
/// <param name="FunctionCount">The number of functions it handles, when loaded.</param>
/// <param name="LastReloadFailure">Why the latest hot reload of a loaded plugin failed (the previous version keeps serving), or null.</param>
public sealed record PluginLoadResult(string Name, string? Folder, PluginOutcome Outcome, string Reason,
    Version? Version = null, IReadOnlyList<string>? ArrayTypes = null, int FunctionCount = 0, string? LastReloadFailure = null)
{
    /// <summary>Whether the plugin is serving calls.</summary>
    public bool Loaded => Outcome == PluginOutcome.Loaded;
}

/// <summary>Every plugin outcome of this host, for <c>backends</c>, the health check and diagnostics. Thread-safe.</summary>
public sealed class PluginLoadReport
{
    private readonly Lock _gate = new();
    private readonly List<PluginLoadResult> _results = [];

    /// <summary>The outcomes, in load order.</summary>
    public IReadOnlyList<PluginLoadResult> Results
    {
        get { lock (_gate) return _results.ToArray(); }
    }

    /// <summary>The latest outcome per plugin folder (a hot reload adds a newer one), in first-load order.</summary>
    public IReadOnlyList<PluginLoadResult> Latest
    {
        get
        {
            lock (_gate)
            {
                var latest = new List<PluginLoadResult>();
                foreach (PluginLoadResult r in _results)
                {
                    int at = latest.FindIndex(x => (x.Folder ?? x.Name) == (r.Folder ?? r.Name));
                    if (at >= 0) latest[at] = r.Loaded || !latest[at].Loaded ? r : latest[at] with { LastReloadFailure = $"{r.Outcome}: {r.Reason}" };
                    else latest.Add(r);
                }
                return latest;
            }
        }
    }

    internal void Add(PluginLoadResult result)
    {
        lock (_gate) _results.Add(result);
    }
}
