using System.Diagnostics;
using ArrayDispatch.Chunked.Graph;
using Microsoft.Extensions.Logging;

namespace ArrayDispatch.Chunked.Visualization;

/// <summary>
/// Writes a task graph to a file: DOT always (beside the picture when one is asked for); SVG or PNG through Graphviz's <c>dot</c> when it is on the PATH, else the
/// <c>.dot</c> file beside the requested path and a message saying how to get Graphviz.
/// </summary>
internal static class GraphRenderer
{
    public static string Render(ComputePlan plan, string path, ILogger logger) => Render(DotWriter.Write(plan), path, logger);

    public static string Render(string dot, string path, ILogger logger) => Render(dot, path, logger, FindOnPath("dot"), Console.Error);

    /// <summary>
    /// Render with Graphviz's <c>dot</c> at <paramref name="graphviz"/> (null: not installed). Without it the message
    /// saying how to get it is written once: to the logger when it writes warnings (the host's console logger), else to
    /// <paramref name="error"/>, so a user with no logging configured still sees it.
    /// </summary>
    internal static string Render(string dot, string path, ILogger logger, string? graphviz, TextWriter error)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string ext = Path.GetExtension(full).TrimStart('.').ToLowerInvariant();
        if (ext is "dot" or "gv" or "")
        {
            string target = ext.Length == 0 ? full + ".dot" : full;
            File.WriteAllText(target, dot);
            return target;
        }
        if (ext is not ("svg" or "png" or "pdf"))
        {
            throw new ArgumentException($"cannot write a task graph as '.{ext}': use .dot, .svg, .png or .pdf", nameof(path));
        }
        string dotPath = Path.ChangeExtension(full, ".dot");
        File.WriteAllText(dotPath, dot);
        if (graphviz is null)
        {
            string message = $"Graphviz 'dot' is not on the PATH, so the task graph was written as DOT to {dotPath} instead of {full}. "
                + $"Install Graphviz (Debian/Ubuntu: apt-get install -y graphviz) and run: dot -T{ext} \"{dotPath}\" -o \"{full}\"";
            if (logger.IsEnabled(LogLevel.Warning)) logger.LogWarning("{Message}", message);
            else error.WriteLine(message);
            return dotPath;
        }
        using var process = Process.Start(new ProcessStartInfo(graphviz, ["-T" + ext, dotPath, "-o", full])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"Graphviz 'dot -T{ext}' failed with exit code {process.ExitCode}: {stderr.Trim()}");
        return full; // the .dot stays beside the picture: DOT is always written

    }

    internal static string? FindOnPath(string program)
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        if (path is null) return null;
        foreach (string dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
