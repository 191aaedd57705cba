using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Linalg;

/// <summary>
/// A direct solver: Gilbert–Peierls left-looking sparse LU, <c>P (Q A Qᵀ) = L U</c>, with a fill-reducing symmetric
/// ordering Q (<see cref="NestedDissection"/>, or none) and threshold partial pivoting P. For each column a depth-first
/// search over the graph of L finds the nonzero pattern of <c>L \ A(:,j)</c> in topological order, so the triangular
/// solve, the pivot search and the bookkeeping touch only that pattern: the work is proportional to the flops, not n².
/// L (unit diagonal stored first) and U (diagonal kept apart) are compressed columns.
/// </summary>
internal sealed class SparseLu : ISparseFactorization
{
    /// <summary>SuperLU's <c>diag_pivot_thresh</c> default: keep the diagonal while it is at least this share of the column's largest candidate.</summary>
    private const double DiagonalPivotThreshold = 0.1;

    private readonly int _n;
    private readonly int[] _q;            // new index -> original index (rows and columns alike)
    private readonly int[] _stepOfRow;    // row of Q A Qᵀ -> pivot step
    private readonly CompressedColumns _l;  // row indices are pivot steps
    private readonly CompressedColumns _u;  // row indices are pivot steps, diagonal excluded
    private readonly double[] _diagonal;

    private SparseLu(int n, int[] q, int[] stepOfRow, CompressedColumns l, CompressedColumns u, double[] diagonal)
    {
        _n = n;
        _q = q;
        _stepOfRow = stepOfRow;
        _l = l;
        _u = u;
        _diagonal = diagonal;
    }

    /// <summary>Entries stored in L and U together (the fill the ordering is meant to keep down).</summary>
    public long FactorEntries => (long)_l.Count + _u.Count + _n;

    /// <summary>Factors a square CSR matrix.</summary>
    /// <exception cref="LinAlgException">The matrix is singular.</exception>
    public static SparseLu Factor(CsrArray a, ColumnOrdering ordering)
    {
        int n = a.Shape.Dims[0];
        // The input read in place (its float64 values cast into a temporary when of another dtype); the factorisation's
        // own workspaces are .NET arrays, temporaries of this call.
        int[] bp, bi, q;
        double[] bx;
        using (CscArray csc = a.ToCsc())
        using (SparseBuffer<double> values = ArrayOps.As<double>(csc.ValueBuffer))
        {
            q = ordering == ColumnOrdering.Natural ? Identity(n) : NestedDissection.Order(n, csc.Indptr, csc.Indices);
            (bp, bi, bx) = PermuteSymmetric(n, csc.Indptr, csc.Indices, values.Span, q);
        }

        var stepOfRow = new int[n];
        Array.Fill(stepOfRow, -1);
        var l = new CompressedColumns(n, 4 * bx.Length + n);
        var u = new CompressedColumns(n, 4 * bx.Length + n);
        var diagonal = new double[n];
        var x = new double[n];
        var pattern = new int[n];   // the reach of column k lies in pattern[top..n)
        var stack = new int[n];
        var next = new int[n];      // per stack level: the next L entry to visit
        var mark = new int[n];
        Array.Fill(mark, -1);
        var searchEnd = new int[n];  // per step: where the DFS stops reading L's column (pruned or not)

        for (int k = 0; k < n; k++)
        {
            int top = Reach(k, n, bp, bi, l, searchEnd, stepOfRow, mark, pattern, stack, next);
            for (int p = top; p < n; p++) x[pattern[p]] = 0;
            for (int p = bp[k]; p < bp[k + 1]; p++) x[bi[p]] += bx[p];

            // Triangular solve in topological order; pivotal rows give U(:,k), the others are pivot candidates.
            int pivot = -1;
            double best = 0;
            // L does not grow until the column's pivot is chosen, so its arrays can be held in locals for the solve.
            int[] lStart = l.Start, lRows = l.Rows;
            double[] lValues = l.Values;
            for (int p = top; p < n; p++)
            {
                int row = pattern[p];
                int step = stepOfRow[row];
                if (step < 0)
                {
                    double magnitude = Math.Abs(x[row]);
                    if (magnitude > best) { best = magnitude; pivot = row; }
                    continue;
                }
                double v = x[row];
                if (v == 0) continue;
                u.Add(step, v);
                int end = lStart[step + 1];
                for (int e = lStart[step] + 1; e < end; e++) x[lRows[e]] -= lValues[e] * v;
            }
            if (pivot < 0 || best == 0)
            {
                throw new LinAlgException($"Matrix is exactly singular: no nonzero pivot for column {q[k]} (elimination step {k})");
            }
            if (mark[k] == k && stepOfRow[k] < 0 && Math.Abs(x[k]) >= DiagonalPivotThreshold * best) pivot = k;

            double d = x[pivot];
            diagonal[k] = d;
            stepOfRow[pivot] = k;
            l.Add(pivot, 1);
            for (int p = top; p < n; p++)
            {
                int row = pattern[p];
                // Numerical zeros stay: pruning relies on L(:,k) holding every row its reach found.
                if (stepOfRow[row] < 0) l.Add(row, x[row] / d);
            }
            l.EndColumn(k);
            u.EndColumn(k);
            searchEnd[k] = l.Start[k + 1];
            Prune(k, pivot, l, u, stepOfRow, searchEnd);
        }
        l.RenumberRows(stepOfRow);
        return new SparseLu(n, q, stepOfRow, l, u, diagonal);
    }

