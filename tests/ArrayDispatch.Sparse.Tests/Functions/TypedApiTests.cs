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
}
