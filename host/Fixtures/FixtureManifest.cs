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

    /// <summary>Where the repository keeps its fixtures, relative to the checkout's root.</summary>
    public const string RepositoryFolder = "tests/fixtures/numpy";

    /// <summary>
    /// Finds NumPy's reference fixtures: <c>$ARRAYDISPATCH_FIXTURES</c>, else the repository's own
    /// <c>tests/fixtures/numpy</c> in the nearest folder above the running binaries (a clone builds into
    /// <c>bin/</c> folders below its root); null when there is none. Nothing outside the checkout is read.
    /// </summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("ARRAYDISPATCH_FIXTURES") is { Length: > 0 } env) return env;
        // The ArrayDispatch.Conformance package copies the fixtures next to the tests that reference it.
        string packaged = Path.Combine(AppContext.BaseDirectory, "arraydispatch-fixtures", "numpy");
        if (File.Exists(Path.Combine(packaged, "manifest.json"))) return packaged;
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, RepositoryFolder);
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        return null;
    }

    /// <summary>
    /// A folder without a manifest: one case per array file (<c>.npy</c>, <c>.npz</c>), which must load onto the backend
    /// with the values it holds. A file that cannot be read fails its case with the reason.
    /// </summary>
    public static FixtureManifest FromFolder(string directory)
    {
        string[] files = System.IO.Directory.EnumerateFiles(directory)
            .Where(f => f.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        return new FixtureManifest(Path.GetFullPath(directory), files.Select(FixtureCase.LoadFile).ToArray());
    }

    /// <summary>Reads <c>manifest.json</c> in <paramref name="directory"/>.</summary>
    /// <remarks>An entry that cannot be read becomes a case carrying <see cref="FixtureCase.Problem"/>, which the runner
    /// reports as failed, so one bad entry never hides the others.</remarks>
    /// <exception cref="FileNotFoundException">There is no manifest.</exception>
    /// <exception cref="InvalidDataException">The manifest is not JSON, or has no <c>cases</c> list.</exception>
    public static FixtureManifest Load(string directory)
    {
        string path = Path.Combine(directory, "manifest.json");
        if (!File.Exists(path)) throw new FileNotFoundException($"no manifest.json in '{directory}'", path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("cases", out JsonElement list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{path} has no 'cases' list");
            }
            var cases = new List<FixtureCase>();
            int n = 0;
            foreach (JsonElement e in list.EnumerateArray())
            {
                n++;
                try
                {
                    cases.Add(Read(e));
                }
                catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
                {
                    string id = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out JsonElement i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : $"case #{n}";
                    cases.Add(FixtureCase.Unreadable(id, $"the manifest entry cannot be read: {ex.Message}"));
                }
            }
            return new FixtureManifest(Path.GetFullPath(directory), cases);
        }
    }

    private static FixtureCase Read(JsonElement e)
    {
        var kwargs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (e.TryGetProperty("kwargs", out JsonElement kw))
        {
            foreach (JsonProperty p in kw.EnumerateObject()) kwargs[p.Name] = p.Value.Clone();
        }
        var expected = new List<string>();
        if (e.TryGetProperty("expected", out JsonElement ex))
        {
            if (ex.ValueKind == JsonValueKind.Array) expected.AddRange(ex.EnumerateArray().Select(x => Text(x, "expected")));
            else if (ex.ValueKind == JsonValueKind.String) expected.Add(ex.GetString()!);
        }
        return new FixtureCase(
            Text(e.GetProperty("id"), "id"),
            Text(e.GetProperty("function"), "function"),
            e.GetProperty("args").EnumerateArray().Select(a => a.Clone()).ToArray(),
            kwargs,
            expected,
            e.TryGetProperty("check", out JsonElement c) ? Text(c, "check") : "allclose",
            e.TryGetProperty("rtol", out JsonElement r) ? r.GetDouble() : 1e-12,
            e.TryGetProperty("atol", out JsonElement a2) ? a2.GetDouble() : 1e-12,
            e.TryGetProperty("error", out JsonElement er) ? er.GetString() : null);
    }

    private static string Text(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException($"'{key}' must be a string, not {e.ValueKind}");
}
