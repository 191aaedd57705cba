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
    // reciprocal: f(0) is inf for floats and the minimum for int32/int64 (NumPy on x86-64); logaddexp(0, 0) = log 2; exp2(0) = 1;
    // spacing(0) is the smallest subnormal. The same unary functions, and no others, are refused for complex inputs
    // (exp(0j) = 1+0j, log(0j) = -inf+0j, …); logaddexp has no complex loop.
    private static readonly HashSet<string> s_densifying = ["exp", "exp2", "log", "log2", "log10", "cos", "arccos", "cosh", "arccosh", "isfinite", "logical_not", "reciprocal", "logaddexp", "spacing"];

    protected override bool MustAnswer(string function) => AllowDensify || !s_densifying.Contains(function);

    /// <summary>Keeps each element with probability <paramref name="density"/> (fixed seed): 0 gives all zeros, 1 the input.</summary>
    public static HostBuffer Sparsify(HostBuffer drawn, double density)
    {
        if (density >= 1) return drawn;
        var rng = new Random(20261124);
        // Any dtype: each element kept with probability density, else its default (false, 0, 0.0).
        var copy = (Array)drawn.ToContiguousArray().Clone();
        for (int i = 0; i < copy.Length; i++) if (rng.NextDouble() >= density) Array.Clear(copy, i, 1);
        return new HostBuffer(copy, drawn.DType, drawn.Shape, drawn.Shape.ContiguousStrides());
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

    /// <summary>The labels of the kit's cases in the dtypes beyond the first five.</summary>
    internal static readonly string[] NarrowDTypes = ["int8", "int16", "uint8", "uint16", "uint32", "uint64", "float16"];

    [Xunit.Fact]
    public void The_narrow_unsigned_and_float16_cases_are_answered_not_declined()
    {
        // With AllowDensify nothing is refused for sparsity, so a decline here would be a dtype Sparse does not compute.
        var outcomes = new SparseDensifyingConformanceTests().Outcomes(c => NarrowDTypes.Any(d => c.Label.Contains(d, StringComparison.Ordinal)));
        output.WriteLine($"{outcomes.Count} cases in int8 … uint64 and float16");
        Xunit.Assert.True(outcomes.Count >= 500, $"only {outcomes.Count} narrow-dtype cases ran");
        Xunit.Assert.DoesNotContain(outcomes, o => o.Problem is not null);
        var declined = outcomes.Where(o => o.Backend == "declines" && o.Dense == "answers").Select(o => o.Case.ToString()).ToList();
        Xunit.Assert.True(declined.Count == 0, "declined: " + string.Join("; ", declined));
    }

    [Xunit.Fact]
    public void The_complex_cases_are_answered_not_declined()
    {
        var outcomes = new SparseDensifyingConformanceTests().Outcomes(c => c.Label.Contains("complex", StringComparison.Ordinal));
        output.WriteLine($"{outcomes.Count} complex cases of {outcomes.Select(o => o.Case.Function).Distinct().Count()} functions");
        Xunit.Assert.True(outcomes.Count >= 250, $"only {outcomes.Count} complex cases ran");
        Xunit.Assert.DoesNotContain(outcomes, o => o.Problem is not null);
        var declined = outcomes.Where(o => o.Backend == "declines" && o.Dense == "answers").Select(o => o.Case.ToString()).ToList();
        Xunit.Assert.True(declined.Count == 0, "declined: " + string.Join("; ", declined));
    }
}
