using ArrayDispatch.Functions;
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
    /// NumPy's <c>roll(x, shift, axis)</c>: with every axis (<see cref="Axes.IsAll"/>) the flattened array is rolled and
    /// given its shape back; otherwise each axis by its total shift (<see cref="ManipulationRules.RollShifts"/>).
    /// </summary>
    public static ChunkedArray Build(ChunkedContext context, ChunkedArray x, int[] shift, Axes axes)
    {
        long[] total = ManipulationRules.RollShifts(x.Shape, shift, axes);
        ChunkedArray result = axes.IsAll ? Manipulation.Reshape(context, x, [-1]) : x;
        for (int axis = 0; axis < total.Length; axis++) result = Along(context, result, axis, total[axis]);
        return axes.IsAll ? Manipulation.Reshape(context, result, x.Shape.ToArray()) : result;
    }

    /// <summary><paramref name="x"/> rolled by <paramref name="shift"/> along <paramref name="axis"/>: <c>concatenate([x[..., n-s:], x[..., :n-s]])</c>.</summary>
    public static ChunkedArray Along(ChunkedContext context, ChunkedArray x, int axis, long shift)
    {
        int n = x.Shape.Dims[axis];
        if (n == 0) return x;
        int s = ManipulationRules.NormalizeShift(shift, n);
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
