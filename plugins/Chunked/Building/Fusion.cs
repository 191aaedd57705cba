using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>The element-wise expression behind an array and its inputs, kept so later element-wise operations can inline it.</summary>
internal sealed record Fusion(ElemExpr Expr, Arrays.ChunkedArray[] Inputs);
