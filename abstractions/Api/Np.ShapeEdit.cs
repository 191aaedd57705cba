namespace ArrayDispatch;

// NumPy's editing helpers (append, insert, delete, resize, trim_zeros): new arrays built with concatenate, take and tile,
// the positions computed here from the arguments (which are .NET values), so every backend with those functions serves
// them.
public static partial class Np
{
    /// <summary>
    /// <c>numpy.append(arr, values, axis)</c>: with no axis, both flattened and joined; with an axis, joined along it
    /// (the shapes must then agree but on that axis). The dtype is the promotion of both, as <see cref="Concatenate"/>'s.
    /// </summary>
    public static NDArray Append(NDArray arr, Operand values, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(arr);
        NDArray v = values.Array ?? Full(new Shape(), values.Scalar, like: arr);
        return axis is null ? Concatenate([Ravel(arr), Ravel(v)], 0) : Concatenate([arr, v], axis);
    }

    /// <summary>
    /// <c>numpy.insert(arr, index, values, axis)</c>: <paramref name="values"/> (cast to arr's dtype) inserted before
    /// position <paramref name="index"/> along <paramref name="axis"/> (with no axis, into the flattened array). As NumPy,
    /// the values' first axis becomes the inserted one: inserting [7, 8] at column 1 of a (2, 3) array gives the column (7, 8).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [-n, n] (NumPy's IndexError and message).</exception>
    /// <exception cref="ShapeMismatchException">The values do not broadcast to the inserted slice.</exception>
    public static NDArray Insert(NDArray arr, int index, Operand values, int? axis = null)
    {
        (NDArray a, int ax) = EditAxis(arr, axis);
        int n = a.Shape.Dims[ax];
        if (index < -n || index > n) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is out of bounds for axis {ax} with size {n}");
        if (index < 0) index += n;
        NDArray v = InsertedValues(a, values);
        v = MoveAxis(v, 0, ax);                      // a scalar index: the values' first axis is the inserted one
        return InsertSlab(a, ax, index, v);
    }

    /// <summary>
    /// <c>numpy.insert(arr, indices, values, axis)</c>: one value (slice) inserted before each of <paramref name="indices"/>
    /// of the original array along <paramref name="axis"/> (with no axis, the flattened array); values for equal indices go in
    /// their order. <paramref name="values"/> (cast to arr's dtype) broadcast to the inserted slices; one index behaves as
    /// NumPy's <c>insert(arr, [i], values)</c>, inserting as many slices as the values have along the axis.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [-n, n] (NumPy's IndexError and message).</exception>
    /// <exception cref="ShapeMismatchException">The values do not broadcast to the inserted slices.</exception>
    public static NDArray Insert(NDArray arr, int[] indices, Operand values, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        (NDArray a, int ax) = EditAxis(arr, axis);
        int n = a.Shape.Dims[ax];
        NDArray v = InsertedValues(a, values);
        if (indices.Length == 1)
        {
            int index = indices[0];
            if (index < -n || index > n) throw new ArgumentOutOfRangeException(nameof(indices), $"index [{index}] is out of bounds for axis {ax} with size {n}");
            return InsertSlab(a, ax, index < 0 ? index + n : index, v);
        }
        // NumPy: negative indices wrap, a stable sort orders them, and each moves up by the number inserted before it
        int count = indices.Length;
        long[] at = indices.Select(i => (long)(i < 0 ? i + n : i)).ToArray();
        int[] order = Enumerable.Range(0, count).OrderBy(i => at[i]).ToArray();
        for (int r = 0; r < count; r++) at[order[r]] += r;
        int total = n + count;
        var source = new long[total];
        var taken = new bool[total];
        for (int i = 0; i < count; i++)
        {
            if (at[i] < 0 || at[i] >= total) throw new ArgumentOutOfRangeException(nameof(indices), $"index {at[i]} is out of bounds for axis {ax} with size {total}");
            source[at[i]] = n + i;                   // the i-th inserted slice (last wins for a repeated position, as NumPy's assignment)
            taken[at[i]] = true;
        }
        long next = 0;
        for (int p = 0; p < total; p++)
        {
            if (!taken[p]) source[p] = next++;
        }
        int[] slab = a.Shape.ToArray();
        slab[ax] = count;
        NDArray joined = Concatenate([a, BroadcastTo(v, slab)], ax);
        return Take(joined, AsArray(source, like: a), ax);
    }

