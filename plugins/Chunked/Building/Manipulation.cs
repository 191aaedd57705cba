using ArrayDispatch.Chunked.Graph;
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
        var transpose = TaskSpec.Call(ArrayFunctions.Transpose, new AxesArgs(TaskSpec.Slot(0), permArg));
        return LayerBuilder.BuildSpec(context, name, "transpose", new Shape(dims), Chunks.FromSizes(sizes), x.Meta, [x.Layer], index =>
        {
            var src = new int[rank];
            for (int i = 0; i < rank; i++) src[perm[i]] = index[i];
            return ([x.KeyOf(src)], transpose);
        });
    }

    public static ChunkedArray Concatenate(ChunkedContext context, ChunkedArray[] arrays, int axisArg)
    {
        int axis = axisArg;
        Shape shape = Shape.Concatenated([.. arrays.Select(a => a.Shape)], ref axis);
        ChunkedArray first = arrays[0];
        int rank = shape.Rank;
        DType dtype = DTypes.Promote(arrays.Select(a => a.DType));
        var aligned = new ChunkedArray[arrays.Length];
        for (int k = 0; k < arrays.Length; k++)
        {
            ChunkedArray a = arrays[k];
            int[][] target = (int[][])a.Chunks.Sizes.Clone();
            for (int d = 0; d < rank; d++)
            {
                if (d != axis) target[d] = [.. first.Chunks[d]];
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
        NDArray meta = LayerBuilder.WithDType(context, first.Meta, dtype);
        string name = Names.Layer("concatenate", [axis, .. aligned.Select(a => a.Name)]);
        return LayerBuilder.BuildSpec(context, name, "concatenate", shape, Chunks.FromSizes(sizes), meta, [.. aligned.Select(a => a.Layer)], index =>
        {
            var (k, b) = owner[index[axis]];
            var src = (int[])index.Clone();
            src[axis] = b;
            return ([aligned[k].KeyOf(src)], TaskSpec.Input(0));
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
        var expand = TaskSpec.Call(ArrayFunctions.ExpandDims, new AxesArgs(TaskSpec.Slot(0), axis));
        return LayerBuilder.BuildSpec(context, name, "expand_dims", new Shape([.. dims]), Chunks.FromSizes([.. sizes]), meta, [x.Layer], index =>
        {
            var src = new List<int>(index);
            src.RemoveAt(axis);
            return ([x.KeyOf([.. src])], expand);
        });
    }

    /// <summary>
    /// <c>broadcast_to</c>, as Dask's: a new leading axis is one chunk of its whole length, an axis of length 1 stretched
    /// to n one chunk of n, the others keep their chunks; each output chunk is its input chunk broadcast on the chunk
    /// backend (a view there). NumPy's message where the shapes do not broadcast. <paramref name="stretchedChunks"/>, when
    /// given, chunks the new and stretched axes instead (Dask's <c>broadcast_arrays</c>, which unifies the inputs' chunks).
    /// </summary>
    public static ChunkedArray BroadcastTo(ChunkedContext context, ChunkedArray x, int[] target, int[][]? stretchedChunks = null)
    {
        if (target.Any(n => n < 0)) throw new ArgumentException($"all elements of broadcast shape must be non-negative: {Shape.Format(target)}", "shape");
        var shape = new Shape(target);
        if (!Shape.TryBroadcast(x.Shape, shape, out Shape joint) || joint != shape)
        {
            throw new ShapeMismatchException($"operands could not be broadcast together with remapped shapes [original->remapped]: {x.Shape} and requested shape {shape}", x.Shape, shape);
        }
        int rank = target.Length, lead = rank - x.Rank;
        var sizes = new int[rank][];
        for (int k = 0; k < rank; k++)
        {
            sizes[k] = k >= lead && x.Shape.Dims[k - lead] == target[k] ? [.. x.Chunks[k - lead]] : stretchedChunks?[k] ?? [target[k]];
        }
        var chunks = Chunks.FromSizes(sizes);
        NDArray meta = LayerBuilder.WithRank(context, x.Meta, rank);
        string name = Names.Layer("broadcast_to", x.Name, Shape.Format(target), chunks);
        return LayerBuilder.BuildSpec(context, name, "broadcast_to", shape, chunks, meta, [x.Layer], index =>
        {
            var src = new int[x.Rank];
            for (int j = 0; j < x.Rank; j++) src[j] = x.Shape.Dims[j] == target[j + lead] ? index[j + lead] : 0;
            return ([x.KeyOf(src)], TaskSpec.Call(ArrayFunctions.BroadcastTo, new ShapeArgs(TaskSpec.Slot(0), chunks.BlockShape(index))));
        });
    }

    public static ChunkedArray Stack(ChunkedContext context, ChunkedArray[] arrays, int axis)
    {
        int normalized = Shape.Stacked([.. arrays.Select(a => a.Shape)], axis);
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
        return LayerBuilder.BuildSpec(context, name, "squeeze", shape, chunks, meta, [x.Layer], index =>
        {
            var src = new int[x.Rank];
            for (int k = 0; k < keep.Length; k++) src[keep[k]] = index[k];
            return ([x.KeyOf(src)], TaskSpec.Call(ArrayFunctions.Reshape, new ShapeArgs(TaskSpec.Slot(0), chunks.BlockShape(index))));
        });
    }

    /// <summary>
    /// Reshape: axes keep their chunks; merged axes need all but the first in one chunk, and a leading chunk must hold
    /// whole rows of the new trailing axes. Where chunks are not aligned so, the input is rechunked first (as Dask does),
    /// which moves data between chunks.
    /// </summary>
    public static ChunkedArray Reshape(ChunkedContext context, ChunkedArray x, int[] requested)
    {
        int[] newDims = ResolveShape(x.Shape, requested);
        if (newDims.AsSpan().SequenceEqual(x.Shape.Dims)) return x;
        var newShape = new Shape(newDims);
        if (x.BlockCount == 1) return OneToOne(context, x, newShape, Chunks.Single(newShape));
        if (newShape.Size == 0) return OneToOne(context, Rechunk.To(context, x, Chunks.Single(x.Shape)), newShape, Chunks.Single(newShape));
        if (Aligned(x, newDims, out Chunks? chunks, out int[][] fix)) return OneToOne(context, x, newShape, chunks!);
        ChunkedArray rechunked = Rechunk.To(context, x, Chunks.FromSizes(fix));
        if (rechunked.BlockCount == 1) return OneToOne(context, rechunked, newShape, Chunks.Single(newShape));
        if (!Aligned(rechunked, newDims, out chunks, out _))
        {
            rechunked = Rechunk.To(context, x, Chunks.Single(x.Shape));
            chunks = Chunks.Single(newShape);
        }
        return OneToOne(context, rechunked, newShape, chunks!);
    }

    /// <summary>The result's chunks when each chunk of <paramref name="x"/> reshapes into one chunk; else input chunks that would.</summary>
    private static bool Aligned(ChunkedArray x, int[] newDims, out Chunks? chunks, out int[][] fix)
    {
        int[] inDims = x.Shape.ToArray();
        var sizes = new int[newDims.Length][];
        fix = (int[][])x.Chunks.Sizes.Clone();
        bool ok = true;
        int i = 0, o = 0;
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
            if (i - i0 == 1 && o - o0 == 1) { sizes[o0] = [.. x.Chunks[i0]]; continue; }
            long trailingIn = 1, trailingOut = 1;
            for (int k = i0 + 1; k < i; k++)
            {
                trailingIn *= inDims[k];
                if (x.Chunks.BlockCounts[k] != 1) { ok = false; fix[k] = [inDims[k]]; }
            }
            for (int k = o0 + 1; k < o; k++) trailingOut *= newDims[k];
            long step = trailingOut / Gcd(trailingOut, trailingIn);   // leading chunks must be multiples of this
            var lead = new List<int>();
            bool leadOk = true;
            foreach (int c in x.Chunks[i0])
            {
                if (c % step != 0) leadOk = false;
                lead.Add((int)(c * trailingIn / trailingOut));
            }
            if (!leadOk)
            {
                ok = false;
                int size = (int)Math.Min(inDims[i0], Math.Max(step, x.Chunks[i0][0] / step * step));
                fix[i0] = Chunks.Split(inDims[i0], size);
            }
            sizes[o0] = [.. lead];
            for (int k = o0 + 1; k < o; k++) sizes[k] = [newDims[k]];
        }
        chunks = ok ? Chunks.FromSizes(sizes) : null;
        if (ok && chunks!.BlockCount != x.BlockCount) { ok = false; chunks = null; }
        return ok;
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return Math.Max(1, a);
    }

    /// <summary>A reshape where chunk n (C order) of the result is chunk n of <paramref name="x"/>, reshaped.</summary>
    private static ChunkedArray OneToOne(ChunkedContext context, ChunkedArray x, Shape shape, Chunks chunks)
    {
        string[] sourceKeys = [.. x.Keys()];
        NDArray meta = LayerBuilder.WithRank(context, x.Meta, shape.Rank);
        string name = Names.Layer("reshape", x.Name, shape);
        int n = 0;
        return LayerBuilder.BuildSpec(context, name, "reshape", shape, chunks, meta, [x.Layer], index =>
        {
            string dep = sourceKeys[n++];
            return ([dep], TaskSpec.Call(ArrayFunctions.Reshape, new ShapeArgs(TaskSpec.Slot(0), chunks.BlockShape(index))));
        });
    }

    // NumPy's reshape rule (one unknown dimension, its messages) is the protocol's, as on every backend.
    private static int[] ResolveShape(Shape shape, int[] requested) => ManipulationRules.ReshapeTarget(shape.Size, requested).Dims.ToArray();
}
