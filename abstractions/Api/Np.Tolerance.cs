namespace ArrayDispatch;

// NumPy's closeness and equality tests (isclose, allclose, array_equal, array_equiv), composed from ufuncs and `all` as
// NumPy writes them in Python, so NumPy's rules (infinities, NaN, integer inputs) live here once and every backend that
// has the ufuncs serves them; Chunked's stay lazy until a bool is asked for.
public static partial class Np
{
    /// <summary>
    /// numpy.isclose: element-wise <c>|a - b| &lt;= atol + rtol * |b|</c> (not symmetric: <paramref name="b"/> is the
    /// reference), infinities close only to the same infinity, NaN close to nothing unless <paramref name="equalNan"/>.
    /// Integer and bool <paramref name="b"/> compare as float64 (NumPy's <c>result_type(b, 1.0)</c>), so the difference
    /// cannot wrap.
    /// </summary>
    public static NDArray IsClose(Operand a, Operand b, double rtol = 1e-05, double atol = 1e-08, bool equalNan = false)
    {
        // NumPy 2's formula: (|x - y| <= atol + rtol|y| where y is finite) or x == y. NumPy 1.24's masked form gives the
        // same answers except False for equal complex infinities (an artefact of its multiply by ones_like); this one is True.
        Operand x = Checked(a, nameof(a)), y = Inexact(Checked(b, nameof(b)));
        NDArray within = LessEqual(Abs(Subtract(x, y)), Tolerance(y, rtol, atol));
        NDArray close = LogicalOr(LogicalAnd(within, Finite(y)), Equal(x, y));
        return equalNan ? LogicalOr(close, LogicalAnd(NaN(x), NaN(y))) : close;
    }

    /// <summary>numpy.allclose: whether every element of <paramref name="a"/> is close to <paramref name="b"/>'s (<see cref="IsClose"/>, broadcast).</summary>
    /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
    public static bool AllClose(Operand a, Operand b, double rtol = 1e-05, double atol = 1e-08, bool equalNan = false) =>
        All(IsClose(a, b, rtol, atol, equalNan)).Item<bool>();

    /// <summary>
    /// numpy.array_equal: the same shape and the same elements; NaN equals NaN only with <paramref name="equalNan"/>
    /// (and then only where both hold NaN). Arrays of different shapes are unequal, not an error.
    /// </summary>
    public static bool ArrayEqual(NDArray a1, NDArray a2, bool equalNan = false)
    {
        ArgumentNullException.ThrowIfNull(a1);
        ArgumentNullException.ThrowIfNull(a2);
        if (a1.Shape != a2.Shape) return false;
        if (!equalNan) return All(Equal(a1, a2)).Item<bool>();
        NDArray nan1 = IsNaN(a1), nan2 = IsNaN(a2);
        if (!All(Equal(nan1, nan2)).Item<bool>()) return false;
        return All(LogicalOr(Equal(a1, a2), nan1)).Item<bool>();
    }

    /// <summary>numpy.array_equiv: the shapes broadcast together and every broadcast element is equal (shapes that do not broadcast: false).</summary>
    public static bool ArrayEquiv(NDArray a1, NDArray a2)
    {
        ArgumentNullException.ThrowIfNull(a1);
        ArgumentNullException.ThrowIfNull(a2);
        return Shape.TryBroadcast(a1.Shape, a2.Shape, out _) && All(Equal(a1, a2)).Item<bool>();
    }

    private static Operand Checked(Operand value, string name) =>
        value.IsScalar || value.Array is not null ? value : throw new ArgumentNullException(name);

    // NumPy's `y = asanyarray(y, dtype=result_type(y, 1.0))`: integers and bools as float64, inexact dtypes unchanged.
    private static Operand Inexact(Operand y)
    {
        if (y.Array is { } array) return array.DType.IsInexact() ? y : AsType(array, DType.Float64);
        return y.Scalar.Kind is ScalarKind.Float or ScalarKind.Complex ? y : y.Scalar.AsDouble;
    }

    private static Operand Tolerance(Operand y, double rtol, double atol) =>
        y.Array is { } array ? Add(atol, Multiply(rtol, Abs(array))) : atol + rtol * System.Numerics.Complex.Abs(y.Scalar.AsComplex);

    private static Operand Finite(Operand x) => x.Array is { } array ? IsFinite(array) : System.Numerics.Complex.IsFinite(x.Scalar.AsComplex);

    private static Operand NaN(Operand x) => x.Array is { } array ? IsNaN(array) : System.Numerics.Complex.IsNaN(x.Scalar.AsComplex);
}
