using System.Text.Json;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>The NumPy reference fixtures (manifest.json + .npy): the repository's tests/fixtures/numpy (or ARRAYDISPATCH_FIXTURES), found by <see cref="ArrayDispatch.Fixtures.FixtureManifest.Locate"/>.</summary>
internal static class Fixtures
{
    private static readonly Lazy<(string Dir, JsonElement[] Cases)> Loaded = new(Load);

    public static string Directory => Loaded.Value.Dir;

    public static JsonElement Case(string id) => Loaded.Value.Cases.Single(c => c.GetProperty("id").GetString() == id);

    public static IEnumerable<string> Ids(string function) =>
        Loaded.Value.Cases.Where(c => c.GetProperty("function").GetString() == function).Select(c => c.GetProperty("id").GetString()!);

    public static Npy Arg(JsonElement c, int i) => Npy.Read(Path.Combine(Directory, c.GetProperty("args")[i].GetString()!));

    public static Npy Expected(JsonElement c, int i = -1)
    {
        JsonElement e = c.GetProperty("expected");
        return Npy.Read(Path.Combine(Directory, i < 0 ? e.GetString()! : e[i].GetString()!));
    }

    private static (string, JsonElement[]) Load()
    {
        string dir = Locate() ?? throw new DirectoryNotFoundException("NumPy fixtures not found: tests/fixtures/numpy is missing from the checkout (regenerate with tests/fixtures/generate.py)");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        return (dir, doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToArray());
    }

    private static string? Locate() => ArrayDispatch.Fixtures.FixtureManifest.Locate();
}
