using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

public sealed class ReductionTests
{
    public static TheoryData<int[], int?, bool> Cases()
    {
        var data = new TheoryData<int[], int?, bool>();
        foreach (int[] chunks in new[] { new[] { 5, 4 }, new[] { 2, 3 }, new[] { 13, 9 }, new[] { 1, 1 } })
        {
            foreach (int? axis in new int?[] { null, 0, 1, -1 })
            {
                data.Add(chunks, axis, false);
            }
            data.Add(chunks, 0, true);
        }
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Reductions_MatchDense(int[] chunks, int? axis, bool keepDims)
    {
        using TestHost host = Create(splitEvery: 4);
        NDArray d = DenseData((13, 9));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        Axes ax = axis;
        Check(Np.Sum(x, ax, keepDims), Np.Sum(d, ax, keepDims));
        Check(Np.Mean(x, ax, keepDims), Np.Mean(d, ax, keepDims));
        Check(Np.Max(x, ax, keepDims), Np.Max(d, ax, keepDims));
        Check(Np.Min(x, ax, keepDims), Np.Min(d, ax, keepDims));
        Check(Np.Prod(x / 10.0, ax, keepDims), Np.Prod(d / 10.0, ax, keepDims));
        Check(Np.Var(x, ax, 1, keepDims), Np.Var(d, ax, 1, keepDims));
        Check(Np.Std(x, ax, 0, keepDims), Np.Std(d, ax, 0, keepDims));
        Check(Np.Any(x > 9.0, ax, keepDims), Np.Any(d > 9.0, ax, keepDims));
        Check(Np.CountNonzero(x > 0.0, ax, keepDims), Np.CountNonzero(d > 0.0, ax, keepDims));
    }

    [Fact]
    public void Sum_IsATreeWithSplitEvery()
    {
        using TestHost host = Create(splitEvery: 4);
        NDArray x = Np.Ones(new Shape(64), chunks: [1], backend: "Chunked");
        var s = (ChunkedArray)Np.Sum(x);
        // 64 chunk sums, then 16, 4 and 1 combines (split_every 4), then dropping the axis.
        s.Graph.Count.ShouldBe(64 + 64 + 16 + 4 + 1 + 1);
        s.Compute().Item<double>().ShouldBe(64);
    }

    [Fact]
    public void Sum_OfInt32_GivesInt64LikeNumPy()
    {
        using TestHost host = Create();
        NDArray x = Np.Arange(0L, 100L, 1L, DType.Int32, backend: "Chunked", chunks: [30]);
        NDArray s = Np.Sum(x);
        s.DType.ShouldBe(Np.Sum(Np.Arange(0L, 100L, 1L, DType.Int32, backend: "Dense")).DType);
        s.Compute().Item<long>().ShouldBe(4950);
    }

    [Fact]
    public void NanMean_IgnoresNaN()
    {
        using TestHost host = Create();
        NDArray d = Np.AsArray(new double[] { 1, double.NaN, 3, 5, double.NaN, 7 }, backend: "Dense");
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [4]);
        Np.NanMean(x).Compute().Item<double>().ShouldBe(4);
        Np.NanSum(x).Compute().Item<double>().ShouldBe(16);
    }
}
