namespace ArrayDispatch;

// NumPy's selection and ordering helpers (select, lexsort, sort_complex), composed from where, argsort and
// take_along_axis as NumPy's Python code composes them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.select(condlist, choicelist, default)</c>: element-wise, the choice of the first true condition, else
    /// <paramref name="default"/> (0 when not given); conditions and choices broadcast together; the dtype of the choices
    /// and the default together, a Python-scalar default weak as NumPy 2's (NEP 50: int8 choices with the default 0 stay
    /// int8; NumPy 1.24 made the default an int64 or float64 array first, so its dtype is wider, its values the same).
    /// </summary>
    /// <exception cref="ArgumentException">The lists' lengths differ or are zero (NumPy's ValueErrors and messages).</exception>
    /// <exception cref="DTypeMismatchException">A condition is not a bool array (NumPy's TypeError and message).</exception>
    public static NDArray Select(NDArray[] condlist, NDArray[] choicelist, Operand? @default = null)
    {
        ArgumentNullException.ThrowIfNull(condlist);
        ArgumentNullException.ThrowIfNull(choicelist);
        if (condlist.Length != choicelist.Length) throw new ArgumentException("list of cases must be same length as list of conditions", nameof(choicelist));
        if (condlist.Length == 0) throw new ArgumentException("select with an empty condition list is not possible", nameof(condlist));
        for (int i = 0; i < condlist.Length; i++)
        {
            if (condlist[i] is null || choicelist[i] is null) throw new ArgumentNullException(condlist[i] is null ? nameof(condlist) : nameof(choicelist), $"entry {i} is null");
            if (condlist[i].DType != DType.Bool) throw new DTypeMismatchException($"invalid entry {i} in condlist: should be boolean ndarray", nameof(condlist));
        }
        // NumPy's result_type of every choice and the default together (a Python default weak), taken before the first
        // where: where by where, int8 choices meeting the default 2.5 would already be float64 before a float32 choice
        Operand fallback = @default ?? 0L;
        DType[] choiceTypes = choicelist.Select(c => c.DType).ToArray();
        DType dtype = fallback.Array is { } d
            ? DTypes.ResultType([.. choiceTypes, d.DType], [])
            : DTypes.ResultType(choiceTypes, [fallback.Scalar.Kind]);
        NDArray result = fallback.Array is { } da ? AsType(da, dtype) : Full(new Shape(), fallback.Scalar, dtype, like: choicelist[0]);
        for (int i = condlist.Length - 1; i >= 0; i--) result = Where(condlist[i], choicelist[i], result);
        return result;
    }

    /// <summary>
    /// <c>numpy.lexsort(keys)</c>: the indices that sort by the last key, ties broken by the key before it, and so on
    /// (the first key least significant), along <paramref name="axis"/>; stable; int64.
    /// </summary>
    /// <exception cref="DTypeMismatchException">No keys (NumPy's TypeError and message).</exception>
    /// <exception cref="ArgumentException">The keys' shapes differ (NumPy's ValueError and message).</exception>
    public static NDArray Lexsort(NDArray[] keys, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0) throw new DTypeMismatchException("need sequence of keys with len > 0 in lexsort", nameof(keys));
        foreach (NDArray k in keys)
        {
            ArgumentNullException.ThrowIfNull(k, nameof(keys));
            if (k.Shape != keys[0].Shape) throw new ArgumentException("all keys need to be the same shape", nameof(keys));
        }
        if (keys[0].Rank == 0) return Zeros(new Shape(), DType.Int64, like: keys[0]);
        NDArray order = Argsort(keys[0], axis, stable: true);
        for (int i = 1; i < keys.Length; i++)
        {
            order = TakeAlongAxis(order, Argsort(TakeAlongAxis(keys[i], order, axis), axis, stable: true), axis);
        }
        return order;
    }

    /// <summary><c>numpy.lexsort</c> of the keys in the rows of <paramref name="keys"/> (its first axis), the last row the primary key.</summary>
    public static NDArray Lexsort(NDArray keys, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Rank == 0) throw new DTypeMismatchException("need sequence of keys with len > 0 in lexsort", nameof(keys));
        return Lexsort(Unstack(keys, 0), axis);
    }

    /// <summary>
    /// <c>numpy.sort_complex</c>: sorted along the last axis (real part first, then imaginary) as complex numbers:
    /// complex64 for int8, uint8, int16 and uint16, complex128 for other real dtypes, complex dtypes kept.
    /// </summary>
    public static NDArray SortComplex(NDArray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        NDArray sorted = Sort(a, -1);
        if (a.DType.IsComplex()) return sorted;
        return AsType(sorted, a.DType is DType.Int8 or DType.UInt8 or DType.Int16 or DType.UInt16 ? DType.Complex64 : DType.Complex128);
    }
}
