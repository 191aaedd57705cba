namespace ArrayDispatch.Dense;

/// <summary>The Dense backend's exceptions, with NumPy's messages.</summary>
internal static class Errors
{
    public static ShapeMismatchException Broadcast(Shape a, Shape b) =>
        NumPyErrors.CannotBroadcast(a, b);

    public static DTypeMismatchException Cast(DType from, DType to, Casting casting) => new(DTypes.CastErrorMessage(from, to, casting));

    public static DTypeMismatchException OutputCast(string function, DType from, DType to) =>
        new($"Cannot cast ufunc '{function}' output from dtype('{from.Name()}') to dtype('{to.Name()}') with casting rule 'same_kind'", "out");

    /// <summary>
    /// The refusal of a dtype: NumPy's TypeError for a real dtype the function has no loop for; for a complex dtype, which
    /// NumPy supports but Dense does not yet, a decline (<see cref="NotSupportedException"/>) naming the dtype.
    /// </summary>
    public static Exception Unsupported(string function, DType dtype) => dtype.IsComplex()
        ? new NotSupportedException($"Dense does not support dtype {dtype.Name()} for {function} yet")
        : new DTypeMismatchException($"ufunc '{function}' not supported for the input type {dtype.Name()}");

    public static ArgumentOutOfRangeException Index(long index, int axis, int size) =>
        NumPyErrors.IndexOutOfBounds(index, axis, size);

    public static string CastingName(Casting casting) => casting switch
    {
        Casting.No => "no",
        Casting.Equiv => "equiv",
        Casting.Safe => "safe",
        Casting.SameKind => "same_kind",
        _ => "unsafe",
    };
}
