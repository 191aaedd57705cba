using ArrayDispatch.Dense;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Sparse.Tests.Functions;

/// <summary>
/// The <c>sparse.*</c> constructors as a user of the protocol reaches them: a host with Dense and Sparse loaded, calls
/// through <see cref="Np.Call"/> only, results read back through <see cref="NDArray.ToHost"/>.
/// </summary>
public sealed class ConstructionTests
{
    private static TestHost Host() => TestHost.Create(new DensePlugin(), new SparsePlugin());

    private static Dictionary<string, object?> Opts(params (string Key, object? Value)[] options) => options.ToDictionary(o => o.Key, o => o.Value);

    private static NDArray Call(string function, NDArray[] arrays, params (string Key, object? Value)[] options)
    {
        using (Np.UseBackend("Sparse"))
        {
            NDArray[] r = Np.Call(function, arrays, Opts(options));
            r.Length.ShouldBe(1);
            return r[0];
        }
    }

    private static double[] Dense(NDArray x) => Np.AsArray(x, backend: "Dense", dtype: DType.Float64).ToArray<double>();

    [Fact]
    public void CooArray_WithDuplicatesAndADType_KeepsThemAsDuplicates_ThatDensifyingSums()
    {
        using TestHost host = Host();
        // SciPy: coo_array(([1, 2, 4], ([0, 0, 1], [0, 0, 1])), dtype=float32).toarray() is [[3, 0], [0, 4]].
        NDArray data = Np.AsArray(new[] { 1.0, 2.0, 4.0 }, backend: "Dense"), index = Np.AsArray(new long[] { 0, 0, 1 }, backend: "Dense");
        var coo = (SparseArray)Call("sparse.coo_array", [data, index, index], ("dtype", "float32"));

        coo.DType.ShouldBe(DType.Float32);
        Dense(coo).ShouldBe([3.0, 0, 0, 4]);
        Np.AsArray(Np.Sum(coo, 1), backend: "Dense", dtype: DType.Float64).ToArray<double>().ShouldBe([3.0, 4]);
    }

    [Fact]
    public void Random_HasScipysEntryCount_DistinctPositions_AndIsReproducible()
    {
        using TestHost host = Host();
        NDArray a = Call("sparse.random", [], ("shape", new[] { 300, 200 }), ("density", 0.05), ("seed", 7), ("format", "csr"));
        var csr = a.ShouldBeOfType<CsrArray>();
        csr.Nnz.ShouldBe(3000); // round(0.05 * 60000), every position distinct
        csr.IsCanonical.ShouldBeTrue();
        double[] v = Dense(a);
        v.Count(x => x != 0).ShouldBe(3000);
        v.ShouldAllBe(x => x >= 0 && x < 1);
        Dense(Call("sparse.random", [], ("shape", new[] { 300, 200 }), ("density", 0.05), ("seed", 7), ("format", "csr"))).ShouldBe(v);
        Dense(Call("sparse.random", [], ("shape", new[] { 300, 200 }), ("density", 0.05), ("seed", 8), ("format", "csr"))).ShouldNotBe(v);
    }

