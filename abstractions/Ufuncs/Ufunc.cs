using System.Collections.Concurrent;
using System.Reflection;
using ArrayDispatch.Functions;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Ufuncs;

/// <summary>
/// The declaration of an element-wise function (NumPy's ufunc), made once, in the catalogue line that defines its
/// identity: the scalar meaning (<see cref="Op"/>, whose methods are its loops), how bools are treated, and NumPy's
/// type resolution (<see cref="Resolve(DType)"/>). Every backend registers its element-wise handlers from
/// <see cref="All"/> with one generic handler per ufunc shape (<see cref="IUfuncVisitor{TResult}"/>), so a new ufunc is
/// one catalogue line and one op struct, and reaches every backend without a change there.
/// </summary>
public abstract class Ufunc
{
    /// <summary>
    /// Hands the op's type to <paramref name="visitor"/>: the backend's handler for ufuncs of this shape (binary,
    /// comparison, unary, predicate), made generic over the op. A backend registers every ufunc with
    /// <c>foreach (Ufunc u in Ufunc.All) u.Accept(visitor)</c>.
    /// </summary>
    public abstract TResult Accept<TResult>(IUfuncVisitor<TResult> visitor);

    private static readonly ConcurrentDictionary<ArrayFunction, Ufunc> s_byFunction = new();
    private static readonly List<Ufunc> s_all = [];

    private protected Ufunc(ArrayFunction function, Type op, bool boolResult, string? boolRefusal, DType? boolLoopResult, bool trueDivision = false, bool complexResultIsReal = false, bool doublePrecision = false)
    {
        DoublePrecision = doublePrecision;
        Function = function;
        Op = op;
        BoolResult = boolResult;
        BoolRefusal = boolRefusal;
        BoolLoopResult = boolLoopResult;
        TrueDivision = trueDivision;
        ComplexResultIsReal = complexResultIsReal;
        Loops = boolResult ? UfuncLoops.Bool | UfuncLoops.Integer | UfuncLoops.Float | (LoopsOf(op) & UfuncLoops.Complex) : LoopsOf(op);
        lock (s_all)
        {
            s_all.Add(this);
            s_byFunction[function] = this;
        }
    }

    /// <summary>The function's identity.</summary>
    public ArrayFunction Function { get; }

    /// <summary>NumPy's name.</summary>
    public string Name => Function.Name;

    /// <summary>The struct with the scalar meaning, one static method per loop.</summary>
    public Type Op { get; }

    /// <summary>The loops the op defines (read from its methods).</summary>
    public UfuncLoops Loops { get; }

    /// <summary>Whether the result is bool whatever the inputs (comparisons, logical functions, predicates).</summary>
    public bool BoolResult { get; }

    /// <summary>NumPy's error for bool inputs, for the ufuncs that refuse them (<c>negative</c>, <c>subtract</c>, <c>sign</c>, <c>positive</c>).</summary>
    public string? BoolRefusal { get; }

    /// <summary>The result dtype of the bool loop when it is not bool (<c>reciprocal</c>: NumPy's int8 loop).</summary>
    public DType? BoolLoopResult { get; }

    /// <summary>
    /// Whether integers and bools compute in float64 (<c>divide</c>: NumPy's true-division type resolver) rather than in the
    /// smallest float loop they cast to safely (float16 for bool and 8-bit integers, float32 for 16-bit ones).
    /// </summary>
    public bool TrueDivision { get; }

    /// <summary>
    /// Whether the ufunc has only double-precision loops (<c>float_power</c>: NumPy's <c>dd-&gt;d</c> and <c>DD-&gt;D</c>):
    /// bools, integers and every float compute in float64, complex numbers in complex128.
    /// </summary>
    public bool DoublePrecision { get; }

    /// <summary>
    /// Whether the complex loop's result is real: float32 for complex64, float64 for complex128 (<c>abs</c>, <c>real</c>,
    /// <c>imag</c>, <c>angle</c>). The op's complex loop then returns the answer as the real part of a complex value.
    /// </summary>
    public bool ComplexResultIsReal { get; }

    /// <summary>Every declared ufunc, in declaration order.</summary>
    public static IReadOnlyList<Ufunc> All
    {
        get
        {
            ArrayFunctions.EnsureDefined();
            lock (s_all) return s_all.ToArray();
        }
    }

