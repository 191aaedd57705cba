using System.Numerics;
using System.Runtime.Intrinsics;
using ArrayDispatch.Simd;
using ArrayDispatch.Sparse.Kernels;
using CsCheck;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Kernels;

/// <summary>
/// <see cref="SpMM"/> against the plain triple loop (row, entry, column) for random CSR matrices and every width class:
/// one column (the SpMV rows), fewer columns than a vector, whole and partial vectors, whole 8-vector panels and the
/// overlapping last panel.
/// </summary>
public abstract class SpMMTests<T> where T : unmanaged, INumber<T>
{
    protected abstract T ValueOf(Random rng);

    private static double Tolerance => typeof(T) == typeof(float) ? 1e-5 : 1e-13;

    public static TheoryData<int> Widths => [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 23, 24, 31, 32, 33, 40, 63, 64, 65, 100, 130];

    [Theory, MemberData(nameof(Widths))]
    public void Multiply_RandomCsr_MatchesTripleLoop(int n) => Check(rows: 2500, cols: 700, perRow: 6, n, seed: n);

    [Fact]
    public void Multiply_EmptyRowsAndOneRow_MatchesTripleLoop()
    {
        Check(rows: 1, cols: 5, perRow: 3, n: 16, seed: 1);
        Check(rows: 300, cols: 50, perRow: 0, n: 16, seed: 2);
        Check(rows: 0, cols: 50, perRow: 2, n: 16, seed: 3);
    }

    [Fact]
    public void Multiply_RandomShapes_MatchTripleLoop()
    {
        Gen<(int Rows, int Cols, int PerRow, int N, int Seed)> cases =
            from rows in Gen.Int[1, 3000]
            from cols in Gen.Int[1, 200]
            from perRow in Gen.Int[0, 12]
            from n in Gen.Int[1, 80]
            from seed in Gen.Int
            select (rows, cols, perRow, n, seed);
        cases.Sample(c => Check(c.Rows, c.Cols, c.PerRow, c.N, c.Seed), seed: "0N0XIzNsQ0S1", iter: 60, threads: 1);
    }

    // Both lane widths called directly (the entry picks one per machine; Vector512 runs in software without AVX-512), for
    // widths of one vector, one vector plus or minus one column, the 8-vector panel limit and the wide rows past it.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(25)]
    public void Multiply_both_lane_widths_MatchTripleLoop(int vectorsOrOffset)
    {
        foreach (int w in new[] { Lanes256<T>.Count, Lanes512<T>.Count })
        {
            // 0: one vector; 1 / -1: one vector plus one column / two vectors less one; k > 1: k vectors plus one column.
            int n = vectorsOrOffset switch { 0 => w, 1 => w + 1, -1 => 2 * w - 1, _ => vectorsOrOffset * w + 1 };
            Check(rows: 1500, cols: 300, perRow: 7, n, seed: n * 7 + w,
                (rows, indptr, indices, values, b, n, y) => SpMM.Rows<T, Lanes256<T>, Vector256<T>>(0, rows, indptr, indices, values, b, n, y),
                minWidth: Lanes256<T>.Count);
            Check(rows: 1500, cols: 300, perRow: 7, n, seed: n * 7 + w,
                (rows, indptr, indices, values, b, n, y) => SpMM.Rows<T, Lanes512<T>, Vector512<T>>(0, rows, indptr, indices, values, b, n, y),
                minWidth: Lanes512<T>.Count);
        }
    }

    private delegate void Kernel(int rows, int[] indptr, int[] indices, T[] values, T[] b, int n, T[] y);

    private void Check(int rows, int cols, int perRow, int n, int seed) => Check(rows, cols, perRow, n, seed, null, 0);

    private void Check(int rows, int cols, int perRow, int n, int seed, Kernel? kernel, int minWidth)
    {
        if (n < minWidth) return; // the lane kernels need one whole vector of columns; narrower blocks go scalar
        
        var rng = new Random(seed);
        var indptr = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<T>();
        for (int i = 0; i < rows; i++)
        {
            int count = rng.Next(perRow + 1);
            foreach (int c in Enumerable.Range(0, count).Select(_ => rng.Next(cols)).Distinct().Order())
            {
                indices.Add(c);
                values.Add(ValueOf(rng));
            }
            indptr[i + 1] = indices.Count;
        }
        var b = new T[cols * n];
        for (int i = 0; i < b.Length; i++) b[i] = ValueOf(rng);

        T[] actual;
        if (kernel is null) actual = SpMM.Multiply(rows, indptr, indices.ToArray(), values.ToArray(), b, n);
        else kernel(rows, indptr, [.. indices], [.. values], b, n, actual = new T[rows * n]);

        actual.Length.ShouldBe(rows * n);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T expected = T.Zero;
                for (int k = indptr[i]; k < indptr[i + 1]; k++) expected += values[k] * b[indices[k] * n + j];
                // Exact for integers; one column goes through SpMV's four accumulators, a different summation order.
                double a = double.CreateChecked(actual[i * n + j]), e = double.CreateChecked(expected);
                if (Math.Abs(a - e) > Tolerance * (1 + Math.Abs(e)))
                {
                    a.ShouldBe(e, $"Y[{i}, {j}] of a {rows} x {cols} CSR ({indptr[rows]} entries, seed {seed}) @ {cols} x {n}");
                }
            }
        }
    }
}

public sealed class SpMMTestsFloat64 : SpMMTests<double> { protected override double ValueOf(Random rng) => rng.NextDouble() - 0.5; }

public sealed class SpMMTestsFloat32 : SpMMTests<float> { protected override float ValueOf(Random rng) => (float)rng.NextDouble() - 0.5f; }

public sealed class SpMMTestsInt64 : SpMMTests<long> { protected override long ValueOf(Random rng) => rng.Next(-1000, 1000); }

public sealed class SpMMTestsInt32 : SpMMTests<int> { protected override int ValueOf(Random rng) => rng.Next(-1000, 1000); }
