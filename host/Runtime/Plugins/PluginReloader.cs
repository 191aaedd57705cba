using System.Collections.Concurrent;
using ArrayDispatch.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// Hot reload (<c>ArrayDispatch:HotReload=true</c>): one watcher per plugin root, not per plugin (each watcher costs an
/// inotify instance and the default limit is 128), seeing writes and renames (an atomic <c>mv</c> into place is a
/// rename, which McMaster's per-plugin watcher misses). Changes are debounced per plugin folder, then reloaded.
/// </summary>
internal sealed class PluginReloader : IDisposable
{
    private static readonly TimeSpan s_quietPeriod = TimeSpan.FromMilliseconds(400);
    private readonly PluginHost _host;
    private readonly ILogger _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ConcurrentDictionary<string, Timer> _pending = new(StringComparer.Ordinal);
    private bool _disposed;

    public PluginReloader(PluginHost host, ILogger logger)
    {
        _host = host;
        _logger = logger;
        foreach (string root in host.Roots)
        {
            if (!Directory.Exists(root)) continue;
            var watcher = new FileSystemWatcher(root)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Touched(root, e.FullPath);
            watcher.Created += (_, e) => Touched(root, e.FullPath);
            watcher.Deleted += (_, e) => Touched(root, e.FullPath);
            watcher.Renamed += (_, e) => { Touched(root, e.OldFullPath); Touched(root, e.FullPath); };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void Touched(string root, string path)
    {
        if (_disposed) return;
        string relative = Path.GetRelativePath(root, path);
        if (relative.StartsWith("..", StringComparison.Ordinal)) return;
        string first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        if (first.Length == 0 || first == ".") return;
        string folder = Path.Combine(root, first);
        // Debounce: every event restarts the folder's timer; the reload runs once the folder has been quiet.
        Timer timer = _pending.GetOrAdd(folder, f => new Timer(_ => Fire(f), null, Timeout.Infinite, Timeout.Infinite));
        timer.Change(s_quietPeriod, Timeout.InfiniteTimeSpan);
    }

    private void Fire(string folder)
    {
        if (_disposed) return;
        try
        {
            PluginLoadResult result = _host.Reload(folder);
            if (result.Loaded) _logger.PluginReloaded(result.Name, folder);
            else _logger.PluginReloadFailed(result.Name, folder, result.Outcome, result.Reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.PluginReloadFailed(Path.GetFileName(folder), folder, PluginOutcome.RegistrationFailed, ex.Message);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (FileSystemWatcher w in _watchers) w.Dispose();
        foreach (Timer t in _pending.Values) t.Dispose();
    }
}
