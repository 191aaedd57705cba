using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArrayDispatch.Sparse.IO;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Sparse.Tests.Infrastructure.SparseHost;

namespace ArrayDispatch.Sparse.Tests.Functions;

public sealed class ManipulationTests
{
    private static readonly double[] s_a = Values.RandomDense(5, 4, 0.5, 41);

    private static NDArray A(string format = "csr") => Np.AsArray(DenseOf(s_a, 5, 4), backend: "Sparse", format: format);

    private static double At(int i, int j) => s_a[i * 4 + j];

    [Fact]
    public void Transpose_Csr_IsCscViewOfSameStorage()
    {
        using TestHost host = SparseHost.Create();
        var csr = (CsrArray)A();
        var t = (CscArray)Np.Transpose(csr);
        Unsafe.AreSame(ref MemoryMarshal.GetReference(t.Indices), ref MemoryMarshal.GetReference(csr.Indices)).ShouldBeTrue();   // views of one storage
        t.Shape.ShouldBe(new Shape(4, 5));
        double[] dense = Values.Of(t);
        for (int i = 0; i < 4; i++) for (int j = 0; j < 5; j++) dense[i * 5 + j].ShouldBe(At(j, i));
    }

    [Fact]
    public void GetItem_RowAndColumnSlices_MatchNumPy()
    {
        using TestHost host = SparseHost.Create();
        NDArray a = A();
        NDArray rows = a[1..4];
        rows.ShouldBeOfType<CsrArray>();
        Values.Of(rows).ShouldBe(s_a.Skip(4).Take(12).ToArray());
        NDArray col = a[ArrayIndex.All, 2];
        col.Shape.ShouldBe(new Shape(5));
        Values.Of(col).ShouldBe(Enumerable.Range(0, 5).Select(i => At(i, 2)).ToArray());
        NDArray reversed = a[Slice.Every(-2), 1..3];
        Values.Of(reversed).ShouldBe(new[] { 4, 2, 0 }.SelectMany(i => new[] { At(i, 1), At(i, 2) }).ToArray());
        Values.Of(a[3, 1]).ShouldBe([At(3, 1)]);
    }

    [Fact]
    public void GetItem_IntegerArrayRows_SelectsAndRepeats()
    {
        using TestHost host = SparseHost.Create();
        NDArray picked = A()[DenseOf(new long[] { 4, 0, 4 })];
        Values.Of(picked).ShouldBe(new[] { 4, 0, 4 }.SelectMany(i => Enumerable.Range(0, 4).Select(j => At(i, j))).ToArray());
    }

    [Fact]
    public void GetItem_OutOfBounds_NamesAxisAndSize()
    {
        using TestHost host = SparseHost.Create();
        Should.Throw<ArgumentOutOfRangeException>(() => A()[7]).Message.ShouldBe("index 7 is out of bounds for axis 0 with size 5 (Parameter 'index')");
    }

    [Fact]
    public void Reshape_Coo_KeepsRowMajorOrder()
    {
        using TestHost host = SparseHost.Create();
        NDArray r = Np.Reshape(A("coo"), 2, -1, 5);
        r.Shape.ShouldBe(new Shape(2, 2, 5));
        Values.Of(r).ShouldBe(s_a);
    }

    [Fact]
    public void TrilTriuDiagonalTrace_MatchDense()
    {
        using TestHost host = SparseHost.Create();
        NDArray a = A();
        Values.Of(Np.Tril(a, -1)).ShouldBe(s_a.Select((v, k) => k % 4 - k / 4 <= -1 ? v : 0).ToArray());
        Values.Of(Np.Triu(a, 1)).ShouldBe(s_a.Select((v, k) => k % 4 - k / 4 >= 1 ? v : 0).ToArray());
        Values.Of(Np.Diagonal(a, 1)).ShouldBe([At(0, 1), At(1, 2), At(2, 3)]);
        Values.Of(Np.Trace(a)).ShouldBe([At(0, 0) + At(1, 1) + At(2, 2) + At(3, 3)]);
    }

