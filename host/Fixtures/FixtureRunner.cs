using System.Text.Json;
using ArrayDispatch.Functions;
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

    /// <summary>Runs one case. Never throws for a case's content: an unreadable entry or file fails that case alone.</summary>
    public FixtureResult Run(FixtureManifest manifest, FixtureCase c)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(c);
        if (c.Problem is not null) return Fail(c, c.Problem);
        // An alias (absolute, true_divide) is declared when the function it names is; a name the facade composes
        // (diff, linalg.cross: ComposedFunctions) when every function it calls is.
        IReadOnlyCollection<string> functions = dispatcher.FunctionsOf(backend);
        if (c.Check != "loads" && !ArrayApiStandard.Serves(functions, c.Function) && !functions.Contains(c.Function))
        {
            string? missing = ComposedFunctions.TryGet(c.Function, out ComposedFunction? composed)
                ? composed.Requires.First(f => !functions.Contains(f.Name)).Name
                : null;
            return new FixtureResult(c.Id, c.Function, FixtureOutcome.Skipped, missing is null
                ? $"backend '{backend}' does not declare '{c.Function}'"
                : $"backend '{backend}' does not declare '{missing}', which '{c.Function}' calls");
        }
        using IDisposable binding = Np.UseDispatcher(dispatcher);
        var call = new FixtureCall(manifest.Directory, backend);
        try
        {
            return c.Check switch
            {
                "error" => RunError(call, c),
                "loads" => RunLoad(call, c),
                _ => RunValues(call, c),
            };
        }
        catch (Exception ex) when (Find<FixtureFileException>(ex) is { } file)
        {
            return Fail(c, file.Message);
        }
        catch (Exception ex)
        {
            // A case the runner cannot set up (an argument it does not understand) fails alone, with the reason.
            return Fail(c, $"the case could not be run: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static FixtureResult RunValues(FixtureCall call, FixtureCase c)
    {
        NDArray[] results;
        try
        {
            results = call.Invoke(c);
        }
        catch (Exception ex) when (Find<FixtureFileException>(ex) is null)
        {
            Exception inner = Unwrap(ex);
            if (IsDeclinedByDesign(inner)) return Declined(c, inner);
            return Fail(c, $"{inner.GetType().Name}: {inner.Message}");
        }
        HostBuffer[] actual = results.Select(r => r.ToHost()).ToArray();
        HostBuffer[] expected = c.Expected.Select(call.LoadBuffer).ToArray();
        HostBuffer Input() => call.LoadBuffer(c.Args[0].GetString()!);
        string? problem = c.Check switch
        {
            "svd" => FixtureChecks.Svd(Input(), actual[0], actual[1], actual[2], expected[1]),
            "qr" => FixtureChecks.Qr(Input(), actual[0], actual[1], expected[0], expected[1]),
            "eigh" => FixtureChecks.Eigh(Input(), actual[0], actual[1], expected[0], c.Kwargs.TryGetValue("UPLO", out JsonElement uplo) && uplo.GetString() == "U"),
            "eig" => FixtureChecks.Eig(Input(), actual[0], actual[1], expected[0], c.Rtol, c.Atol),
            "sorted" => FixtureChecks.Compare(FixtureChecks.Sorted(actual[0]), FixtureChecks.Sorted(expected[0]), false, c.Rtol, c.Atol, "sorted result"),
            _ => CompareAll(actual, expected, c),
        };
        return problem is null ? new FixtureResult(c.Id, c.Function, FixtureOutcome.Passed) : Fail(c, problem);
    }

    /// <summary>A folder without a manifest: each array file must load onto the backend with the values the file holds.</summary>
    private FixtureResult RunLoad(FixtureCall call, FixtureCase c)
    {
        HostBuffer file = call.LoadBuffer(c.Id);
        HostBuffer loaded = Np.AsArray(file, backend).ToHost();
        string? problem = FixtureChecks.Compare(loaded, file, exact: true, 0, 0, $"'{c.Id}' loaded on {backend}");
        return problem is null ? new FixtureResult(c.Id, c.Function, FixtureOutcome.Passed) : Fail(c, problem);
    }

    private static T? Find<T>(Exception ex) where T : Exception
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is T t) return t;
        }
        return null;
    }

    /// <summary>
    /// A backend that declares a function may still decline some inputs by design (Sparse refuses exp, which would
    /// densify; no backend handles a mix it does not know): those count as skipped, not failed, and say why.
    /// </summary>
    private static bool IsDeclinedByDesign(Exception ex) => NumPyErrors.Classify(ex) == NumPyErrorKind.Declined;

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
        catch (Exception ex) when (Find<FixtureFileException>(ex) is null)
        {
            Exception inner = Unwrap(ex);
            NumPyErrorKind kind = NumPyErrors.Classify(ex);
            if (kind == NumPyErrorKind.Declined) return Declined(c, inner);
            return c.Error is null || NumPyErrors.IsInstanceOf(kind, c.Error)
                ? new FixtureResult(c.Id, c.Function, FixtureOutcome.Passed)
                : Fail(c, $"expected NumPy's {c.Error}, got {NumPyErrors.NumPyName(kind)} ({inner.GetType().Name}: {inner.Message})");
        }
    }

    /// <summary>
    /// The exception NumPy's error corresponds to (<see cref="NumPyErrors.Find"/>): the first documented one down the
    /// inner-exception chain, since a backend wraps (BackendCallException) and a lazy backend raises at compute time with
    /// the task's error inside.
    /// </summary>
    private static Exception Unwrap(Exception ex) => NumPyErrors.Find(ex);

    private static FixtureResult Fail(FixtureCase c, string reason) => new(c.Id, c.Function, FixtureOutcome.Failed, reason);
}
