using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Linalg;

/// <summary>
/// A direct solver: left-looking sparse LU with partial (row) pivoting, <c>P A = L U</c>, computed column by column on a
/// dense work vector (Gilbert–Peierls form without the symbolic reach, so O(n²) bookkeeping plus the fill-in's flops:
/// meant for n up to about 10⁵). L and U are stored by columns.
/// </summary>
internal sealed class SparseLu
{
    private readonly int _n;
    private readonly int[] _pivotRow;          // step k -> original row
    private readonly List<(int Row, double Value)>[] _l; // column k of L below the diagonal, original rows
    private readonly List<(int Step, double Value)>[] _u; // column j of U above the diagonal, pivot steps
    private readonly double[] _diagonal;

    private SparseLu(int n, int[] pivotRow, List<(int, double)>[] l, List<(int, double)>[] u, double[] diagonal)
    {
        _n = n;
        _pivotRow = pivotRow;
        _l = l;
        _u = u;
        _diagonal = diagonal;
    }

    /// <summary>Factors a square CSR matrix.</summary>
    /// <exception cref="LinAlgException">The matrix is singular.</exception>
    public static SparseLu Factor(CsrArray a)
    {
        int n = a.Shape.Dims[0];
        CscArray csc = a.ToCsc();
        double[] values = (double[])ArrayOps.Cast(csc.Values, DType.Float64);
        var pivotRow = new int[n];
        var stepOfRow = new int[n];
        Array.Fill(stepOfRow, -1);
        var l = new List<(int, double)>[n];
        var u = new List<(int, double)>[n];
        var diagonal = new double[n];
        var x = new double[n];
        for (int j = 0; j < n; j++)
        {
            for (int k = csc.Indptr[j]; k < csc.Indptr[j + 1]; k++) x[csc.Indices[k]] += values[k];
            var uj = new List<(int, double)>();
            for (int step = 0; step < j; step++)
            {
                double v = x[pivotRow[step]];
                if (v == 0) continue;
                uj.Add((step, v));
                foreach ((int row, double lv) in l[step]) x[row] -= lv * v;
            }
            int pivot = -1;
            double best = 0;
            for (int i = 0; i < n; i++)
            {
                if (stepOfRow[i] < 0 && Math.Abs(x[i]) > best) { best = Math.Abs(x[i]); pivot = i; }
            }
            if (pivot < 0) throw new LinAlgException($"Matrix is exactly singular: no pivot in column {j}");
            double d = x[pivot];
            pivotRow[j] = pivot;
            stepOfRow[pivot] = j;
            diagonal[j] = d;
            var lj = new List<(int, double)>();
            for (int i = 0; i < n; i++)
            {
                if (stepOfRow[i] < 0 && x[i] != 0) lj.Add((i, x[i] / d));
                x[i] = 0;
            }
            l[j] = lj;
            u[j] = uj;
        }
        return new SparseLu(n, pivotRow, l, u, diagonal);
    }

    /// <summary>Solves <c>A x = b</c>.</summary>
    public double[] Solve(double[] b)
    {
        var w = (double[])b.Clone();
        var z = new double[_n];
        for (int k = 0; k < _n; k++)
        {
            z[k] = w[_pivotRow[k]];
            if (z[k] == 0) continue;
            foreach ((int row, double lv) in _l[k]) w[row] -= lv * z[k];
        }
        var x = new double[_n];
        for (int j = _n - 1; j >= 0; j--)
        {
            x[j] = z[j] / _diagonal[j];
            foreach ((int step, double uv) in _u[j]) z[step] -= uv * x[j];
        }
        return x;
    }
}
