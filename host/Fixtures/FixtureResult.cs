namespace ArrayDispatch.Fixtures;

/// <summary>How one fixture case went.</summary>
public enum FixtureOutcome
{
    /// <summary>The backend's result matched NumPy's.</summary>
    Passed,
    /// <summary>The result differed, or the call failed.</summary>
    Failed,
    /// <summary>The backend does not declare the function.</summary>
    Skipped,
}

/// <summary>The result of one fixture case.</summary>
/// <param name="Id">The case id.</param>
/// <param name="Function">The function called.</param>
/// <param name="Outcome">Passed, failed or skipped.</param>
/// <param name="Reason">Why it failed or was skipped; null when it passed.</param>
public sealed record FixtureResult(string Id, string Function, FixtureOutcome Outcome, string? Reason = null)
{
    /// <inheritdoc/>
    public override string ToString() => Reason is null ? $"{Id}: {Outcome}" : $"{Id}: {Outcome} — {Reason}";
}
