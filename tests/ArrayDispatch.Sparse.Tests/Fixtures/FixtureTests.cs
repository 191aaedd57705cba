using ArrayDispatch.Functions;
using ArrayDispatch.Dense;
using ArrayDispatch.Fixtures;
using ArrayDispatch.Testing;
using ArrayDispatch.Sparse.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace ArrayDispatch.Sparse.Tests.Fixtures;

/// <summary>
/// NumPy's and SciPy's reference fixtures, found with <see cref="FixtureManifest.Locate"/> (the repository's <c>tests/fixtures/numpy</c>) and read with the protocol's own .npy/.npz readers.
/// </summary>
public sealed class FixtureTests(ITestOutputHelper output)
{
    private static readonly Lazy<FixtureManifest> s_manifest = new(() =>
        FixtureManifest.Load(FixtureManifest.Locate() ?? throw new DirectoryNotFoundException("NumPy fixtures not found: tests/fixtures/numpy is missing from the checkout (regenerate with tests/fixtures/generate.py)")));

    public static TheoryData<string> SciPyCases()
    {
        var data = new TheoryData<string>();
        if (FixtureManifest.Locate() is not { } dir) return data;
        foreach (FixtureCase c in FixtureManifest.Load(dir).Cases.Where(c => c.Id.StartsWith("sparse_", StringComparison.Ordinal))) data.Add(c.Id);
        return data;
    }

    /// <summary>
    /// SciPy's fixtures with their <c>.npz</c> inputs loaded as the sparse arrays they are (<c>sparse.load_npz</c>, in the
    /// stored format) and <c>.npy</c> inputs on Dense: real sparse ∘ dense mixing, results compared densified.
    /// </summary>
    [Theory, MemberData(nameof(SciPyCases))]
    public void SciPyFixture_WithStoredSparseInputs_MatchesSciPy(string id)
    {
        FixtureManifest manifest = s_manifest.Value;
        FixtureCase c = manifest.Cases.Single(x => x.Id == id);
        using TestHost host = TestHost.Create(new DensePlugin(), new SparsePlugin());
        NDArray Input(int i)
        {
            string path = Path.Combine(manifest.Directory, c.Args[i].GetString()!);
            if (!path.EndsWith(".npz", StringComparison.Ordinal)) return Np.Load(path, backend: "Dense");
            using (Np.UseBackend("Sparse")) return Np.Call("sparse.load_npz", [], new Dictionary<string, object?> { ["path"] = path })[0];
        }
        NDArray x = c.Function == "sparse.mmread" ? MmRead(Path.Combine(manifest.Directory, c.Kwargs["path"].GetString()!)) : Input(0);
        Assert.IsAssignableFrom<SparseArray>(x);
        NDArray result = c.Function switch
        {
            "add" => Np.Add(x, Input(1)),
            "multiply" => Np.Multiply(x, Input(1)),
            "matmul" => Np.MatMul(x, Input(1)),
            "sum" => c.Kwargs.TryGetValue("axis", out var axis) ? Np.Sum(x, axis.GetInt32()) : Np.Sum(x),
            "max" => Np.Max(x, c.Kwargs["axis"].GetInt32()),
            "transpose" => Np.Transpose(x),
            "todense" => Np.AsArray(x, backend: "Dense"),
            "sparse.mmread" => x,
            _ => throw new InvalidOperationException($"fixture {id} calls '{c.Function}', which this test does not map"),
        };
        string expectedPath = Path.Combine(manifest.Directory, c.Expected[0]);
        bool sparseExpected = expectedPath.EndsWith(".npz", StringComparison.Ordinal);
        Assert.Equal(sparseExpected, result is SparseArray); // SciPy's result type: sparse where SciPy's is
        NDArray expected = Np.Load(expectedPath, backend: "Dense");
        Assert.Equal(expected.Shape, result.Shape);
        double rtol = c.Check == "exact" ? 0 : c.Rtol, atol = c.Check == "exact" ? 0 : c.Atol;
        double[] a = Values.Of(result), e = Values.Of(expected);
        for (int k = 0; k < a.Length; k++)
        {
            Assert.True(a[k] == e[k] || Math.Abs(a[k] - e[k]) <= atol + rtol * Math.Abs(e[k]), $"{id}: element {k} is {a[k]:R}, SciPy has {e[k]:R}");
        }
    }

    private static NDArray MmRead(string path)
    {
        using (Np.UseBackend("Sparse")) return Np.Call("sparse.mmread", [], new Dictionary<string, object?> { ["path"] = path })[0];
    }

    /// <summary>What <c>conformance --backend Sparse</c> does: every case with its inputs made sparse.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryFixture_WithInputsMadeSparse_PassesOrIsDeclinedByDesign(bool allowDensify)
    {
        FixtureManifest manifest = s_manifest.Value;
        var settings = new Dictionary<string, string?> { ["ArrayDispatch:Backends:Sparse:AllowDensify"] = allowDensify ? "true" : "false" };
        using TestHost host = TestHost.Create(settings, new DensePlugin(), new SparsePlugin());
        IReadOnlyList<FixtureResult> results = new FixtureRunner(host.Dispatcher, "Sparse").RunAll(manifest);
        foreach (FixtureResult r in results.Where(r => r.Outcome != FixtureOutcome.Passed)) output.WriteLine(r.ToString());
        int passed = results.Count(r => r.Outcome == FixtureOutcome.Passed);
        output.WriteLine($"passed {passed}, skipped {results.Count(r => r.Outcome == FixtureOutcome.Skipped)}, failed {results.Count(r => r.Outcome == FixtureOutcome.Failed)}");
        Assert.Empty(results.Where(r => r.Outcome == FixtureOutcome.Failed).Select(r => r.ToString()));
        IReadOnlyCollection<string> declared = host.Dispatcher.FunctionsOf("Sparse");
        // A case may name a function by an alias (degrees for rad2deg), or a composition of the facade (linalg.svdvals
        // calls linalg.svd): it is served when the function it names, or every function the composition calls, is declared.
        Assert.All(results.Where(r => r.Outcome == FixtureOutcome.Skipped && !ArrayApiStandard.Serves(declared, r.Function)), r => Assert.StartsWith("backend 'Sparse' does not declare", r.Reason));
        Assert.True(passed >= (allowDensify ? 250 : 200), $"only {passed} cases passed");
    }
}
