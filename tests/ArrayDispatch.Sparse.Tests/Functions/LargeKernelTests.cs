using ArrayDispatch.Sparse.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>Arrays with enough rows for the parallel kernels to split them into many row blocks.</summary>
public sealed class LargeKernelTests
{
    [Fact]
    public void SpGemm_ManyBlocks_MatchesTripletAccumulation()
    {
        using var host = MiniHost.Create();
        var a = (CsrArray)SparseArrays.Random(6000, 2000, 0.002, seed: 1);
        var b = (CsrArray)SparseArrays.Random(2000, 1500, 0.003, seed: 2);
        var product = (CsrArray)Np.MatMul(a, b);
        var expected = new Dictionary<(int, int), double>();
        double[] av = (double[])a.Values, bv = (double[])b.Values;
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
        double[] pv = (double[])product.Values;
        for (int i = 0; i < 6000; i++)
        {
            for (int k = product.Indptr[i]; k < product.Indptr[i + 1]; k++) pv[k].ShouldBe(expected[(i, product.Indices[k])], 1e-12);
        }
    }

    [Fact]
    public void AddAndMultiply_ManyBlocks_MatchDenseSums()
    {
        using var host = MiniHost.Create();
        SparseArray a = SparseArrays.Random(8000, 300, 0.01, seed: 3);
        SparseArray b = SparseArrays.Random(8000, 300, 0.01, seed: 4);
        double[] da = Values.Of(a), db = Values.Of(b);
        Values.Of(Np.Add(a, b)).ShouldBe(da.Zip(db, (x, y) => x + y).ToArray());
        Values.Of(Np.Multiply(a, b)).ShouldBe(da.Zip(db, (x, y) => x * y).ToArray());
        Values.Of(Np.Subtract(a, a)).ShouldAllBe(v => v == 0);
        Values.ShouldBeClose(Values.Of(Np.Sum(a, 0)), Enumerable.Range(0, 300).Select(j => Enumerable.Range(0, 8000).Sum(i => da[i * 300 + j])).ToArray(), 1e-12);
    }
}
