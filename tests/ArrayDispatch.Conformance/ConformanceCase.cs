namespace ArrayDispatch.Conformance;

/// <summary>One conformance check: a call of <see cref="Function"/> on inputs drawn through a <see cref="ConformanceContext"/>.</summary>
/// <param name="Function">The protocol function exercised (the kit runs the case only when the backend declares it).</param>
/// <param name="Label">What is special about the inputs, e.g. <c>"float32 (3, 4) + (4,)"</c>.</param>
/// <param name="Run">Makes the inputs and calls the function; tuple results are several arrays.</param>
public sealed record ConformanceCase(string Function, string Label, Func<ConformanceContext, NDArray[]> Run)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Function}: {Label}";
}
