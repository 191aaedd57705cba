using System.Text;
using ArrayDispatch.Dense;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Testing;
using Xunit;

namespace ArrayDispatch.Conformance;

/// <summary>
/// The backend conformance kit. Subclass it in a backend's test project, naming the backend and its plugin:
/// <code>
/// public sealed class SparseConformance : BackendConformanceTests
/// {
///     protected override string Backend => "Sparse";
///     protected override IArrayBackendPlugin[] Plugins => [new SparsePlugin()];
///     // optional: protected override NDArray ToBackend(HostBuffer data) => Np.AsArray(data, "Sparse", format: "csr");
/// }
/// </code>
/// For every function the backend declares (<c>FunctionsOf</c>) that the kit knows (<see cref="ConformanceCases"/>),
/// each case draws the same inputs (fixed seeds) on the backend and on Dense, runs the call on both and compares the
/// results: same shape, same dtype, values within <see cref="Tolerance"/>. Where Dense raises, the backend must raise
/// the same NumPy error category (<see cref="ErrorParity"/>, <see cref="NumPyErrors.Classify"/>), lazy results computed
/// inside the check; where Dense answers, the backend must answer. A backend that declines a case (NEP 18's
/// NotImplemented for some inputs) is not failed for it unless <see cref="DeclineIsFailure"/>.
/// </summary>
public abstract class BackendConformanceTests
{
    /// <summary>The backend under test, as named in configuration.</summary>
    protected abstract string Backend { get; }

    /// <summary>The plugins to load besides Dense (normally just the backend's own).</summary>
    protected abstract IArrayBackendPlugin[] Plugins { get; }

    /// <summary>Converts drawn data into the backend's array; by default <c>Np.AsArray(data, Backend)</c>.</summary>
    protected virtual NDArray ToBackend(HostBuffer data) => Np.AsArray(data, Backend);

    /// <summary>Whether a case runs on this backend; by default every case of a declared function.</summary>
    protected virtual bool Include(ConformanceCase conformanceCase) => true;

    /// <summary>The allowed difference, as (rtol, atol), for results of <paramref name="dtype"/>.</summary>
    protected virtual (double Rtol, double Atol) Tolerance(DType dtype) =>
        dtype == DType.Float16 ? (1e-2, 1e-2) : dtype is DType.Float32 or DType.Complex64 ? (1e-4, 1e-4) : (1e-9, 1e-9);

    /// <summary>Whether declining a case (no implementation for its inputs) counts as a failure.</summary>
    protected virtual bool DeclineIsFailure => false;

    /// <summary>
    /// Rewrites every drawn input before it goes to either side (the backend and Dense get the same values), e.g. to
    /// zero most elements for a sparse backend; by default the drawn values. Index arrays a case builds itself are kept.
    /// </summary>
    protected virtual HostBuffer PrepareInput(HostBuffer drawn) => drawn;

    /// <summary>
    /// Whether an error of the backend is a documented refusal of those inputs (as a sparse backend refuses to densify)
    /// and so counts as a decline; by default what <see cref="NumPyErrors.Classify"/> calls
    /// <see cref="NumPyErrorKind.Declined"/> (<see cref="NoImplementationException"/>, <see cref="NotSupportedException"/>).
    /// </summary>
    protected virtual bool IsDecline(Exception error) => NumPyErrors.Classify(error) == NumPyErrorKind.Declined;

    /// <summary>Extra configuration of the test host (full keys, e.g. <c>ArrayDispatch:Backends:Sparse:AllowDensify</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The element-wise, reduction, manipulation, indexing, sorting, product and creation functions the backend declares agree with Dense.</summary>
    [Fact]
    public void Declared_functions_agree_with_Dense() => AssertAgree(_ => true);

    /// <summary>
    /// A function the backend declares and the kit has cases for must agree with Dense at least once without declining
    /// (an answer, or NumPy's error where Dense raises one): a backend that declines every case would otherwise pass
    /// without ever being checked.
    /// </summary>
    [Fact]
    public void Every_declared_function_answers_at_least_one_case()
    {
        var silent = Outcomes(_ => true)
            .GroupBy(o => o.Case.Function)
            .Where(g => MustAnswer(g.Key) && !g.Any(o => o.Problem is null && o.Backend != "declines"))
            .Select(g => $"{g.Key} ({g.Count()} cases: {string.Join(", ", g.Select(o => o.Backend).Distinct())})")
            .ToList();
        if (silent.Count > 0)
        {
            Assert.Fail($"backend '{Backend}' never answered these declared functions, so the kit checked nothing for them:\n  " + string.Join("\n  ", silent));
        }
    }

    /// <summary>Whether <see cref="Every_declared_function_answers_at_least_one_case"/> requires an answer for <paramref name="function"/>; override for functions the backend declines by design on every drawn input, saying why.</summary>
    protected virtual bool MustAnswer(string function) => true;

