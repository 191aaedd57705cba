using System.Security.Cryptography;
using System.Text;
using ArrayDispatch.Runtime.Options;

namespace ArrayDispatch.Runtime.Plugins;

/// <summary>
/// The checks made on a plugin folder before anything in it is read as code: file modes (a folder others can write to
/// can be swapped under the host) and SHA-256 pins from configuration.
/// </summary>
public static class PluginTrust
{
    private static readonly string[] s_codeExtensions = [".dll", ".so", ".dylib", ".exe"];

    /// <summary>The hash that pins the entry assembly alone (hex, lower case).</summary>
    public static string EntryHash(string entryAssembly) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entryAssembly)));

    /// <summary>
    /// The hash that pins every managed and native file of the folder: SHA-256 over the sorted lines
    /// <c>relative/path sha256</c>, so adding, removing, renaming or changing any code file changes it.
    /// </summary>
    public static string ManifestHash(string folder)
    {
        var lines = new StringBuilder();
        foreach (string file in CodeFiles(folder))
        {
            string relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            lines.Append(relative).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())));
    }

    /// <summary>The refusal for this folder, or null when it may load.</summary>
    internal static (PluginOutcome Outcome, string Reason)? Check(string folder, string name, string entry, ArrayDispatchOptions options)
    {
        TrustOptions trust = options.Trust;
        if (!trust.AllowWritable && !OperatingSystem.IsWindows())
        {
            foreach (string path in (string[])[folder, .. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)])
            {
                UnixFileMode mode = File.GetUnixFileMode(path);
                if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                {
                    return (PluginOutcome.Untrusted,
                        $"'{path}' is writable by group or others (mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}); make it 0755/0644 or set ArrayDispatch:Trust:AllowWritable=true");
                }
            }
        }
        string? expected = options.Plugins.TryGetValue(name, out PluginSettings? settings) ? settings.Sha256 : null;
        if (string.IsNullOrWhiteSpace(expected))
        {
            return trust.RequirePinned
                ? (PluginOutcome.Untrusted, $"not pinned, and ArrayDispatch:Trust:RequirePinned is true; run 'hash {folder}' and add ArrayDispatch:Plugins:{name}:Sha256")
                : null;
        }
        string actual = trust.PinDependencies ? ManifestHash(folder) : EntryHash(entry);
        if (!string.Equals(expected.Trim(), actual, StringComparison.OrdinalIgnoreCase))
        {
            string what = trust.PinDependencies ? "the folder's code files (manifest hash)" : Path.GetFileName(entry);
            return (PluginOutcome.HashMismatch, $"SHA-256 of {what} is {actual}, but ArrayDispatch:Plugins:{name}:Sha256 expects {expected.Trim().ToLowerInvariant()}");
        }
        return null;
    }

    private static IEnumerable<string> CodeFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => s_codeExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) || Path.GetFileName(f).Contains(".so.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
