using ArrayDispatch.Functions;

namespace ArrayDispatch.Ufuncs;

/// <summary>A binary ufunc's declaration (<see cref="Ufunc"/>): <c>add</c>, <c>less</c>, <c>logaddexp</c>, …</summary>
public abstract class BinaryUfunc : Ufunc
{
    private protected BinaryUfunc(ArrayFunction<BinaryArgs, NDArray> function, Type op, bool boolResult, string? boolRefusal, bool refusesNegativeIntegerOperand, bool trueDivision, bool doublePrecision = false)
        : base(function, op, boolResult, boolRefusal, null, trueDivision, doublePrecision: doublePrecision)
    {
        Function = function;
        RefusesNegativeIntegerOperand = refusesNegativeIntegerOperand;
    }

    /// <summary>The function's identity.</summary>
    public new ArrayFunction<BinaryArgs, NDArray> Function { get; }

    /// <summary>
    /// Whether NumPy refuses a negative second operand in the integer loop (<c>power</c>:
    /// <see cref="Scalars.ElementwiseRules.NegativeIntegerPowerMessage"/>). The op's loop never raises; a backend checks
    /// the operand before it runs the loop, where NumPy checks.
    /// </summary>
    public bool RefusesNegativeIntegerOperand { get; }

    /// <summary>NumPy's loop for two operands: the promoted dtype (NEP 50 for weak scalars), then <see cref="Ufunc.Resolve(DType)"/>.</summary>
    public UfuncLoop Resolve(in Operand x1, in Operand x2) => Resolve(x1.ResultType(x2));

    internal static ArrayFunction<BinaryArgs, NDArray> Define<TOp>(string name, string? boolRefusal, bool refusesNegativeIntegerOperand, bool trueDivision, bool doublePrecision = false) where TOp : struct, IBinaryOp
    {
        ArrayFunction<BinaryArgs, NDArray> function = FunctionCatalog.Define<BinaryArgs, NDArray>(name);
        _ = new Arithmetic<TOp>(function, boolRefusal, refusesNegativeIntegerOperand, trueDivision, doublePrecision);
        return function;
    }

    internal static ArrayFunction<BinaryArgs, NDArray> DefineComparison<TOp>(string name) where TOp : struct, IComparisonOp
    {
        ArrayFunction<BinaryArgs, NDArray> function = FunctionCatalog.Define<BinaryArgs, NDArray>(name);
        _ = new Comparison<TOp>(function);
        return function;
    }

    private sealed class Arithmetic<TOp>(ArrayFunction<BinaryArgs, NDArray> function, string? boolRefusal, bool refuses, bool trueDivision, bool doublePrecision)
        : BinaryUfunc(function, typeof(TOp), boolResult: false, boolRefusal, refuses, trueDivision, doublePrecision) where TOp : struct, IBinaryOp
    {
        public override TResult Accept<TResult>(IUfuncVisitor<TResult> visitor) => visitor.Binary<TOp>(this);
    }

    private sealed class Comparison<TOp>(ArrayFunction<BinaryArgs, NDArray> function)
        : BinaryUfunc(function, typeof(TOp), boolResult: true, null, false, false) where TOp : struct, IComparisonOp
    {
        public override TResult Accept<TResult>(IUfuncVisitor<TResult> visitor) => visitor.Comparison<TOp>(this);
    }
}
