namespace ArrayDispatch.Ufuncs;

/// <summary>
/// A backend's element-wise machinery, one generic method per ufunc shape: <see cref="Ufunc.Accept{TResult}"/>
/// calls the one that fits with the ufunc's op as <c>TOp</c>, so the backend's
/// loops are specialised per op (the JIT inlines the op; ILGPU compiles it into the kernel). Typically each method
/// returns the backend's handler for the ufunc, which is then registered with <c>IBackendBuilder.Implement</c>.
/// </summary>
/// <typeparam name="TResult">What the backend makes of a ufunc (usually its handler).</typeparam>
public interface IUfuncVisitor<out TResult>
{
    /// <summary>A binary ufunc whose result has its compute dtype.</summary>
    TResult Binary<TOp>(BinaryUfunc ufunc) where TOp : struct, IBinaryOp;

    /// <summary>A binary ufunc with a bool result.</summary>
    TResult Comparison<TOp>(BinaryUfunc ufunc) where TOp : struct, IComparisonOp;

    /// <summary>A unary ufunc whose result has its compute dtype.</summary>
    TResult Unary<TOp>(UnaryUfunc ufunc) where TOp : struct, IUnaryOp;

    /// <summary>A unary ufunc with a bool result.</summary>
    TResult Predicate<TOp>(UnaryUfunc ufunc) where TOp : struct, IPredicateOp;
}
