namespace ArrayDispatch.Functions;

/// <summary>
/// NumPy's argument rules of the rearranging functions (<c>roll</c>, <c>tile</c>, <c>repeat</c>), written once for
/// every backend: what a call means once its arguments are resolved, and NumPy's error where they cannot be.
/// </summary>
public static class ManipulationRules
{
    /// <summary>
    /// numpy.reshape's new shape for an array of <paramref name="size"/> elements: <paramref name="requested"/> with its
    /// one unknown dimension worked out (any negative value is one, as NumPy 1.24 reads it: -1 or -2), every backend's
    /// reshape reading it here.
    /// </summary>
    /// <exception cref="ArgumentException">Two unknown dimensions (NumPy's ValueError).</exception>
    /// <exception cref="ShapeMismatchException">The sizes differ: <see cref="CannotReshape"/>.</exception>
    public static Shape ReshapeTarget(long size, ReadOnlySpan<int> requested)
    {
        int unknown = -1;
        long known = 1;
        bool overflow = false;
        for (int i = 0; i < requested.Length; i++)
        {
            int d = requested[i];
            if (d < 0)
            {
                if (unknown >= 0) throw new ArgumentException("can only specify one unknown dimension", "shape");
                unknown = i;
            }
            else if (d != 0 && known > long.MaxValue / d) overflow = true;
            else known *= d;
        }
        int[] dims = requested.ToArray();
        if (unknown >= 0)
        {
            if (overflow || known == 0 || size % known != 0 || size / known > int.MaxValue) throw CannotReshape(size, requested);
            dims[unknown] = (int)(size / known);
        }
        else if (overflow || known != size) throw CannotReshape(size, requested);
        return new Shape(dims);
    }

