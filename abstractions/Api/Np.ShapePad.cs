namespace ArrayDispatch;

/// <summary>How <see cref="Np.Pad(NDArray, int, PadMode, Scalar?)"/> fills the padding (NumPy's <c>mode=</c>).</summary>
public enum PadMode
{
    /// <summary><c>'constant'</c>: a constant value (<c>constant_values</c>, 0 by default).</summary>
    Constant,

    /// <summary><c>'edge'</c>: the edge value of the array repeated.</summary>
    Edge,

    /// <summary><c>'reflect'</c>: the array mirrored about its edge values, which are not repeated (3 2 | 1 2 3 | 2 1).</summary>
    Reflect,

    /// <summary><c>'symmetric'</c>: the array mirrored about its edges, the edge values repeated (2 1 | 1 2 3 | 3 2).</summary>
    Symmetric,

    /// <summary><c>'wrap'</c>: the array repeated periodically (2 3 | 1 2 3 | 1 2).</summary>
    Wrap,
}

// numpy.pad: axis by axis, constant padding joined with concatenate and the other modes as one take along the axis whose
// positions are computed here (they depend on the lengths alone), so every backend with those functions serves it.
public static partial class Np
{
    /// <summary><c>numpy.pad(array, pad_width, mode, constant_values)</c> with the same width before and after every axis.</summary>
    /// <exception cref="ArgumentException">A negative width, or an empty axis padded by a mode other than constant (NumPy's ValueErrors and messages).</exception>
    public static NDArray Pad(NDArray array, int padWidth, PadMode mode = PadMode.Constant, Scalar? constantValues = null)
    {
        ArgumentNullException.ThrowIfNull(array);
        return Pad(array, Enumerable.Repeat((padWidth, padWidth), array.Rank).ToArray(), mode, constantValues);
    }

    /// <summary><c>numpy.pad(array, (before, after), mode, constant_values)</c>: the same widths for every axis.</summary>
    /// <exception cref="ArgumentException">A negative width, or an empty axis padded by a mode other than constant (NumPy's ValueErrors and messages).</exception>
    public static NDArray Pad(NDArray array, (int Before, int After) padWidth, PadMode mode = PadMode.Constant, Scalar? constantValues = null)
    {
        ArgumentNullException.ThrowIfNull(array);
        return Pad(array, Enumerable.Repeat(padWidth, array.Rank).ToArray(), mode, constantValues);
    }

    /// <summary>
    /// <c>numpy.pad(array, ((before_0, after_0), …), mode, constant_values)</c>: <paramref name="padWidth"/> elements added
    /// before and after each axis, filled as <paramref name="mode"/> says; the result keeps the array's dtype (a constant is
    /// cast to it). Reflect, symmetric and wrap repeat periodically for widths larger than the axis (NumPy 2's answer; NumPy
    /// 1.24's wrap breaks the period when a width exceeds the axis length).
    /// </summary>
    /// <exception cref="ArgumentException">The widths are not one pair per axis, a width is negative, or an empty axis is
    /// padded by a mode other than constant (NumPy's ValueErrors and messages).</exception>
    public static NDArray Pad(NDArray array, (int Before, int After)[] padWidth, PadMode mode = PadMode.Constant, Scalar? constantValues = null)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (mode != PadMode.Constant && constantValues is not null)
        {
            throw new ArgumentException($"unsupported keyword arguments for mode '{mode.ToString().ToLowerInvariant()}': {{'constant_values'}}", nameof(constantValues));
        }
        Scalar fill = constantValues ?? 0L;
        return Pad(array, padWidth, mode, Enumerable.Repeat((fill, fill), array.Rank).ToArray());
    }

    /// <summary>
    /// <c>numpy.pad(array, pad_width, mode='constant', constant_values=((before_0, after_0), …))</c>: constant padding with
    /// its own values before and after each axis (cast to the array's dtype); a corner takes the value of the later axis,
    /// as NumPy's.
    /// </summary>
    /// <exception cref="ArgumentException">The widths or the values are not one pair per axis, or a width is negative (NumPy's ValueErrors and messages).</exception>
    public static NDArray Pad(NDArray array, (int Before, int After)[] padWidth, (Scalar Before, Scalar After)[] constantValues)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentNullException.ThrowIfNull(constantValues);
        if (constantValues.Length != array.Rank)
        {
            throw new ArgumentException($"operands could not be broadcast together with remapped shapes [original->remapped]: ({constantValues.Length},2)  and requested shape ({array.Rank},2)", nameof(constantValues));
        }
        return Pad(array, padWidth, PadMode.Constant, constantValues);
    }

    private static NDArray Pad(NDArray array, (int Before, int After)[] padWidth, PadMode mode, (Scalar Before, Scalar After)[] fills)
    {
        ArgumentNullException.ThrowIfNull(padWidth);
        if (padWidth.Length != array.Rank)
        {
            throw new ArgumentException($"operands could not be broadcast together with remapped shapes [original->remapped]: ({padWidth.Length},2)  and requested shape ({array.Rank},2)", nameof(padWidth));
        }
        if (padWidth.Any(p => p.Before < 0 || p.After < 0)) throw new ArgumentException("index can't contain negative values", nameof(padWidth));
        NDArray result = array;
        for (int ax = 0; ax < array.Rank; ax++)
        {
            (int before, int after) = padWidth[ax];
            if (before == 0 && after == 0) continue;
            int n = result.Shape.Dims[ax];
            if (mode == PadMode.Constant)
            {
                int[] dims = result.Shape.ToArray();
                var parts = new List<NDArray>(3);
                if (before > 0)
                {
                    dims[ax] = before;
                    parts.Add(Full(dims, fills[ax].Before, array.DType, like: array));
                }
                parts.Add(result);
                if (after > 0)
                {
                    dims[ax] = after;
                    parts.Add(Full(dims, fills[ax].After, array.DType, like: array));
                }
                result = Concatenate(parts.ToArray(), ax);
                continue;
            }
            if (n == 0) throw new ArgumentException($"can't extend empty axis {ax} using modes other than 'constant' or 'empty'", nameof(array));
            var source = new long[before + n + after];
            for (int p = 0; p < source.Length; p++) source[p] = PadSource(mode, p - before, n);
            result = Take(result, AsArray(source, like: array), ax);
        }
        return ReferenceEquals(result, array) ? CopyInCOrder(array) : result;
    }

    // The position of the axis (length n) that padded position i (negative before the array, n or more after it) copies.
    private static long PadSource(PadMode mode, long i, long n)
    {
        switch (mode)
        {
            case PadMode.Edge:
                return Math.Clamp(i, 0, n - 1);
            case PadMode.Wrap:
                return ((i % n) + n) % n;
            case PadMode.Symmetric:
            {
                long j = ((i % (2 * n)) + 2 * n) % (2 * n);
                return j < n ? j : 2 * n - 1 - j;
            }
            default:
            {
                if (n == 1) return 0;
                long period = 2 * n - 2, j = ((i % period) + period) % period;
                return j < n ? j : period - j;
            }
        }
    }
}