    [Fact]
    public void Random_DefaultsToCooFloat64_AndTakesAnyRank()
    {
        using TestHost host = Host();
        NDArray a = Call("sparse.random", [], ("shape", new[] { 4, 5, 6 }), ("density", 0.25), ("seed", 1));
        var coo = a.ShouldBeOfType<CooArray>();
        coo.Shape.ShouldBe(new Shape(4, 5, 6));
        coo.Nnz.ShouldBe(30);
        coo.DType.ShouldBe(DType.Float64);
        Call("sparse.random", [], ("shape", new[] { 10, 10 }), ("seed", 1)).ShouldBeOfType<CooArray>().Nnz.ShouldBe(1); // density 0.01
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 120)]
    public void Random_DensityZeroAndOne_AreEmptyAndFull(double density, int nnz)
    {
        using TestHost host = Host();
        var s = (SparseArray)Call("sparse.random", [], ("shape", new[] { 12, 10 }), ("density", density), ("seed", 3), ("format", "csc"), ("dtype", "float32"));
        s.Nnz.ShouldBe(nnz);
        s.DType.ShouldBe(DType.Float32);
        s.ShouldBeOfType<CscArray>();
    }

    [Fact]
    public void Random_IntegerDtype_StoresNonzeroValuesOverTheRange()
    {
        using TestHost host = Host();
        var s = (SparseArray)Call("sparse.random", [], ("shape", new[] { 50, 50 }), ("density", 0.1), ("seed", 5), ("dtype", DType.Int64));
        s.DType.ShouldBe(DType.Int64);
        long[] values = s.Values<long>().ToArray();
        values.ShouldContain(v => v < 0);
        values.ShouldContain(v => v > int.MaxValue);
    }

    [Theory]
    [InlineData("density", 1.5, "sparse.random: option 'density' must be in [0, 1], got 1.5")]
    [InlineData("format", "dia", "sparse.random: option 'format' must be 'coo', 'csr' or 'csc', got 'dia'")]
    [InlineData("dtype", "float128", "sparse.random: option 'dtype' must be a dtype (bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64, complex64, complex128), got 'float128'")]
    [InlineData("seed", "x", "sparse.random: option 'seed' must be an integer, got 'x'")]
    [InlineData("dens", 0.1, "sparse.random got an unexpected keyword argument 'dens'; it takes 'shape', 'density', 'seed', 'format', 'dtype'")]
    public void Random_BadOption_IsRefusedNamingIt(string option, object value, string message)
    {
        using TestHost host = Host();
        var ex = Should.Throw<ArgumentException>(() => Call("sparse.random", [], ("shape", new[] { 3, 3 }), (option, value)));
        ex.Message.ShouldStartWith(message);
        ex.ParamName.ShouldBe(option);
    }

    [Fact]
    public void Random_WithoutShape_OrCsrOf3d_IsRefused()
    {
        using TestHost host = Host();
        Should.Throw<ArgumentException>(() => Call("sparse.random", [], ("density", 0.1))).ParamName.ShouldBe("shape");
        Should.Throw<ArgumentException>(() => Call("sparse.random", [], ("shape", new[] { 2, 3, 4 }), ("format", "csr")))
            .Message.ShouldContain("'format' is 'csr', which holds 2-d arrays, but 'shape' is (2, 3, 4)");
    }

    [Fact]
    public void Creation_WithoutScope_GoesToDefaultBackend_AndSaysSo()
    {
        using TestHost host = Host();
        Should.Throw<NoImplementationException>(() => Np.Call("sparse.eye", [], Opts(("m", 3)))).Message.ShouldContain("sparse.eye");
        using TestHost sparseFirst = TestHost.Create(new SparsePlugin(), new DensePlugin());
        Np.Call("sparse.eye", [], Opts(("m", 3)))[0].ShouldBeOfType<CsrArray>();
    }

    [Fact]
    public void Eye_MatchesScipyEye()
    {
        using TestHost host = Host();
        NDArray e = Call("sparse.eye", [], ("m", 3), ("n", 4), ("k", 1), ("dtype", "int32"), ("format", "coo"));
        e.ShouldBeOfType<CooArray>().DType.ShouldBe(DType.Int32);
        Dense(e).ShouldBe([0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
        Dense(Call("sparse.eye", [], ("m", 2))).ShouldBe([1, 0, 0, 1]);
        Should.Throw<ArgumentException>(() => Call("sparse.eye", [], ("n", 2))).ParamName.ShouldBe("m");
        Should.Throw<ArgumentOutOfRangeException>(() => Call("sparse.eye", [], ("m", -1))).ParamName.ShouldBe("m");
    }

    [Fact]
    public void Diags_FromDenseArrays_MatchesScipyDiags()
    {
        using TestHost host = Host();
        NDArray sub = Np.AsArray(new[] { 1.0, 2.0 }, backend: "Dense");
        NDArray main = Np.AsArray(new[] { -2.0, -2.0, -2.0 }, backend: "Dense");
        NDArray sup = Np.AsArray(new[] { 3.0 }, backend: "Dense");
        NDArray t = Call("sparse.diags", [sub, main, sup], ("offsets", new[] { -1, 0, 1 }));
        t.ShouldBeOfType<CsrArray>();
        // scipy.sparse.diags([[1, 2], [-2, -2, -2], [3]], [-1, 0, 1]).toarray()
        Dense(t).ShouldBe([-2, 3, 0, 1, -2, 3, 0, 2, -2]);
    }

    [Fact]
    public void Diags_FromOptions_WithShape_CutsLongDiagonals_AndIsFloat64ForIntegers()
    {
        using TestHost host = Host();
        // scipy.sparse.diags([1, 2, 3, 4], 1, shape=(2, 4)).toarray() == [[0, 1, 0, 0], [0, 0, 2, 0]]
        NDArray d = Call("sparse.diags", [], ("diagonals", new[] { 1.0, 2, 3, 4 }), ("offsets", 1), ("shape", new[] { 2, 4 }));
        Dense(d).ShouldBe([0, 1, 0, 0, 0, 0, 2, 0]);
        NDArray ints = Call("sparse.diags", [Np.AsArray(new long[] { 4, 5 }, backend: "Dense")]);
        ints.DType.ShouldBe(DType.Float64); // SciPy's diags uses NumPy's common_type
    }

    [Fact]
    public void Diags_BadInput_IsRefusedNamingTheOption()
    {
        using TestHost host = Host();
        NDArray v = Np.AsArray(new[] { 1.0, 2.0 }, backend: "Dense");
        Should.Throw<ArgumentException>(() => Call("sparse.diags", [v, v])).ParamName.ShouldBe("offsets");
        Should.Throw<ArgumentException>(() => Call("sparse.diags", [v, v], ("offsets", new[] { 0, 0 }))).Message.ShouldContain("duplicate");
        Should.Throw<ArgumentException>(() => Call("sparse.diags", [v], ("offsets", 5), ("shape", new[] { 3, 3 }))).Message.ShouldContain("offset 5 (index 0) is out of bounds");
        Should.Throw<ShapeMismatchException>(() => Call("sparse.diags", [v], ("shape", new[] { 4, 4 }))).Message.ShouldContain("needs length 4 (or 1)");
    }

    [Fact]
    public void Kron_OfSparseAndDense_MatchesNumPyKron()
    {
        using TestHost host = Host();
        NDArray a = Np.AsArray(new double[,] { { 1, 0 }, { 0, 2 } }, backend: "Sparse");
        NDArray b = Np.AsArray(new double[,] { { 0, 5 }, { 6, 7 } }, backend: "Dense");
        NDArray k = Call("sparse.kron", [a, b], ("format", "csc"));
        k.ShouldBeOfType<CscArray>();
        Dense(k).ShouldBe(Np.Kron(Np.AsArray(a, backend: "Dense"), b).ToArray<double>());
        Should.Throw<ShapeMismatchException>(() => Call("sparse.kron", [a, Np.AsArray(new[] { 1.0 }, backend: "Dense")])).Message.ShouldContain("'B' has shape (1,)");
    }

    [Fact]
    public void Block_WithNoneBlocks_MatchesScipyBmat()
    {
        using TestHost host = Host();
        NDArray a = Np.AsArray(new double[,] { { 1, 2 }, { 3, 4 } }, backend: "Sparse");
        NDArray b = Np.AsArray(new double[,] { { 5 }, { 6 } }, backend: "Dense");
        NDArray c = Np.AsArray(new double[,] { { 7, 8 } }, backend: "Sparse", format: "csc");
        // scipy.sparse.bmat([[a, b], [c, None]]).toarray()
        NDArray m = Call("sparse.block", [a, b, c, null!], ("rows", 2));
        m.ShouldBeOfType<CsrArray>().Shape.ShouldBe(new Shape(3, 3));
        Dense(m).ShouldBe([1, 2, 5, 3, 4, 6, 7, 8, 0]);
    }

    [Fact]
    public void Block_AllNoneRowOrMismatchedHeights_AreRefused()
    {
        using TestHost host = Host();
        NDArray a = Np.AsArray(new double[,] { { 1, 2 }, { 3, 4 } }, backend: "Sparse");
        NDArray tall = Np.AsArray(new double[,] { { 1 }, { 2 }, { 3 } }, backend: "Sparse");
        Should.Throw<ArgumentException>(() => Call("sparse.block", [a, null!, null!, null!], ("rows", 2))).Message.ShouldContain("blocks[1,:] is all None");
        Should.Throw<ShapeMismatchException>(() => Call("sparse.block", [a, tall])).Message.ShouldContain("blocks[0,:] has incompatible row dimensions");
        Should.Throw<ArgumentException>(() => Call("sparse.block", [a, a, a], ("rows", 2))).ParamName.ShouldBe("rows");
    }

    [Theory]
    [InlineData("csr")]
    [InlineData("csc")]
    [InlineData("coo")]
    public void SaveNpz_ThenLoadNpz_RoundTrips_AndScipyReadsIt(string format)
    {
        using TestHost host = Host();
        NDArray a = Call("sparse.random", [], ("shape", new[] { 7, 9 }), ("density", 0.3), ("seed", 2), ("format", format));
        string path = Path.Combine(Path.GetTempPath(), $"sparse-{Guid.NewGuid():N}.npz");
        try
        {
            Np.Call("sparse.save_npz", [a], Opts(("path", path))).ShouldBeEmpty();
            NDArray back = Call("sparse.load_npz", [], ("path", path));
            ((SparseArray)back).Format.Name().ShouldBe(format);
            Dense(back).ShouldBe(Dense(a));
            // The protocol's own reader sees SciPy's layout (format entry, shape, data).
            Dense(Np.Load(path, backend: "Dense")).ShouldBe(Dense(a));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MmWrite_ThenMmRead_RoundTrips()
    {
        using TestHost host = Host();
        NDArray a = Np.AsArray(new double[,] { { 1.5, 0, 0 }, { 0, 0, -2 } }, backend: "Sparse");
        string path = Path.Combine(Path.GetTempPath(), $"sparse-{Guid.NewGuid():N}.mtx");
        try
        {
            Np.Call("sparse.mmwrite", [a], Opts(("path", path))).ShouldBeEmpty();
            NDArray back = Call("sparse.mmread", [], ("path", path), ("format", "csr"));
            back.ShouldBeOfType<CsrArray>();
            Dense(back).ShouldBe(Dense(a));
            Should.Throw<ArgumentException>(() => Call("sparse.mmread", [])).Message.ShouldStartWith("sparse.mmread needs the keyword argument 'path'");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
