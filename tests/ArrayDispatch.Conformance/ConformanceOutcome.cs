namespace ArrayDispatch.Conformance;

/// <summary>What one conformance case did on each side, and the kit's verdict.</summary>
/// <param name="Case">The case.</param>
/// <param name="Dense">What Dense did: <c>answers</c>, or the NumPy category it raised and the message.</param>
/// <param name="Backend">What the backend under test did: <c>answers</c>, <c>declines</c>, or the category it raised.</param>
/// <param name="Problem"><see langword="null"/> when the backend agrees with Dense, else why not.</param>
public sealed record ConformanceOutcome(ConformanceCase Case, string Dense, string Backend, string? Problem);
