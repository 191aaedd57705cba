namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Basic and single-array indexing of COO arrays: each axis of the result takes old positions <c>Picks[p]</c>; an integer
/// index removes its axis. Entries are repeated when an index array picks the same position twice.
/// </summary>
internal static class Selection
{
    /// <summary>What one input axis becomes.</summary>
    /// <param name="Picks">The old position of each new position along the axis.</param>
    /// <param name="Removed">Whether the axis is dropped (an integer index).</param>
    public readonly record struct AxisPick(int[] Picks, bool Removed);

    /// <summary>Applies the picks (one per input axis) and inserts <paramref name="newAxes"/> (positions in the result) of length 1.</summary>
    public static CooArray Apply(CooArray x, AxisPick[] picks, int[] newAxes)
    {
        x.SumDuplicates();
        int rank = x.Rank;
        // For each axis: old position -> new positions, as a compressed list.
        var starts = new int[rank][];
        var targets = new int[rank][];
        for (int a = 0; a < rank; a++)
        {
            int size = x.Shape.Dims[a];
            int[] p = picks[a].Picks;
            var count = new int[size + 1];
            foreach (int old in p) count[old + 1]++;
            for (int i = 0; i < size; i++) count[i + 1] += count[i];
            var next = (int[])count.Clone();
            var t = new int[p.Length];
            for (int q = 0; q < p.Length; q++) t[next[p[q]]++] = q;
            starts[a] = count;
            targets[a] = t;
        }
        // An entry is repeated once per pick of its position on every axis: the result's count first, so that an index
        // array repeating positions cannot grow the lists past what one array holds.
        long total = 0;
        SparseBuffer<int>[] coordBuffers = x.CoordBuffers;
        for (int k = 0; k < x.Nnz; k++)
        {
            long copies = 1;
            for (int a = 0; a < rank && copies > 0; a++)
            {
                int old = coordBuffers[a].Span[k];
                copies *= starts[a][old + 1] - starts[a][old];
                copies = Math.Min(copies, SparseValidation.MaxEntries + 1L);   // saturated: the total cannot pass 2^62
            }
            total += copies;
        }
        int entries = SparseValidation.EntryCount(total, $"indexing a sparse array of shape {x.Shape} with {x.Nnz} stored entries");
        var kept = new List<int>();
        for (int a = 0; a < rank; a++) if (!picks[a].Removed) kept.Add(a);
        // The result's coordinates and the source entry of each, into buffers from the allocator; the input read in place.
        var outCoords = new SparseBuffer<int>[kept.Count];
        for (int i = 0; i < kept.Count; i++) outCoords[i] = SparseBuffers.Allocate<int>(entries);
        using SparseBuffer<int> source = SparseBuffers.Allocate<int>(entries);
        var current = new int[rank];
        int w = 0;
        for (int k = 0; k < x.Nnz; k++) Expand(coordBuffers, k, 0, starts, targets, current, kept, outCoords, source, ref w);
        var dims = new List<int>();
        foreach (int a in kept) dims.Add(picks[a].Picks.Length);
        var coords = new List<SparseBuffer<int>>(outCoords);
        foreach (int at in newAxes.Order())
        {
            dims.Insert(at, 1);
            coords.Insert(at, SparseBuffers.Allocate<int>(entries, clear: true));
        }
        var shape = new Shape([.. dims]);
        var result = new CooArray([.. coords], ArrayOps.Gather(x.ValueBuffer, source.Span), shape, false);
        return result.SumDuplicates();
    }

    private static void Expand(SparseBuffer<int>[] coords, int k, int axis, int[][] starts, int[][] targets, int[] current,
        List<int> kept, SparseBuffer<int>[] outCoords, SparseBuffer<int> source, ref int w)
    {
        if (axis == coords.Length)
        {
            for (int i = 0; i < kept.Count; i++) outCoords[i].Span[w] = current[kept[i]];
            source.Span[w++] = k;
            return;
        }
        int old = coords[axis].Span[k];
        for (int t = starts[axis][old]; t < starts[axis][old + 1]; t++)
        {
            current[axis] = targets[axis][t];
            Expand(coords, k, axis + 1, starts, targets, current, kept, outCoords, source, ref w);
        }
    }
}