    /// <summary>The declaration of <paramref name="function"/>, when it is a ufunc.</summary>
    public static bool TryGet(ArrayFunction function, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Ufunc? ufunc)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArrayFunctions.EnsureDefined();
        return s_byFunction.TryGetValue(function, out ufunc);
    }

    /// <summary>
    /// NumPy's loop for operands of dtype <paramref name="input"/> (the promoted dtype of both, for a binary ufunc): the
    /// loop of the input's family when the ufunc has one; bools otherwise go to the integer loop (int8, the first
    /// integer loop NumPy lists) or the float loop, unless the ufunc refuses them; integers without an integer loop go to
    /// the smallest float dtype they cast to safely (<see cref="ElementwiseRules.FloatFunctionLoop"/>; float64 for true
    /// division); floats without a float loop and complex numbers without a complex loop are refused (NumPy's TypeError).
    /// </summary>
    /// <exception cref="DTypeMismatchException">The ufunc has no loop for <paramref name="input"/>, with NumPy's message.</exception>
    public UfuncLoop Resolve(DType input)
    {
        DType outOf(DType compute) => BoolResult ? DType.Bool : compute;
        switch (input)
        {
            case DType.Bool:
                if (BoolRefusal is not null) throw new DTypeMismatchException(BoolRefusal);
                if (Loops.HasFlag(UfuncLoops.Bool)) return new(UfuncLoopKind.Bool, DType.Bool, BoolLoopResult ?? DType.Bool);
                if (Loops.HasFlag(UfuncLoops.Integer)) return new(UfuncLoopKind.Integer, DType.Int8, outOf(DType.Int8));
                if (Loops.HasFlag(UfuncLoops.Float)) return new(UfuncLoopKind.Float, FloatFor(input), outOf(FloatFor(input)));
                break;
            case var _ when input.IsInteger():
                if (Loops.HasFlag(UfuncLoops.Integer)) return new(UfuncLoopKind.Integer, input, outOf(input));
                if (Loops.HasFlag(UfuncLoops.Float)) return new(UfuncLoopKind.Float, FloatFor(input), outOf(FloatFor(input)));
                break;
            case var _ when input.IsFloat():
                if (Loops.HasFlag(UfuncLoops.Float)) return new(UfuncLoopKind.Float, DoublePrecision ? DType.Float64 : input, outOf(DoublePrecision ? DType.Float64 : input));
                break;
            case var _ when input.IsComplex() && DoublePrecision:
                if (Loops.HasFlag(UfuncLoops.Complex)) return new(UfuncLoopKind.Complex, DType.Complex128, DType.Complex128);
                break;
            case var _ when input.IsComplex():
                if (Loops.HasFlag(UfuncLoops.Complex)) return new(UfuncLoopKind.Complex, input, BoolResult ? DType.Bool : ComplexResultIsReal ? input.RealPart() : input);
                break;
        }
        throw new DTypeMismatchException(NoLoopMessage(input));
    }

    private DType FloatFor(DType input) => TrueDivision || DoublePrecision ? DType.Float64 : ElementwiseRules.FloatFunctionLoop(input);

    /// <summary>NumPy's message when no loop takes the input, e.g. <c>bitwise_and</c> of floats.</summary>
    private string NoLoopMessage(DType input) => input == DType.Bool
        ? ElementwiseRules.NoBoolLoopMessage(Name)
        : $"ufunc '{Name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''";

    /// <inheritdoc/>
    public override string ToString() => Name;

    // The loops an op has are the methods it declares: Bool, Integer, Float, Complex.
    private static UfuncLoops LoopsOf(Type op)
    {
        UfuncLoops loops = UfuncLoops.None;
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (op.GetMethod("Bool", Declared) is not null) loops |= UfuncLoops.Bool;
        if (op.GetMethod("Integer", Declared) is not null) loops |= UfuncLoops.Integer;
        if (op.GetMethod("Float", Declared) is not null) loops |= UfuncLoops.Float;
        if (op.GetMethod("Complex", Declared) is not null) loops |= UfuncLoops.Complex;
        return loops;
    }
}
