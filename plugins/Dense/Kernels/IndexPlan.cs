namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// A NumPy index resolved against an array: the basic part as a view (<see cref="View"/>), and any advanced part
/// (integer arrays and masks, broadcast together) as flat indices into axes of that view.
/// </summary>
internal sealed class IndexPlan
{
    private IndexPlan(DenseArray view, int[] advancedAxes, long[][] indices, Shape broadcast)
    {
        View = view;
        AdvancedAxes = advancedAxes;
        Indices = indices;
        Broadcast = broadcast;
    }

    /// <summary>The view after integers, slices, new axes and the ellipsis; advanced positions keep their whole axis.</summary>
    public DenseArray View { get; }

    /// <summary>The axes of <see cref="View"/> indexed by arrays, ascending.</summary>
    public int[] AdvancedAxes { get; }

    /// <summary>Per advanced axis, the indices broadcast to <see cref="Broadcast"/>, flattened.</summary>
    public long[][] Indices { get; }

    /// <summary>The broadcast shape of the index arrays.</summary>
    public Shape Broadcast { get; }

    /// <summary>Whether the index has no arrays (the result is the view itself).</summary>
    public bool IsBasic => AdvancedAxes.Length == 0;

    public static IndexPlan Create(DenseArray x, ArrayIndex[] index)
    {
        bool advanced = index.Any(i => i.Kind == ArrayIndexKind.Array);
        int consumed = 0, ellipses = 0;
        foreach (ArrayIndex i in index)
        {
            switch (i.Kind)
            {
                case ArrayIndexKind.Integer or ArrayIndexKind.Slice: consumed++; break;
                case ArrayIndexKind.Array: consumed += i.Array!.DType == DType.Bool ? Math.Max(i.Array.Rank, 0) : 1; break;
                case ArrayIndexKind.Ellipsis: ellipses++; break;
            }
        }
        if (ellipses > 1) throw new ArgumentException("an index can only have a single ellipsis ('...')", "index");
        ArrayIndex.ThrowIfTooMany(consumed, x.Rank);
        var entries = new List<ArrayIndex>();
        foreach (ArrayIndex i in index)
        {
            if (i.Kind == ArrayIndexKind.Ellipsis) for (int k = 0; k < x.Rank - consumed; k++) entries.Add(ArrayIndex.All);
            else entries.Add(i);
        }
        if (ellipses == 0) for (int k = 0; k < x.Rank - consumed; k++) entries.Add(ArrayIndex.All);

        var dims = new List<int>();
        var strides = new List<long>();
        long offset = x.Offset;
        var advAxes = new List<int>();
        var advIndices = new List<DenseArray>();
        int ax = 0;
        foreach (ArrayIndex e in entries)
        {
            switch (e.Kind)
            {
                case ArrayIndexKind.Integer when !advanced:
                {
                    int len = x.Shape.Dims[ax];
                    long i = e.Integer;
                    if (i < -len || i >= len) throw Errors.Index(i, ax, len);
                    if (i < 0) i += len;
                    offset += i * x.Strides[ax];
                    ax++;
                    break;
                }
                case ArrayIndexKind.Integer:
                    advAxes.Add(dims.Count);
                    advIndices.Add(DenseArray.Scalar((long)e.Integer));
                    dims.Add(x.Shape.Dims[ax]);
                    strides.Add(x.Strides[ax]);
                    ax++;
                    break;
                case ArrayIndexKind.Slice:
                {
                    (int start, int step, int count) = e.Slice.Resolve(x.Shape.Dims[ax]);
                    if (count > 0) offset += start * x.Strides[ax];
                    dims.Add(count);
                    strides.Add(x.Strides[ax] * step);
                    ax++;
                    break;
                }
                case ArrayIndexKind.NewAxis:
                    dims.Add(1);
                    strides.Add(0);
                    break;
                case ArrayIndexKind.Array:
                {
                    var a = (DenseArray)e.Array!;
                    if (a.DType == DType.Bool)
                    {
                        for (int k = 0; k < a.Rank; k++)
                        {
                            if (a.Shape.Dims[k] != x.Shape.Dims[ax + k])
                            {
                                throw new ShapeMismatchException($"boolean index did not match indexed array along dimension {ax + k}; dimension is {x.Shape.Dims[ax + k]} but corresponding boolean dimension is {a.Shape.Dims[k]}", x.Shape, a.Shape);
                            }
                        }
                        long[][] nz = Search.Nonzero(a);
                        for (int k = 0; k < a.Rank; k++)
                        {
                            advAxes.Add(dims.Count);
                            advIndices.Add(DenseArray.Owned(nz[k]));
                            dims.Add(x.Shape.Dims[ax]);
                            strides.Add(x.Strides[ax]);
                            ax++;
                        }
                        if (a.Rank == 0)
                        {
                            // x[True] / x[False]: a new axis of length 1 or 0.
                            advAxes.Add(dims.Count);
                            advIndices.Add(DenseArray.Owned(a.Elements<bool>()[a.Offset] ? new long[] { 0 } : []));
                            dims.Add(1);
                            strides.Add(0);
                        }
                    }
                    else
                    {
                        advAxes.Add(dims.Count);
                        advIndices.Add(a);
                        dims.Add(x.Shape.Dims[ax]);
                        strides.Add(x.Strides[ax]);
                        ax++;
                    }
                    break;
                }
            }
        }
        DenseArray view = x.View(new Shape([.. dims]), [.. strides], offset);
        if (advAxes.Count == 0) return new IndexPlan(view, [], [], Shape.Scalar);

        Shape b = Shape.Scalar;
        foreach (DenseArray a in advIndices)
        {
            if (!Shape.TryBroadcast(b, a.Shape, out b))
            {
                throw NumPyErrors.IndexArraysNotBroadcast([.. advIndices.Select(i => i.Shape)]);
            }
        }
        var flat = new long[advAxes.Count][];
        for (int k = 0; k < advAxes.Count; k++)
        {
            DenseArray broadcast = Copy.Contiguous(Views.BroadcastTo(Copy.As(advIndices[k], advIndices[k].DType == DType.Int32 ? DType.Int32 : advIndices[k].DType), b));
            flat[k] = Gather.Normalize(broadcast, dims[advAxes[k]], advAxes[k]);
        }
        return new IndexPlan(view, [.. advAxes], flat, b);
    }

    /// <summary>Whether the advanced axes are neighbours (then the broadcast dims replace them in place, else they go first).</summary>
    public bool Consecutive => AdvancedAxes[^1] - AdvancedAxes[0] == AdvancedAxes.Length - 1;

    /// <summary>The view's axes ordered advanced first, then the rest.</summary>
    public int[] AdvancedFirst() => [.. AdvancedAxes, .. Enumerable.Range(0, View.Rank).Where(i => !AdvancedAxes.Contains(i))];

    /// <summary>The permutation from (broadcast..., rest...) to NumPy's result order.</summary>
    public int[] ResultOrder()
    {
        int nb = Broadcast.Rank, nr = View.Rank - AdvancedAxes.Length;
        int first = Consecutive ? AdvancedAxes[0] : 0;
        var perm = new List<int>();
        for (int i = 0; i < first; i++) perm.Add(nb + i);
        for (int i = 0; i < nb; i++) perm.Add(i);
        for (int i = first; i < nr; i++) perm.Add(nb + i);
        return [.. perm];
    }
}
