namespace ArrayDispatch.Fixtures;

/// <summary>
/// A fixture file could not be read (missing, truncated, not an array file, a dtype the protocol lacks). The runner
/// reports the case as failed with this message; it is never mistaken for the error a case expects of the backend.
/// </summary>
public sealed class FixtureFileException(string file, Exception inner)
    : Exception($"cannot read fixture file '{file}': {inner.Message}", inner)
{
    /// <summary>The file, relative to the fixture folder.</summary>
    public string File { get; } = file;
}
