using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>Shape manipulation where chunks stay aligned: transpose, concatenate, stack, expand_dims, squeeze, reshape.</summary>
internal static class Manipulation
{
    public static ChunkedArray Transpose(ChunkedContext context, ChunkedArray x, Axes axes)
    {
        int rank = x.Rank;
        int[] perm;
        if (axes.IsAll)
        {
            perm = new int[rank];
            for (int i = 0; i < rank; i++) perm[i] = rank - 1 - i;
        }
        else
        {
            if (axes.Values.Length != rank) throw new ArgumentException($"axes don't match array: got {axes.Values.Length} axes for an array of dimension {rank}", "axes");
            perm = new int[rank];
            var seen = new bool[rank];
            for (int i = 0; i < rank; i++)
            {
                perm[i] = Shape.NormalizeAxis(axes.Values[i], rank);
                if (seen[perm[i]]) throw new ArgumentException($"repeated axis in transpose: {axes}", "axes");
                seen[perm[i]] = true;
            }
        }
        var sizes = new int[rank][];
        var dims = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            sizes[i] = [.. x.Chunks[perm[i]]];
            dims[i] = x.Shape.Dims[perm[i]];
        }
        Axes permArg = Axes.Of(perm);
        string name = Names.Layer("transpose", x.Name, permArg.ToString());
        return LayerBuilder.Build(context, name, "transpose", new Shape(dims), Chunks.FromSizes(sizes), x.Meta, [x.Layer], index =>
        {
            var src = new int[rank];
            for (int i = 0; i < rank; i++) src[perm[i]] = index[i];
            return ([x.KeyOf(src)], v => context.Invoke(ArrayFunctions.Transpose, new AxesArgs((NDArray)v[0], permArg)));
        });
    }

    public static ChunkedArray Concatenate(ChunkedContext context, ChunkedArray[] arrays, int axisArg)
    {
        if (arrays.Length == 0) throw new ArgumentException("need at least one array to concatenate", "arrays");
        ChunkedArray first = arrays[0];
        int rank = first.Rank;
        if (rank == 0) throw new ArgumentException("zero-dimensional arrays cannot be concatenated", "arrays");
        int axis = Shape.NormalizeAxis(axisArg, rank);
        DType dtype = first.DType;
        foreach (ChunkedArray a in arrays) dtype = DTypes.Promote(dtype, a.DType);
        var aligned = new ChunkedArray[arrays.Length];
        for (int k = 0; k < arrays.Length; k++)
        {
            ChunkedArray a = arrays[k];
            if (a.Rank != rank)
            {
                throw new ShapeMismatchException($"all the input array dimensions except for the concatenation axis must match exactly, but along dimension 0, the array at index 0 has {rank} dimension(s) and the array at index {k} has {a.Rank} dimension(s)", first.Shape, a.Shape);
            }
            int[][] target = (int[][])a.Chunks.Sizes.Clone();
            for (int d = 0; d < rank; d++)
            {
                if (d == axis) continue;
                if (a.Shape.Dims[d] != first.Shape.Dims[d])
                {
                    throw new ShapeMismatchException($"all the input array dimensions except for the concatenation axis must match exactly, but along dimension {d}, the array at index 0 has size {first.Shape.Dims[d]} and the array at index {k} has size {a.Shape.Dims[d]}", first.Shape, a.Shape);
                }
                target[d] = [.. first.Chunks[d]];
            }
            ChunkedArray r = Rechunk.To(context, a, Chunks.FromSizes(target));
            aligned[k] = r.DType == dtype ? r : Elementwise.AsType(context, r, dtype, Casting.Unsafe);
        }
        var sizes = (int[][])first.Chunks.Sizes.Clone();
        var along = new List<int>();
        var owner = new List<(int Array, int Block)>();
        for (int k = 0; k < aligned.Length; k++)
        {
            for (int b = 0; b < aligned[k].Chunks.BlockCounts[axis]; b++)
            {
                along.Add(aligned[k].Chunks[axis][b]);
                owner.Add((k, b));
            }
        }
        sizes[axis] = [.. along];
        var dims = first.Shape.ToArray();
        dims[axis] = along.Sum();
        NDArray meta = LayerBuilder.WithDType(context, first.Meta, dtype);
        string name = Names.Layer("concatenate", [axis, .. aligned.Select(a => a.Name)]);
        return LayerBuilder.Build(context, name, "concatenate", new Shape(dims), Chunks.FromSizes(sizes), meta, [.. aligned.Select(a => a.Layer)], index =>
        {
            var (k, b) = owner[index[axis]];
            var src = (int[])index.Clone();
            src[axis] = b;
            return ([aligned[k].KeyOf(src)], v => v[0]);
        });
    }

    public static ChunkedArray ExpandDims(ChunkedContext context, ChunkedArray x, int axisArg)
    {
        int rank = x.Rank + 1;
        int axis = Shape.NormalizeAxis(axisArg, rank);
        var sizes = new List<int[]>(x.Chunks.Sizes);
        sizes.Insert(axis, [1]);
        var dims = new List<int>(x.Shape.ToArray());
        dims.Insert(axis, 1);
        NDArray meta = LayerBuilder.WithRank(context, x.Meta, rank);
        string name = Names.Layer("expand_dims", x.Name, axis);
        return LayerBuilder.Build(context, name, "expand_dims", new Shape([.. dims]), Chunks.FromSizes([.. sizes]), meta, [x.Layer], index =>
        {
            var src = new List<int>(index);
            src.RemoveAt(axis);
            return ([x.KeyOf([.. src])], v => context.Invoke(ArrayFunctions.ExpandDims, new AxesArgs((NDArray)v[0], axis)));
        });
    }

    public static ChunkedArray Stack(ChunkedContext context, ChunkedArray[] arrays, int axis)
    {
        if (arrays.Length == 0) throw new ArgumentException("need at least one array to stack", "arrays");
        foreach (ChunkedArray a in arrays)
        {
            if (a.Shape != arrays[0].Shape) throw new ShapeMismatchException("all input arrays must have the same shape", arrays[0].Shape, a.Shape);
        }
        int normalized = Shape.NormalizeAxis(axis, arrays[0].Rank + 1);
        return Concatenate(context, [.. arrays.Select(a => ExpandDims(context, a, normalized))], normalized);
    }

    public static ChunkedArray Squeeze(ChunkedContext context, ChunkedArray x, Axes axes)
    {
        int[] drop = axes.IsAll ? [.. Enumerable.Range(0, x.Rank).Where(a => x.Shape.Dims[a] == 1)] : axes.Normalize(x.Rank);
        foreach (int a in drop)
        {
            if (x.Shape.Dims[a] != 1) throw new ArgumentException($"cannot select an axis to squeeze out which has size not equal to one: axis {a} of shape {x.Shape}", "axis");
        }
        var keep = Enumerable.Range(0, x.Rank).Where(a => !drop.Contains(a)).ToArray();
        var shape = new Shape([.. keep.Select(a => x.Shape.Dims[a])]);
        var chunks = Chunks.FromSizes([.. keep.Select(a => (int[])[.. x.Chunks[a]])]);
        NDArray meta = LayerBuilder.WithRank(context, x.Meta, keep.Length);
        string name = Names.Layer("squeeze", x.Name, Shape.Format(drop));
        return LayerBuilder.Build(context, name, "squeeze", shape, chunks, meta, [x.Layer], index =>
        {
            var src = new int[x.Rank];
            for (int k = 0; k < keep.Length; k++) src[keep[k]] = index[k];
            int[] blockShape = chunks.BlockShape(index);
            return ([x.KeyOf(src)], v => context.Invoke(ArrayFunctions.Reshape, new ShapeArgs((NDArray)v[0], blockShape)));
        });
    }

    /// <summary>
    /// Reshape where chunks stay aligned: axes keep their chunks, merged axes need all but the first in one chunk, and
    /// a split axis needs chunks that are multiples of the trailing new axes' product. Otherwise refused with an error
    /// that says which axes to rechunk.
    /// </summary>
    public static ChunkedArray Reshape(ChunkedContext context, ChunkedArray x, int[] requested)
    {
        int[] newDims = ResolveShape(x.Shape, requested);
        if (newDims.AsSpan().SequenceEqual(x.Shape.Dims)) return x;
        var newShape = new Shape(newDims);
        if (x.BlockCount == 1)
        {
            return OneToOne(context, x, newShape, Chunks.Single(newShape));
        }
        // Pair input axis groups with output axis groups of equal product, ignoring length-1 axes on either side.
        var sizes = new int[newDims.Length][];
        int i = 0, o = 0;
        int[] inDims = x.Shape.ToArray();
        while (i < inDims.Length || o < newDims.Length)
        {
            if (o < newDims.Length && newDims[o] == 1 && (i >= inDims.Length || inDims[i] != 1)) { sizes[o++] = [1]; continue; }
            if (i < inDims.Length && inDims[i] == 1 && (o >= newDims.Length || newDims[o] != 1)) { i++; continue; }
            int i0 = i, o0 = o;
            long pin = inDims[i++], pout = newDims[o++];
            while (pin != pout)
            {
                if (pin < pout) pin *= inDims[i++]; else pout *= newDims[o++];
            }
            int inCount = i - i0, outCount = o - o0;
            if (inCount == 1 && outCount == 1) { sizes[o0] = [.. x.Chunks[i0]]; continue; }
            for (int k = i0 + 1; k < i; k++)
            {
                if (x.Chunks.BlockCounts[k] != 1 && inCount > 1)
                {
                    throw new NotSupportedException($"cannot reshape {x.Shape} to {newShape} with chunks {x.Chunks} without moving data between chunks: axis {k} must be one chunk; rechunk it first (chunked.rechunk)");
                }
            }
            long trailingIn = 1;
            for (int k = i0 + 1; k < i; k++) trailingIn *= inDims[k];
            long trailingOut = 1;
            for (int k = o0 + 1; k < o; k++) trailingOut *= newDims[k];
            // Leading input chunks, in elements of the flattened group, must split into whole rows of the trailing output axes.
            var lead = new List<int>();
            foreach (int c in x.Chunks[i0])
            {
                long elements = c * trailingIn;
                if (elements % trailingOut != 0)
                {
                    throw new NotSupportedException($"cannot reshape {x.Shape} to {newShape} with chunks {x.Chunks} without moving data between chunks: chunks of axis {i0} must hold whole multiples of {trailingOut / Math.Max(1, trailingIn)} rows; rechunk it first (chunked.rechunk)");
                }
                lead.Add((int)(elements / trailingOut));
            }
            sizes[o0] = [.. lead];
            for (int k = o0 + 1; k < o; k++) sizes[k] = [newDims[k]];
        }
        var chunks = Chunks.FromSizes(sizes);
        if (chunks.BlockCount != x.BlockCount) throw new NotSupportedException($"cannot reshape {x.Shape} to {newShape} with chunks {x.Chunks}; rechunk first (chunked.rechunk)");
        return OneToOne(context, x, newShape, chunks);
    }

    /// <summary>A reshape where chunk n (C order) of the result is chunk n of <paramref name="x"/>, reshaped.</summary>
    private static ChunkedArray OneToOne(ChunkedContext context, ChunkedArray x, Shape shape, Chunks chunks)
    {
        string[] sourceKeys = [.. x.Keys()];
        NDArray meta = LayerBuilder.WithRank(context, x.Meta, shape.Rank);
        string name = Names.Layer("reshape", x.Name, shape);
        int n = 0;
        return LayerBuilder.Build(context, name, "reshape", shape, chunks, meta, [x.Layer], index =>
        {
            string dep = sourceKeys[n++];
            int[] blockShape = chunks.BlockShape(index);
            return ([dep], v => context.Invoke(ArrayFunctions.Reshape, new ShapeArgs((NDArray)v[0], blockShape)));
        });
    }

    private static int[] ResolveShape(Shape shape, int[] requested)
    {
        var dims = (int[])requested.Clone();
        int unknown = -1;
        long known = 1;
        for (int k = 0; k < dims.Length; k++)
        {
            if (dims[k] == -1)
            {
                if (unknown >= 0) throw new ArgumentException("can only specify one unknown dimension", "shape");
                unknown = k;
            }
            else known *= dims[k];
        }
        if (unknown >= 0) dims[unknown] = known == 0 ? 0 : (int)(shape.Size / known);
        if (new Shape(dims).Size != shape.Size) throw new ShapeMismatchException($"cannot reshape array of size {shape.Size} into shape {Shape.Format(requested)}", shape);
        return dims;
    }
}
