namespace ArrayDispatch;

// NumPy's finite differences and integrals (gradient, ediff1d, trapz), composed from slicing, subtract and sum with
// NumPy's own formulas, so every backend with those functions serves them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.gradient(f, spacing, axis=axis, edge_order=edgeOrder)</c> with one uniform <paramref name="spacing"/>:
    /// central differences <c>(f[i+1] - f[i-1]) / 2h</c> inside, one-sided differences of first or second order at the
    /// edges; one array per axis of <paramref name="axis"/> (all axes by default, so one for 1-d data, which NumPy returns
    /// bare). Floats keep their dtype, integers become float64. (NumPy's per-axis coordinate arrays are not served.)
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="edgeOrder"/> is above 2, or an axis has fewer than
    /// <paramref name="edgeOrder"/> + 1 elements (NumPy's ValueErrors and messages).</exception>
    /// <exception cref="DTypeMismatchException">A bool array (NumPy's TypeError for bool subtract).</exception>
    public static NDArray[] Gradient(NDArray f, double spacing = 1.0, int edgeOrder = 1, Axes axis = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (edgeOrder > 2) throw new ArgumentException("'edge_order' greater than 2 not supported", nameof(edgeOrder));
        int[] axes = axis.Normalize(f.Rank);
        foreach (int ax in axes)
        {
            if (f.Shape.Dims[ax] < edgeOrder + 1)
            {
                throw new ArgumentException("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.", nameof(f));
            }
        }
        NDArray y = f.DType.IsInteger() ? AsType(f, DType.Float64) : f;
        var result = new NDArray[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            int ax = axes[i];
            NDArray At(int index) => GetItem(y, AlongAxis(ax, new Slice(index, index == -1 ? null : index + 1)));
            NDArray interior = Divide(Subtract(GetItem(y, AlongAxis(ax, new Slice(2, null))), GetItem(y, AlongAxis(ax, new Slice(null, -2)))), 2.0 * spacing);
            NDArray first, last;
            if (edgeOrder == 1)
            {
                first = Divide(Subtract(At(1), At(0)), spacing);
                last = Divide(Subtract(At(-1), At(-2)), spacing);
            }
            else
            {
                first = Add(Add(Multiply(-1.5 / spacing, At(0)), Multiply(2.0 / spacing, At(1))), Multiply(-0.5 / spacing, At(2)));
                last = Add(Add(Multiply(0.5 / spacing, At(-3)), Multiply(-2.0 / spacing, At(-2))), Multiply(1.5 / spacing, At(-1)));
            }
            result[i] = Concatenate([first, interior, last], ax);
        }
        return result;
    }

    /// <summary>
    /// <c>numpy.ediff1d(ary, to_end, to_begin)</c>: the differences of consecutive elements of the flattened array, with
    /// <paramref name="toBegin"/> and <paramref name="toEnd"/> (flattened) put before and after, in the array's dtype.
    /// </summary>
    /// <exception cref="DTypeMismatchException">A value to add does not cast to the array's dtype under the
    /// <c>same_kind</c> rule, or a bool array (NumPy's TypeErrors and messages).</exception>
    public static NDArray Ediff1d(NDArray ary, Operand? toEnd = null, Operand? toBegin = null)
    {
        ArgumentNullException.ThrowIfNull(ary);
        NDArray flat = Ravel(ary);
        NDArray? begin = toBegin is { } b ? Ediff1dPart(b, flat, "to_begin") : null;
        NDArray? end = toEnd is { } e ? Ediff1dPart(e, flat, "to_end") : null;
        if (flat.DType == DType.Bool) Subtract(flat, flat);   // NumPy's TypeError for bool subtract, even of an empty array
        NDArray differences = flat.Size == 0 ? flat : Subtract(GetItem(flat, new Slice(1, null)), GetItem(flat, new Slice(null, -1)));
        if (begin is null && end is null) return differences;
        var parts = new List<NDArray>(3);
        if (begin is not null) parts.Add(begin);
        parts.Add(AsType(differences, flat.DType));
        if (end is not null) parts.Add(end);
        return Concatenate(parts.ToArray());
    }

    /// <summary>
    /// <c>numpy.trapz(y, x, dx, axis)</c>: the integral of <paramref name="y"/> along <paramref name="axis"/> by the
    /// trapezoidal rule, <c>Σ d·(y[i+1] + y[i]) / 2</c> with d the spacing <paramref name="dx"/> or the differences of the
    /// sample points <paramref name="x"/> (1-d along the axis, or <paramref name="y"/>'s shape).
    /// </summary>
    public static NDArray Trapz(NDArray y, NDArray? x = null, double dx = 1.0, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(y);
        int ax = Shape.NormalizeAxis(axis, y.Rank);
        NDArray sums = Add(GetItem(y, AlongAxis(ax, new Slice(1, null))), GetItem(y, AlongAxis(ax, new Slice(null, -1))));
        NDArray terms;
        if (x is null)
        {
            terms = Multiply(dx, sums);
        }
        else
        {
            NDArray d;
            if (x.Rank == 1)
            {
                d = Diff(x);
                int[] dims = Enumerable.Repeat(1, y.Rank).ToArray();
                dims[ax] = (int)d.Size;
                d = Reshape(d, dims);
            }
            else
            {
                d = Diff(x, 1, ax);
            }
            terms = Multiply(d, sums);
        }
        return Sum(Divide(terms, 2.0), ax);
    }

    // ediff1d's to_begin/to_end: flattened, cast to the array's dtype when NumPy's same_kind rule allows it.
    private static NDArray Ediff1dPart(Operand value, NDArray flat, string name)
    {
        if (value.Array is { } array)
        {
            if (!DTypes.CanCast(array.DType, flat.DType, Casting.SameKind)) throw Ediff1dCast(name);
            return AsType(Ravel(array), flat.DType);
        }
        Scalar s = value.Scalar;
        // NumPy makes the value an array first (asanyarray: a Python int is int64, a float float64), so an int into an
        // unsigned dtype is not same_kind (NumPy 2, and 1.24 under NEP 50; 1.24's value-based can_cast let 0 through)
        bool fits = s.Kind switch
        {
            ScalarKind.Bool => true,
            ScalarKind.Integer => flat.DType.IsInexact() || flat.DType is DType.Int8 or DType.Int16 or DType.Int32 or DType.Int64,
            ScalarKind.Float => flat.DType.IsInexact(),
            _ => flat.DType.IsComplex(),
        };
        if (!fits) throw Ediff1dCast(name);
        // NumPy assigns the value into the result: an integer out of the dtype's range wraps (300 into int8 is 44)
        return AsType(Full(new Shape(1), s, like: flat), flat.DType);
    }

    private static DTypeMismatchException Ediff1dCast(string name) =>
        new($"dtype of `{name}` must be compatible with input `ary` under the `same_kind` rule.", name);
}
