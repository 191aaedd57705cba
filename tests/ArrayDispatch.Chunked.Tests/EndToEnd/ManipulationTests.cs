using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

public sealed class ManipulationTests
{
    [Fact]
    public void Rechunk_KeepsValues_AndChangesChunks()
    {
        using TestHost host = Create();
        NDArray d = DenseData((11, 7));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [3, 2]);
        var r = (ChunkedArray)Np.Call("chunked.rechunk", [x], new Dictionary<string, object?> { ["chunks"] = new[] { 5, -1 } })[0];
        r.Chunks.ToString().ShouldBe("((5, 5, 1), (7,))");
        Values(r).ShouldBe(d.ToArray<double>());
        var e = (ChunkedArray)Np.Call("chunked.rechunk", [x], new Dictionary<string, object?> { ["chunks"] = new[] { new[] { 1, 10 }, new[] { 4, 3 } } })[0];
        Values(e).ShouldBe(d.ToArray<double>());
    }

    public static TheoryData<int[], int[], int[]> BroadcastCases => new()
    {
        { [1, 7], [3, 2], [4, 5, 7] },     // a new leading axis and a stretched row, uneven last chunk
        { [5, 1], [2, 1], [5, 6] },        // a stretched column
        { [7], [3], [2, 3, 7] },
        { [6, 4], [4, 3], [6, 4] },        // the same shape
        { [1, 3], [1, 2], [0, 3] },        // stretched to zero
    };

    [Theory, MemberData(nameof(BroadcastCases))]
    public void BroadcastTo_MatchesDense_AndFeedsElementwiseAndReductions(int[] shape, int[] chunks, int[] target)
    {
        // Chunked had no broadcast_to (the battery's 'bcast' layout was declined); Dask's chunking of the result.
        using TestHost host = Create();
        NDArray d = Np.Reshape(Np.Arange(new Shape(shape).Size, dtype: DType.Float64), shape);
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        NDArray expected = Np.BroadcastTo(d, target);
        NDArray b = Np.BroadcastTo(x, target);
        b.ShouldBeOfType<ChunkedArray>();
        b.Shape.ShouldBe(expected.Shape);
        Check(b, expected);
        Check(Np.Multiply(b, 2.0), Np.Multiply(expected, 2.0));
        Check(Np.Sum(b, 0), Np.Sum(expected, 0));
    }

    [Fact]
    public void BroadcastTo_AShapeThatDoesNotFit_IsNumPysError()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(DenseData((3, 4)), backend: "Chunked", chunks: [2, 2]);
        Should.Throw<ShapeMismatchException>(() => Np.BroadcastTo(x, 3, 5)).Message
            .ShouldBe("operands could not be broadcast together with remapped shapes [original->remapped]: (3, 4) and requested shape (3, 5)");
        Should.Throw<ShapeMismatchException>(() => Np.BroadcastTo(x, 4));
    }

    public static TheoryData<string> Indexes => new() { "rows", "step", "negative", "int", "newaxis", "ellipsis", "empty" };

    [Theory, MemberData(nameof(Indexes))]
    public void GetItem_MatchesDense(string which)
    {
        using TestHost host = Create();
        NDArray d = DenseData((17, 9));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [4, 4]);
        ArrayIndex[] index = which switch
        {
            "rows" => [2..15],
            "step" => [new Slice(1, 16, 3), new Slice(null, null, 2)],
            "negative" => [new Slice(null, null, -1), new Slice(7, 0, -2)],
            "int" => [5, 3..8],
            "newaxis" => [ArrayIndex.NewAxis, 4..9, ^1],
            "ellipsis" => [ArrayIndex.Ellipsis, 2],
            _ => [5..5],
        };
        NDArray chunked = x[index], dense = d[index];
        chunked.Shape.ShouldBe(dense.Shape);
        chunked.Compute().ToArray<double>().ShouldBe(dense.ToArray<double>());
    }

    [Fact]
    public void TransposeConcatenateStackReshape_MatchDense()
    {
        using TestHost host = Create();
        NDArray da = DenseData((6, 4), 1), db = DenseData((6, 4), 2);
        NDArray a = Np.AsArray(da, backend: "Chunked", chunks: [4, 3]);
        NDArray b = Np.AsArray(db, backend: "Chunked", chunks: [2, 2]);
        Values(a.T).ShouldBe(da.T.ToArray<double>());
        Values(Np.Concatenate([a, b], 0)).ShouldBe(Np.Concatenate([da, db], 0).ToArray<double>());
        Values(Np.Concatenate([a, db], 1)).ShouldBe(Np.Concatenate([da, db], 1).ToArray<double>());
        NDArray stacked = Np.Stack([a, b], 1);
        stacked.Shape.ShouldBe(new Shape(6, 2, 4));
        Values(stacked).ShouldBe(Np.Stack([da, db], 1).ToArray<double>());
        NDArray rows = Np.AsArray(da, backend: "Chunked", chunks: [2, -1]);
        NDArray flat = rows.Reshape(-1);
        flat.ShouldBeOfType<ChunkedArray>().Chunks.ToString().ShouldBe("((8, 8, 8),)");
        Values(flat).ShouldBe(da.Reshape(-1).ToArray<double>());
        Values(rows.Reshape(3, 2, 4)).ShouldBe(da.Reshape(3, 2, 4).ToArray<double>());
    }

    [Fact]
    public void Reshape_NotChunkAligned_RechunksFirst()
    {
        using TestHost host = Create();
        NDArray d = DenseData((6, 4));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [2, 2]);
        Values(x.Reshape(-1)).ShouldBe(d.Reshape(-1).ToArray<double>());
        Values(x.T.Reshape(8, 3)).ShouldBe(d.T.Reshape(8, 3).ToArray<double>());
        Values(Np.AsArray(d, backend: "Chunked", chunks: [5, 3]).Reshape(4, 3, 2)).ShouldBe(d.Reshape(4, 3, 2).ToArray<double>());
    }

    [Fact]
    public void Reshape_refuses_an_unknown_dimension_it_cannot_infer_as_Dense()
    {
        // The battery: (2, 0, 3) into (3, 0, -1) gave a (3, 0, 0) array where NumPy (and Dense) raise "cannot reshape
        // array of size 0 into shape (3,0,newaxis)".
        using TestHost host = Create();
        NDArray empty = Np.Zeros(new Shape(2, 0, 3), backend: "Chunked", chunks: [1, 1, 2]);
        Should.Throw<ShapeMismatchException>(() => empty.Reshape(3, 0, -1)).Message.ShouldContain("cannot reshape array of size 0");
        Should.Throw<ShapeMismatchException>(() => Np.Zeros(new Shape(2, 0, 3), backend: "Dense").Reshape(3, 0, -1));
        Should.Throw<ShapeMismatchException>(() => Np.Ones(new Shape(6), backend: "Chunked", chunks: [4]).Reshape(4, -1)).Message.ShouldContain("size 6");
        // NumPy 1.24 reads any negative dimension as the unknown one: two of them is its ValueError, (-2, 3) is (2, 3)
        Should.Throw<ArgumentException>(() => Np.Ones(new Shape(6), backend: "Chunked", chunks: [4]).Reshape(-2, -3)).Message.ShouldBe("can only specify one unknown dimension (Parameter 'shape')");
        Np.Ones(new Shape(6), backend: "Chunked", chunks: [4]).Reshape(-2, 3).Shape.ShouldBe(new Shape(2, 3));
        Should.Throw<ShapeMismatchException>(() => Np.Ones(new Shape(6), backend: "Chunked", chunks: [4]).Reshape(5, -1)).Message
            .ShouldBe(Should.Throw<ShapeMismatchException>(() => Np.Ones(new Shape(6), backend: "Dense").Reshape(5, -1)).Message);   // (5,newaxis)
        Should.Throw<ShapeMismatchException>(() => empty.Reshape(0, -1));                      // NumPy: (0,newaxis) too
        empty.Reshape(-1).Shape.ShouldBe(new Shape(0));
        empty.Reshape(3, 0).Compute().Shape.ShouldBe(new Shape(3, 0));
    }

    [Fact]
    public void GetItem_IndexArraysAndMasks_MatchDense()
    {
        using TestHost host = Create();
        NDArray d = DenseData((7, 5));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [3, 2]);
        NDArray rows = Np.AsArray(new long[] { 6, 0, 3 }, backend: "Dense");
        Values(x[rows]).ShouldBe(d[rows].ToArray<double>());
        Values(x[x > 0.0]).ShouldBe(d[d > 0.0].ToArray<double>());
    }

    [Fact]
    public void MatMul_Batched_MatchesDense()
    {
        using TestHost host = Create();
        NDArray da = DenseData((3, 4, 5), 1), db = DenseData((5, 2), 2);
        NDArray a = Np.AsArray(da, backend: "Chunked", chunks: [2, 2, 2]);
        Values(a.MatMul(db)).ShouldBe(da.MatMul(db).ToArray<double>(), 1e-12);
    }

    [Fact]
    public void Chunks_reach_the_backend_as_a_creation_option_of_the_call()
    {
        using TestHost host = Create();
        var placement = new ArrayDispatch.Dispatch.Placement("Chunked").WithOption("chunks", new[] { 4, -1 });
        NDArray z = Np.Dispatcher.Create(ArrayDispatch.Functions.ArrayFunctions.Full, new ArrayDispatch.Functions.FullArgs((10, 3), DType.Float64, 0L, placement));
        z.ShouldBeOfType<ChunkedArray>().Chunks.ToString().ShouldBe("((4, 4, 2), (3,))");
    }

    [Fact]
    public void Creation_options_for_other_backends_are_left_to_them()
    {
        using TestHost host = Create();
        NDArray x = Np.AsArray(DenseData((6, 4)), backend: "Chunked", chunks: [3, 2], format: "csc");
        x.ShouldBeOfType<ChunkedArray>().Chunks.ToString().ShouldBe("((3, 3), (2, 2))");
    }

    [Fact]
    public void Creation_ZerosOnesFullEyeArange_MatchDense()
    {
        using TestHost host = Create();
        Values(Np.Eye(7, 5, 1, backend: "Chunked", chunks: [3, 2])).ShouldBe(Np.Eye(7, 5, 1, backend: "Dense").ToArray<double>());
        Values(Np.Full((5, 3), 2.5, backend: "Chunked", chunks: [2, 2])).ShouldAllBe(v => v == 2.5);
        Np.Zeros((4, 4), backend: "Chunked", chunks: [3, 3]).Compute().ToArray<double>().ShouldAllBe(v => v == 0);
        Np.Arange(3L, 40L, 4L, backend: "Chunked", chunks: [3]).Compute().ToArray<long>().ShouldBe(Enumerable.Range(0, 10).Select(i => 3L + 4 * i).ToArray());
        Values(Np.Arange(0.5, 3.0, 0.25, backend: "Chunked", chunks: [4])).ShouldBe(Enumerable.Range(0, 10).Select(i => 0.5 + 0.25 * i).ToArray(), 1e-12);
    }

    [Fact]
    public void Random_SameSeedSameArray_WhateverTheParallelism()
    {
        double[] first, second;
        using (TestHost host = Create(degree: 1))
        {
            first = Values(Np.Random.Sample((30, 20), Np.Random.DefaultRng(7), backend: "Chunked", chunks: [7, 6]));
        }
        using (TestHost host = Create(degree: 4))
        {
            second = Values(Np.Random.Sample((30, 20), Np.Random.DefaultRng(7), backend: "Chunked", chunks: [7, 6]));
        }
        second.ShouldBe(first);
        first.ShouldAllBe(v => v >= 0 && v < 1);
        first.Distinct().Count().ShouldBeGreaterThan(590);
    }
}
