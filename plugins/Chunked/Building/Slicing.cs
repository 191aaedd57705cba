using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// Basic indexing (integers, slices with any step, <c>newaxis</c>, <c>...</c>): every output chunk is a slice of one
/// input chunk, as in Dask, so no data moves between chunks.
/// </summary>
internal static class Slicing
{
    private readonly record struct Piece(int Block, ArrayIndex Local, int Size);

    public static ChunkedArray GetItem(ChunkedContext context, ChunkedArray x, ArrayIndex[] index)
    {
        if (index.Any(i => i.Kind == ArrayIndexKind.Array)) return Advanced(context, x, index);
        ArrayIndex[] full = Expand(index, x.Rank);
        var outSizes = new List<int[]>();
        var outDims = new List<int>();
        var pieces = new List<Piece[]>();          // per output axis that comes from an input axis
        var plan = new List<(int InputAxis, int OutputAxis, Piece? Fixed)>();
        int inAxis = 0;
        foreach (ArrayIndex item in full)
        {
            switch (item.Kind)
            {
                case ArrayIndexKind.NewAxis:
                    outSizes.Add([1]);
                    outDims.Add(1);
                    plan.Add((-1, outDims.Count - 1, null));
                    break;
                case ArrayIndexKind.Integer:
                {
                    int length = x.Shape.Dims[inAxis];
                    int i = item.Integer < 0 ? item.Integer + length : item.Integer;
                    if (i < 0 || i >= length) throw NumPyErrors.IndexOutOfBounds(item.Integer, inAxis, length);
                    int[] offsets = x.Chunks.Offsets(inAxis);
                    int block = 0;
                    while (offsets[block + 1] <= i) block++;
                    plan.Add((inAxis, -1, new Piece(block, i - offsets[block], 1)));
                    inAxis++;
                    break;
                }
                case ArrayIndexKind.Slice:
                {
                    Piece[] axisPieces = SlicePieces(x.Chunks.Offsets(inAxis), item.Slice, x.Shape.Dims[inAxis]);
                    pieces.Add(axisPieces);
                    outSizes.Add([.. axisPieces.Select(p => p.Size)]);
                    outDims.Add(axisPieces.Sum(p => p.Size));
                    plan.Add((inAxis, outDims.Count - 1, null));
                    inAxis++;
                    break;
                }
                default:
                    throw new NotSupportedException($"chunked arrays support basic indexing (integers, slices, newaxis, ...), not index arrays or masks ({item}); compute() the array first");
            }
        }
        var chunks = Chunks.FromSizes([.. outSizes]);
        var shape = new Shape([.. outDims]);
        NDArray meta = LayerBuilder.WithRank(context, x.Meta, shape.Rank);
        string name = Names.Layer("getitem", x.Name, string.Join(",", full.Select(f => f.ToString())));
        var planArr = plan.ToArray();
        var slicePieces = pieces.ToArray();
        return LayerBuilder.BuildSpec(context, name, "getitem", shape, chunks, meta, [x.Layer], outIndex =>
        {
            var src = new int[x.Rank];
            var local = new ArrayIndex[planArr.Length];
            int sliceAxis = 0;
            for (int p = 0; p < planArr.Length; p++)
            {
                var (ia, oa, fixedPiece) = planArr[p];
                if (ia < 0) { local[p] = ArrayIndex.NewAxis; continue; }
                if (fixedPiece is { } f)
                {
                    src[ia] = f.Block;
                    local[p] = f.Local;
                    continue;
                }
                Piece piece = slicePieces[sliceAxis++][outIndex[oa]];
                src[ia] = piece.Block;
                local[p] = piece.Local;
            }
            return ([x.KeyOf(src)], TaskSpec.Call(ArrayFunctions.GetItem, new IndexArgs(TaskSpec.Slot(0), local)));
        });
    }

