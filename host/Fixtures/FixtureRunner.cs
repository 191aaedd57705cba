using ArrayDispatch.Dispatch;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Fixtures;

/// <summary>
/// Runs NumPy's reference fixtures against one backend: loads the inputs, converts them to the backend
/// (<see cref="Np.AsArray"/>), calls the function by name and checks the result as the manifest says. A case whose
/// function the backend does not declare is skipped; everything else passes or fails with a reason.
/// </summary>
/// <param name="dispatcher">The dispatcher the backend is loaded in.</param>
/// <param name="backend">The backend to test, e.g. <c>"Dense"</c>.</param>
public sealed class FixtureRunner(IArrayDispatcher dispatcher, string backend)
{
    /// <summary>Runs every case of <paramref name="manifest"/>.</summary>
    public IReadOnlyList<FixtureResult> RunAll(FixtureManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return manifest.Cases.Select(c => Run(manifest, c)).ToArray();
    }

    /// <summary>Runs one case.</summary>
    public FixtureResult Run(FixtureManifest manifest, FixtureCase c)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(c);
        if (!dispatcher.FunctionsOf(backend).Contains(c.Function))
        {
            return new FixtureResult(c.Id, c.Function, FixtureOutcome.Skipped, $"backend '{backend}' does not declare '{c.Function}'");
        }
        using IDisposable binding = Np.UseDispatcher(dispatcher);
        var call = new FixtureCall(manifest.Directory, backend);
        if (c.Check == "error") return RunError(call, c);
        NDArray[] results;
        try
        {
            results = call.Invoke(c);
        }
        catch (Exception ex)
        {
            Exception inner = Unwrap(ex);
            if (IsDeclinedByDesign(inner)) return Declined(c, inner);
            return Fail(c, $"{inner.GetType().Name}: {inner.Message}");
        }
        HostBuffer[] actual = results.Select(r => r.ToHost()).ToArray();
        HostBuffer[] expected = c.Expected.Select(call.LoadBuffer).ToArray();
        string? problem = c.Check switch
        {
            "svd" => FixtureChecks.Svd(call.LoadBuffer(c.Args[0].GetString()!), actual[0], actual[1], actual[2], expected[1]),
            "qr" => FixtureChecks.Qr(call.LoadBuffer(c.Args[0].GetString()!), actual[0], actual[1], expected[0], expected[1]),
            "eigh" => FixtureChecks.Eigh(call.LoadBuffer(c.Args[0].GetString()!), actual[0], actual[1], expected[0]),
            _ => CompareAll(actual, expected, c),
        };
        return problem is null ? new FixtureResult(c.Id, c.Function, FixtureOutcome.Passed) : Fail(c, problem);
    }

    /// <summary>
    /// A backend that declares a function may still decline some inputs by design (Sparse refuses exp, which would
    /// densify; no backend handles a mix it does not know): those count as skipped, not failed, and say why.
    /// </summary>
    private static bool IsDeclinedByDesign(Exception ex) => ex is NoImplementationException or NotSupportedException;

    private static FixtureResult Declined(FixtureCase c, Exception ex) =>
        new(c.Id, c.Function, FixtureOutcome.Skipped, $"declined: {ex.Message.Split('\n')[0]}");

    private static string? CompareAll(HostBuffer[] actual, HostBuffer[] expected, FixtureCase c)
    {
        if (actual.Length != expected.Length) return $"{actual.Length} results, NumPy has {expected.Length}";
        for (int i = 0; i < actual.Length; i++)
        {
            string? p = FixtureChecks.Compare(actual[i], expected[i], c.Check == "exact", c.Rtol, c.Atol, actual.Length > 1 ? $"result {i}" : "result");
            if (p is not null) return p;
        }
        return null;
    }

    private static FixtureResult RunError(FixtureCall call, FixtureCase c)
    {
        try
        {
            NDArray[] r = call.Invoke(c);
            // A lazy backend raises at compute time: materialize the results before calling the case a miss.
            foreach (NDArray result in r) result.ToHost();
            return Fail(c, $"expected NumPy's {c.Error}, but the call returned shape {r.FirstOrDefault()?.Shape}");
        }
        catch (Exception ex)
        {
            Exception inner = Unwrap(ex);
            if (IsDeclinedByDesign(inner)) return Declined(c, inner);
            bool matches = c.Error switch
            {
                "AxisError" => inner is AxisOutOfRangeException,
                "LinAlgError" => inner is LinAlgException,
                "ValueError" => inner is ArgumentException or LinAlgException,
                "TypeError" => inner is DTypeMismatchException or ArgumentException,
                "IndexError" => inner is ArgumentOutOfRangeException,
                _ => true,
            };
            return matches
                ? new FixtureResult(c.Id, c.Function, FixtureOutcome.Passed)
                : Fail(c, $"expected NumPy's {c.Error}, got {inner.GetType().Name}: {inner.Message}");
        }
    }

    /// <summary>
    /// The exception NumPy's error corresponds to: the first documented one down the inner-exception chain, since a
    /// backend wraps (BackendCallException) and a lazy backend raises at compute time with the task's error inside.
    /// </summary>
    private static Exception Unwrap(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is ArgumentException or ArithmeticException or NotSupportedException or NoImplementationException) return e;
        }
        return ex is BackendCallException { InnerException: { } inner } ? inner : ex;
    }

    private static FixtureResult Fail(FixtureCase c, string reason) => new(c.Id, c.Function, FixtureOutcome.Failed, reason);
}
