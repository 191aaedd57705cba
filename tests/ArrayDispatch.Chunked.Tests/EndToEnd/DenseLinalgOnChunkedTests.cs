using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;
using static ArrayDispatch.Chunked.Tests.EndToEnd.DenseFunctionsOnChunkedTests;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// numpy.linalg functions Chunked gained, on a Hermitian positive definite 7 x 7 matrix (and a stack of two) in uneven
/// chunks: lazy, and equal to Dense's answer (the blocked Cholesky and the TSQR inverse to rounding; the single-block
/// functions to the bit, since they run Dense's kernel on the same matrix), in int64, float32, float64 and complex128.
/// </summary>
public sealed class DenseLinalgOnChunkedTests
{
    private static readonly DType[] s_dtypes = [DType.Int64, DType.Float32, DType.Float64, DType.Complex128];

    public static TheoryData<string> Cases => new(s_cases.Keys.Order());

    private static readonly Dictionary<string, Func<NDArray, NDArray>> s_cases = new()
    {
        ["cholesky"] = a => Np.Linalg.Cholesky(a),
        ["cholesky upper"] = a => Np.Linalg.Cholesky(a, upper: true),
        ["cholesky of a stack"] = a => Np.Linalg.Cholesky(Np.Stack([a, a], 0)),
        ["inv"] = a => Np.Linalg.Inv(a),
        ["inv of a stack"] = a => Np.Linalg.Inv(Np.Stack([a, a], 0)),
        ["matrix_power -2"] = a => Np.Linalg.MatrixPower(a, -2),
        ["det"] = a => Np.Linalg.Det(a),
        ["det of a stack"] = a => Np.Linalg.Det(Np.Stack([a, a], 0)),
        ["slogdet sign"] = a => Np.Linalg.Slogdet(a).Sign,
        ["slogdet log"] = a => Np.Linalg.Slogdet(a).LogAbsDet,
        ["eigh values"] = a => Np.Linalg.Eigh(a).Eigenvalues,
        ["eigh vectors, upper"] = a => Np.Linalg.Eigh(a, "U").Eigenvectors,
        ["eigvalsh"] = a => Np.Linalg.Eigvalsh(a),
        ["pinv"] = a => Np.Linalg.Pinv(a[ArrayIndex.All, new Slice(0, 4)]),
        ["pinv of an empty matrix"] = a => Np.Linalg.Pinv(a[ArrayIndex.All, new Slice(0, 0)]),
        ["matrix_rank"] = a => Np.Linalg.MatrixRank(a),
        ["matrix_rank of a vector"] = a => Np.Linalg.MatrixRank(a[0]),
        ["matrix_rank with a tolerance"] = a => Np.Linalg.MatrixRank(a[new Slice(0, 3)], 1e3),
        ["kron"] = a => Np.Kron(a[new Slice(0, 3), new Slice(2, 6)], a[new Slice(4, 6), new Slice(1, 4)]),
        ["einsum matrix product"] = a => Np.Einsum("ij,jk->ik", a[new Slice(0, 5)], a[ArrayIndex.All, new Slice(1, 4)]),
        ["einsum trace"] = a => Np.Einsum("ii", a),
        ["einsum implicit transpose"] = a => Np.Einsum("ji", a[new Slice(2, 7), new Slice(0, 3)]),
        ["einsum with an ellipsis"] = a => Np.Einsum("...ij,...jk", Np.Stack([a, a], 0), a),
        ["einsum outer"] = a => Np.Einsum("i,j->ij", a[0], a[1, new Slice(0, 3)]),
        ["kron of a vector and a matrix"] = a => Np.Kron(a[0], a[new Slice(0, 2), new Slice(0, 3)]),
    };

