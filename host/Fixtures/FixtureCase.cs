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
    /// <summary>Whether any input is a SciPy sparse matrix (a <c>.npz</c> file).</summary>
    public bool HasSparseInput => Args.Any(a => a.ValueKind == JsonValueKind.String && a.GetString()!.EndsWith(".npz", StringComparison.Ordinal));

    /// <inheritdoc/>
    public override string ToString() => Id;
}
