using ArrayDispatch.Functions;

namespace ArrayDispatch;

// Element-wise functions. Each ufunc's Np method (Np.Add, Np.Exp, …) is written by ArrayDispatch.Generators from its one
// declaration in ArrayFunctions; here are the element-wise functions that are not ufuncs.
public static partial class Np
{
    /// <summary>
    /// NumPy's <c>round</c> (<c>around</c>): half to even, to <paramref name="decimals"/> places (negative: to tens,
    /// hundreds…). Composed from <c>multiply</c>, <c>rint</c> and <c>divide</c> exactly as NumPy implements it, so
    /// every backend that has those functions rounds, and the result has the same ulp-level behaviour as NumPy's
    /// (<c>round(2.675, 2)</c> is 2.68 in both, where Python's <c>round</c> gives 2.67). Complex numbers round both parts,
    /// as NumPy's. Integer and bool arrays keep their dtype.
    /// </summary>
    public static NDArray Round(NDArray x, int decimals = 0, NDArray? @out = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.DType.IsInexact())
        {
            if (decimals >= 0) return @out is null ? CopyInCOrder(x) : Positive(x, @out);
            double unit = Math.Pow(10, -decimals);
            NDArray scaled = Rint(Divide(x, unit));
            NDArray rounded = Multiply(scaled, unit);
            return @out is null ? AsType(rounded, x.DType) : Positive(AsType(rounded, x.DType), @out);
        }
        if (decimals == 0) return Rint(x, @out);
        double factor = Math.Pow(10, Math.Abs(decimals));
        NDArray y = decimals > 0 ? Multiply(x, factor, @out) : Divide(x, factor, @out);
        // in place only into out=: a backend of immutable arrays (Chunked) refuses out= and still rounds
        y = @out is null ? Rint(y) : Rint(y, y);
        return decimals > 0 ? Divide(y, factor, @out is null ? null : y) : Multiply(y, factor, @out is null ? null : y);
    }

    /// <summary>NumPy's <c>around</c>: the same as <see cref="Round"/>.</summary>
    public static NDArray Around(NDArray x, int decimals = 0, NDArray? @out = null) => Round(x, decimals, @out);

    /// <summary>Elements of <paramref name="x"/> where <paramref name="condition"/> holds, else of <paramref name="y"/>.</summary>
    public static NDArray Where(Operand condition, Operand x, Operand y) => ArrayFunctions.Where.Invoke(Dispatcher, new TernaryArgs(condition, x, y));

    /// <summary>Limits the values of <paramref name="a"/> to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static NDArray Clip(NDArray a, Operand min, Operand max) => ArrayFunctions.Clip.Invoke(Dispatcher, new TernaryArgs(a, min, max));
}
