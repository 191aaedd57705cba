using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>Changes an array's chunks (Dask's <c>rechunk</c>): each new chunk is cut from the old chunks it overlaps and joined.</summary>
internal static class Rechunk
{
    public static ChunkedArray To(ChunkedContext context, ChunkedArray a, Chunks target)
    {
        if (a.Chunks.Equals(target)) return a;
        if (target.Rank != a.Rank) throw new ArgumentException($"chunks {target} do not match the rank of shape {a.Shape}", "chunks");
        int rank = a.Rank;
        var pieces = new (int Block, int Start, int Stop)[rank][][];
        for (int axis = 0; axis < rank; axis++)
        {
            int total = 0;
            foreach (int c in target[axis]) total += c;
            if (total != a.Shape.Dims[axis])
            {
                throw new ArgumentException($"chunks {target} along axis {axis} add up to {total}, not to the axis length {a.Shape.Dims[axis]} of shape {a.Shape}", "chunks");
            }
            pieces[axis] = Overlaps(a.Chunks.Offsets(axis), target.Offsets(axis));
        }
        string name = Names.Layer("rechunk", a.Name, target);
        return LayerBuilder.BuildSpec(context, name, "rechunk", a.Shape, target, a.Meta, [a.Layer], index =>
        {
            var perAxis = new (int Block, int Start, int Stop)[rank][];
            var counts = new int[rank];
            int total = 1;
            for (int axis = 0; axis < rank; axis++)
            {
                perAxis[axis] = pieces[axis][index[axis]];
                counts[axis] = perAxis[axis].Length;
                total *= counts[axis];
            }
            var deps = new string[total];
            var cuts = new ArrayIndex[total][];
            var full = new bool[total];
            var combo = new int[rank];
            for (int n = 0; n < total; n++)
            {
                var source = new int[rank];
                cuts[n] = new ArrayIndex[rank];
                full[n] = true;
                for (int axis = 0; axis < rank; axis++)
                {
                    var (block, start, stop) = perAxis[axis][combo[axis]];
                    source[axis] = block;
                    cuts[n][axis] = new Slice(start, stop);
                    if (start != 0 || stop != a.Chunks[axis][block]) full[n] = false;
                }
                deps[n] = a.KeyOf(source);
                for (int axis = rank - 1; axis >= 0; axis--)
                {
                    if (++combo[axis] < counts[axis]) break;
                    combo[axis] = 0;
                }
            }
            return (deps, TaskSpec.Assemble([.. cuts.Select((c, n) => full[n] ? null : c)], counts));
        });
    }

    /// <summary>For each new chunk along an axis, the old chunks it overlaps and the part of each (local start, stop).</summary>
    private static (int Block, int Start, int Stop)[][] Overlaps(int[] oldOffsets, int[] newOffsets)
    {
        int newCount = newOffsets.Length - 1;
        var result = new (int, int, int)[newCount][];
        int block = 0;
        for (int j = 0; j < newCount; j++)
        {
            int lo = newOffsets[j], hi = newOffsets[j + 1];
            var list = new List<(int, int, int)>();
            while (block < oldOffsets.Length - 2 && oldOffsets[block + 1] <= lo) block++;
            for (int b = block; b < oldOffsets.Length - 1; b++)
            {
                int s = Math.Max(lo, oldOffsets[b]), e = Math.Min(hi, oldOffsets[b + 1]);
                if (e > s || (hi == lo && b == block)) list.Add((b, s - oldOffsets[b], Math.Max(s, e) - oldOffsets[b]));
                if (oldOffsets[b + 1] >= hi) break;
            }
            result[j] = [.. list];
        }
        return result;
    }
}
