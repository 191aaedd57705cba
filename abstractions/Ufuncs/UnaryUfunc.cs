using ArrayDispatch.Functions;

namespace ArrayDispatch.Ufuncs;

/// <summary>A unary ufunc's declaration (<see cref="Ufunc"/>): <c>exp</c>, <c>negative</c>, <c>isnan</c>, …</summary>
public abstract class UnaryUfunc : Ufunc
{
    private protected UnaryUfunc(ArrayFunction<UnaryArgs, NDArray> function, Type op, bool boolResult, string? boolRefusal, DType? boolLoopResult, bool complexResultIsReal = false)
        : base(function, op, boolResult, boolRefusal, boolLoopResult, complexResultIsReal: complexResultIsReal) => Function = function;

    /// <summary>The function's identity.</summary>
    public new ArrayFunction<UnaryArgs, NDArray> Function { get; }

    internal static ArrayFunction<UnaryArgs, NDArray> Define<TOp>(string name, string? boolRefusal, DType? boolLoopResult, bool complexResultIsReal = false) where TOp : struct, IUnaryOp
    {
        ArrayFunction<UnaryArgs, NDArray> function = FunctionCatalog.Define<UnaryArgs, NDArray>(name);
        _ = new Elementwise<TOp>(function, boolRefusal, boolLoopResult, complexResultIsReal);
        return function;
    }

    internal static ArrayFunction<UnaryArgs, NDArray> DefinePredicate<TOp>(string name) where TOp : struct, IPredicateOp
    {
        ArrayFunction<UnaryArgs, NDArray> function = FunctionCatalog.Define<UnaryArgs, NDArray>(name);
        _ = new Predicate<TOp>(function);
        return function;
    }

    private sealed class Elementwise<TOp>(ArrayFunction<UnaryArgs, NDArray> function, string? boolRefusal, DType? boolLoopResult, bool complexResultIsReal)
        : UnaryUfunc(function, typeof(TOp), boolResult: false, boolRefusal, boolLoopResult, complexResultIsReal) where TOp : struct, IUnaryOp
    {
        public override TResult Accept<TResult>(IUfuncVisitor<TResult> visitor) => visitor.Unary<TOp>(this);
    }

    private sealed class Predicate<TOp>(ArrayFunction<UnaryArgs, NDArray> function)
        : UnaryUfunc(function, typeof(TOp), boolResult: true, null, null) where TOp : struct, IPredicateOp
    {
        public override TResult Accept<TResult>(IUfuncVisitor<TResult> visitor) => visitor.Predicate<TOp>(this);
    }
}
