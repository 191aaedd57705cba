using System.Text.Json;
using System.Text.RegularExpressions;

namespace ArrayDispatch.Host.Cli;

/// <summary>
/// A configuration file the JSON provider could not read, as one line: the file, the line and column (1-based), and
/// what the parser expected, instead of three nested exceptions and a stack trace.
/// </summary>
internal static partial class ConfigurationFileError
{
    /// <summary>The one-line description, or null when <paramref name="ex"/> is not a malformed configuration file.</summary>
    public static string? Describe(InvalidDataException ex)
    {
        string? file = FilePattern().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : null;
        for (Exception? e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                string reason = PositionSuffix().Replace(json.Message, "").TrimEnd(' ', '.');
                string where = json.LineNumber is { } line ? $"line {line + 1}, column {(json.BytePositionInLine ?? 0) + 1}" : "position unknown";
                return $"{file ?? "a configuration file"}: {where}: {reason}";
            }
        }
        return file is null ? null : $"{file}: {ex.InnerException?.Message ?? ex.Message}";
    }

    [GeneratedRegex("file '([^']+)'")]
    private static partial Regex FilePattern();

    [GeneratedRegex(@"\s*(Path: .*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex PositionSuffix();
}
