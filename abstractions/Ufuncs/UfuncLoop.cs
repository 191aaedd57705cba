namespace ArrayDispatch.Ufuncs;

/// <summary>The loops a ufunc has, by dtype family, as NumPy's <c>ufunc.types</c> lists them.</summary>
[Flags]
public enum UfuncLoops
{
    /// <summary>No loop.</summary>
    None = 0,
    /// <summary>A loop on bools.</summary>
    Bool = 1,
    /// <summary>Loops on the integer dtypes.</summary>
    Integer = 2,
    /// <summary>Loops on the IEEE float dtypes.</summary>
    Float = 4,
    /// <summary>Loops on the complex dtypes.</summary>
    Complex = 8,
}

/// <summary>Which of the op's methods a call runs.</summary>
public enum UfuncLoopKind
{
    /// <summary>The op's <c>Bool</c> method.</summary>
    Bool,
    /// <summary>The op's <c>Integer</c> method.</summary>
    Integer,
    /// <summary>The op's <c>Float</c> method (<c>Compare</c>/<c>Test</c> for ops with a bool result).</summary>
    Float,
    /// <summary>The op's <c>Complex</c> method.</summary>
    Complex,
}

/// <summary>
/// The loop NumPy's type resolver picks for a call: which family of the op runs, the dtype the operands are converted
/// to first, and the dtype of the result (bool for comparisons; <see cref="Compute"/> otherwise, but for the one
/// documented exception, <c>reciprocal</c> of bools).
/// </summary>
/// <param name="Kind">The op's method that runs.</param>
/// <param name="Compute">The dtype the operands are converted to and the loop runs in.</param>
/// <param name="Result">The dtype of the result.</param>
public readonly record struct UfuncLoop(UfuncLoopKind Kind, DType Compute, DType Result);
