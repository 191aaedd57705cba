namespace ArrayDispatch.Gpu;

/// <summary>NumPy's basic indexing on Gpu arrays: integers, slices, <c>newaxis</c> and <c>...</c> make views.</summary>
internal static class Indexing
{
    public static GpuArray Get(GpuArray x, ArrayIndex[] index)
    {
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
                case ArrayIndexKind.Array:
                    throw new NotSupportedException(
                        "the Gpu backend supports basic indexing (integers, slices, newaxis, ...); integer-array and boolean-mask indexing are not implemented on Gpu: use x.ToHost() or Np.AsArray(x, backend: \"Dense\")");
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
                    if (at < 0 || at >= size) throw new ArgumentOutOfRangeException(nameof(index), i.Integer, $"index {i.Integer} is out of bounds for axis {axis} with size {size}");
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
}