    /// <summary>b bᴴ + 7 I for a 7 x 7 b of small values: Hermitian, positive definite, well conditioned.</summary>
    internal static NDArray Matrix(DType dtype)
    {
        NDArray values = Values(dtype == DType.Complex128 ? DType.Complex128 : DType.Float64);
        NDArray b = Np.Reshape(Np.Ravel(values)[new Slice(0, 49)], [7, 7]);
        NDArray bh = Np.Conj(Np.Transpose(b));
        NDArray spd = Np.Add(Np.MatMul(b, bh), Np.Multiply(Np.Eye(7, backend: "Dense"), 70.0));
        if (dtype == DType.Int64) spd = Np.Round(spd);
        return Np.AsType(spd, dtype);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lazy_and_equal_to_Dense(string name)
    {
        foreach (DType dtype in s_dtypes)
        {
            foreach (int[] chunks in new[] { new[] { 3 }, [4, 2] })
            {
                var recorder = new RecordingScheduler();
                using TestHost host = Create(2, 16, optimize: true, recorder);
                NDArray dense = Matrix(dtype);
                NDArray a = Np.AsArray(dense, backend: "Chunked", chunks: chunks);
                string because = $"{name} of {dtype.Name()} in chunks {Shape.Format(chunks)}";
                NDArray lazy = s_cases[name](a);
                lazy.ShouldBeOfType<ChunkedArray>(because);
                recorder.Runs.ShouldBeEmpty($"{because}: computed before Compute()");
                NDArray expected = s_cases[name](dense);
                lazy.Shape.ShouldBe(expected.Shape, because);
                lazy.DType.ShouldBe(expected.DType, because);
                ShouldMatch(lazy.Compute(), expected, because, dtype == DType.Float32 ? 1e-4 : 1e-9);
                recorder.Runs.Count.ShouldBe(1, because);
            }
        }
    }

    public static TheoryData<string> ErrorCases => new(s_errors.Keys.Order());

    private static readonly Dictionary<string, Func<NDArray, object>> s_errors = new()
    {
        ["cholesky of a non-square matrix"] = a => Np.Linalg.Cholesky(a[new Slice(0, 3)]),
        ["cholesky of a vector"] = a => Np.Linalg.Cholesky(a[0]),
        ["cholesky of float16"] = a => Np.Linalg.Cholesky(Np.AsType(a, DType.Float16)),
        ["inv of a non-square matrix"] = a => Np.Linalg.Inv(a[new Slice(0, 3)]),
        ["inv of float16"] = a => Np.Linalg.Inv(Np.AsType(a, DType.Float16)),
        ["det of a vector"] = a => Np.Linalg.Det(a[0]),
        ["slogdet of a non-square matrix"] = a => Np.Linalg.Slogdet(a[ArrayIndex.All, new Slice(0, 2)]),
        ["eigh of a non-square matrix"] = a => Np.Linalg.Eigh(a[new Slice(0, 3)]),
        ["eigvalsh of float16"] = a => Np.Linalg.Eigvalsh(Np.AsType(a, DType.Float16)),
        ["pinv of a vector"] = a => Np.Linalg.Pinv(a[0]),
        ["einsum with a label of two sizes"] = a => Np.Einsum("ij,jk", a[new Slice(0, 3)], a[new Slice(0, 3)]),
        ["einsum with too few subscripts"] = a => Np.Einsum("ij", a, a),
        ["einsum with an output label no input has"] = a => Np.Einsum("ij->k", a),
        ["einsum naming too many dimensions"] = a => Np.Einsum("ijk", a),
        ["matrix_rank of an empty matrix"] = a => Np.Linalg.MatrixRank(a[new Slice(0, 0)]),
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Refuses_what_Dense_refuses_with_its_words(string name)
    {
        using TestHost host = Create();
        NDArray dense = Matrix(DType.Float64);
        NDArray a = Np.AsArray(dense, backend: "Chunked", chunks: [4, 3]);
        Exception expected = Should.Throw<Exception>(() => s_errors[name](dense));
        Exception actual = Should.Throw<Exception>(() => s_errors[name](a));
        actual.GetType().ShouldBe(expected.GetType(), name);
        actual.Message.ShouldBe(expected.Message, name);
    }

    /// <summary>What only the values decide (a singular matrix, one not positive definite) fails the compute, with Dense's error inside.</summary>
    [Fact]
    public void Data_dependent_failures_surface_at_compute_with_Denses_error_inside()
    {
        using TestHost host = Create();
        NDArray singular = Np.Reshape(Np.Arange(0.0, 49.0, 1.0, backend: "Dense"), [7, 7]);
        NDArray notDefinite = Np.Negative(Matrix(DType.Float64));
        foreach (var (dense, call) in new (NDArray, Func<NDArray, NDArray>)[]
        {
            (singular, a => Np.Linalg.Inv(a)),
            (notDefinite, a => Np.Linalg.Cholesky(a)),
            (notDefinite, a => Np.Linalg.Cholesky(a, upper: true)),
        })
        {
            Exception expected = Should.Throw<LinAlgException>(() => call(dense));
            NDArray lazy = call(Np.AsArray(dense, backend: "Chunked", chunks: [3]));
            var failure = Should.Throw<ChunkTaskException>(() => lazy.Compute());
            Exception inner = NumPyErrors.Find(failure);
            inner.GetType().ShouldBe(expected.GetType());
            inner.Message.ShouldBe(expected.Message);
        }
    }

    [Fact]
    public void Cholesky_is_blocked_over_square_chunks_and_reads_no_block_above_the_diagonal()
    {
        using TestHost host = Create();
        var a = (ChunkedArray)Np.AsArray(Matrix(DType.Float64), backend: "Chunked", chunks: [3]);
        var l = (ChunkedArray)Np.Linalg.Cholesky(a);
        l.Chunks.ShouldBe(a.Chunks);
        var tasks = l.Layer.Tasks.ToDictionary(t => string.Join(",", t.Index));
        tasks["0,1"].Dependencies.ShouldBeEmpty();                               // zeros above the diagonal
        tasks["0,0"].Dependencies.ShouldBe([a.KeyOf(0, 0)]);
        tasks["2,1"].Dependencies.ShouldBe([a.KeyOf(2, 1), l.KeyOf(2, 0), l.KeyOf(1, 0), l.KeyOf(1, 1)]);
        l.Layer.Tasks.SelectMany(t => t.Dependencies).ShouldNotContain(a.KeyOf(0, 1));
    }
}