    [Fact]
    public void HStackVStack_AndBlock_AssembleBlocks()
    {
        using TestHost host = SparseHost.Create();
        NDArray a = A();
        Values.Of(Np.VStack(a, a)).ShouldBe([.. s_a, .. s_a]);
        NDArray h = Np.HStack(a, a);
        h.Shape.ShouldBe(new Shape(5, 8));
        NDArray block = Np.Call("sparse.block", [a, a, a, a], new Dictionary<string, object?> { ["rows"] = 2 })[0];
        block.Shape.ShouldBe(new Shape(10, 8));
        Values.Of(block).Take(8).ShouldBe(Enumerable.Range(0, 8).Select(j => At(0, j % 4)).ToArray());
    }

    [Fact]
    public void AsType_SafeCastingRefusesFloatToInt()
    {
        using TestHost host = SparseHost.Create();
        Should.Throw<DTypeMismatchException>(() => Np.AsType(A(), DType.Int32, Casting.Safe))
            .Message.ShouldBe("Cannot cast array data from dtype('float64') to dtype('int32') according to the rule 'safe'");
        Np.AsType(A(), DType.Float32).DType.ShouldBe(DType.Float32);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MatrixMarket_WriteRead_RoundTrips(bool symmetric)
    {
        SparseArray a = symmetric
            ? SparseArrays.Diags([[1.5, -2], [4, 5.25, 6], [1.5, -2]], [-1, 0, 1])
            : CsrArray.FromTriplets(new[] { 1.0, -2.5e-8, 3 }, [0, 2, 2], [1, 0, 3], new Shape(3, 4));
        var text = new StringWriter();
        MatrixMarket.Write(text, a, symmetric);
        text.ToString().ShouldStartWith($"%%MatrixMarket matrix coordinate real {(symmetric ? "symmetric" : "general")}");
        CooArray back = MatrixMarket.Read(new StringReader(text.ToString()));
        Values.Of(back).ShouldBe(Values.Of(a));
    }

    [Fact]
    public async Task MatrixMarket_WriteInt32_IsLinearInTheEntries()
    {
        // 2e5 int32 entries: the values were cast to int64 once per entry written (a 1.6 MB array each, 320 GB in all).
        SparseArray a = SparseArrays.Random(1000, 1000, 0.2, seed: 8, dtype: DType.Int32);
        var text = new StringWriter();
        Task write = Task.Run(() => MatrixMarket.Write(text, a));
        (await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(20)))).ShouldBe(write, "written within 20 s");
        CooArray back = MatrixMarket.Read(new StringReader(text.ToString()));
        back.Values<long>().ToArray().ShouldBe(a.ToCoo().Values<int>().ToArray().Select(v => (long)v).ToArray());
    }

    [Fact]
    public void MatrixMarket_PatternAndInteger_AreRead()
    {
        CooArray p = MatrixMarket.Read(new StringReader("%%MatrixMarket matrix coordinate pattern general\n% comment\n2 2 2\n1 1\n2 1\n"));
        Values.Of(p).ShouldBe([1, 0, 1, 0]);
        CooArray i = MatrixMarket.Read(new StringReader("%%MatrixMarket matrix coordinate integer symmetric\n2 2 1\n2 1 7\n"));
        i.DType.ShouldBe(DType.Int64);
        Values.Of(i).ShouldBe([0, 7, 7, 0]);
    }

    [Fact]
    public void MatrixMarket_IndexOutsideSize_IsRefusedWithLine()
    {
        var ex = Should.Throw<SparseIndexException>(() => MatrixMarket.Read(new StringReader("%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1.0\n3 1 2.0\n")));
        ex.Message.ShouldBe("line 4: row index 3 of entry 1 is outside [1, 2] (Matrix Market indices are 1-based)");
    }
}
