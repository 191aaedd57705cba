using ArrayDispatch.Functions;

namespace ArrayDispatch;

// NumPy's set operations on 1-d arrays (isin/in1d, intersect1d, union1d, setdiff1d, setxor1d), composed from sort,
// searchsorted, unique and boolean indexing as NumPy's own arraysetops.py composes them, so every backend with those
// functions serves them. Results whose length depends on the data (all but isin/in1d) are data-dependent: a lazy backend
// computes them, or declines.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.in1d(ar1, ar2, assume_unique, invert)</c>: for each element of the flattened <paramref name="ar1"/>, whether
    /// it is in <paramref name="ar2"/> (false for NaN, which equals nothing); with <paramref name="invert"/>, whether it is
    /// not. A 1-d bool array. Both are compared in their promoted dtype; <paramref name="assumeUnique"/> changes nothing in
    /// the answer here (NumPy's speed-up), and is accepted for NumPy's signature.
    /// </summary>
    public static NDArray In1d(NDArray ar1, NDArray ar2, bool assumeUnique = false, bool invert = false)
    {
        ArgumentNullException.ThrowIfNull(ar1);
        ArgumentNullException.ThrowIfNull(ar2);
        _ = assumeUnique;
        DType common = DTypes.Promote(ar1.DType, ar2.DType);
        NDArray a = AsType(Ravel(ar1), common, copy: false), b = AsType(Ravel(ar2), common, copy: false);
        NDArray found;
        if (b.Size == 0 || a.Size == 0)
        {
            found = Zeros((int)a.Size, DType.Bool, like: ar1);
        }
        else
        {
            NDArray sorted = Sort(b, 0);
            NDArray at = Minimum(SearchSorted(sorted, a), b.Size - 1);
            found = Equal(Take(sorted, at, 0), a);
        }
        return invert ? LogicalNot(found) : found;
    }

    /// <summary>
    /// <c>numpy.isin(element, test_elements, assume_unique, invert)</c>: <see cref="In1d"/> in the shape of
    /// <paramref name="element"/>.
    /// </summary>
    public static NDArray Isin(NDArray element, NDArray testElements, bool assumeUnique = false, bool invert = false)
    {
        ArgumentNullException.ThrowIfNull(element);
        return Reshape(In1d(element, testElements, assumeUnique, invert), element.Shape.ToArray());
    }

    /// <summary>
    /// <c>numpy.intersect1d(ar1, ar2, assume_unique)</c>: the sorted unique values in both (flattened) arrays. With
    /// <paramref name="assumeUnique"/> the inputs are taken as they are (NumPy's speed-up: repeated values then give wrong
    /// answers, as NumPy's).
    /// </summary>
    public static NDArray Intersect1d(NDArray ar1, NDArray ar2, bool assumeUnique = false) => Intersect(ar1, ar2, assumeUnique, indices: false).Values;

    /// <summary>
    /// <c>numpy.intersect1d(ar1, ar2, assume_unique, return_indices=True)</c>: the sorted common values and, for each, the
    /// index of its first occurrence in the flattened <paramref name="ar1"/> and <paramref name="ar2"/> (int64).
    /// </summary>
    public static (NDArray Intersection, NDArray Indices1, NDArray Indices2) Intersect1dWithIndices(NDArray ar1, NDArray ar2, bool assumeUnique = false)
    {
        (NDArray values, NDArray? i1, NDArray? i2) = Intersect(ar1, ar2, assumeUnique, indices: true);
        return (values, i1!, i2!);
    }

    private static (NDArray Values, NDArray? Indices1, NDArray? Indices2) Intersect(NDArray ar1, NDArray ar2, bool assumeUnique, bool indices)
    {
        ArgumentNullException.ThrowIfNull(ar1);
        ArgumentNullException.ThrowIfNull(ar2);
        NDArray a = Ravel(ar1), b = Ravel(ar2);
        NDArray? first1 = null, first2 = null;
        if (!assumeUnique)
        {
            UniqueResult u1 = Unique(a, returnIndex: indices), u2 = Unique(b, returnIndex: indices);
            (a, b, first1, first2) = (u1.Values, u2.Values, u1.Indices, u2.Indices);
        }
        NDArray aux = Concatenate([a, b], 0);
        if (aux.Size == 0)
        {
            NDArray none = Zeros(0, DType.Int64, like: aux);
            return (aux, indices ? none : null, indices ? none : null);
        }
        NDArray? order = null;
        if (indices)
        {
            order = Argsort(aux, 0, stable: true);
            aux = Take(aux, order, 0);
        }
        else
        {
            aux = Sort(aux, 0);
        }
        NDArray head = GetItem(aux, new Slice(null, -1));
        NDArray mask = Equal(GetItem(aux, new Slice(1, null)), head);
        NDArray values = GetItem(head, mask);
        if (!indices) return (values, null, null);
        NDArray i1 = GetItem(GetItem(order!, new Slice(null, -1)), mask);
        NDArray i2 = Subtract(GetItem(GetItem(order!, new Slice(1, null)), mask), a.Size);
        if (!assumeUnique)
        {
            i1 = Take(first1!, i1, 0);
            i2 = Take(first2!, i2, 0);
        }
        return (values, i1, i2);
    }

    /// <summary><c>numpy.union1d(ar1, ar2)</c>: the sorted unique values in either (flattened) array; NaNs collapse into one, as NumPy 1.24's unique.</summary>
    public static NDArray Union1d(NDArray ar1, NDArray ar2)
    {
        ArgumentNullException.ThrowIfNull(ar1);
        ArgumentNullException.ThrowIfNull(ar2);
        return Unique(Concatenate([Ravel(ar1), Ravel(ar2)], 0)).Values;
    }

    /// <summary>
    /// <c>numpy.setdiff1d(ar1, ar2, assume_unique)</c>: the sorted unique values of <paramref name="ar1"/> that are not in
    /// <paramref name="ar2"/>; with <paramref name="assumeUnique"/>, the flattened ar1's values in their order.
    /// </summary>
    public static NDArray Setdiff1d(NDArray ar1, NDArray ar2, bool assumeUnique = false)
    {
        ArgumentNullException.ThrowIfNull(ar1);
        ArgumentNullException.ThrowIfNull(ar2);
        NDArray a = assumeUnique ? Ravel(ar1) : Unique(ar1).Values;
        return GetItem(a, In1d(a, ar2, assumeUnique: true, invert: true));
    }

    /// <summary>
    /// <c>numpy.setxor1d(ar1, ar2, assume_unique)</c>: the sorted unique values in exactly one of the (flattened) arrays.
    /// </summary>
    public static NDArray Setxor1d(NDArray ar1, NDArray ar2, bool assumeUnique = false)
    {
        ArgumentNullException.ThrowIfNull(ar1);
        ArgumentNullException.ThrowIfNull(ar2);
        NDArray a = assumeUnique ? Ravel(ar1) : Unique(ar1).Values, b = assumeUnique ? Ravel(ar2) : Unique(ar2).Values;
        NDArray aux = Concatenate([a, b], 0);
        if (aux.Size == 0) return aux;
        aux = Sort(aux, 0);
        // flag[i]: aux[i] differs from its predecessor (true at both ends); a value is kept when it differs from both neighbours
        NDArray ends = Full(1, true, DType.Bool, like: aux);
        NDArray flag = Concatenate([ends, NotEqual(GetItem(aux, new Slice(1, null)), GetItem(aux, new Slice(null, -1))), ends], 0);
        return GetItem(aux, LogicalAnd(GetItem(flag, new Slice(1, null)), GetItem(flag, new Slice(null, -1))));
    }
}
