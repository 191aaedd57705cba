namespace ArrayDispatch.Gpu;

/// <summary>
/// NumPy's indexing on Gpu arrays: integers, slices, <c>newaxis</c> and <c>...</c> make views; one integer index array or
/// boolean mask among them is a gather along its axis (<see cref="Gathering"/>), placed where NumPy places the advanced
/// index's dimensions.
/// </summary>
internal static class Indexing
{
    public static GpuArray Get(GpuArray x, ArrayIndex[] index)
    {
        int arrays = index.Count(i => i.Kind == ArrayIndexKind.Array);
        if (arrays == 1) return Advanced(x, index);
        if (arrays > 1 && arrays == x.Rank && index.All(i => i.Kind == ArrayIndexKind.Array && i.Array!.DType.IsInteger()))
        {
            return EveryAxis(x, [.. index.Select(i => (GpuArray)i.Array!)]);
        }
        if (arrays > 1)
        {
            throw new NotSupportedException(
                "the Gpu backend takes one index array or boolean mask per index, or one integer array for every axis; other combinations of several are not implemented on Gpu: index one axis at a time, or use x.ToHost() or Np.AsArray(x, backend: \"Dense\")");
        }
        int consumed = 0;
        bool ellipsis = false;
        foreach (ArrayIndex i in index)
        {
            switch (i.Kind)
            {
                case ArrayIndexKind.Integer or ArrayIndexKind.Slice: consumed++; break;
                case ArrayIndexKind.Ellipsis:
                    if (ellipsis) throw new ArgumentException("an index can only have a single ellipsis ('...')", nameof(index));
                    ellipsis = true;
                    break;
            }
        }
        ArrayIndex.ThrowIfTooMany(consumed, x.Rank);
        var dims = new List<int>();
        var strides = new List<long>();
        long offset = x.Offset;
        int axis = 0;
        foreach (ArrayIndex i in index)
        {
            switch (i.Kind)
            {
                case ArrayIndexKind.Integer:
                    int size = x.Shape.Dims[axis];
                    int at = i.Integer < 0 ? i.Integer + size : i.Integer;
                    if (at < 0 || at >= size) throw NumPyErrors.IndexOutOfBounds(i.Integer, axis, size);
                    offset += at * x.StrideSpan[axis++];
                    break;
                case ArrayIndexKind.Slice:
                    (int start, int step, int count) = i.Slice.Resolve(x.Shape.Dims[axis]);
                    if (count > 0) offset += start * x.StrideSpan[axis];
                    dims.Add(count);
                    strides.Add(x.StrideSpan[axis++] * step);
                    break;
                case ArrayIndexKind.NewAxis:
                    dims.Add(1);
                    strides.Add(0);
                    break;
                case ArrayIndexKind.Ellipsis:
                    for (int skip = x.Rank - consumed; skip > 0; skip--)
                    {
                        dims.Add(x.Shape.Dims[axis]);
                        strides.Add(x.StrideSpan[axis++]);
                    }
                    break;
            }
        }
        for (; axis < x.Rank; axis++)
        {
            dims.Add(x.Shape.Dims[axis]);
            strides.Add(x.StrideSpan[axis]);
        }
        return x.View(new Shape([.. dims]), [.. strides], offset);
    }

    /// <summary>
    /// Every axis indexed by an integer array (<c>x[i, j]</c>, what <c>take_along_axis</c> composes): NumPy broadcasts the
    /// arrays together and picks <c>x[i[k], j[k]]</c> at each position. Here one gather from the flattened array at
    /// Σ i_d × (axis d's C stride); each i_d is first taken from <c>arange(size_d)</c>, which wraps negative indices and
    /// raises NumPy's bounds error naming axis d.
    /// </summary>
    private static GpuArray EveryAxis(GpuArray x, GpuArray[] indices)
    {
        Shape joint = indices[0].Shape;
        foreach (GpuArray i in indices.AsSpan(1))
        {
            if (!Shape.TryBroadcast(joint, i.Shape, out joint)) throw NumPyErrors.IndexArraysNotBroadcast([.. indices.Select(a => a.Shape)]);
        }
        NDArray? linear = null;
        long stride = 1;
        for (int d = x.Rank - 1; d >= 0; d--)
        {
            using GpuArray positions = Creation.Arange(x.Runtime, 0L, (long)x.Shape.Dims[d], 1L, DType.Int64);
            GpuArray at = Gathering.Take(positions, indices[d], 0, d);
            NDArray term = stride == 1 ? at : Np.Multiply(at, stride);
            linear = linear is null ? term : Np.Add(term, linear);
            stride *= x.Shape.Dims[d];
        }
        var offsets = (GpuArray)Np.BroadcastTo(linear!, [.. joint.Dims]);
        return Gathering.Take(x, offsets, null);
    }

