using System.Text.Json;

namespace ArrayDispatch.Fixtures;

/// <summary>One entry of a fixture manifest: a NumPy call, its inputs and how to check the result.</summary>
/// <param name="Id">The unique case name.</param>
/// <param name="Function">NumPy's function name (<c>"sum"</c>, <c>"linalg.svd"</c>).</param>
/// <param name="Args">Positional arguments: file names of arrays, lists of them, JSON scalars or lists.</param>
/// <param name="Kwargs">Keyword arguments, as NumPy takes them.</param>
/// <param name="Expected">The expected result file(s); empty for error cases.</param>
/// <param name="Check"><c>allclose</c>, <c>exact</c>, <c>svd</c>, <c>qr</c>, <c>eigh</c> or <c>error</c>.</param>
/// <param name="Rtol">Relative tolerance for <c>allclose</c>.</param>
/// <param name="Atol">Absolute tolerance for <c>allclose</c>.</param>
/// <param name="Error">NumPy's exception type for <c>error</c> cases.</param>
public sealed record FixtureCase(
    string Id, string Function, IReadOnlyList<JsonElement> Args, IReadOnlyDictionary<string, JsonElement> Kwargs,
    IReadOnlyList<string> Expected, string Check, double Rtol, double Atol, string? Error)
{
    /// <summary>Why the manifest entry could not be read; such a case fails with this reason instead of running.</summary>
    public string? Problem { get; private init; }

    /// <summary>A case standing for a manifest entry that could not be read.</summary>
    public static FixtureCase Unreadable(string id, string problem) =>
        new(id, "?", [], new Dictionary<string, JsonElement>(), [], "error", 0, 0, null) { Problem = problem };

    /// <summary>A case that checks one array file of a folder without a manifest: it must load on the backend.</summary>
    public static FixtureCase LoadFile(string file) =>
        new(file, "load", [JsonSerializer.SerializeToElement(file)], new Dictionary<string, JsonElement>(), [], "loads", 0, 0, null);

    /// <summary>Whether any input is a SciPy sparse matrix (a <c>.npz</c> file).</summary>
    public bool HasSparseInput => Args.Any(a => a.ValueKind == JsonValueKind.String && a.GetString()!.EndsWith(".npz", StringComparison.Ordinal));

    /// <inheritdoc/>
    public override string ToString() => Id;
}