    // The array insert/delete work on (flattened with no axis) and the normalised axis.
    private static (NDArray, int) EditAxis(NDArray arr, int? axis)
    {
        ArgumentNullException.ThrowIfNull(arr);
        if (axis is null) return (Ravel(arr), 0);
        return (arr, Shape.NormalizeAxis(axis.Value, arr.Rank));
    }

    // NumPy's array(values, ndmin=arr.ndim, dtype=arr.dtype): cast, and ones prepended up to arr's rank.
    private static NDArray InsertedValues(NDArray a, Operand values)
    {
        NDArray v = values.Array is { } array ? AsType(array, a.DType) : Full(new Shape(), values.Scalar, a.DType, like: a);
        if (v.Rank >= a.Rank) return v;
        return Reshape(v, Enumerable.Repeat(1, a.Rank - v.Rank).Concat(v.Shape.ToArray()).ToArray());
    }

    // arr[:index], the values broadcast to their slab (as many slices as they have along the axis), arr[index:].
    private static NDArray InsertSlab(NDArray a, int ax, int index, NDArray v)
    {
        int[] slab = a.Shape.ToArray();
        slab[ax] = v.Shape.Dims[ax];
        if (!Shape.TryBroadcast(v.Shape, slab, out Shape joint) || joint != new Shape(slab))
        {
            throw NumPyErrors.CannotBroadcastInput(v.Shape, new Shape(slab));
        }
        return Concatenate([GetItem(a, AlongAxis(ax, new Slice(null, index))), BroadcastTo(v, slab), GetItem(a, AlongAxis(ax, new Slice(index, null)))], ax);
    }

    /// <summary><c>numpy.delete(arr, index, axis)</c>: the array without the slice at <paramref name="index"/> along <paramref name="axis"/> (with no axis, of the flattened array).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [-n, n) (NumPy's IndexError and message).</exception>
    public static NDArray Delete(NDArray arr, int index, int? axis = null)
    {
        (NDArray a, int ax) = EditAxis(arr, axis);
        int n = a.Shape.Dims[ax];
        if (index < -n || index >= n) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is out of bounds for axis {ax} with size {n}");
        if (index < 0) index += n;
        return Concatenate([GetItem(a, AlongAxis(ax, new Slice(null, index))), GetItem(a, AlongAxis(ax, new Slice(index + 1, null)))], ax);
    }

    /// <summary><c>numpy.delete(arr, indices, axis)</c>: the array without the slices at <paramref name="indices"/> (negative ones count from the end; repeats allowed).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside [-n, n) (NumPy's IndexError and message).</exception>
    public static NDArray Delete(NDArray arr, int[] indices, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        (NDArray a, int ax) = EditAxis(arr, axis);
        int n = a.Shape.Dims[ax];
        var keep = new bool[n];
        System.Array.Fill(keep, true);
        foreach (int i in indices)
        {
            if (i < -n || i >= n) throw new ArgumentOutOfRangeException(nameof(indices), $"index {i} is out of bounds for axis {ax} with size {n}");
            keep[i < 0 ? i + n : i] = false;
        }
        return Kept(a, ax, keep);
    }

    /// <summary><c>numpy.delete(arr, slice, axis)</c>: the array without the slices <paramref name="slice"/> selects (Python's slice rules).</summary>
    public static NDArray Delete(NDArray arr, Slice slice, int? axis = null)
    {
        (NDArray a, int ax) = EditAxis(arr, axis);
        int n = a.Shape.Dims[ax];
        var keep = new bool[n];
        System.Array.Fill(keep, true);
        foreach (int i in SliceIndices(slice, n)) keep[i] = false;
        return Kept(a, ax, keep);
    }

    /// <summary><c>numpy.delete(arr, mask, axis)</c>: the array without the slices where <paramref name="mask"/> is true.</summary>
    /// <exception cref="ArgumentException">The mask's length is not the axis length (NumPy's ValueError and message).</exception>
    public static NDArray Delete(NDArray arr, bool[] mask, int? axis = null)
    {
        ArgumentNullException.ThrowIfNull(mask);
        (NDArray a, int ax) = EditAxis(arr, axis);
        int n = a.Shape.Dims[ax];
        if (mask.Length != n) throw new ArgumentException($"boolean array argument obj to delete must be one dimensional and match the axis length of {n}", nameof(mask));
        return Kept(a, ax, mask.Select(m => !m).ToArray());
    }

