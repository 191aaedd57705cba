using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;
using static ArrayDispatch.Chunked.Tests.EndToEnd.DenseFunctionsOnChunkedTests;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// argwhere, nonzero and unique, whose length depends on the data: on a (6, 5, 7) array in uneven chunks of six dtypes
/// they equal Dense's answer; what decides the length is computed when called, in one compute (argwhere: only each
/// block's count of nonzeros, the indices stay lazy).
/// </summary>
public sealed class DataDependentLengthTests
{
    private static readonly DType[] s_dtypes = [DType.Bool, DType.Int32, DType.Int64, DType.Float32, DType.Float64, DType.Complex128];

    public static TheoryData<string> Cases => new(s_cases.Keys.Order());

    private static readonly Dictionary<string, Func<NDArray, NDArray>> s_cases = new()
    {
        ["argwhere"] = x => Np.Argwhere(x),
        ["argwhere of a row"] = x => Np.Argwhere(x[2, 3]),
        ["argwhere of a 0-d array"] = x => Np.Argwhere(x[1, 1, 1]),
        ["argwhere of nothing"] = x => Np.Argwhere(x[new Slice(0, 0)]),
        ["nonzero"] = x => Np.Stack(Np.Nonzero(x), 0),
        ["nonzero of a matrix"] = x => Np.Stack(Np.Nonzero(x[4]), 0),
        ["nonzero of a 0-d array"] = x => Np.Stack(Np.Nonzero(x[0, 0, 2]), 0),
        ["unique"] = x => Np.Unique(x).Values,
        ["unique of a block's worth"] = x => Np.Unique(x[new Slice(1, 3), 1]).Values,
        ["unique of nothing"] = x => Np.Unique(x[new Slice(0, 0)]).Values,
        ["unique first indices"] = x => Np.Unique(x, returnIndex: true).Indices!,
        ["unique inverse"] = x => Np.Unique(x, returnInverse: true).Inverse!,
        ["unique counts"] = x => Np.Unique(x, returnCounts: true).Counts!,
        ["unique values with counts"] = x => Np.Unique(x, returnCounts: true).Values,
        ["unique_values"] = x => Np.UniqueValues(x),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equal_to_Dense_with_the_length_computed_once_when_called(string name)
    {
        foreach (DType dtype in s_dtypes)
        {
            var recorder = new RecordingScheduler();
            using TestHost host = Create(2, 16, optimize: true, recorder);
            NDArray dense = Values(dtype);
            NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [4, 2, 3]);
            string because = $"{name} of {dtype.Name()}";
            NDArray result = s_cases[name](x);
            result.ShouldBeOfType<ChunkedArray>(because);
            recorder.Runs.Count.ShouldBe(1, $"{because}: one compute for the length");
            ShouldMatch(result.Compute(), s_cases[name](dense), because);
        }
    }

    [Theory]
    [InlineData(DType.Float64, false)]   // a symmetric matrix: real eigenvalues, a real answer
    [InlineData(DType.Float64, true)]    // a rotation-like one: complex eigenvalues, a complex answer
    [InlineData(DType.Float32, true)]
    [InlineData(DType.Complex128, false)]
    public void Eig_and_eigvals_are_computed_when_called_in_Denses_data_dependent_dtype(DType dtype, bool skew)
    {
        var recorder = new RecordingScheduler();
        using TestHost host = Create(2, 16, optimize: true, recorder);
        NDArray b = Np.Reshape(Np.Ravel(Values(DType.Float64))[new Slice(0, 36)], [6, 6]);
        NDArray dense = Np.AsType(skew ? Np.Subtract(b, Np.Transpose(b)) : Np.Add(b, Np.Transpose(b)), dtype);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [4, 3]);
        EigResult expected = Np.Linalg.Eig(dense), actual = Np.Linalg.Eig(x);
        recorder.Runs.Count.ShouldBe(1);
        ShouldMatch(actual.Eigenvalues.Compute(), expected.Eigenvalues, "eigenvalues");
        ShouldMatch(actual.Eigenvectors.Compute(), expected.Eigenvectors, "eigenvectors");
        ShouldMatch(Np.Linalg.Eigvals(x).Compute(), Np.Linalg.Eigvals(dense), "eigvals");
        Should.Throw<LinAlgException>(() => Np.Linalg.Eig(x[new Slice(0, 3)])).Message.ShouldBe(Should.Throw<LinAlgException>(() => Np.Linalg.Eig(dense[new Slice(0, 3)])).Message);
    }

    [Fact]
    public void Argwhere_computes_only_the_blocks_counts_when_called()
    {
        var recorder = new RecordingScheduler();
        using TestHost host = Create(2, 16, optimize: true, recorder);
        NDArray x = Np.AsArray(Values(DType.Float64), backend: "Chunked", chunks: [4, 2, 3]);
        var where = (ChunkedArray)Np.Argwhere(x);
        recorder.Runs.Single().Outputs.ShouldAllBe(key => key.StartsWith("count_nonzero-blocks-"));
        where.Chunks.BlockCounts.ShouldBe([2, 1]);   // one chunk per block of rows
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Unique_of_NaNs_keeps_them_together_or_apart_as_Dense(bool equalNan)
    {
        using TestHost host = Create();
        NDArray dense = Values(DType.Float64);
        dense = Np.Where(Np.Greater(dense, 4.0), double.NaN, dense);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [4, 2, 3]);
        foreach (var (returnIndex, returnInverse, returnCounts) in new[] { (false, false, false), (true, true, true) })
        {
            UniqueResult expected = Np.Unique(dense, returnIndex, returnInverse, returnCounts, equalNan);
            UniqueResult actual = Np.Unique(x, returnIndex, returnInverse, returnCounts, equalNan);
            actual.Values.Compute().ToArray<double>().ShouldBe(expected.Values.ToArray<double>());
            if (returnIndex) actual.Indices!.Compute().ToArray<long>().ShouldBe(expected.Indices!.ToArray<long>());
            if (returnInverse) actual.Inverse!.Compute().ToArray<long>().ShouldBe(expected.Inverse!.ToArray<long>());
            if (returnCounts) actual.Counts!.Compute().ToArray<long>().ShouldBe(expected.Counts!.ToArray<long>());
        }
    }
}
