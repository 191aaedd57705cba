using ArrayDispatch.Sparse.Kernels;
using System.Buffers;

namespace ArrayDispatch.Sparse.Linalg;

/// <summary>
/// Multifrontal LU, <c>P (Q A Qᵀ) = L U</c>, on the symmetric pattern of <c>A + Aᵀ</c>: the fill-reducing ordering Q
/// (<see cref="NestedDissection"/> or none) followed by a postorder of the elimination tree; fundamental supernodes
/// merged by CHOLMOD's relaxed amalgamation rules; then, children before parents, each supernode's dense front is
/// assembled from A's entries and its children's Schur complements (extend-add), its fully summed columns are
/// factored with threshold partial pivoting among the fully summed rows (<see cref="FrontKernels.PartialLu"/>), and its
/// Schur complement goes to the parent. The flops run in dense matrix products; on a 2-D grid under nested dissection
/// they are O(n^1.5), where a column-by-column sparse LU spends most of its time on indexing.
/// <para>
/// Pivoting never leaves a front: where no fully summed row passes the threshold (a matrix that needs off-diagonal
/// pivots across fronts), <see cref="TryFactor"/> gives up and the caller falls back to the Gilbert–Peierls
/// <see cref="SparseLu"/>, which pivots anywhere and names singular columns.
/// </para>
/// </summary>
internal sealed class MultifrontalLu : ISparseFactorization
{
    /// <summary>SuperLU's <c>diag_pivot_thresh</c>, as in <see cref="SparseLu"/>.</summary>
    private const double PivotThreshold = 0.1;

    /// <summary>Below this <see cref="PatternSymmetry"/> the Gilbert–Peierls LU factors instead (UMFPACK's threshold for its symmetric strategy).</summary>
    private const double MinimumSymmetry = 0.5;

    /// <summary>The largest front built (m² doubles, 2 GB); a larger one means the symmetric pattern fills far more than the fallback's.</summary>
    private const int MaxFrontOrder = 16384;

    private readonly int _n;
    private readonly int[] _q;            // step (column of B) -> original index
    private readonly int[] _first;        // supernode s owns columns [_first[s], _first[s + 1])
    private readonly int[] _structStart;  // rows below the supernode's columns: _structRows[_structStart[s] .. _structStart[s + 1])
    private readonly int[] _structRows;
    private readonly long[] _offset;      // s's factor: m × ns columns (U11, L11, L21; ld m), then ns × r (U12; ld ns)
    private readonly double[] _factors;
    private readonly int[] _rowAt;        // step -> row of B pivoted there

    private MultifrontalLu(int n, int[] q, int[] first, int[] structStart, int[] structRows, long[] offset, double[] factors, int[] rowAt)
    {
        _n = n;
        _q = q;
        _first = first;
        _structStart = structStart;
        _structRows = structRows;
        _offset = offset;
        _factors = factors;
        _rowAt = rowAt;
    }

    /// <summary>Supernodes after amalgamation.</summary>
    public int SupernodeCount => _first.Length - 1;

    /// <summary>Entries stored in L and U together, explicit zeros of the dense blocks included.</summary>
    public long FactorEntries => _factors.LongLength;

