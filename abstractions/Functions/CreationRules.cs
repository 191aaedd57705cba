namespace ArrayDispatch.Functions;

/// <summary>
/// NumPy's argument rules of the creation functions, written once for every backend: how many values <c>arange</c>
/// gives and of which default dtype, with NumPy's errors where it cannot say.
/// </summary>
public static class CreationRules
{
    /// <summary>
    /// The length of NumPy's <c>arange(start, stop, step)</c>: <c>ceil((stop - start) / step)</c>, at least 0; exact for
    /// integers (in 128 bits, so <c>arange(long.MinValue, long.MaxValue)</c> and Python ints above int64 do not wrap), in
    /// double for floats.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A zero step or more elements than an array's dimension holds ("Maximum allowed size exceeded", NumPy's ValueError),
    /// or a NaN length ("arange: cannot compute length").
    /// </exception>
    public static int ArangeLength(Scalar start, Scalar stop, Scalar step)
    {
        if (IsIntegral(start, stop, step))
        {
            Int128 a = Exact(start), b = Exact(stop), s = Exact(step);
            if (s == 0) throw new ArgumentException("Maximum allowed size exceeded", "step");
            Int128 wide = Int128.Max(0, (b - a + s + (s > 0 ? -1 : 1)) / s);
            if (wide > Array.MaxLength) throw new ArgumentException($"Maximum allowed size exceeded: arange({start}, {stop}, {step}) has {wide} elements", "stop");
            return (int)wide;
        }
        double fa = start.AsDouble, fb = stop.AsDouble, fs = step.AsDouble;
        if (fs == 0) throw new ArgumentException("Maximum allowed size exceeded", "step");
        double length = Math.Max(0, Math.Ceiling((fb - fa) / fs));
        if (double.IsNaN(length)) throw new ArgumentException($"arange: cannot compute length of arange({start}, {stop}, {step})", "stop");
        if (length > Array.MaxLength) throw new ArgumentException($"Maximum allowed size exceeded: arange({start}, {stop}, {step}) has {length} elements", "stop");
        return (int)length;
    }

    /// <summary>
    /// NumPy 2's default dtype of <c>arange</c>: float64 when an argument is a float; for integers int64, or uint64 when
    /// an argument is above int64's range (a Python int up to 2^64 - 1: <c>arange(2**64 - 3, 2**64 - 1)</c> is uint64).
    /// </summary>
    /// <exception cref="OverflowException">An argument above int64's range with a value below 0 (NumPy's "Python integer out of bounds for uint64").</exception>
    public static DType ArangeDType(Scalar start, Scalar stop, Scalar step)
    {
        if (!IsIntegral(start, stop, step)) return DType.Float64;
        if (!start.ExceedsInt64 && !stop.ExceedsInt64 && !step.ExceedsInt64) return DType.Int64;
        int length = ArangeLength(start, stop, step);
        Int128 first = Exact(start), last = first + (length == 0 ? 0 : (length - 1) * Exact(step));
        foreach (Int128 v in new[] { first, last, Exact(stop) })
        {
            if (v < 0) throw new OverflowException($"Python integer {v} out of bounds for uint64: arange({start}, {stop}, {step}) mixes a value above int64's range with a negative one");
        }
        return DType.UInt64;
    }

    private static bool IsIntegral(Scalar start, Scalar stop, Scalar step) =>
        start.Kind != ScalarKind.Float && stop.Kind != ScalarKind.Float && step.Kind != ScalarKind.Float;

    private static Int128 Exact(Scalar s) => s.ExceedsInt64 ? (Int128)unchecked((ulong)s.AsInt64) : s.AsInt64;
}
