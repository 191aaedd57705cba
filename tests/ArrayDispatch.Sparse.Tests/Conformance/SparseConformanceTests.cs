using ArrayDispatch.Conformance;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Sparse.Tests.Conformance;

/// <summary>
/// The conformance kit on Sparse: every function Sparse declares, with each drawn input sparsified at
/// <see cref="Density"/> (the same zeros on the Dense side) and converted with <see cref="Format"/>. A refusal to
/// densify (<see cref="SparseDensifyException"/>, pydata/sparse's rule) is a decline by design, as is NotImplemented.
/// </summary>
public abstract class SparseConformanceBase : BackendConformanceTests
{
    /// <summary>The fraction of elements kept; the rest are set to zero (false).</summary>
    protected abstract double Density { get; }

    /// <summary>The format of 2-d inputs (<c>null</c>: the backend's default, CSR for 2-d and COO otherwise).</summary>
    protected virtual string? Format => null;

    protected override string Backend => "Sparse";

    protected override IArrayBackendPlugin[] Plugins => [new SparsePlugin()];

    protected override NDArray ToBackend(HostBuffer data) =>
        Np.AsArray(data, "Sparse", format: data.Shape.Rank == 2 ? Format : null);

    protected override HostBuffer PrepareInput(HostBuffer drawn) => Sparsify(drawn, Density);

    /// <summary>Whether the host runs with <c>AllowDensify</c>.</summary>
    protected virtual bool AllowDensify => false;

    // f(0) is not 0 for these, so every result would be dense: Sparse refuses them without AllowDensify (pydata/sparse's
    // rule), by design; SparseDensifyingConformanceTests checks their answers.
    // reciprocal: f(0) is inf for floats, and its bool loop is int8, which Sparse does not store; logaddexp(0, 0) = log 2.
    private static readonly HashSet<string> s_densifying = ["exp", "exp2", "log", "log2", "log10", "cos", "arccos", "cosh", "arccosh", "isfinite", "logical_not", "reciprocal", "logaddexp"];

    protected override bool MustAnswer(string function) => AllowDensify || !s_densifying.Contains(function);

    /// <summary>Keeps each element with probability <paramref name="density"/> (fixed seed): 0 gives all zeros, 1 the input.</summary>
    public static HostBuffer Sparsify(HostBuffer drawn, double density)
    {
        if (density >= 1) return drawn;
        var rng = new Random(20261124);
        return drawn.DType switch
        {
            DType.Bool => Zero(drawn.ToContiguous<bool>(), drawn.Shape, rng, density),
            DType.Int32 => Zero(drawn.ToContiguous<int>(), drawn.Shape, rng, density),
            DType.Int64 => Zero(drawn.ToContiguous<long>(), drawn.Shape, rng, density),
            DType.Float32 => Zero(drawn.ToContiguous<float>(), drawn.Shape, rng, density),
            _ => Zero(drawn.ToContiguous<double>(), drawn.Shape, rng, density),
        };
    }

    private static HostBuffer Zero<T>(T[] values, Shape shape, Random rng, double density) where T : unmanaged
    {
        var copy = (T[])values.Clone();
        for (int i = 0; i < copy.Length; i++) if (rng.NextDouble() >= density) copy[i] = default;
        return HostBuffer.FromContiguous(copy, shape);
    }
}

/// <summary>Inputs with about 30% of their elements stored; 2-d inputs CSR.</summary>
public sealed class SparseConformanceTests : SparseConformanceBase
{
    protected override double Density => 0.3;
}

/// <summary>All-zero inputs (density 0): nothing stored.</summary>
public sealed class SparseEmptyConformanceTests : SparseConformanceBase
{
    protected override double Density => 0;
}

/// <summary>Inputs as drawn (density 1): every element stored.</summary>
public sealed class SparseFullConformanceTests : SparseConformanceBase
{
    protected override double Density => 1;
}

/// <summary>Half-full inputs, 2-d ones in CSC.</summary>
public sealed class SparseCscConformanceTests : SparseConformanceBase
{
    protected override double Density => 0.5;

    protected override string? Format => "csc";
}

/// <summary>Half-full inputs, 2-d ones in COO.</summary>
public sealed class SparseCooConformanceTests : SparseConformanceBase
{
    protected override double Density => 0.5;

    protected override string? Format => "coo";
}

/// <summary>
/// Density 0.3 with <c>AllowDensify</c>: the functions Sparse refuses by default (exp, s + 1, …) return dense arrays,
/// which must agree with Dense too.
/// </summary>
public sealed class SparseDensifyingConformanceTests : SparseConformanceBase
{
    protected override double Density => 0.3;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ArrayDispatch:Backends:Sparse:AllowDensify"] = "true" };

    protected override bool AllowDensify => true;
}

/// <summary>The kit reaches Sparse's declared functions (a registration slip would shrink the run, not fail it).</summary>
public sealed class SparseConformanceKitTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Xunit.Fact]
    public void The_kit_runs_the_cases_of_every_declared_function_it_knows()
    {
        var kit = new SparseConformanceTests();
        var ran = kit.Run(_ => true);
        var functions = ran.Select(r => r.Case.Function).Distinct().ToList();
        output.WriteLine($"{ran.Count} cases of {functions.Count} functions: {string.Join(", ", functions)}");
        Xunit.Assert.True(functions.Count >= 80, $"only {functions.Count} declared functions have kit cases");
        Xunit.Assert.True(ran.Count >= 1000, $"only {ran.Count} cases ran");
        Xunit.Assert.DoesNotContain(ran, r => r.Problem is not null);
    }
}
