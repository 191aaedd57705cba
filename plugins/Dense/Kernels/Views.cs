namespace ArrayDispatch.Dense.Kernels;

/// <summary>Views: new shapes and strides over the same storage (reshape of contiguous arrays, transposes, broadcasts, flips).</summary>
internal static class Views
{
    /// <summary>Resolves a -1 in <paramref name="dims"/> against <paramref name="size"/>.</summary>
    /// <exception cref="ShapeMismatchException">The sizes differ, or more than one -1.</exception>
    public static Shape ResolveShape(long size, ReadOnlySpan<int> dims) => global::ArrayDispatch.Functions.ManipulationRules.ReshapeTarget(size, dims);

    /// <summary>A view with <paramref name="shape"/> when the array is contiguous, else a reshaped copy.</summary>
    public static DenseArray Reshape(DenseArray a, Shape shape)
    {
        if (shape.Size != a.Size) throw global::ArrayDispatch.Functions.ManipulationRules.CannotReshape(a.Size, shape.Dims);
        DenseArray c = a.EnsureContiguous();
        return c.View(shape, shape.ContiguousStrides(), c.Offset);
    }

    /// <summary>A view with the axes permuted.</summary>
    public static DenseArray Transpose(DenseArray a, ReadOnlySpan<int> permutation) => a.View(a.Layout.Transpose(permutation));

    /// <summary>The permutation that reverses the axes.</summary>
    public static int[] Reversed(int rank)
    {
        var p = new int[rank];
        for (int i = 0; i < rank; i++) p[i] = rank - 1 - i;
        return p;
    }

    /// <summary>A read-only broadcast view (stride 0 on broadcast axes).</summary>
    public static DenseArray BroadcastTo(DenseArray a, Shape shape) => a.ReadOnlyView(a.Layout.BroadcastTo(shape));

    /// <summary>A view with axes of length one inserted at <paramref name="axes"/> (positions in the result).</summary>
    public static DenseArray ExpandDims(DenseArray a, int[] axes) => a.View(a.Layout.ExpandDims(axes));

    /// <summary>A view reversed along <paramref name="axes"/>.</summary>
    public static DenseArray Flip(DenseArray a, Axes axes) => a.View(a.Layout.Flip(axes));

    /// <summary>The view along one axis from <paramref name="start"/> with <paramref name="count"/> elements every <paramref name="step"/>.</summary>
    public static DenseArray Slice(DenseArray a, int axis, long start, long step, int count) => a.View(a.Layout.Slice(axis, start, step, count));

    /// <summary>The permutation that moves <paramref name="axes"/> to the end (keeping the order of the rest).</summary>
    public static int[] MoveToEnd(int rank, ReadOnlySpan<int> axes)
    {
        var p = new List<int>(rank);
        for (int i = 0; i < rank; i++) if (!axes.Contains(i)) p.Add(i);
        foreach (int ax in axes) p.Add(ax);
        return [.. p];
    }

    /// <summary>The inverse of a permutation.</summary>
    public static int[] Inverse(ReadOnlySpan<int> permutation)
    {
        var inv = new int[permutation.Length];
        for (int i = 0; i < permutation.Length; i++) inv[permutation[i]] = i;
        return inv;
    }
}
