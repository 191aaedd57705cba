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
/// A fully summed column with no acceptable pivot among its front's fully summed rows is delayed: it and an unpivoted
/// row go up with the Schur complement and are fully summed again in the parent's front (MUMPS's delayed pivots).
/// <see cref="TryFactor"/> returns null, and the caller falls back to the Gilbert–Peierls <see cref="SparseLu"/>
/// (pivots anywhere, names singular columns), when the root cannot take the pivots left (a singular matrix), when
/// A's pattern is far from symmetric, or when a front would be too large.
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
    private readonly int[] _q;            // column of B -> original index
    private readonly FrontFactors _factors;

    private MultifrontalLu(int n, int[] q, FrontFactors factors)
    {
        _n = n;
        _q = q;
        _factors = factors;
    }

    /// <summary>Supernodes after amalgamation.</summary>
    public int SupernodeCount => _factors.Pivots.Length;

    /// <summary>Entries stored in L and U together, explicit zeros of the dense blocks included.</summary>
    public long FactorEntries => _factors.Count;

    /// <summary>Pivots that left the front they were summed in for an ancestor's (delayed pivoting).</summary>
    public int DelayedPivots => _factors.Delayed;

    /// <summary>Factors a square CSR matrix, or returns null when a front has no acceptable pivot (the caller falls back).</summary>
    public static MultifrontalLu? TryFactor(CsrArray a, ColumnOrdering ordering)
    {
        int n = a.Shape.Dims[0];
        // The input read in place (its values cast into a temporary when not float64); the factorisation's own
        // workspaces are .NET arrays, temporaries of this call.
        using CscArray csc = a.ToCsc();
        using SparseBuffer<double> valueBuffer = ArrayOps.As<double>(csc.ValueBuffer);
        ReadOnlySpan<double> values = valueBuffer.Span;
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

        long expected = 0;
        for (int s = 0; s < supernodes; s++)
        {
            long ns = first[s + 1] - first[s], r = structStart[s + 1] - structStart[s];
            if (ns + r > MaxFrontOrder) return null;
            expected += (ns + r) * ns + ns * r;
        }
        if (expected > Array.MaxLength) return null;
        var factors = new FrontFactors(n, supernodes, expected);
        return Numeric(n, first, superParent, structStart, structRows, bp, bi, bx, tp, ti, tx, factors)
            ? new MultifrontalLu(n, q, factors)
            : null;
    }

    /// <summary>
    /// The factors front by front: supernode s took <c>Pivots[s]</c> pivots, at steps <c>StepStart[s]</c> on (step →
    /// row of B in <c>RowAt</c>, → column of B in <c>ColAt</c>); its values from <c>Offset[s]</c>: the front's first
    /// d columns (m × d: U11, unit L11, L21; ld m), then U12 (d × (m − d), ld d). L21's rows and U12's columns are
    /// <c>RestRows[s]</c> and <c>RestCols[s]</c>: the delayed rows and columns, then the supernode's structure (one
    /// array for both when nothing was delayed).
    /// </summary>
    private sealed class FrontFactors(int n, int supernodes, long capacity)
    {
        public readonly int[] RowAt = new int[n];
        public readonly int[] ColAt = new int[n];
        public readonly int[] StepStart = new int[supernodes];
        public readonly int[] Pivots = new int[supernodes];
        public readonly long[] Offset = new long[supernodes];
        public readonly int[][] RestRows = new int[supernodes][];
        public readonly int[][] RestCols = new int[supernodes][];
        public double[] Values = GC.AllocateUninitializedArray<double>((int)Math.Max(capacity, 16));
        public long Count;
        public int Delayed;

        /// <summary>Room for <paramref name="more"/> values, growing by half again; false past the largest array.</summary>
        public bool Reserve(long more)
        {
            long needed = Count + more;
            if (needed <= Values.LongLength) return true;
            if (needed > Array.MaxLength) return false;
            var grown = GC.AllocateUninitializedArray<double>((int)Math.Min(Math.Max(needed, Values.LongLength * 3 / 2), Array.MaxLength));
            Array.Copy(Values, grown, Count);
            Values = grown;
            return true;
        }
    }

    /// <summary>A factored front waiting for its parent: the Schur complement is rows and columns <c>Pivots ..</c> of the m × m buffer.</summary>
    private readonly record struct Pending(double[] Front, int M, int Pivots);

    /// <summary>
    /// Assembles, factors and passes on every front, children first. The fully summed rows and columns of a front are
    /// those its children delayed followed by its own; a front first runs the blocked partial LU, and only where that
    /// finds no pivot is it assembled again and factored with delays. False when the root cannot take every pivot
    /// left (singular, or pivots that need rows outside the tree's path) or the factors outgrow one array.
    /// </summary>
    private static unsafe bool Numeric(int n, int[] first, int[] superParent, int[] structStart, int[] structRows,
        int[] bp, int[] bi, double[] bx, int[] tp, int[] ti, double[] tx, FrontFactors factors)
    {
        int supernodes = first.Length - 1;
        (int[] childHead, int[] childNext) = Children(superParent);
        var pending = new Pending[supernodes];
        var rowPos = new int[n];
        var colPos = new int[n];
        var localRow = new int[n];
        var localCol = new int[n];
        var rowLabels = new int[n];
        var colLabels = new int[n];
        var pool = ArrayPool<double>.Shared;
        int step = 0;
        try
        {
            for (int s = 0; s < supernodes; s++)
            {
                int f = first[s], e = first[s + 1], ns = e - f;
                int rs = structStart[s], r = structStart[s + 1] - rs;
                int fullySummed = 0;
                for (int ch = childHead[s]; ch >= 0; ch = childNext[ch])
                {
                    int delayed = pending[ch].M - pending[ch].Pivots - (structStart[ch + 1] - structStart[ch]);
                    Array.Copy(factors.RestRows[ch], 0, rowLabels, fullySummed, delayed);
                    Array.Copy(factors.RestCols[ch], 0, colLabels, fullySummed, delayed);
                    fullySummed += delayed;
                }
                for (int c = f; c < e; c++)
                {
                    rowLabels[fullySummed] = c;
                    colLabels[fullySummed++] = c;
                }
                int m = fullySummed + r;
                if (m > MaxFrontOrder) return false;
                double[] front = pool.Rent(m * m);
                Assemble(front, m, fullySummed);
                int done;
                fixed (double* pf = front)
                {
                    if (FrontKernels.PartialLu(pf, m, fullySummed, PivotThreshold, rowLabels.AsSpan(0, fullySummed))) done = fullySummed;
                    else
                    {
                        // The labels were swapped along with the rows: put them back in assembly order first.
                        fullySummed = 0;
                        for (int ch = childHead[s]; ch >= 0; ch = childNext[ch])
                        {
                            int delayed = pending[ch].M - pending[ch].Pivots - (structStart[ch + 1] - structStart[ch]);
                            Array.Copy(factors.RestRows[ch], 0, rowLabels, fullySummed, delayed);
                            fullySummed += delayed;
                        }
                        for (int c = f; c < e; c++) rowLabels[fullySummed++] = c;
                        Assemble(front, m, fullySummed);
                        done = FrontKernels.PartialLuDelaying(pf, m, fullySummed, PivotThreshold, rowLabels.AsSpan(0, fullySummed), colLabels.AsSpan(0, fullySummed));
                        if (superParent[s] < 0 && done < fullySummed) return false;
                        factors.Delayed += fullySummed - done;
                    }
                }
                for (int ch = childHead[s]; ch >= 0; ch = childNext[ch])
                {
                    pool.Return(pending[ch].Front);
                    pending[ch] = default;
                }

                // Keep the factors: pivots' labels, the rest's labels, L's columns and U12.
                factors.StepStart[s] = step;
                factors.Pivots[s] = done;
                Array.Copy(rowLabels, 0, factors.RowAt, step, done);
                Array.Copy(colLabels, 0, factors.ColAt, step, done);
                step += done;
                int rest = m - done;
                if (done == fullySummed)
                {
                    int[] structure = structRows.AsSpan(rs, r).ToArray();
                    factors.RestRows[s] = structure;
                    factors.RestCols[s] = structure;
                }
                else
                {
                    var restRows = new int[rest];
                    var restCols = new int[rest];
                    Array.Copy(rowLabels, done, restRows, 0, fullySummed - done);
                    Array.Copy(colLabels, done, restCols, 0, fullySummed - done);
                    Array.Copy(structRows, rs, restRows, fullySummed - done, r);
                    Array.Copy(structRows, rs, restCols, fullySummed - done, r);
                    factors.RestRows[s] = restRows;
                    factors.RestCols[s] = restCols;
                }
                if (!factors.Reserve((long)m * done + (long)done * rest)) return false;
                long o = factors.Count;
                factors.Offset[s] = o;
                Array.Copy(front, 0, factors.Values, o, (long)m * done);
                o += (long)m * done;
                for (int t = 0; t < rest; t++) Array.Copy(front, (long)(done + t) * m, factors.Values, o + (long)t * done, done);
                factors.Count = o + (long)done * rest;
                if (rest > 0 && superParent[s] >= 0) pending[s] = new Pending(front, m, done);
                else pool.Return(front);

                void Assemble(double[] front, int m, int fullySummed)
                {
                    Array.Clear(front, 0, m * m);
                    for (int k = 0; k < fullySummed; k++)
                    {
                        rowPos[rowLabels[k]] = k;
                        colPos[colLabels[k]] = k;
                    }
                    for (int t = 0; t < r; t++)
                    {
                        int label = structRows[rs + t];
                        rowPos[label] = fullySummed + t;
                        colPos[label] = fullySummed + t;
                    }

                    // A's entries: the supernode's columns (rows from f on) and its rows (columns past the supernode);
                    // entries of delayed rows and columns came with the children's Schur complements.
                    for (int c = f; c < e; c++)
                    {
                        int col = colPos[c] * m;
                        for (int p = bp[c]; p < bp[c + 1]; p++)
                        {
                            int i = bi[p];
                            if (i >= f) front[rowPos[i] + col] += bx[p];
                        }
                        int row = rowPos[c];
                        for (int p = tp[c]; p < tp[c + 1]; p++)
                        {
                            int j = ti[p];
                            if (j >= e) front[row + colPos[j] * m] += tx[p];
                        }
                    }

                    // Extend-add of the children's Schur complements (delayed rows and columns included).
                    for (int ch = childHead[s]; ch >= 0; ch = childNext[ch])
                    {
                        (double[] childFront, int cm, int cd) = pending[ch];
                        int[] cRows = factors.RestRows[ch], cCols = factors.RestCols[ch];
                        int cr = cm - cd;
                        for (int t = 0; t < cr; t++)
                        {
                            localRow[t] = rowPos[cRows[t]];
                            localCol[t] = colPos[cCols[t]];
                        }
                        for (int tc = 0; tc < cr; tc++)
                        {
                            int src = cd + (cd + tc) * cm;
                            int dst = localCol[tc] * m;
                            for (int tr = 0; tr < cr; tr++) front[dst + localRow[tr]] += childFront[src + tr];
                        }
                    }
                }
            }
            return true;
        }
        finally
        {
            foreach (Pending held in pending)
            {
                if (held.Front is not null) pool.Return(held.Front);
            }
        }
    }

    /// <summary>Solves <c>A x = b</c>.</summary>
    public double[] Solve(double[] b)
    {
        int n = _n;
        FrontFactors factors = _factors;
        double[] values = factors.Values;
        var z = new double[n];   // indexed by row of B
        for (int i = 0; i < n; i++) z[i] = b[_q[i]];
        var y = new double[n];   // indexed by step
        int supernodes = factors.Pivots.Length;
        for (int s = 0; s < supernodes; s++)
        {
            int st = factors.StepStart[s], d = factors.Pivots[s];
            int[] restRows = factors.RestRows[s];
            int rest = restRows.Length, m = d + rest;
            long o = factors.Offset[s];
            for (int k = 0; k < d; k++) y[st + k] = z[factors.RowAt[st + k]];
            for (int k = 0; k < d; k++)
            {
                double v = y[st + k];
                if (v == 0) continue;
                long col = o + (long)k * m;
                for (int i = k + 1; i < d; i++) y[st + i] -= values[col + i] * v;
                for (int t = 0; t < rest; t++) z[restRows[t]] -= values[col + d + t] * v;
            }
        }
        var x = new double[n];   // indexed by column of B
        for (int s = supernodes - 1; s >= 0; s--)
        {
            int st = factors.StepStart[s], d = factors.Pivots[s];
            int[] restCols = factors.RestCols[s];
            int rest = restCols.Length, m = d + rest;
            long o = factors.Offset[s], u12 = o + (long)m * d;
            for (int t = 0; t < rest; t++)
            {
                double v = x[restCols[t]];
                if (v == 0) continue;
                long col = u12 + (long)t * d;
                for (int k = 0; k < d; k++) y[st + k] -= values[col + k] * v;
            }
            for (int k = d - 1; k >= 0; k--)
            {
                long col = o + (long)k * m;
                double v = y[st + k] / values[col + k];
                x[factors.ColAt[st + k]] = v;
                if (v == 0) continue;
                for (int i = 0; i < k; i++) y[st + i] -= values[col + i] * v;
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
        (int[] childHead, int[] childNext) = Children(superParent);
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

    /// <summary>Each supernode's children in the assembly tree as linked lists (head per parent, next per child), in increasing order.</summary>
    private static (int[] Head, int[] Next) Children(int[] superParent)
    {
        int supernodes = superParent.Length;
        var head = new int[supernodes];
        var next = new int[supernodes];
        Array.Fill(head, -1);
        for (int s = supernodes - 1; s >= 0; s--)
        {
            int p = superParent[s];
            if (p < 0) continue;
            next[s] = head[p];
            head[p] = s;
        }
        return (head, next);
    }
}
