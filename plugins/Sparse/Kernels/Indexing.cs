namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Turns a NumPy index tuple into per-axis picks for <see cref="Selection"/>.</summary>
internal static class Indexing
{
    /// <summary>Parses <paramref name="index"/>; returns <see langword="false"/> for what is not supported (more than one index array).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An integer or an index array entry is out of bounds (NumPy's IndexError); the message names the axis and its size.</exception>
    /// <exception cref="ArgumentException">The index is malformed (two ellipses, too many indices, a mask of the wrong length).</exception>
    public static bool TryParse(Shape shape, ArrayIndex[] index, out Selection.AxisPick[] picks, out int[] newAxes)
    {
        int rank = shape.Rank;
        picks = new Selection.AxisPick[rank];
        var inserted = new List<int>();
        newAxes = [];
        int used = 0, arrays = 0;
        bool ellipsis = false;
        foreach (ArrayIndex i in index)
        {
            if (i.Kind == ArrayIndexKind.Ellipsis)
            {
                if (ellipsis) throw new ArgumentException("an index can only have a single ellipsis ('...')", "index");
                ellipsis = true;
            }
            else if (i.Kind != ArrayIndexKind.NewAxis) used++;
            if (i.Kind == ArrayIndexKind.Array) arrays++;
        }
        if (arrays > 1) return false;
        ArrayIndex.ThrowIfTooMany(used, rank);
        int axis = 0, outAxis = 0;
        foreach (ArrayIndex i in index)
        {
            switch (i.Kind)
            {
                case ArrayIndexKind.Ellipsis:
                    for (int e = 0; e < rank - used; e++) { picks[axis] = Full(shape.Dims[axis]); axis++; outAxis++; }
                    break;
                case ArrayIndexKind.NewAxis:
                    inserted.Add(outAxis++);
                    break;
                case ArrayIndexKind.Integer:
                    picks[axis] = new Selection.AxisPick([Normalize(i.Integer, shape.Dims[axis], axis)], true);
                    axis++;
                    break;
                case ArrayIndexKind.Slice:
                    (int start, int step, int count) = i.Slice.Resolve(shape.Dims[axis]);
                    var p = new int[count];
                    for (int t = 0; t < count; t++) p[t] = start + t * step;
                    picks[axis++] = new Selection.AxisPick(p, false);
                    outAxis++;
                    break;
                default:
                    if (i.Array!.Rank != 1) return false;
                    picks[axis] = new Selection.AxisPick(ArrayPositions(i.Array, shape.Dims[axis], axis), false);
                    axis++;
                    outAxis++;
                    break;
            }
        }
        for (; axis < rank; axis++) picks[axis] = Full(shape.Dims[axis]);
        newAxes = [.. inserted];
        return true;
    }

    private static Selection.AxisPick Full(int size)
    {
        var p = new int[size];
        for (int t = 0; t < size; t++) p[t] = t;
        return new Selection.AxisPick(p, false);
    }

    private static int Normalize(long i, int size, int axis)
    {
        if (i < -size || i >= size) throw NumPyErrors.IndexOutOfBounds(i, axis, size);
        return (int)(i < 0 ? i + size : i);
    }

    private static int[] ArrayPositions(NDArray array, int size, int axis)
    {
        if (array.DType == DType.Bool)
        {
            bool[] mask = array is SparseArray s ? (bool[])s.ToHostManaged().ToContiguous<bool>() : array.ToHost().ToContiguous<bool>();
            if (mask.Length != size)
            {
                throw new ArgumentException($"boolean index did not match indexed array along axis {axis}; size of axis is {size} but size of corresponding boolean axis is {mask.Length}", "index");
            }
            var picks = new List<int>();
            for (int t = 0; t < mask.Length; t++) if (mask[t]) picks.Add(t);
            return [.. picks];
        }
        long[] values = HostInterop.Read<long>(array);
        return Array.ConvertAll(values, v => Normalize(v, size, axis));
    }
}