    /// <summary>
    /// One index array (or mask) with basic indices around it: the basic part as a view (the array's axes kept whole),
    /// then a gather along the array's axis. Where NumPy puts the advanced dimensions first (the array and an integer
    /// index separated by a slice, <c>...</c> or <c>newaxis</c>), they are moved there.
    /// </summary>
    private static GpuArray Advanced(GpuArray x, ArrayIndex[] index)
    {
        int at = Array.FindIndex(index, i => i.Kind == ArrayIndexKind.Array);
        var selector = (GpuArray)index[at].Array!;
        bool mask = selector.DType == DType.Bool;
        if (!mask && !selector.DType.IsInteger())
        {
            throw new ArgumentException("arrays used as indices must be of integer (or boolean) type", nameof(index));
        }
        int covers = mask ? selector.Rank : 1;
        ArrayIndex[] basic = [.. index[..at], .. Enumerable.Repeat(ArrayIndex.All, covers), .. index[(at + 1)..]];
        using GpuArray view = Get(x, basic);
        (int source, int axis) = Position(x.Rank, basic, at);   // NumPy's messages name the indexed array's axis
        using GpuArray taken = mask ? Masked(view, selector, axis, source) : Gathering.Take(view, selector, axis, source);
        int[] integers = [.. Enumerable.Range(0, index.Length).Where(k => index[k].Kind == ArrayIndexKind.Integer)];
        int first = Math.Min(at, integers.Length > 0 ? integers.Min() : at), last = Math.Max(at, integers.Length > 0 ? integers.Max() : at);
        bool apart = Enumerable.Range(first, last - first + 1).Any(k => index[k].Kind is not (ArrayIndexKind.Integer or ArrayIndexKind.Array));
        int added = mask ? 1 : selector.Rank;
        if (!apart || axis == 0 || added == 0) return taken.View(taken.Layout);
        return taken.View(taken.Layout.MoveAxis([.. Enumerable.Range(axis, added)], [.. Enumerable.Range(0, added)]));
    }

    /// <summary>
    /// Where index position <paramref name="at"/> stands: the axis of the indexed array it takes (<c>Source</c>) and the
    /// axis of the basic view it becomes (<c>Output</c>). Integers take an axis and make none, <c>newaxis</c> makes one
    /// and takes none, slices do both, <c>...</c> both for every axis the others leave.
    /// </summary>
    private static (int Source, int Output) Position(int rank, ArrayIndex[] basic, int at)
    {
        int consumed = basic.Count(i => i.Kind is ArrayIndexKind.Integer or ArrayIndexKind.Slice);
        int source = 0, output = 0;
        for (int k = 0; k < at; k++)
        {
            switch (basic[k].Kind)
            {
                case ArrayIndexKind.Integer: source++; break;
                case ArrayIndexKind.Slice: source++; output++; break;
                case ArrayIndexKind.NewAxis: output++; break;
                case ArrayIndexKind.Ellipsis: source += rank - consumed; output += rank - consumed; break;
            }
        }
        return (source, output);
    }

    /// <summary>
    /// A boolean mask over <c>mask.Rank</c> axes from <paramref name="axis"/>: those axes merged into one and the positions
    /// of the true elements (found on the device, <see cref="Searching.FlatPositions"/>) gathered.
    /// </summary>
    private static GpuArray Masked(GpuArray view, GpuArray mask, int axis, int source)
    {
        for (int k = 0; k < mask.Rank; k++)
        {
            if (view.Shape.Dims[axis + k] != mask.Shape.Dims[k])
            {
                throw new ArgumentOutOfRangeException("index",
                    $"boolean index did not match indexed array along dimension {source + k}; dimension is {view.Shape.Dims[axis + k]} but corresponding boolean dimension is {mask.Shape.Dims[k]}");
            }
        }
        int[] merged = [.. view.Shape.Dims[..axis], checked((int)mask.Size), .. view.Shape.Dims[(axis + mask.Rank)..]];
        using GpuArray flat = ManipulationHandlers.Reshape(view, merged);
        using GpuArray positions = Searching.FlatPositions(mask);
        return Gathering.Take(flat, positions, axis, source);
    }

    /// <summary>
    /// NumPy's <c>x[index] = value</c> with basic indices: the value (a Gpu array or a scalar, NEP 50's rule for a Python
    /// int) broadcast and converted into the view. A broadcast view (an axis with stride 0 standing for more than one
    /// element, and every view of it) is read-only, as NumPy's <c>broadcast_to</c> views: a write would change every alias.
    /// Index arrays and masks in an assignment need a scatter: not implemented on Gpu (the message says so).
    /// </summary>
    public static GpuArray Set(GpuArray x, ArrayIndex[] index, Operand value)
    {
        if (index.Any(i => i.Kind == ArrayIndexKind.Array))
        {
            throw new NotSupportedException(
                "the Gpu backend assigns through basic indices (integers, slices, newaxis, ...); assignment through an index array or boolean mask is not implemented on Gpu: use Np.Where(mask, value, x), or x.ToHost()");
        }
        using GpuArray target = Get(x, index);
        target.ThrowIfReadOnly("assignment destination");
        if (value.Array is GpuArray source)
        {
            if (!Shape.TryBroadcast(source.Shape, target.Shape, out Shape joint) || joint != target.Shape)
            {
                throw NumPyErrors.CannotBroadcastInput(source.Shape, target.Shape);
            }
            GpuOps.CopyInto(source, target);
            return x;
        }
        DTypes.CheckAssignedScalar(value.Scalar, x.DType);   // a complex into a real array: NumPy's TypeError; then the integer range
        using GpuArray scalar = GpuOps.Scalar(x.Runtime, value.Scalar, x.DType);
        GpuOps.CopyInto(scalar, target);
        return x;
    }
}
