using ArrayDispatch.Chunked.Arrays;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// <c>roll</c> as Dask writes it: along each rolled axis, the array's tail slice joined before its head slice
/// (basic slicing and concatenation, so every output chunk is a slice of one input chunk and nothing is computed until
/// the result is). <c>fft.fftshift</c>/<c>fft.ifftshift</c> are rolls by half of each axis.
/// </summary>
internal static class Roll
{
    /// <summary>
    /// NumPy's <c>roll(x, shift, axis)</c>: with every axis (<see cref="Axes.IsAll"/>) the flattened array is rolled by
    /// <c>shift[0]</c> and given its shape back; otherwise axis <c>i</c> is rolled by <c>shift[i]</c> (one shift for all
    /// axes when one is given), a repeated axis by the sum of its shifts.
    /// </summary>
    public static ChunkedArray Build(ChunkedContext context, ChunkedArray x, int[] shift, Axes axes)
    {
        if (shift.Length == 0) throw new ArgumentException("roll needs a shift", nameof(shift));
        if (axes.IsAll)
        {
            ChunkedArray flat = Manipulation.Reshape(context, x, [-1]);
            return Manipulation.Reshape(context, Along(context, flat, 0, shift[0]), x.Shape.ToArray());
        }
        ReadOnlySpan<int> values = axes.Values;
        if (shift.Length != 1 && shift.Length != values.Length)
        {
            throw new ArgumentException($"shape mismatch: objects cannot be broadcast to a single shape (shift has {shift.Length} values, axis {values.Length})", nameof(shift));
        }
        var total = new long[x.Rank];
        for (int i = 0; i < values.Length; i++) total[Shape.NormalizeAxis(values[i], x.Rank)] += shift.Length == 1 ? shift[0] : shift[i];
        ChunkedArray result = x;
        for (int axis = 0; axis < x.Rank; axis++) result = Along(context, result, axis, total[axis]);
        return result;
    }

    /// <summary><paramref name="x"/> rolled by <paramref name="shift"/> along <paramref name="axis"/>: <c>concatenate([x[..., n-s:], x[..., :n-s]])</c>.</summary>
    public static ChunkedArray Along(ChunkedContext context, ChunkedArray x, int axis, long shift)
    {
        int n = x.Shape.Dims[axis];
        if (n == 0) return x;
        int s = (int)(((shift % n) + n) % n);
        if (s == 0) return x;
        ChunkedArray tail = Slicing.GetItem(context, x, Index(x.Rank, axis, new Slice(n - s, null)));
        ChunkedArray head = Slicing.GetItem(context, x, Index(x.Rank, axis, new Slice(null, n - s)));
        return Manipulation.Concatenate(context, [tail, head], axis);
    }

    private static ArrayIndex[] Index(int rank, int axis, Slice slice)
    {
        var index = new ArrayIndex[rank];
        for (int i = 0; i < rank; i++) index[i] = i == axis ? slice : ArrayIndex.All;
        return index;
    }
}
