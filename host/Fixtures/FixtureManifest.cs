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

    /// <summary>
    /// Finds NumPy's reference fixtures: <c>$ARRAYDISPATCH_FIXTURES</c>, else a <c>shared/fixtures</c> folder in or beside
    /// any folder above the running binaries (CI puts <c>shared/</c> beside the checkout); null when there is none.
    /// </summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("ARRAYDISPATCH_FIXTURES") is { Length: > 0 } env) return env;
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            foreach (string candidate in new[] { Path.Combine(d.FullName, "shared", "fixtures"), Path.Combine(d.FullName, "..", "shared", "fixtures") })
            {
                if (File.Exists(Path.Combine(candidate, "manifest.json"))) return Path.GetFullPath(candidate);
            }
        }
        return null;
    }

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