    /// <summary>Factors a square CSR matrix, or returns null when a front has no acceptable pivot (the caller falls back).</summary>
    public static MultifrontalLu? TryFactor(CsrArray a, ColumnOrdering ordering)
    {
        int n = a.Shape.Dims[0];
        CscArray csc = a.ToCsc();
        double[] values = (double[])ArrayOps.Cast(csc.Values, DType.Float64);
        int[] q = ordering == ColumnOrdering.Natural ? Identity(n) : NestedDissection.Order(n, csc.Indptr, csc.Indices);

        // The elimination tree of B + Bᵀ for B = Q A Qᵀ, then B again in that tree's postorder (same fill, and every
        // subtree is a contiguous range of columns, which supernodes and the front stack need).
        var (bp, bi, _) = SparseLu.PermuteSymmetric(n, csc.Indptr, csc.Indices, values, q, withValues: false);
        var (tp, ti) = TransposePattern(n, bp, bi);
        if (PatternSymmetry(n, bp, bi, tp, ti) < MinimumSymmetry) return null;
        int[] post = Postorder(n, EliminationTree(n, bp, bi, tp, ti));
        var postQ = new int[n];
        for (int k = 0; k < n; k++) postQ[k] = q[post[k]];
        q = postQ;
        double[] bx;
        (bp, bi, bx) = SparseLu.PermuteSymmetric(n, csc.Indptr, csc.Indices, values, q);
        (tp, ti, double[] tx) = Transpose(n, bp, bi, bx);
        int[] parent = EliminationTree(n, bp, bi, tp, ti);

        int[] colCount = ColumnCounts(n, parent, bp, bi, tp, ti);
        int[] first = Supernodes(n, parent, colCount);
        int supernodes = first.Length - 1;
        var supernodeOf = new int[n];
        for (int s = 0; s < supernodes; s++)
        {
            for (int c = first[s]; c < first[s + 1]; c++) supernodeOf[c] = s;
        }
        var superParent = new int[supernodes];
        for (int s = 0; s < supernodes; s++)
        {
            int p = parent[first[s + 1] - 1];
            superParent[s] = p < 0 ? -1 : supernodeOf[p];
        }
        (int[] structStart, int[] structRows) = Structures(n, first, superParent, bp, bi, tp, ti);

        var offset = new long[supernodes + 1];
        for (int s = 0; s < supernodes; s++)
        {
            long ns = first[s + 1] - first[s], r = structStart[s + 1] - structStart[s];
            if (ns + r > MaxFrontOrder) return null;
            offset[s + 1] = offset[s] + (ns + r) * ns + ns * r;
        }
        if (offset[supernodes] > Array.MaxLength) return null;
        var factors = GC.AllocateUninitializedArray<double>((int)offset[supernodes]);
        var rowAt = Identity(n);
        return Numeric(n, first, superParent, structStart, structRows, bp, bi, bx, tp, ti, tx, offset, factors, rowAt)
            ? new MultifrontalLu(n, q, first, structStart, structRows, offset, factors, rowAt)
            : null;
    }

    /// <summary>Assembles, factors and passes on every front, children first. False when a front finds no pivot.</summary>
    private static unsafe bool Numeric(int n, int[] first, int[] superParent, int[] structStart, int[] structRows,
        int[] bp, int[] bi, double[] bx, int[] tp, int[] ti, double[] tx, long[] offset, double[] factors, int[] rowAt)
    {
        int supernodes = first.Length - 1;
        var childHead = new int[supernodes];
        var childNext = new int[supernodes];
        Array.Fill(childHead, -1);
        for (int s = supernodes - 1; s >= 0; s--)
        {
            int p = superParent[s];
            if (p < 0) continue;
            childNext[s] = childHead[p];
            childHead[p] = s;
        }
        var pending = new double[]?[supernodes];   // a child's front, holding its Schur complement until the parent takes it
        var position = new int[n];
        var local = new int[n];
        var pool = ArrayPool<double>.Shared;
        try
        {
            for (int s = 0; s < supernodes; s++)
            {
                int f = first[s], e = first[s + 1], ns = e - f;
                int rs = structStart[s], r = structStart[s + 1] - rs;
                int m = ns + r;
                double[] front = pool.Rent(m * m);
                Array.Clear(front, 0, m * m);
                for (int k = 0; k < ns; k++) position[f + k] = k;
                for (int t = 0; t < r; t++) position[structRows[rs + t]] = ns + t;

                // A's entries: the supernode's columns (rows from f on) and its rows (columns past the supernode).
                for (int c = f; c < e; c++)
                {
                    int col = (c - f) * m;
                    for (int p = bp[c]; p < bp[c + 1]; p++)
                    {
                        int i = bi[p];
                        if (i >= f) front[position[i] + col] += bx[p];
                    }
                    int row = c - f;
                    for (int p = tp[c]; p < tp[c + 1]; p++)
                    {
                        int j = ti[p];
                        if (j >= e) front[row + position[j] * m] += tx[p];
                    }
                }

                // Extend-add of the children's Schur complements.
                for (int ch = childHead[s]; ch >= 0; ch = childNext[ch])
                {
                    double[] childFront = pending[ch]!;
                    pending[ch] = null;
                    int cns = first[ch + 1] - first[ch], crs = structStart[ch], cr = structStart[ch + 1] - crs;
                    int cm = cns + cr;
                    for (int t = 0; t < cr; t++) local[t] = position[structRows[crs + t]];
                    for (int tc = 0; tc < cr; tc++)
                    {
                        int src = cns + (cns + tc) * cm;
                        int dst = local[tc] * m;
                        for (int tr = 0; tr < cr; tr++) front[dst + local[tr]] += childFront[src + tr];
                    }
                    pool.Return(childFront);
                }

                fixed (double* pf = front)
                {
                    if (!FrontKernels.PartialLu(pf, m, ns, PivotThreshold, rowAt.AsSpan(f, ns))) return false;
                }
                long o = offset[s];
                Array.Copy(front, 0, factors, o, (long)m * ns);
                o += (long)m * ns;
                for (int t = 0; t < r; t++) Array.Copy(front, (long)(ns + t) * m, factors, o + (long)t * ns, ns);
                if (r > 0 && superParent[s] >= 0) pending[s] = front;
                else pool.Return(front);
            }
            return true;
        }
        finally
        {
            foreach (double[]? held in pending)
            {
                if (held is not null) pool.Return(held);
            }
        }
    }

