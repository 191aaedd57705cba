using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>
/// The typed API assembly (ArrayDispatch.Sparse.Api): the same calls as <c>Np.Call</c>, with C# signatures, going
/// through the dispatcher to whichever backend implements the function.
/// </summary>
public sealed class TypedApiTests
{
    [Fact]
    public void Cg_through_the_typed_api_answers_what_Np_Call_answers()
    {
        using TestHost host = SparseHost.Create();
        NDArray a = SparseMatrices.Diags([DenseOf([-1.0, -1, -1]), DenseOf([2.5, 2.5, 2.5, 2.5]), DenseOf([-1.0, -1, -1])], [-1, 0, 1]);
        NDArray b = DenseOf([1.0, 2, 3, 4]);

        (NDArray x, int info) = SparseLinalg.Cg(a, b, rtol: 1e-12);
        NDArray[] viaCall = Np.Call("sparse.linalg.cg", [a, b], new Dictionary<string, object?> { ["rtol"] = 1e-12 });

        a.ShouldBeAssignableTo<SparseArray>();
        info.ShouldBe(0);
        Values.ShouldBeClose(Values.Of(x), Values.Of(viaCall[0]), 0);
        Values.ShouldBeClose(Values.Of(SparseLinalg.Spsolve(a, b)), Values.Of(x), 1e-9);
    }

    [Fact]
    public void Components_give_scipys_data_indices_and_indptr_to_code_that_cannot_cast_to_the_plugins_types()
    {
        // SciPy 1.10: a = csr_array([[0, 2, 0, 0], [1, 0, 0, 3], [0, 0, 0, 0], [0, 4, 5, 0]]) (float64)
        using TestHost host = SparseHost.Create();
        NDArray a = Np.AsArray(DenseOf([0.0, 2, 0, 0, 1, 0, 0, 3, 0, 0, 0, 0, 0, 4, 5, 0], 4, 4), backend: "Sparse", format: "csr");

        NDArray[] csr = SparseMatrices.Components(a);
        csr.Length.ShouldBe(3);
        csr[0].ToArray<double>().ShouldBe([2.0, 1, 3, 4, 5]);        // a.data
        csr[1].DType.ShouldBe(DType.Int32);
        csr[1].ToArray<int>().ShouldBe([1, 0, 3, 1, 2]);             // a.indices
        csr[2].ToArray<int>().ShouldBe([0, 1, 3, 3, 5]);             // a.indptr
        NDArray[] csc = SparseMatrices.Components(Np.AsArray(a, backend: "Sparse", format: "csc"));
        csc[0].ToArray<double>().ShouldBe([1.0, 2, 4, 5, 3]);
        csc[1].ToArray<int>().ShouldBe([1, 0, 3, 3, 1]);
        csc[2].ToArray<int>().ShouldBe([0, 1, 3, 4, 5]);
        NDArray[] coo = Np.Call("sparse.components", [Np.AsArray(a, backend: "Sparse", format: "coo")]);
        coo.Select(c => c.Backend).ShouldAllBe(b => b == "Dense");
        coo[1].ToArray<int>().ShouldBe([0, 1, 1, 3, 3]);             // a.tocoo().row
        coo[2].ToArray<int>().ShouldBe([1, 0, 3, 1, 2]);             // a.tocoo().col
        Should.Throw<ArgumentException>(() => Np.Call("sparse.components", [a], new Dictionary<string, object?> { ["copy"] = true }))
            .Message.ShouldStartWith("sparse.components takes no keyword arguments (got 'copy')");
    }

    [Fact]
    public void Construction_and_files_round_trip_through_the_typed_api()
    {
        using TestHost host = SparseHost.Create();
        NDArray r = SparseMatrices.Random([6, 5], density: 0.4, seed: 3, format: "csr");
        NDArray i = SparseMatrices.Eye(5, k: 1, dtype: DType.Float32);
        NDArray m = SparseMatrices.Block([[r, null], [null, SparseMatrices.Eye(2)]]);
        string path = Path.Combine(Path.GetTempPath(), $"typed-{Guid.NewGuid():N}");
        try
        {
            SparseIO.SaveNpz(path + ".npz", r);
            SparseIO.MmWrite(path + ".mtx", r);
            Values.Of(SparseIO.LoadNpz(path + ".npz")).ShouldBe(Values.Of(r));
            Values.Of(SparseIO.MmRead(path + ".mtx")).ShouldBe(Values.Of(r));
        }
        finally
        {
            File.Delete(path + ".npz");
            File.Delete(path + ".mtx");
        }

        r.ShouldBeOfType<CsrArray>();
        i.DType.ShouldBe(DType.Float32);
        m.Shape.ShouldBe(new Shape(8, 7));
        SparseMatrices.Kron(i, SparseMatrices.Eye(2)).Shape.ShouldBe(new Shape(10, 10));
        (NDArray u, NDArray s, NDArray vh) = SparseLinalg.Svds(r, k: 2, seed: 1);
        (u.Shape, s.Shape, vh.Shape).ShouldBe((new Shape(6, 2), new Shape(2), new Shape(2, 5)));
    }

