using ArrayDispatch.Scalars;
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

    /// <summary>
    /// NumPy's loop for two operands: the promoted dtype (NEP 50 for weak scalars), then <see cref="Ufunc.Resolve(DType)"/>;
    /// except that two integer (or bool) arrays for a ufunc with only a float loop compute in the first float loop both
    /// cast to safely, as NumPy's linear loop search finds it, not in the float of their promoted integer: int8 and uint8
    /// promote to int16 (float32) but both cast to float16, so <c>arctan2</c> of them is float16.
    /// </summary>
    public UfuncLoop Resolve(in Operand x1, in Operand x2)
    {
        DType promoted = x1.ResultType(x2);
        if (x1.Array is { } a && x2.Array is { } b && promoted.IsInteger() && a.DType != b.DType
            && !Loops.HasFlag(UfuncLoops.Integer) && Loops.HasFlag(UfuncLoops.Float) && !TrueDivision && !DoublePrecision)
        {
            DType compute = DTypes.Promote(ElementwiseRules.FloatFunctionLoop(a.DType), ElementwiseRules.FloatFunctionLoop(b.DType));
            return new(UfuncLoopKind.Float, compute, BoolResult ? DType.Bool : compute);
        }
        return Resolve(promoted);
    }

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
