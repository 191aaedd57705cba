namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Concatenation of COO arrays along an axis (SciPy's <c>hstack</c>/<c>vstack</c>, pydata's <c>concatenate</c>/<c>stack</c>).</summary>
internal static class Joining
{
    public static SparseArray Concatenate(CooArray[] parts, int axis, SparseFormat format)
    {
        CooArray first = parts[0];
        int rank = first.Rank;
        if (rank == 0) throw new ArgumentException("zero-dimensional arrays cannot be concatenated", "arrays");
        axis = Shape.NormalizeAxis(axis, rank);
        int total = 0, nnz = 0;
        DType dtype = first.DType;
        for (int p = 0; p < parts.Length; p++)
        {
            CooArray x = parts[p];
            if (x.Rank != rank)
            {
                throw new ShapeMismatchException($"all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has {rank} dimension(s) and the array at index {p} has {x.Rank} dimension(s)", "arrays", first.Shape, x.Shape);
            }
            for (int a = 0; a < rank; a++)
            {
                if (a != axis && x.Shape.Dims[a] != first.Shape.Dims[a])
                {
                    throw new ShapeMismatchException($"all the input array dimensions except for the concatenation axis must match exactly, but along dimension {a}, the array at index 0 has size {first.Shape.Dims[a]} and the array at index {p} has size {x.Shape.Dims[a]}", "arrays", first.Shape, x.Shape);
                }
            }
            total += x.Shape.Dims[axis];
            nnz += x.Nnz;
            dtype = DTypes.Promote(dtype, x.DType);
        }
        var coords = new int[rank][];
        for (int a = 0; a < rank; a++) coords[a] = new int[nnz];
        Array values = ArrayOps.Allocate(dtype, nnz);
        int w = 0, offset = 0;
        foreach (CooArray x in parts)
        {
            for (int a = 0; a < rank; a++)
            {
                Array.Copy(x.Coords[a], 0, coords[a], w, x.Nnz);
                if (a == axis) for (int k = w; k < w + x.Nnz; k++) coords[a][k] += offset;
            }
            Array.Copy(ArrayOps.Cast(x.Values, dtype), 0, values, w, x.Nnz);
            w += x.Nnz;
            offset += x.Shape.Dims[axis];
        }
        int[] dims = first.Shape.ToArray();
        dims[axis] = total;
        var result = new CooArray(coords, values, new Shape(dims), axis == 0).SumDuplicates();
        return rank == 2 ? result.ToFormat(format) : result;
    }

    /// <summary><paramref name="x"/> with a new axis of length 1 at <paramref name="axis"/>.</summary>
    public static CooArray InsertAxis(CooArray x, int axis)
    {
        var dims = new List<int>(x.Shape.ToArray());
        dims.Insert(axis, 1);
        var coords = new List<int[]>(x.Coords);
        coords.Insert(axis, new int[x.Nnz]);
        return new CooArray([.. coords], x.Values, new Shape([.. dims]), x.IsCanonical);
    }
}