    private static NDArray Kept(NDArray a, int ax, bool[] keep)
    {
        long[] positions = Enumerable.Range(0, keep.Length).Where(i => keep[i]).Select(i => (long)i).ToArray();
        return positions.Length == keep.Length ? CopyInCOrder(a) : Take(a, AsArray(positions, like: a), ax);
    }

    // The positions a Python slice selects in a sequence of length n (slice.indices(n)).
    private static IEnumerable<int> SliceIndices(Slice s, int n)
    {
        int step = s.Step ?? 1;
        if (step == 0) throw new ArgumentException("slice step cannot be zero", nameof(s));
        int Clamp(int? v, int fallback, int lo, int hi)
        {
            if (v is not { } x) return fallback;
            if (x < 0) x += n;
            return Math.Clamp(x, lo, hi);
        }
        if (step > 0)
        {
            for (int i = Clamp(s.Start, 0, 0, n), stop = Clamp(s.Stop, n, 0, n); i < stop; i += step) yield return i;
        }
        else
        {
            for (int i = Clamp(s.Start, n - 1, -1, n - 1), stop = Clamp(s.Stop, -1, -1, n - 1); i > stop; i += step) yield return i;
        }
    }

    /// <summary>
    /// <c>numpy.resize(a, new_shape)</c>: an array of <paramref name="newShape"/> filled with the flattened
    /// <paramref name="a"/> repeated as often as needed (and cut); zeros when either is empty. Always a new array.
    /// </summary>
    /// <exception cref="ArgumentException">A negative dimension (NumPy's ValueError, "all elements of `new_shape` must be non-negative").</exception>
    public static NDArray Resize(NDArray a, params int[] newShape)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(newShape);
        if (newShape.Any(d => d < 0)) throw new ArgumentException("all elements of `new_shape` must be non-negative", nameof(newShape));
        long size = newShape.Aggregate(1L, (p, d) => p * d);
        if (a.Size == 0 || size == 0) return Zeros(newShape, a.DType, like: a);
        int repeats = (int)((size + a.Size - 1) / a.Size);
        // NumPy concatenates the copies even when one is enough, so the result is always a new array
        NDArray flat = repeats > 1 ? Tile(Ravel(a), repeats) : CopyInCOrder(Ravel(a));
        if (flat.Size != size) flat = GetItem(flat, new Slice(0, (int)size));
        return Reshape(flat, newShape);
    }

    /// <summary>
    /// <c>numpy.trim_zeros(filt, trim)</c>: the 1-d <paramref name="filt"/> without its leading (<c>'f'</c> in
    /// <paramref name="trim"/>) and trailing (<c>'b'</c>) zeros, a view. Finding them reads the array (a lazy backend
    /// computes it).
    /// </summary>
    /// <exception cref="DTypeMismatchException">A 0-d array (NumPy's TypeError, "iteration over a 0-d array").</exception>
    /// <exception cref="ArgumentException">An array of more than one dimension (NumPy compares whole rows with 0; not served).</exception>
    public static NDArray TrimZeros(NDArray filt, string trim = "fb")
    {
        ArgumentNullException.ThrowIfNull(filt);
        ArgumentNullException.ThrowIfNull(trim);
        if (filt.Rank == 0) throw new DTypeMismatchException("iteration over a 0-d array", nameof(filt));
        if (filt.Rank > 1) throw new ArgumentException($"trim_zeros takes a 1-d array, not one of shape {filt.Shape}", nameof(filt));
        int n = filt.Shape.Dims[0];
        if (n == 0) return filt;
        NDArray nonzero = NotEqual(filt, 0L);
        bool any = Any(nonzero).Item<bool>();
        string t = trim.ToUpperInvariant();
        int first = 0, last = n;
        if (t.Contains('F')) first = any ? (int)Argmax(nonzero).Item<long>() : n;
        if (t.Contains('B')) last = any ? n - (int)Argmax(Flip(nonzero, 0)).Item<long>() : 0;
        return GetItem(filt, new Slice(first, Math.Max(first, last)));
    }
}
