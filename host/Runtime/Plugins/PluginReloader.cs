using System.Collections.Concurrent;
using ArrayDispatch.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// Hot reload (<c>ArrayDispatch:HotReload=true</c>): one watcher per plugin root, not per plugin (each watcher costs an
/// inotify instance and the default limit is 128), seeing writes and renames (an atomic <c>mv</c> into place is a
/// rename, which McMaster's per-plugin watcher misses). Changes are debounced per plugin folder, then reloaded.
/// Measured here: .NET's inotify watcher drops the events of two directory renames that follow each other within a few
/// milliseconds (mv old away, mv new into place), so a once-a-second check of each folder's code files backs it up.
/// </summary>
internal sealed class PluginReloader : IDisposable
{
    private static readonly TimeSpan s_quietPeriod = TimeSpan.FromMilliseconds(400);
    private readonly PluginHost _host;
    private readonly ILogger _logger;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly ConcurrentDictionary<string, Timer> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _stamps = new(StringComparer.Ordinal);
    private readonly Timer _poll;
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
            foreach (string folder in Directory.GetDirectories(root)) _stamps[folder] = Stamp(folder);
        }
        _poll = new Timer(_ => Poll(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>What identifies a folder's current build: the code files' names, sizes and write times.</summary>
    private static string Stamp(string folder)
    {
        try
        {
            var sb = new System.Text.StringBuilder();
            foreach (string file in Directory.GetFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                sb.Append(file).Append(':').Append(info.Length).Append(':').Append(info.LastWriteTimeUtc.Ticks).Append(';');
            }
            return sb.ToString();
        }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }

    private void Poll()
    {
        if (_disposed) return;
        foreach (string root in _host.Roots)
        {
            if (!Directory.Exists(root)) continue;
            foreach (string folder in Directory.GetDirectories(root))
            {
                string stamp = Stamp(folder);
                if (_stamps.TryGetValue(folder, out string? known) && known == stamp) continue;
                _stamps[folder] = stamp;
                Touched(root, Path.Combine(folder, "."));
            }
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
        _stamps[folder] = Stamp(folder);
        try
        {
            // A folder that held no loaded plugin is a new plugin: "loaded" or "refused", not a reload of a version
            // that does not exist ("the previous version keeps serving" was logged for a plugin that never served).
            bool replacing = _host.IsLoaded(folder);
            PluginLoadResult result = _host.Reload(folder);
            if (result.Loaded && replacing) _logger.PluginReloaded(result.Name, folder);
            else if (result.Loaded) _logger.PluginAdded(result.Name, folder);
            else if (replacing) _logger.PluginReloadFailed(result.Name, folder, result.Outcome, result.Reason);
            else _logger.PluginRefused(result.Name, folder, result.Outcome, result.Reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.PluginReloadFailed(Path.GetFileName(folder), folder, PluginOutcome.RegistrationFailed, ex.Message);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _poll.Dispose();
        foreach (FileSystemWatcher w in _watchers) w.Dispose();
        foreach (Timer t in _pending.Values) t.Dispose();
    }
}