    /// <summary>The cases that ran, with their outcome, for reports: (case, null when it agreed, else why not).</summary>
    public IReadOnlyList<(ConformanceCase Case, string? Problem)> Run(Func<ConformanceCase, bool> filter) =>
        Outcomes(filter).Select(o => (o.Case, o.Problem)).ToArray();

    /// <summary>
    /// The cases that ran with what each side did (<c>answers</c>, the NumPy category raised, <c>declines</c>) and the
    /// verdict: for reports of which refusals a backend matches and which it declines.
    /// </summary>
    public IReadOnlyList<ConformanceOutcome> Outcomes(Func<ConformanceCase, bool> filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        IArrayBackendPlugin[] plugins = Plugins.Any(p => p.Name == "Dense") ? Plugins : [.. Plugins, new DensePlugin()];
        var settings = new Dictionary<string, string?>(Settings) { ["ArrayDispatch:DefaultBackend"] = Backend };
        using TestHost host = TestHost.Create(settings, plugins);
        IReadOnlyCollection<string> declared = host.Dispatcher.FunctionsOf(Backend);
        var results = new List<ConformanceOutcome>();
        foreach (ConformanceCase c in ConformanceCases.All())
        {
            if (!declared.Contains(c.Function) || !filter(c) || !Include(c)) continue;
            results.Add(Check(c));
        }
        return results;
    }

    private void AssertAgree(Func<ConformanceCase, bool> filter)
    {
        var failures = Run(filter).Where(r => r.Problem is not null).ToList();
        if (failures.Count == 0) return;
        var sb = new StringBuilder($"{failures.Count} conformance case(s) of backend '{Backend}' disagree with Dense:");
        foreach ((ConformanceCase c, string? p) in failures) sb.Append("\n  ").Append(c).Append(" — ").Append(p);
        Assert.Fail(sb.ToString());
    }

    private ConformanceOutcome Check(ConformanceCase c)
    {
        (HostBuffer[]? dense, Exception? denseError) = Evaluate(c, new ConformanceContext("Dense", b => Np.AsArray(b, "Dense"), PrepareInput));
        (HostBuffer[]? mine, Exception? myError) = Evaluate(c, new ConformanceContext(Backend, ToBackend, PrepareInput));
        string denseDid = denseError is null ? "answers" : ErrorParity.Describe(denseError);
        string backendDid = myError is null ? "answers" : IsDecline(NumPyErrors.Find(myError)) ? "declines" : ErrorParity.Describe(myError);
        return new ConformanceOutcome(c, denseDid, backendDid, Verdict(c, dense, denseError, mine, myError));
    }

    private string? Verdict(ConformanceCase c, HostBuffer[]? dense, Exception? denseError, HostBuffer[]? mine, Exception? myError)
    {
        string? problem = ErrorParity.Check(Backend, denseError, myError, IsDecline, DeclineIsFailure);
        if (problem is not null || denseError is not null || myError is not null) return problem;
        if (mine!.Length != dense!.Length) return $"{mine.Length} results, Dense has {dense.Length}";
        for (int i = 0; i < mine.Length; i++)
        {
            string? p = Compare(mine[i], dense[i]);
            if (p is not null) return mine.Length > 1 ? $"result {i}: {p}" : p;
        }
        return null;
    }

    // Runs the case and brings every result to the host: a lazy backend computes here, and raises here.
    private static (HostBuffer[]?, Exception?) Evaluate(ConformanceCase c, ConformanceContext context)
    {
        try
        {
            return (c.Run(context).Select(a => a.ToHost()).ToArray(), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    private string? Compare(HostBuffer actual, HostBuffer expected)
    {
        if (actual.Shape != expected.Shape) return $"shape {actual.Shape}, Dense has {expected.Shape}";
        if (actual.DType != expected.DType) return $"dtype {actual.DType.Name()}, Dense has {expected.DType.Name()}";
        (double rtol, double atol) = Tolerance(actual.DType);
        double[] a = ToDouble(actual), e = ToDouble(expected);
        for (int i = 0; i < a.Length; i++)
        {
            bool ok = a[i] == e[i] || (double.IsNaN(a[i]) && double.IsNaN(e[i])) || Math.Abs(a[i] - e[i]) <= atol + rtol * Math.Abs(e[i]);
            if (!ok) return $"element {i} is {a[i]:R}, Dense has {e[i]:R}";
        }
        return null;
    }

    // Every dtype as doubles; a complex element as its real and imaginary parts.
    private static double[] ToDouble(HostBuffer b)
    {
        Array data = b.ToContiguousArray();
        var result = new List<double>(data.Length);
        foreach (object v in data)
        {
            switch (v)
            {
                case bool x: result.Add(x ? 1 : 0); break;
                case Half h: result.Add((double)h); break;
                case Complex64 c: result.Add(c.Real); result.Add(c.Imaginary); break;
                case System.Numerics.Complex c: result.Add(c.Real); result.Add(c.Imaginary); break;
                default: result.Add(System.Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }
        return result.ToArray();
    }}
