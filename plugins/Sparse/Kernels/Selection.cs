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
        SparseValidation.EntryCount(total, $"indexing a sparse array of shape {x.Shape} with {x.Nnz} stored entries");
        var kept = new List<int>();
        for (int a = 0; a < rank; a++) if (!picks[a].Removed) kept.Add(a);
        var outCoords = new List<int>[kept.Count];
        for (int i = 0; i < kept.Count; i++) outCoords[i] = [];
        var source = new List<int>();
        var current = new int[rank];
        for (int k = 0; k < x.Nnz; k++) Expand(x, k, 0, starts, targets, picks, current, kept, outCoords, source);
        var dims = new List<int>();
        foreach (int a in kept) dims.Add(picks[a].Picks.Length);
        var coords = new List<int[]>();
        for (int i = 0; i < kept.Count; i++) coords.Add([.. outCoords[i]]);
        foreach (int at in newAxes.Order())
        {
            dims.Insert(at, 1);
            coords.Insert(at, new int[source.Count]);
        }
        var shape = new Shape([.. dims]);
        var result = new CooArray([.. coords], ArrayOps.Gather(x.ValuesArray, [.. source]), shape, false);
        return result.SumDuplicates();
    }

    private static void Expand(CooArray x, int k, int axis, int[][] starts, int[][] targets, AxisPick[] picks, int[] current,
        List<int> kept, List<int>[] outCoords, List<int> source)
    {
        if (axis == x.Rank)
        {
            for (int i = 0; i < kept.Count; i++) outCoords[i].Add(current[kept[i]]);
            source.Add(k);
            return;
        }
        int old = x.Coordinates(axis)[k];
        for (int t = starts[axis][old]; t < starts[axis][old + 1]; t++)
        {
            current[axis] = targets[axis][t];
            Expand(x, k, axis + 1, starts, targets, picks, current, kept, outCoords, source);
        }
    }
}
