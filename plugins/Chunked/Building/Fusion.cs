using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// The element-wise expression behind an array and its inputs, kept so later element-wise operations can inline it;
/// <paramref name="Operations"/> is how many operations it holds (what inlining it copies into each reader).
/// </summary>
internal sealed record Fusion(ElemExpr Expr, Arrays.ChunkedArray[] Inputs, int Operations)
{
    /// <summary>
    /// The most operations an expression may hold and still be inlined into the next one. Inlining copies the expression
    /// into every operand that reads it, so a chain whose steps each read the previous result twice (<c>y = y * 0.5 +
    /// y * 0.25</c> in a loop) doubled the expression per step: 40 steps never finished. Past this size the array is read
    /// as a task input instead (its own layer, computed once), so an expression stays within about twice this size and
    /// a chain's work is linear in its length; the usual fused chains (<c>x * 2.0 + 1.0</c>) are far below it.
    /// </summary>
    public const int MaxInlinedOperations = 32;

    /// <summary>Whether the next element-wise operation may inline this expression.</summary>
    public bool Inlinable => Operations <= MaxInlinedOperations;
}