    /// <summary>Solves <c>A x = b</c>.</summary>
    public double[] Solve(double[] b)
    {
        int n = _n;
        var z = new double[n];   // indexed by row of B
        for (int i = 0; i < n; i++) z[i] = b[_q[i]];
        var x = new double[n];   // indexed by step
        int supernodes = _first.Length - 1;
        for (int s = 0; s < supernodes; s++)
        {
            int f = _first[s], ns = _first[s + 1] - f, rs = _structStart[s], r = _structStart[s + 1] - rs, m = ns + r;
            long o = _offset[s];
            for (int k = 0; k < ns; k++) x[f + k] = z[_rowAt[f + k]];
            for (int k = 0; k < ns; k++)
            {
                double v = x[f + k];
                if (v == 0) continue;
                long col = o + (long)k * m;
                for (int i = k + 1; i < ns; i++) x[f + i] -= _factors[col + i] * v;
                for (int t = 0; t < r; t++) z[_structRows[rs + t]] -= _factors[col + ns + t] * v;
            }
        }
        for (int s = supernodes - 1; s >= 0; s--)
        {
            int f = _first[s], ns = _first[s + 1] - f, rs = _structStart[s], r = _structStart[s + 1] - rs, m = ns + r;
            long o = _offset[s], u12 = o + (long)m * ns;
            for (int t = 0; t < r; t++)
            {
                double v = x[_structRows[rs + t]];
                if (v == 0) continue;
                long col = u12 + (long)t * ns;
                for (int k = 0; k < ns; k++) x[f + k] -= _factors[col + k] * v;
            }
            for (int k = ns - 1; k >= 0; k--)
            {
                long col = o + (long)k * m;
                double v = x[f + k] / _factors[col + k];
                x[f + k] = v;
                if (v == 0) continue;
                for (int i = 0; i < k; i++) x[f + i] -= _factors[col + i] * v;
            }
        }
        var result = new double[n];
        for (int j = 0; j < n; j++) result[_q[j]] = x[j];
        return result;
    }

    /// <summary>
    /// The share of off-diagonal entries whose transpose is also an entry (1 for a symmetric pattern or a diagonal
    /// matrix). Fronts follow the pattern of A + Aᵀ, so a very unsymmetric A (say one dense row) gets dense fronts the
    /// Gilbert–Peierls LU, which follows A's own pattern, never builds: UMFPACK's rule sends such matrices to its
    /// unsymmetric strategy, and this one to the fallback.
    /// </summary>
    private static double PatternSymmetry(int n, int[] bp, int[] bi, int[] tp, int[] ti)
    {
        var mark = new int[n];
        Array.Fill(mark, -1);
        long offDiagonal = 0, matched = 0;
        for (int j = 0; j < n; j++)
        {
            for (int p = bp[j]; p < bp[j + 1]; p++)
            {
                int i = bi[p];
                if (i == j) continue;
                mark[i] = j;
                offDiagonal++;
            }
            for (int p = tp[j]; p < tp[j + 1]; p++)
            {
                int i = ti[p];
                if (i != j && mark[i] == j) matched++;
            }
        }
        return offDiagonal == 0 ? 1 : (double)matched / offDiagonal;
    }

