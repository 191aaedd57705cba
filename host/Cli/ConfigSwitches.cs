using System.Text.RegularExpressions;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// The generic host's own command-line syntax for configuration keys, <c>--ArrayDispatch:DefaultBackend=Sparse</c> or
/// <c>--ArrayDispatch:DefaultBackend Sparse</c> (what <c>AddCommandLine</c> reads in any .NET app), taken as
/// <c>--config key=value</c>. Only a switch whose name is a configuration path (a section and a key, joined by ':') is
/// taken: a mistyped option of a command (<c>--ouptut</c>) is still refused by the parser, not read as a key nobody uses.
/// </summary>
internal static partial class ConfigSwitches
{
    [GeneratedRegex(@"^--(?<key>[A-Za-z_][A-Za-z0-9_.\-]*(:[A-Za-z0-9_.\-]+)+)(=(?<value>.*))?$", RegexOptions.Singleline)]
    private static partial Regex ConfigPath();

    /// <summary>The arguments with every configuration-path switch rewritten as <c>--config key=value</c>.</summary>
    /// <exception cref="ArgumentException">A configuration-path switch without a value (the last argument, with no <c>=</c>).</exception>
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                // Everything after "--" is an argument, as System.CommandLine reads it.
                result.AddRange(args.Skip(i));
                break;
            }
            Match m = ConfigPath().Match(arg);
            if (!m.Success)
            {
                result.Add(arg);
                continue;
            }
            string key = m.Groups["key"].Value;
            string value;
            if (m.Groups["value"].Success) value = m.Groups["value"].Value;
            else if (i + 1 < args.Count) value = args[++i];
            else throw new ArgumentException($"the configuration switch '{arg}' has no value: write {arg}=VALUE or --config {key}=VALUE");
            result.Add("--config");
            result.Add($"{key}={value}");
        }
        return [.. result];
    }
}
