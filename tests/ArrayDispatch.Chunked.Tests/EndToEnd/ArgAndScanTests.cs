using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

public sealed class ArgAndScanTests
{
    public static TheoryData<int[], int?> RaggedCases()
    {
        var data = new TheoryData<int[], int?>();
        foreach (int[] chunks in new[] { new[] { 5, 4 }, new[] { 2, 3 }, new[] { 4, 2 }, new[] { 1, 1 }, new[] { 13, 9 } })
        {
            foreach (int? axis in new int?[] { null, 0, 1, -1 }) data.Add(chunks, axis);
        }
        return data;
    }

    [Theory, MemberData(nameof(RaggedCases))]
    public void ArgminArgmax_WithTies_MatchDense_FirstOccurrenceWins(int[] chunks, int? axis)
    {
        using TestHost host = Create(splitEvery: 3);
        NDArray d = Np.Floor(DenseData((13, 9)) / 5.0);   // values -2..2: many ties across chunks
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        foreach (bool keepDims in new[] { false, true })
        {
            Check(Np.Argmax(x, axis, keepDims), Np.Argmax(d, axis, keepDims));
            Check(Np.Argmin(x, axis, keepDims), Np.Argmin(d, axis, keepDims));
        }
    }

    [Theory, MemberData(nameof(RaggedCases))]
    public void ArgminArgmax_WithNaN_GiveTheFirstNaN_LikeNumPy(int[] chunks, int? axis)
    {
        using TestHost host = Create(splitEvery: 2);
        double[] values = DenseData((13, 9)).ToArray<double>();
        foreach (int i in new[] { 100, 20, 21, 57, 116 }) values[i] = double.NaN;   // several NaNs, some in one row, some in one column
        NDArray d = Np.AsArray(HostBuffer.FromContiguous(values, new Shape(13, 9)), backend: "Dense");
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        Check(Np.Argmax(x, axis), Np.Argmax(d, axis));
        Check(Np.Argmin(x, axis), Np.Argmin(d, axis));
    }

    [Theory, MemberData(nameof(RaggedCases))]
    public void ArgminArgmax_OfComplexWithNaN_GiveTheFirstNaN_LikeNumPy(int[] chunks, int? axis)
    {
        // A complex value with a NaN in either part is the extreme (NumPy's rule, as for floats); the combine step across
        // chunks treated complex like an integer dtype, so a chunk's NaN lost to a later chunk's number.
        using TestHost host = Create(splitEvery: 2);
        double[] re = DenseData((13, 9)).ToArray<double>();
        double[] im = DenseData((13, 9), seed: 5).ToArray<double>();
        foreach (int i in new[] { 100, 20, 57 }) re[i] = double.NaN;
        foreach (int i in new[] { 21, 116 }) im[i] = double.NaN;
        var values = new System.Numerics.Complex[re.Length];
        for (int i = 0; i < values.Length; i++) values[i] = new System.Numerics.Complex(re[i], im[i]);
        foreach (DType dtype in new[] { DType.Complex128, DType.Complex64 })
        {
            NDArray d = Np.AsType(Np.AsArray(HostBuffer.FromContiguous(values, new Shape(13, 9)), backend: "Dense"), dtype);
            NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
            Check(Np.Argmax(x, axis), Np.Argmax(d, axis));
            Check(Np.Argmin(x, axis), Np.Argmin(d, axis));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void ArgmaxOf3d_GivesGlobalFlatIndices(int? axis)
    {
        using TestHost host = Create(splitEvery: 4);
        NDArray d = Np.Floor(DenseData((7, 6, 5), seed: 3));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [3, 4, 2]);
        Check(Np.Argmax(x, axis), Np.Argmax(d, axis));
        Check(Np.Argmin(x, axis), Np.Argmin(d, axis));
    }

    [Fact]
    public void ArgmaxOfIntegersAndBooleans_MatchesDense()
    {
        using TestHost host = Create();
        NDArray d = Np.AsType(Np.Floor(DenseData((11, 7), seed: 5)), DType.Int64);
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [4, 3]);
        Check(Np.Argmax(x), Np.Argmax(d));
        Check(Np.Argmin(x, 0), Np.Argmin(d, 0));
        Check(Np.Argmax(x > 5L, 1), Np.Argmax(d > 5L, 1));
        Check(Np.Argmin(x > 5L), Np.Argmin(d > 5L));
    }

    [Fact]
    public void ArgmaxOfEmpty_RaisesLikeNumPy_AndIsLazyOtherwise()
    {
        using TestHost host = Create();
        NDArray empty = Np.Zeros(new Shape(0, 3), chunks: [2], backend: "Chunked");
        Should.Throw<ArgumentException>(() => Np.Argmax(empty, 0)).Message.ShouldContain("argmax of an empty sequence");
        Np.Argmax(empty, 1).Shape.ShouldBe(new Shape(0));
        Should.Throw<AxisOutOfRangeException>(() => Np.Argmin(Np.Zeros(new Shape(3, 4), chunks: [2], backend: "Chunked"), 2));
    }

    [Theory, MemberData(nameof(RaggedCases))]
    public void CumsumCumprod_MatchDense(int[] chunks, int? axis)
    {
        using TestHost host = Create();
        NDArray d = DenseData((13, 9)) / 10.0;
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        Check(Np.Cumsum(x, axis), Np.Cumsum(d, axis));
        Check(Np.Cumprod(x, axis), Np.Cumprod(d, axis));
        NDArray i = Np.AsType(Np.Floor(d), DType.Int32);
        NDArray xi = Np.AsArray(i, backend: "Chunked", chunks: chunks);
        Check(Np.Cumsum(xi, axis), Np.Cumsum(i, axis));                          // int32 accumulates in int64
        Check(Np.Cumsum(xi > 0, axis), Np.Cumsum(i > 0, axis));                  // bool counts
        Check(Np.Cumsum(xi, axis, DType.Float32), Np.Cumsum(i, axis, DType.Float32));
    }

    [Fact]
    public void Cumsum_AddsTheRunningTotalsOfEarlierChunks_OneCarryPerChunkBoundary()
    {
        using TestHost host = Create();
        NDArray x = Np.Ones(new Shape(10, 4), chunks: [3, 4], backend: "Chunked");
        var c = (ChunkedArray)Np.Cumsum(x, 0);
        c.Chunks.ShouldBe(((ChunkedArray)x).Chunks);
        // 4 chunk scans, 3 carries (one per boundary), 4 outputs.
        c.Graph.Count.ShouldBe(4 + 4 + 3 + 4);
        double[] column = [.. c.Compute().ToArray<double>().Where((_, k) => k % 4 == 0)];
        column.ShouldBe([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }

    [Fact]
    public void CumsumOf3d_AlongEachAxisAndFlattened_MatchesDense()
    {
        using TestHost host = Create();
        NDArray d = DenseData((5, 4, 6), seed: 9);
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [2, 3, 4]);
        foreach (int? axis in new int?[] { null, 0, 1, 2, -2 }) Check(Np.Cumsum(x, axis), Np.Cumsum(d, axis));
    }
}
