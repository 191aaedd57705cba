using System.Text.Json;

namespace ArrayDispatch.Fixtures;

/// <summary>A fixture directory: <c>manifest.json</c> and the <c>.npy</c>/<c>.npz</c> files it names.</summary>
public sealed class FixtureManifest
{
    private FixtureManifest(string directory, IReadOnlyList<FixtureCase> cases)
    {
        Directory = directory;
        Cases = cases;
    }

    /// <summary>The directory holding the manifest and its files.</summary>
    public string Directory { get; }

    /// <summary>The cases, in manifest order.</summary>
    public IReadOnlyList<FixtureCase> Cases { get; }

    /// <summary>Reads <c>manifest.json</c> in <paramref name="directory"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no manifest.</exception>
    public static FixtureManifest Load(string directory)
    {
        string path = Path.Combine(directory, "manifest.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"no manifest.json in '{directory}'", path);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new List<FixtureCase>();
        foreach (JsonElement e in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var kwargs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            if (e.TryGetProperty("kwargs", out JsonElement kw))
            {
                foreach (JsonProperty p in kw.EnumerateObject()) kwargs[p.Name] = p.Value.Clone();
            }
            var expected = new List<string>();
            if (e.TryGetProperty("expected", out JsonElement ex))
            {
                if (ex.ValueKind == JsonValueKind.Array) expected.AddRange(ex.EnumerateArray().Select(x => x.GetString()!));
                else if (ex.ValueKind == JsonValueKind.String) expected.Add(ex.GetString()!);
            }
            cases.Add(new FixtureCase(
                e.GetProperty("id").GetString()!,
                e.GetProperty("function").GetString()!,
                e.GetProperty("args").EnumerateArray().Select(a => a.Clone()).ToArray(),
                kwargs,
                expected,
                e.TryGetProperty("check", out JsonElement c) ? c.GetString()! : "allclose",
                e.TryGetProperty("rtol", out JsonElement r) ? r.GetDouble() : 1e-12,
                e.TryGetProperty("atol", out JsonElement a2) ? a2.GetDouble() : 1e-12,
                e.TryGetProperty("error", out JsonElement er) ? er.GetString() : null));
        }
        return new FixtureManifest(Path.GetFullPath(directory), cases);
    }
}
