namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// The iteration space of an element-wise loop over several operands of one (broadcast) shape: axes of length 1 are
/// dropped and neighbouring axes that are contiguous for every operand are merged, so the innermost loop is as long as
/// possible. Rows are the innermost axis; <see cref="Walker"/> steps through them.
/// </summary>
internal sealed class Layout
{
    private Layout(int[] dims, long[][] strides, long[] offsets)
    {
        Dims = dims;
        Strides = strides;
        Offsets = offsets;
        long rows = 1;
        for (int i = 0; i < dims.Length - 1; i++) rows *= dims[i];
        Rows = rows;
    }

    /// <summary>The merged dimensions; at least one.</summary>
    public int[] Dims { get; }

    /// <summary>Per operand, the strides over <see cref="Dims"/>.</summary>
    public long[][] Strides { get; }

    /// <summary>Per operand, the offset of element 0.</summary>
    public long[] Offsets { get; }

    /// <summary>The length of a row (the innermost axis).</summary>
    public int RowLength => Dims[^1];

    /// <summary>The number of rows.</summary>
    public long Rows { get; }

    /// <summary>The innermost stride of operand <paramref name="k"/>.</summary>
    public long InnerStride(int k) => Strides[k][^1];

    /// <summary>
    /// Builds the layout of <paramref name="shape"/> for operands with the given (already broadcast) strides. The last
    /// operand is the destination: the axes are walked in its memory order (slowest first), so a Fortran-ordered result
    /// of Fortran-ordered operands (<see cref="DenseArray.CreateUninitialized(DType, Shape, ReadOnlySpan{DenseArray})"/>)
    /// merges into one contiguous row as a C-ordered one does.
    /// </summary>
    public static Layout Create(Shape shape, long[][] strides, long[] offsets)
    {
        ReadOnlySpan<int> dims = shape.Dims;
        if (DestinationOrder(dims, strides[^1]) is { } axes)
        {
            var permutedDims = new int[axes.Length];
            for (int i = 0; i < axes.Length; i++) permutedDims[i] = dims[axes[i]];
            var permuted = new long[strides.Length][];
            for (int k = 0; k < strides.Length; k++)
            {
                permuted[k] = new long[axes.Length];
                for (int i = 0; i < axes.Length; i++) permuted[k][i] = strides[k][axes[i]];
            }
            dims = permutedDims;
            strides = permuted;
        }
        int n = strides.Length;
        var keptDims = new List<int>(dims.Length);
        var kept = new List<long>[n];
        for (int k = 0; k < n; k++) kept[k] = new List<long>(dims.Length);
        for (int axis = 0; axis < dims.Length; axis++)
        {
            if (dims[axis] == 1) continue;
            if (keptDims.Count > 0)
            {
                int last = keptDims.Count - 1;
                bool merge = true;
                for (int k = 0; k < n && merge; k++) merge = kept[k][last] == strides[k][axis] * dims[axis];
                // A merged row stays below 2^31 elements (rows are spans); longer arrays loop over rows of that size.
                if (merge && (long)keptDims[last] * dims[axis] <= int.MaxValue)
                {
                    keptDims[last] *= dims[axis];
                    for (int k = 0; k < n; k++) kept[k][last] = strides[k][axis];
                    continue;
                }
            }
            keptDims.Add(dims[axis]);
            for (int k = 0; k < n; k++) kept[k].Add(strides[k][axis]);
        }
        if (keptDims.Count == 0)
        {
            keptDims.Add(1);
            for (int k = 0; k < n; k++) kept[k].Add(1);
        }
        var result = new long[n][];
        for (int k = 0; k < n; k++) result[k] = [.. kept[k]];
        return new Layout([.. keptDims], result, offsets);
    }

    // The axes by decreasing absolute destination stride (a stable sort, so ties keep C order), or null when they already
    // are in that order (C-ordered destinations: every call but those writing a differently ordered result).
    private static int[]? DestinationOrder(ReadOnlySpan<int> dims, long[] destination)
    {
        long previous = long.MaxValue;
        bool ordered = true;
        for (int i = 0; i < dims.Length && ordered; i++)
        {
            if (dims[i] == 1) continue;
            long stride = Math.Abs(destination[i]);
            ordered = stride <= previous;
            previous = stride;
        }
        if (ordered) return null;
        // An insertion sort: stable, and ranks are small. Length-1 axes are dropped by Create; they sort last.
        int[] axes = new int[dims.Length];
        for (int i = 0; i < axes.Length; i++)
        {
            long key = Key(dims, destination, i);
            int at = i;
            while (at > 0 && Key(dims, destination, axes[at - 1]) < key)
            {
                axes[at] = axes[at - 1];
                at--;
            }
            axes[at] = i;
        }
        return axes;

        static long Key(ReadOnlySpan<int> dims, long[] destination, int axis) => dims[axis] == 1 ? -1 : Math.Abs(destination[axis]);
    }

    /// <summary>The strides of <paramref name="a"/> broadcast to <paramref name="shape"/> (0 on broadcast axes).</summary>
    /// <exception cref="ShapeMismatchException">The shapes do not broadcast.</exception>
    public static long[] BroadcastStrides(DenseArray a, Shape shape)
    {
        long[] strides = StridedLayout.BroadcastStrides(a.Shape, a.Strides, shape);
        // A length-1 axis is never stepped along: stride 0 lets Create merge it with its neighbours whatever the view's was.
        ReadOnlySpan<int> to = shape.Dims;
        for (int i = 0; i < to.Length; i++) if (to[i] == 1) strides[i] = 0;
        return strides;
    }

    /// <summary>A cursor over rows: the offset of each operand at the start of the current row.</summary>
    public struct Walker
    {
        private readonly Layout _layout;
        private readonly int[] _index;
        private readonly long[] _position;

        public Walker(Layout layout, long row)
        {
            _layout = layout;
            int outer = layout.Dims.Length - 1;
            _index = new int[Math.Max(outer, 0)];
            _position = (long[])layout.Offsets.Clone();
            for (int axis = outer - 1; axis >= 0; axis--)
            {
                int dim = layout.Dims[axis];
                _index[axis] = (int)(row % dim);
                row /= dim;
                for (int k = 0; k < _position.Length; k++) _position[k] += _index[axis] * layout.Strides[k][axis];
            }
        }

        /// <summary>The offset of operand <paramref name="k"/> at the start of the current row.</summary>
        public readonly long this[int k] => _position[k];

        /// <summary>Moves to the next row.</summary>
        public void Next()
        {
            for (int axis = _index.Length - 1; axis >= 0; axis--)
            {
                _index[axis]++;
                for (int k = 0; k < _position.Length; k++) _position[k] += _layout.Strides[k][axis];
                if (_index[axis] < _layout.Dims[axis]) return;
                for (int k = 0; k < _position.Length; k++) _position[k] -= _layout.Strides[k][axis] * _layout.Dims[axis];
                _index[axis] = 0;
            }
        }
    }
}