    /// <summary>Liu's algorithm with path compression, on the pattern of B + Bᵀ (B's columns and rows, the upper part of each).</summary>
    private static int[] EliminationTree(int n, int[] bp, int[] bi, int[] tp, int[] ti)
    {
        var parent = new int[n];
        var ancestor = new int[n];
        for (int k = 0; k < n; k++)
        {
            parent[k] = -1;
            ancestor[k] = -1;
            Climb(k, bp, bi, parent, ancestor);
            Climb(k, tp, ti, parent, ancestor);
        }
        return parent;

        static void Climb(int k, int[] start, int[] index, int[] parent, int[] ancestor)
        {
            for (int p = start[k]; p < start[k + 1]; p++)
            {
                int i = index[p];
                while (i != -1 && i < k)
                {
                    int next = ancestor[i];
                    ancestor[i] = k;
                    if (next == -1) parent[i] = k;
                    i = next;
                }
            }
        }
    }

    /// <summary>A postorder of the forest (children in increasing order), by an explicit stack.</summary>
    private static int[] Postorder(int n, int[] parent)
    {
        var head = new int[n];
        var next = new int[n];
        Array.Fill(head, -1);
        for (int j = n - 1; j >= 0; j--)
        {
            if (parent[j] < 0) continue;
            next[j] = head[parent[j]];
            head[parent[j]] = j;
        }
        var post = new int[n];
        var stack = new int[n];
        int k = 0;
        for (int root = 0; root < n; root++)
        {
            if (parent[root] >= 0) continue;
            int top = 0;
            stack[0] = root;
            while (top >= 0)
            {
                int v = stack[top];
                int child = head[v];
                if (child == -1)
                {
                    top--;
                    post[k++] = v;
                }
                else
                {
                    head[v] = next[child];
                    stack[++top] = child;
                }
            }
        }
        return post;
    }

    /// <summary>
    /// Column counts of the Cholesky factor of B + Bᵀ (diagonal included) by row subtrees: row i of L holds every node
    /// on the tree paths from the k &lt; i with B(i,k) or B(k,i) nonzero up to i, each path stopping where an earlier one
    /// of the same row did. O(|L|) steps.
    /// </summary>
    private static int[] ColumnCounts(int n, int[] parent, int[] bp, int[] bi, int[] tp, int[] ti)
    {
        var count = new int[n];
        var mark = new int[n];
        Array.Fill(count, 1);
        Array.Fill(mark, -1);
        for (int i = 0; i < n; i++)
        {
            mark[i] = i;
            Walk(i, bp, bi, parent, mark, count);
            Walk(i, tp, ti, parent, mark, count);
        }
        return count;

        static void Walk(int i, int[] start, int[] index, int[] parent, int[] mark, int[] count)
        {
            for (int p = start[i]; p < start[i + 1]; p++)
            {
                for (int j = index[p]; j < i && mark[j] != i; j = parent[j])
                {
                    mark[j] = i;
                    count[j]++;
                }
            }
        }
    }

    /// <summary>
    /// Fundamental supernodes (a chain of single children whose columns nest), then CHOLMOD's relaxed amalgamation
    /// (a child merges into a parent that directly follows it when the pair stays small or the explicit zeros stay
    /// few: 4 columns always, 16 with under 80% zeros, 48 with under 10%, any size under 5%). Returns column starts.
    /// </summary>
    private static int[] Supernodes(int n, int[] parent, int[] colCount)
    {
        var children = new int[n];
        for (int j = 0; j < n; j++)
        {
            if (parent[j] >= 0) children[parent[j]]++;
        }
        var starts = new List<int>();
        for (int j = 0; j < n; j++)
        {
            bool continues = j > 0 && parent[j - 1] == j && colCount[j - 1] == colCount[j] + 1 && children[j] == 1;
            if (!continues) starts.Add(j);
        }
        int count = starts.Count;
        starts.Add(n);
        var fundamentalOf = new int[n];
        for (int s = 0; s < count; s++)
        {
            for (int c = starts[s]; c < starts[s + 1]; c++) fundamentalOf[c] = s;
        }
        var superParent = new int[count];
        var columns = new int[count];
        var leading = new long[count];   // entries in the supernode's first column
        var zeros = new double[count];
        var merged = new int[count];
        Array.Fill(merged, -1);
        for (int s = 0; s < count; s++)
        {
            int p = parent[starts[s + 1] - 1];
            superParent[s] = p < 0 ? -1 : fundamentalOf[p];
            columns[s] = starts[s + 1] - starts[s];
            leading[s] = colCount[starts[s]];
        }
        for (int s = count - 2; s >= 0; s--)
        {
            int ss = superParent[s];
            if (ss < 0) continue;
            int current = ss;
            while (merged[current] != -1) current = merged[current];
            for (int walk = ss; merged[walk] != -1;)
            {
                int next = merged[walk];
                merged[walk] = current;
                walk = next;
            }
            if (current != s + 1) continue;
            int nscol0 = columns[s], nscol1 = columns[s + 1], ns = nscol0 + nscol1;
            double totalZeros = zeros[s + 1];
            long lnz1 = leading[s + 1];
            bool merge;
            if (ns <= 4) merge = true;
            else
            {
                double newZeros = (double)nscol0 * (nscol1 + lnz1 - leading[s]);
                if (newZeros == 0) merge = true;
                else
                {
                    double allZeros = totalZeros + newZeros;
                    double size = (double)ns * (ns + 1) / 2 + (double)ns * (lnz1 - nscol1);
                    double z = allZeros / size;
                    totalZeros = allZeros;
                    merge = (ns <= 16 && z < 0.8) || (ns <= 48 && z < 0.1) || z < 0.05;
                }
            }
            if (!merge) continue;
            zeros[s] = totalZeros;
            merged[s + 1] = s;
            leading[s] = nscol0 + lnz1;
            columns[s] += columns[s + 1];
        }
        var first = new List<int>();
        for (int s = 0; s < count; s++)
        {
            if (merged[s] == -1) first.Add(starts[s]);
        }
        first.Add(n);
        return first.ToArray();
    }

