using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Assignment through basic indices (<c>x[1:5, 2] = v</c>), as Dask's <c>__setitem__</c>: the array gets a new layer in
/// which every block the index does not touch is the old block itself, and every touched block is a copy of the old one
/// with its part of the value assigned (the value broadcast to the indexed region, cut to the block's part of it). Lazy;
/// arrays built from the array before keep the old values. NumPy's errors as Dense gives them: an index out of range, a
/// value that does not broadcast, a complex or out-of-range scalar.
/// </summary>
internal static class SetItem
{
    public static ChunkedArray Assign(ChunkedContext context, ChunkedArray x, ArrayIndex[] index, Operand value, Func<NDArray, ChunkedArray> wrap)
    {
        if (index.Any(i => i.Kind == ArrayIndexKind.Array))
        {
            throw new NotSupportedException("chunked arrays assign through basic indices (integers, slices, newaxis, ...), not index arrays or masks; use Np.Where(mask, value, x), or compute() the array first");
        }
        ChunkedArray region = Slicing.GetItem(context, x, index);   // the assigned region's shape, and NumPy's index errors
        if (value.IsScalar) DTypes.CheckAssignedScalar(value.Scalar, x.DType);
        else if (!Shape.TryBroadcast(value.Shape, region.Shape, out Shape joint) || joint != region.Shape)
        {
            throw NumPyErrors.CannotBroadcastInput(value.Shape, region.Shape);
        }
        ChunkedArray? full = null;
        if (!value.IsScalar)
        {
            ChunkedArray v = wrap(value.Array!);
            if (v.DType != x.DType) v = Elementwise.AsType(context, v, x.DType, Casting.Unsafe);
            full = Manipulation.BroadcastTo(context, v, region.Shape.ToArray());
        }
        ArrayIndex[] items = Slicing.Expand(index, x.Rank);
        var layers = new List<GraphLayer> { x.Layer };
        var plans = new Dictionary<string, (string[] Deps, TaskSpec Spec)>();
        foreach (int[] block in x.Chunks.Indices())
        {
            var local = new ArrayIndex[items.Length];
            var part = new List<ArrayIndex>();   // the block's part of the region, per region axis
            bool touched = true;
            int axis = 0;
            for (int k = 0; k < items.Length && touched; k++)
            {
                ArrayIndex item = items[k];
                if (item.Kind == ArrayIndexKind.NewAxis)
                {
                    local[k] = ArrayIndex.NewAxis;
                    part.Add(ArrayIndex.All);
                    continue;
                }
                int length = x.Shape.Dims[axis];
                int lo = x.Chunks.Offsets(axis)[block[axis]], hi = lo + x.Chunks[axis][block[axis]];
                if (item.Kind == ArrayIndexKind.Integer)
                {
                    int i = item.Integer < 0 ? item.Integer + length : item.Integer;
                    touched = i >= lo && i < hi;
                    local[k] = i - lo;
                }
                else
                {
                    var (start, step, count) = item.Slice.Resolve(length);
                    // positions start + t * step for t in [t0, t1) fall in [lo, hi)
                    long t0, t1;
                    if (step > 0)
                    {
                        t0 = Math.Max(0, CeilDiv(lo - start, step));
                        t1 = Math.Min(count, CeilDiv(hi - start, step));
                    }
                    else
                    {
                        t0 = Math.Max(0, CeilDiv(start - (hi - 1), -step));
                        t1 = Math.Min(count, CeilDiv(start - lo + 1, -step));
                    }
                    touched = t1 > t0;
                    int first = (int)(start + t0 * step) - lo, last = (int)(start + (t1 - 1) * step) - lo;
                    int? stop = step > 0 ? last + 1 : (last - 1 < 0 ? null : last - 1);
                    local[k] = new Slice(first, stop, step);
                    part.Add(new Slice((int)t0, (int)t1));
                }
                axis++;
            }
            string oldKey = x.KeyOf(block);
            if (!touched)
            {
                plans[string.Join(",", block)] = ([oldKey], TaskSpec.Input(0));
                continue;
            }
            TaskSpec copy = TaskSpec.Call(ArrayFunctions.Copy, new ArrayArgs(TaskSpec.Slot(0)));
            if (full is null)
            {
                plans[string.Join(",", block)] = ([oldKey], TaskSpec.Call(ArrayFunctions.SetItem, new IndexArgs(TaskSpec.Slot(copy), local, value.Scalar)));
                continue;
            }
            ChunkedArray piece = Slicing.GetItem(context, full, [.. part]);
            piece = Rechunk.To(context, piece, Chunks.Single(piece.Shape));
            layers.Add(piece.Layer);
            plans[string.Join(",", block)] = ([oldKey, piece.KeyOf(new int[piece.Rank])],
                TaskSpec.Call(ArrayFunctions.SetItem, new IndexArgs(TaskSpec.Slot(copy), local, TaskSpec.Slot(1))));
        }
        string name = Names.Layer("setitem", x.Name, string.Join(",", items.Select(i => i.ToString())), full?.Name, value.IsScalar ? value.Scalar : null);
        ChunkedArray result = LayerBuilder.BuildSpec(context, name, "setitem", x.Shape, x.Chunks, x.Meta, layers, block => plans[string.Join(",", block)]);
        x.Assign(result.Layer);
        return x;
    }

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -((-a) / b);
}
