using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>Arguments of a unary ufunc (<c>negative</c>, <c>exp</c>, <c>isnan</c>, …). Relevant: <see cref="X"/>, <see cref="Out"/>.</summary>
/// <param name="X">The input.</param>
/// <param name="Out">An array to write the result into (NumPy's <c>out=</c>), or <see langword="null"/>.</param>
public readonly record struct UnaryArgs(NDArray X, NDArray? Out = null) : IArrayArgs<UnaryArgs>, IOutArgs
{

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(X);
        visitor.Visit(Out);
    }

    /// <inheritdoc/>
    public UnaryArgs MapRelevant(Func<NDArray, NDArray> map) => new(map(X), Out is null ? null : map(Out));
}

/// <summary>Arguments of a binary ufunc (<c>add</c>, <c>less</c>, <c>maximum</c>, …). Relevant: the array operands and <see cref="Out"/>.</summary>
/// <param name="X1">The left operand: an array or a weak scalar.</param>
/// <param name="X2">The right operand: an array or a weak scalar.</param>
/// <param name="Out">An array to write the result into (NumPy's <c>out=</c>), or <see langword="null"/>.</param>
public readonly record struct BinaryArgs(Operand X1, Operand X2, NDArray? Out = null) : IArrayArgs<BinaryArgs>, IOutArgs
{

    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(X1.Array);
        visitor.Visit(X2.Array);
        visitor.Visit(Out);
    }

    /// <inheritdoc/>
    public BinaryArgs MapRelevant(Func<NDArray, NDArray> map) =>
        new(X1.Array is { } a ? map(a) : X1, X2.Array is { } b ? map(b) : X2, Out is null ? null : map(Out));
}

/// <summary>Arguments of three-operand functions: <c>where(condition, x, y)</c> and <c>clip(a, min, max)</c>.</summary>
/// <param name="A">The first operand (the condition of <c>where</c>, the array of <c>clip</c>).</param>
/// <param name="B">The second operand.</param>
/// <param name="C">The third operand.</param>
public readonly record struct TernaryArgs(Operand A, Operand B, Operand C) : IArrayArgs<TernaryArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct
    {
        visitor.Visit(A.Array);
        visitor.Visit(B.Array);
        visitor.Visit(C.Array);
    }

    /// <inheritdoc/>
    public TernaryArgs MapRelevant(Func<NDArray, NDArray> map) =>
        new(A.Array is { } a ? map(a) : A, B.Array is { } b ? map(b) : B, C.Array is { } c ? map(c) : C);
}