    /// <summary>
    /// NumPy's <c>cannot reshape array of size 12 into shape (5,3)</c>, the shape as NumPy's <c>convert_shape_to_string</c>
    /// writes it: no spaces, an unknown (negative) dimension as <c>newaxis</c> and left out when leading, a trailing comma
    /// for one dimension only (<c>(5,newaxis)</c>, <c>(4,)</c>, and <c>(4)</c> for <c>(-1, 4)</c>).
    /// </summary>
    public static ShapeMismatchException CannotReshape(long size, ReadOnlySpan<int> requested)
    {
        int first = 0;
        while (first < requested.Length && requested[first] < 0) first++;
        string text = "()";
        if (first < requested.Length)
        {
            var parts = new List<string>(requested.Length);
            for (int i = first; i < requested.Length; i++) parts.Add(requested[i] < 0 ? "newaxis" : requested[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            text = requested.Length == 1 ? $"({parts[0]},)" : $"({string.Join(",", parts)})";
        }
        return new ShapeMismatchException($"cannot reshape array of size {size} into shape {text}", "shape");
    }

    /// <summary>
    /// The total shift of each axis in NumPy's <c>roll(x, shift, axis)</c> for an array of <paramref name="shape"/>:
    /// <paramref name="shift"/> and <paramref name="axis"/> broadcast against each other and a repeated axis is shifted by
    /// the sum of its shifts. With <see cref="Axes.All"/> the flattened array is rolled: the result then has one entry,
    /// the shift of the flattened array's only axis.
    /// </summary>
    /// <exception cref="ArgumentException">Shift and axis of lengths that do not broadcast.</exception>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public static long[] RollShifts(Shape shape, ReadOnlySpan<int> shift, Axes axis)
    {
        ReadOnlySpan<int> axes = axis.IsAll ? [0] : axis.Values;
        int rank = axis.IsAll ? 1 : shape.Rank;
        if (shift.Length != 1 && axes.Length != 1 && shift.Length != axes.Length)
        {
            throw new ArgumentException(
                $"shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ({shift.Length},) and arg 1 with shape ({axes.Length},).",
                nameof(shift));
        }
        var total = new long[rank];
        int pairs = shift.Length == 1 ? axes.Length : shift.Length;
        for (int i = 0; i < pairs; i++)
        {
            int a = Shape.NormalizeAxis(axes[axes.Length == 1 ? 0 : i], rank);
            total[a] += shift[shift.Length == 1 ? 0 : i];
        }
        return total;
    }

    /// <summary>A roll's shift of an axis of length <paramref name="length"/>, in <c>[0, length)</c> (0 for an empty axis).</summary>
    public static int NormalizeShift(long shift, int length) => length == 0 ? 0 : (int)(((shift % length) + length) % length);

    /// <summary>
    /// NumPy's <c>tile(x, reps)</c> as a broadcast: <paramref name="shape"/> padded to the result's rank and interleaved
    /// with ones (<c>(1, d0, 1, d1, …)</c>), broadcast to <c>(r0, d0, r1, d1, …)</c>, then merged pairwise into
    /// <c>(r0·d0, r1·d1, …)</c>. A backend reshapes to <c>Interleaved</c>, broadcasts to <c>Broadcast</c>, copies, and
    /// reshapes to <c>Result</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A repetition count is negative.</exception>
    public static (Shape Interleaved, Shape Broadcast, Shape Result) TileShapes(Shape shape, ReadOnlySpan<int> reps)
    {
        foreach (int r in reps)
        {
            if (r < 0) throw new ArgumentException("negative dimensions are not allowed", nameof(reps));
        }
        int rank = Math.Max(shape.Rank, reps.Length);
        var interleaved = new int[2 * rank];
        var broadcast = new int[2 * rank];
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int r = i < rank - reps.Length ? 1 : reps[i - (rank - reps.Length)];
            int d = i < rank - shape.Rank ? 1 : shape.Dims[i - (rank - shape.Rank)];
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = d;
            broadcast[2 * i] = r;
            broadcast[2 * i + 1] = d;
            result[i] = Shape.Dimension((long)r * d, $"tile of shape {shape} by ({string.Join(", ", reps.ToArray())})");
        }
        return (new Shape(interleaved), new Shape(broadcast), new Shape(result));
    }

    /// <summary>
    /// How often each element along an axis of length <paramref name="length"/> is repeated in NumPy's
    /// <c>repeat(x, repeats, axis)</c>: one count for all, or one per element.
    /// </summary>
    /// <exception cref="ShapeMismatchException">The counts are neither one nor one per element.</exception>
    /// <exception cref="ArgumentException">A count is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The repeated axis would be longer than a dimension holds (NumPy's "array is too big").</exception>
    public static int[] RepeatCounts(int length, ReadOnlySpan<int> repeats)
    {
        if (repeats.Length != 1 && repeats.Length != length)
        {
            throw new ShapeMismatchException($"operands could not be broadcast together with shape ({length},) ({repeats.Length},)", new Shape(length), new Shape(repeats.Length));
        }
        foreach (int c in repeats)
        {
            // NumPy's words differ: one count is a dimension of the broadcast, several are the repeats array's values.
            if (c < 0) throw new ArgumentException(repeats.Length == 1 ? "negative dimensions are not allowed" : "repeats may not contain negative values.", nameof(repeats));
        }
        var counts = new int[length];
        long total = 0;
        for (int i = 0; i < length; i++) total += counts[i] = repeats[repeats.Length == 1 ? 0 : i];
        Shape.Dimension(total, $"repeat of an axis of length {length}");
        return counts;
    }

    /// <summary>
    /// Where NumPy's <c>split(x, sections_or_indices, axis)</c> cuts an axis of length <paramref name="length"/>: the
    /// bounds of the pieces (piece i is <c>[bounds[i], max(bounds[i], bounds[i+1]))</c>), from equal sections or from
    /// indices (clamped to the axis, negatives from the end).
    /// </summary>
    /// <exception cref="ArgumentException">No sections or indices, sections not positive, or sections that do not divide the axis.</exception>
    public static int[] SplitBounds(int length, int? sections, int[]? indices)
    {
        if (sections is { } count)
        {
            if (count <= 0) throw new ArgumentException("number sections must be larger than 0.", "indices_or_sections");
            if (length % count != 0) throw new ArgumentException("array split does not result in an equal division", "indices_or_sections");
            return [.. Enumerable.Range(0, count + 1).Select(i => i * (length / count))];
        }
        if (indices is null) throw new ArgumentException("split needs sections or indices", "indices_or_sections");
        return [0, .. indices.Select(i => Math.Clamp(i < 0 ? i + length : i, 0, length)), length];
    }

    /// <summary>
    /// NumPy's <c>meshgrid(*xs, indexing)</c>: the grid's shape (the inputs' sizes, the first two swapped for Cartesian
    /// <c>'xy'</c> indexing) and, for each input, the grid axis its values run along.
    /// </summary>
    public static (Shape Grid, int[] Along) MeshgridPlan(IReadOnlyList<long> sizes, bool matrixIndexing)
    {
        int n = sizes.Count;
        var dims = new int[n];
        var along = new int[n];
        for (int i = 0; i < n; i++)
        {
            dims[i] = checked((int)sizes[i]);
            along[i] = !matrixIndexing && n >= 2 && i < 2 ? 1 - i : i;
        }
        if (!matrixIndexing && n >= 2) (dims[0], dims[1]) = (dims[1], dims[0]);
        return (new Shape(dims), along);
    }

    /// <summary>NumPy's requirement that <c>searchsorted</c>'s sorted array is one-dimensional.</summary>
    /// <exception cref="ArgumentException">The array of <paramref name="shape"/> is not 1-d.</exception>
    public static void RequireSortedVector(Shape shape)
    {
        if (shape.Rank != 1) throw new ArgumentException($"object too deep for desired array: searchsorted needs a 1-d array, got shape {shape}", "a");
    }

    /// <summary>NumPy's <c>swapaxes(axis1, axis2)</c> as a <c>transpose</c> order of an array of rank <paramref name="rank"/>.</summary>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public static int[] SwapAxesOrder(int rank, int axis1, int axis2)
    {
        int a = Shape.NormalizeAxis(axis1, rank), b = Shape.NormalizeAxis(axis2, rank);
        int[] order = [.. Enumerable.Range(0, rank)];
        (order[a], order[b]) = (order[b], order[a]);
        return order;
    }

    /// <summary>
    /// NumPy's <c>moveaxis(source, destination)</c> as a <c>transpose</c> order: the axes in <paramref name="source"/> at
    /// the positions in <paramref name="destination"/>, the others in their order.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length or repeat an axis.</exception>
    /// <exception cref="AxisOutOfRangeException">An axis is out of range.</exception>
    public static int[] MoveAxisOrder(int rank, ReadOnlySpan<int> source, ReadOnlySpan<int> destination)
    {
        int[] from = Distinct(source, rank, "source"), to = Distinct(destination, rank, "destination");
        if (from.Length != to.Length)
        {
            throw new ArgumentException("`source` and `destination` arguments must have the same number of elements", nameof(destination));
        }
        var order = new List<int>(rank);
        for (int i = 0; i < rank; i++) if (Array.IndexOf(from, i) < 0) order.Add(i);
        foreach ((int dest, int src) in to.Zip(from).OrderBy(p => p.First)) order.Insert(dest, src);
        return [.. order];
    }

    private static int[] Distinct(ReadOnlySpan<int> axes, int rank, string argument)
    {
        var result = new int[axes.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            result[i] = Shape.NormalizeAxis(axes[i], rank);
            if (Array.IndexOf(result, result[i], 0, i) >= 0) throw new ArgumentException($"repeated axis in `{argument}` argument", argument);
        }
        return result;
    }
}