    /// <summary>
    /// Index arrays and masks: the result's shape depends on the index values (a mask's count of true elements), so the
    /// array and the index are computed now and the chunk backend indexes them; the result is wrapped again as chunks.
    /// </summary>
    private static ChunkedArray Advanced(ChunkedContext context, ChunkedArray x, ArrayIndex[] index)
    {
        var lazy = new List<ChunkedArray> { x };
        foreach (ArrayIndex i in index)
        {
            if (i.Array is ChunkedArray c) lazy.Add(c);
        }
        NDArray[] computed = ChunkedCompute.Run(lazy).Arrays;
        int k = 1;
        var eager = new ArrayIndex[index.Length];
        for (int n = 0; n < index.Length; n++) eager[n] = index[n].Array is ChunkedArray ? computed[k++] : index[n];
        NDArray result = context.Invoke(ArrayFunctions.GetItem, new IndexArgs(computed[0], eager));
        return LayerBuilder.FromArray(context, result, Creation.ChunksFor(result.Shape, result.DType, x.Rank == result.Rank ? x.Chunks.ChunkSize() : null));
    }

    /// <summary>Replaces <c>...</c> and appends full slices so there is one entry per input axis (plus new axes).</summary>
    internal static ArrayIndex[] Expand(ArrayIndex[] index, int rank)
    {
        int consuming = index.Count(i => i.Kind is ArrayIndexKind.Integer or ArrayIndexKind.Slice or ArrayIndexKind.Array);
        ArrayIndex.ThrowIfTooMany(consuming, rank);
        if (index.Count(i => i.Kind == ArrayIndexKind.Ellipsis) > 1) throw new ArgumentException("an index can only have a single ellipsis ('...')", "index");
        var result = new List<ArrayIndex>();
        bool expanded = false;
        foreach (ArrayIndex i in index)
        {
            if (i.Kind == ArrayIndexKind.Ellipsis)
            {
                for (int k = 0; k < rank - consuming; k++) result.Add(ArrayIndex.All);
                expanded = true;
            }
            else result.Add(i);
        }
        if (!expanded)
        {
            for (int k = 0; k < rank - consuming; k++) result.Add(ArrayIndex.All);
        }
        return [.. result];
    }

    /// <summary>The output chunks of a slice along one axis: one per input chunk that holds selected elements, in output order.</summary>
    private static Piece[] SlicePieces(int[] offsets, Slice slice, int length)
    {
        var (start, step, count) = slice.Resolve(length);
        int blocks = offsets.Length - 1;
        var result = new List<Piece>();
        if (count == 0)
        {
            return [new Piece(0, new Slice(0, 0), 0)];
        }
        if (step > 0)
        {
            int last = start + (count - 1) * step;
            for (int b = 0; b < blocks; b++)
            {
                int lo = offsets[b], hi = offsets[b + 1];
                if (hi <= start || lo > last) continue;
                int first = start >= lo ? start : start + (lo - start + step - 1) / step * step;
                if (first >= hi || first > last) continue;
                int end = Math.Min(hi - 1, last);
                int n = (end - first) / step + 1;
                result.Add(new Piece(b, new Slice(first - lo, first - lo + (n - 1) * step + 1, step), n));
            }
        }
        else
        {
            int last = start + (count - 1) * step; // smallest index selected
            for (int b = blocks - 1; b >= 0; b--)
            {
                int lo = offsets[b], hi = offsets[b + 1];
                if (hi <= last || lo > start) continue;
                int first = start < hi ? start : start - (start - (hi - 1) + (-step) - 1) / (-step) * (-step);
                if (first < lo || first < last) continue;
                int end = Math.Max(lo, last);
                int n = (first - end) / (-step) + 1;
                int localStop = first - lo + (n - 1) * step - 1;
                result.Add(new Piece(b, new Slice(first - lo, localStop < 0 ? null : localStop, step), n));
            }
        }
        return [.. result];
    }
}