    /// <summary>
    /// Each supernode's rows below its columns, ascending: B + Bᵀ's entries of its columns past the supernode, joined
    /// with its children's rows past the supernode.
    /// </summary>
    private static (int[] Start, int[] Rows) Structures(int n, int[] first, int[] superParent, int[] bp, int[] bi, int[] tp, int[] ti)
    {
        int supernodes = first.Length - 1;
        var childHead = new int[supernodes];
        var childNext = new int[supernodes];
        Array.Fill(childHead, -1);
        for (int s = supernodes - 1; s >= 0; s--)
        {
            int p = superParent[s];
            if (p < 0) continue;
            childNext[s] = childHead[p];
            childHead[p] = s;
        }
        var start = new int[supernodes + 1];
        var rows = new int[Math.Max(16, bp[n] * 2)];
        var mark = new int[n];
        Array.Fill(mark, -1);
        int count = 0;
        for (int s = 0; s < supernodes; s++)
        {
            int f = first[s], e = first[s + 1];
            for (int c = f; c < e; c++)
            {
                Collect(bp, bi, c);
                Collect(tp, ti, c);
            }
            for (int ch = childHead[s]; ch >= 0; ch = childNext[ch])
            {
                for (int p = start[ch]; p < start[ch + 1]; p++) Add(rows[p]);
            }
            Array.Sort(rows, start[s], count - start[s]);
            start[s + 1] = count;

            void Collect(int[] colStart, int[] index, int c)
            {
                for (int p = colStart[c]; p < colStart[c + 1]; p++) Add(index[p]);
            }

            void Add(int i)
            {
                if (i < e || mark[i] == s) return;
                mark[i] = s;
                if (count == rows.Length) Array.Resize(ref rows, (int)Math.Min((long)rows.Length * 2, Array.MaxLength));
                rows[count++] = i;
            }
        }
        Array.Resize(ref rows, count);
        return (start, rows);
    }

    private static (int[] Start, int[] Index) TransposePattern(int n, int[] bp, int[] bi)
    {
        var (tp, ti, _) = Transpose(n, bp, bi, null);
        return (tp, ti);
    }

    private static (int[] Start, int[] Index, double[] Values) Transpose(int n, int[] bp, int[] bi, double[]? bx)
    {
        var tp = new int[n + 1];
        for (int p = 0; p < bp[n]; p++) tp[bi[p] + 1]++;
        for (int i = 0; i < n; i++) tp[i + 1] += tp[i];
        var fill = (int[])tp.Clone();
        var ti = new int[bp[n]];
        var tx = bx is null ? [] : new double[bp[n]];
        for (int j = 0; j < n; j++)
        {
            for (int p = bp[j]; p < bp[j + 1]; p++)
            {
                int w = fill[bi[p]]++;
                ti[w] = j;
                if (bx is not null) tx[w] = bx[p];
            }
        }
        return (tp, ti, tx);
    }

    private static int[] Identity(int n)
    {
        var q = new int[n];
        for (int i = 0; i < n; i++) q[i] = i;
        return q;
    }
}