    [Fact]
    public void A_csr_matrix_is_built_from_coo_triplets_as_scipy_builds_it()
    {
        // scipy.sparse.coo_array((data, (row, col)), shape=(4, 4)).tocsr(): the script an app ports; data from np.load
        // is a Dense array, so without these functions the only route was a dense matrix and np.asarray.
        using TestHost host = SparseHost.Create();
        NDArray data = DenseOf([4.0, 1, 3, 1, 5, 2, 2, 6, 10]), row = DenseOf([0L, 0, 1, 2, 2, 2, 3, 3, 0]), col = DenseOf([0L, 2, 1, 0, 2, 3, 1, 3, 0]);

        NDArray coo = SparseMatrices.FromTriplets(data, row, col, [4, 4]);
        NDArray csr = SparseMatrices.FromTriplets(data, row, col, [4, 4], format: "csr");
        NDArray viaCall;
        using (Np.UseBackend("Sparse")) viaCall = Np.Call("sparse.coo_array", [data, row, col], new Dictionary<string, object?> { ["format"] = "csc" })[0];

        coo.ShouldBeOfType<CooArray>().Nnz.ShouldBe(9);                  // duplicates kept, as SciPy's COO
        csr.ShouldBeOfType<CsrArray>().Nnz.ShouldBe(8);                  // summed: (0, 0) is 4 + 10
        viaCall.ShouldBeOfType<CscArray>().Shape.ShouldBe(new Shape(4, 4)); // shape inferred from the largest indices
        double[] expected = [14, 0, 1, 0, 0, 3, 0, 0, 1, 0, 5, 2, 0, 2, 0, 6];
        foreach (NDArray a in new[] { coo, csr, viaCall }) Values.Of(Np.AsArray(a, backend: "Dense")).ShouldBe(expected);
        Values.Of(csr.MatMul(DenseOf([1.0, 2, 3, 4]))).ShouldBe([17.0, 6, 24, 28]);
    }

    [Fact]
    public void A_csr_matrix_is_built_from_data_indices_and_indptr_as_scipy_builds_it()
    {
        using TestHost host = SparseHost.Create();
        NDArray data = DenseOf([1.0, 2, 3]), indices = DenseOf([0, 2, 1]), indptr = DenseOf([0, 2, 2, 3]);

        NDArray csr = SparseMatrices.FromCompressed(data, indices, indptr);
        NDArray csc = SparseMatrices.FromCompressed(data, indices, indptr, [3, 3], format: "csc", dtype: DType.Float32);

        csr.ShouldBeOfType<CsrArray>().Shape.ShouldBe(new Shape(3, 3));    // (len(indptr) - 1, max(indices) + 1)
        Values.Of(Np.AsArray(csr, backend: "Dense")).ShouldBe([1.0, 0, 2, 0, 0, 0, 0, 3, 0]);
        csc.ShouldBeOfType<CscArray>().DType.ShouldBe(DType.Float32);
        Values.Of(Np.AsArray(csc, backend: "Dense")).ShouldBe([1.0, 0, 0, 0, 0, 3, 2, 0, 0]);
    }

    [Fact]
    public void Triplets_with_a_bad_index_or_length_or_dtype_are_refused_naming_the_array()
    {
        using TestHost host = SparseHost.Create();
        NDArray data = DenseOf([1.0, 2]);
        Should.Throw<SparseIndexException>(() => SparseMatrices.FromTriplets(data, DenseOf([0L, 5]), DenseOf([0L, 1]), [3, 3]))
            .Message.ShouldContain("'row'");
        Should.Throw<SparseIndexException>(() => SparseMatrices.FromTriplets(data, DenseOf([0L, -1]), DenseOf([0L, 1])))
            .Message.ShouldBe("sparse.coo_array: index -1 at position 1 of 'row' is negative");
        Should.Throw<ShapeMismatchException>(() => SparseMatrices.FromTriplets(data, DenseOf([0L]), DenseOf([0L, 1])))
            .Message.ShouldContain("'row' has 1 entries but 'data' has 2");
        Should.Throw<ArgumentException>(() => SparseMatrices.FromTriplets(data, DenseOf([0.0, 1]), DenseOf([0L, 1])))
            .Message.ShouldContain("'row' has dtype float64; index arrays must have an integer dtype");
        Should.Throw<SparseIndexException>(() => SparseMatrices.FromCompressed(data, DenseOf([0, 1]), DenseOf([0, 3])));
    }
}
