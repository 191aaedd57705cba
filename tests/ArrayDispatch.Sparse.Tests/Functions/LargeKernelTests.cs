using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>Arrays with enough rows for the parallel kernels to split them into many row blocks.</summary>
public sealed class LargeKernelTests
{
    [Fact]
    public void SpGemm_ManyBlocks_MatchesTripletAccumulation()
    {
        using TestHost host = SparseHost.Create();
        var a = (CsrArray)SparseArrays.Random(6000, 2000, 0.002, seed: 1);
        var b = (CsrArray)SparseArrays.Random(2000, 1500, 0.003, seed: 2);
        var product = (CsrArray)Np.MatMul(a, b);
        var expected = new Dictionary<(int, int), double>();
        ReadOnlySpan<double> av = a.Values<double>(), bv = b.Values<double>();
        for (int i = 0; i < 6000; i++)
        {
            for (int k = a.Indptr[i]; k < a.Indptr[i + 1]; k++)
            {
                int j = a.Indices[k];
                for (int t = b.Indptr[j]; t < b.Indptr[j + 1]; t++)
                {
                    expected[(i, b.Indices[t])] = expected.GetValueOrDefault((i, b.Indices[t])) + av[k] * bv[t];
                }
            }
        }
        product.Nnz.ShouldBe(expected.Count);
        ReadOnlySpan<double> pv = product.Values<double>();
        for (int i = 0; i < 6000; i++)
        {
            for (int k = product.Indptr[i]; k < product.Indptr[i + 1]; k++) pv[k].ShouldBe(expected[(i, product.Indices[k])], 1e-12);
        }
    }

    [Fact]
    public void AddAndMultiply_ManyBlocks_MatchDenseSums()
    {
        using TestHost host = SparseHost.Create();
        SparseArray a = SparseArrays.Random(8000, 300, 0.01, seed: 3);
        SparseArray b = SparseArrays.Random(8000, 300, 0.01, seed: 4);
        double[] da = Values.Of(a), db = Values.Of(b);
        Values.Of(Np.Add(a, b)).ShouldBe(da.Zip(db, (x, y) => x + y).ToArray());
        Values.Of(Np.Multiply(a, b)).ShouldBe(da.Zip(db, (x, y) => x * y).ToArray());
        Values.Of(Np.Subtract(a, a)).ShouldAllBe(v => v == 0);
        Values.ShouldBeClose(Values.Of(Np.Sum(a, 0)), Enumerable.Range(0, 300).Select(j => Enumerable.Range(0, 8000).Sum(i => da[i * 300 + j])).ToArray(), 1e-12);
    }

    [Fact]
    public void Merge_ManyBlocks_DropsZeroResults_AndPacksBlocks()
    {
        using TestHost host = SparseHost.Create();
        SparseArray a = SparseArrays.Random(9000, 200, 0.02, seed: 5);
        SparseArray b = SparseArrays.Random(9000, 200, 0.02, seed: 6);
        double[] da = Values.Of(a), db = Values.Of(b);
        var sum = (SparseArray)Np.Add(a, b);
        // (a + b) - a: exact zeros where only a is stored are dropped, in every row block.
        var back = (CsrArray)Np.Subtract(sum, a);
        back.Nnz.ShouldBe(db.Count(v => v != 0));
        Values.ShouldBeClose(Values.Of(back), db, 1e-12);
        for (int i = 0; i < 9000; i++)
        {
            for (int k = back.Indptr[i]; k + 1 < back.Indptr[i + 1]; k++) back.Indices[k].ShouldBeLessThan(back.Indices[k + 1]);
        }
        // Nothing shared and nothing dropped: the merge buffer is the result.
        var empty = (SparseArray)Np.Multiply(a, 0.0);
        empty.Nnz.ShouldBe(0);
        Values.Of(Np.Add(a, empty)).ShouldBe(da);
        Values.Of(Np.Maximum(a, Np.Negative(a))).ShouldBe(da.Select(Math.Abs).ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(21)]
    [InlineData(37)]
    public void SpMVAndSpMM_ManyBlocks_MatchNaiveProducts(int n)
    {
        using TestHost host = SparseHost.Create();
        const int rows = 5000, cols = 300;
        SparseArray a = SparseArrays.Random(rows, cols, 0.03, seed: 8);
        double[] da = Values.Of(a);
        double[] b = Values.RandomDense(cols, n, 1.0, 9);
        NDArray dense = n == 1 ? DenseOf(b, cols) : DenseOf(b, cols, n);
        NDArray y = Np.MatMul(a, dense);
        y.Shape.ShouldBe(n == 1 ? new Shape(rows) : new Shape(rows, n));
        Values.ShouldBeClose(Values.Of(y), Values.MatMul(da, rows, cols, b, n), 1e-12);
        // Written into the dense backend's own new array (its `empty`): a result of 1 MB or more is in its native pool.
        ((ArrayDispatch.Dense.DenseArray)y).IsNative.ShouldBe((long)rows * n * sizeof(double) >= 1 << 20);
    }
}