    /// <summary>Solves <c>A x = b</c>.</summary>
    public double[] Solve(double[] b)
    {
        var z = new double[_n];
        for (int i = 0; i < _n; i++) z[_stepOfRow[i]] = b[_q[i]];
        for (int k = 0; k < _n; k++)
        {
            double zk = z[k];
            if (zk == 0) continue;
            int end = _l.Start[k + 1];
            for (int e = _l.Start[k] + 1; e < end; e++) z[_l.Rows[e]] -= _l.Values[e] * zk;
        }
        var x = new double[_n];
        for (int j = _n - 1; j >= 0; j--)
        {
            double yj = z[j] / _diagonal[j];
            x[_q[j]] = yj;
            if (yj == 0) continue;
            int end = _u.Start[j + 1];
            for (int e = _u.Start[j]; e < end; e++) z[_u.Rows[e]] -= _u.Values[e] * yj;
        }
        return x;
    }

    /// <summary>
    /// Eisenstat–Liu symmetric pruning: when U(s,k) ≠ 0 and L(:,s) holds column k's pivot row, every row of L(:,s) not
    /// yet pivotal is also in L(:,k), so later searches reach it through the pivot row and need only the pivotal part of
    /// L(:,s). Moving that part to the front and stopping there keeps the DFS from rescanning columns the search would
    /// cover anyway (without it the symbolic work is as large as the numeric).
    /// </summary>
    private static void Prune(int k, int pivot, CompressedColumns l, CompressedColumns u, int[] stepOfRow, int[] searchEnd)
    {
        int[] lStart = l.Start, lRows = l.Rows;
        double[] lValues = l.Values;
        for (int e = u.Start[k]; e < u.Start[k + 1]; e++)
        {
            int s = u.Rows[e];
            int end = lStart[s + 1];
            if (searchEnd[s] != end) continue;  // already pruned
            int first = lStart[s] + 1;
            if (Array.IndexOf(lRows, pivot, first, end - first) < 0) continue;
            int head = first, tail = end;
            while (head < tail)
            {
                if (stepOfRow[lRows[head]] >= 0) { head++; continue; }
                tail--;
                (lRows[head], lRows[tail]) = (lRows[tail], lRows[head]);
                (lValues[head], lValues[tail]) = (lValues[tail], lValues[head]);
            }
            searchEnd[s] = tail;
        }
    }

    /// <summary>
    /// The nonzero pattern of <c>L \ B(:,k)</c> by depth-first search from B(:,k)'s rows over the graph of L (a row that
    /// is pivot step s leads to the rows of L(:,s)); finished vertices are pushed down from the end of
    /// <paramref name="pattern"/>, which leaves them in topological order. An explicit stack keeps long paths (a
    /// banded matrix's L is one chain n long) off the call stack.
    /// </summary>
    private static int Reach(int k, int n, int[] bp, int[] bi, CompressedColumns l, int[] searchEnd, int[] stepOfRow, int[] mark, int[] pattern, int[] stack, int[] next)
    {
        int top = n;
        for (int p = bp[k]; p < bp[k + 1]; p++)
        {
            int start = bi[p];
            if (mark[start] == k) continue;
            int head = 0;
            stack[0] = start;
            mark[start] = k;
            next[0] = stepOfRow[start] < 0 ? 0 : l.Start[stepOfRow[start]] + 1;
            while (head >= 0)
            {
                int v = stack[head];
                int step = stepOfRow[v];
                int end = step < 0 ? 0 : searchEnd[step];
                bool descended = false;
                for (int e = next[head]; e < end; e++)
                {
                    int w = l.Rows[e];
                    if (mark[w] == k) continue;
                    next[head] = e + 1;
                    mark[w] = k;
                    stack[++head] = w;
                    int ws = stepOfRow[w];
                    next[head] = ws < 0 ? 0 : l.Start[ws] + 1;
                    descended = true;
                    break;
                }
                if (descended) continue;
                head--;
                pattern[--top] = v;
            }
        }
        return top;
    }

    /// <summary><c>B = Q A Qᵀ</c> as CSC: <c>B(i, j) = A(q[i], q[j])</c>.</summary>
    internal static (int[] Indptr, int[] Indices, double[] Values) PermuteSymmetric(int n, ReadOnlySpan<int> indptr, ReadOnlySpan<int> indices, ReadOnlySpan<double> values, int[] q, bool withValues = true)
    {
        var inverse = new int[n];
        for (int i = 0; i < n; i++) inverse[q[i]] = i;
        var bp = new int[n + 1];
        var bi = new int[indptr[n]];
        var bx = withValues ? new double[indptr[n]] : [];
        int w = 0;
        for (int j = 0; j < n; j++)
        {
            int old = q[j];
            for (int p = indptr[old]; p < indptr[old + 1]; p++)
            {
                bi[w] = inverse[indices[p]];
                if (withValues) bx[w] = values[p];
                w++;
            }
            bp[j + 1] = w;
        }
        return (bp, bi, bx);
    }

    private static int[] Identity(int n)
    {
        var q = new int[n];
        for (int i = 0; i < n; i++) q[i] = i;
        return q;
    }
}
