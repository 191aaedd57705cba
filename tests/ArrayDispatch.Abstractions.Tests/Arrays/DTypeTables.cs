using System.Text.Json;

namespace ArrayDispatch.Abstractions.Tests.Arrays;

/// <summary>
/// NumPy's dtype tables, recorded in <c>tests/fixtures/dtypes/tables.json</c> by
/// <c>/usr/bin/python3 tests/fixtures/dtypes/generate.py</c> (its doc comment describes each field).
/// </summary>
public static class DTypeTables
{
    private static readonly Lazy<JsonElement> s_root = new(() =>
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string path = Path.Combine(d.FullName, "tests", "fixtures", "dtypes", "tables.json");
            if (File.Exists(Path.Combine(d.FullName, "Plugins.sln"))) return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        }
        throw new DirectoryNotFoundException($"no Plugins.sln above {AppContext.BaseDirectory}");
    });

    public static JsonElement Root => s_root.Value;

    public static IReadOnlyList<string> Names => Root.GetProperty("dtypes").EnumerateArray().Select(e => e.GetString()!).ToArray();
}
