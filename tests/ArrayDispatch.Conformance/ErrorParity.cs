namespace ArrayDispatch.Conformance;

/// <summary>
/// The kit's rule for errors, on the outcome of one case on Dense and on the backend under test: where Dense raises, the
/// backend raises the same NumPy category (<see cref="NumPyErrors.Classify"/>) or declines; where Dense answers, the
/// backend answers or declines; nobody crashes. Public so that the rule itself is tested.
/// </summary>
public static class ErrorParity
{
    /// <summary>
    /// Why the errors of one case disagree, or <see langword="null"/> when they agree — then, when both sides answered,
    /// the caller compares the values.
    /// </summary>
    /// <param name="backend">The backend under test, for the message.</param>
    /// <param name="denseError">What Dense raised (as thrown, wrappers included), or <see langword="null"/> when it answered.</param>
    /// <param name="backendError">What the backend raised, computing lazy results included, or <see langword="null"/>.</param>
    /// <param name="isDecline">Whether an error of the backend (unwrapped: <see cref="NumPyErrors.Find"/>) is a decline (NotImplemented, a documented refusal).</param>
    /// <param name="declineIsFailure">Whether a decline fails the case.</param>
    public static string? Check(string backend, Exception? denseError, Exception? backendError, Func<Exception, bool> isDecline, bool declineIsFailure = false)
    {
        ArgumentNullException.ThrowIfNull(isDecline);
        if (IsCrash(backendError)) return $"{backend} crashes: {backendError}";
        if (IsCrash(denseError)) return $"Dense crashes: {denseError}";
        if (backendError is not null && isDecline(NumPyErrors.Find(backendError)))
        {
            return declineIsFailure ? $"{backend} declines: {FirstLine(backendError)}" : null;
        }
        if (denseError is null && backendError is null) return null;
        if (denseError is null) return $"Dense answers but {backend} raises {Describe(backendError!)}";
        if (backendError is null) return $"Dense raises {Describe(denseError)} but {backend} returns a result";

        NumPyErrorKind expected = NumPyErrors.Classify(denseError), actual = NumPyErrors.Classify(backendError);
        if (expected == NumPyErrorKind.Other) return $"Dense raises {Describe(denseError)}, which is no NumPy error category";
        if (actual != expected) return $"Dense raises {Describe(denseError)} but {backend} raises {Describe(backendError)}";
        return HidesNumPyMessage(backendError);
    }

    /// <summary>How an error reads in a report: its NumPy category, the exception that carries it, and its message.</summary>
    public static string Describe(Exception error)
    {
        Exception found = NumPyErrors.Find(error);
        NumPyErrorKind kind = NumPyErrors.Classify(error);
        string category = kind == NumPyErrorKind.ShapeMismatch ? "ValueError (shapes)" : NumPyErrors.NumPyName(kind);
        return $"{category} [{found.GetType().Name}: {FirstLine(found)}]";
    }

    // Errors must be NumPy-style argument/shape/dtype/linalg errors, never these. An OverflowException is NumPy 2's
    // OverflowError when it carries NumPy's message (NEP 50: "Python integer -1 out of bounds for uint64"), and a crash
    // (a checked .NET conversion) otherwise.
    private static bool IsCrash(Exception? error) => error is not null && NumPyErrors.Find(error) switch
    {
        OverflowException o => !o.Message.StartsWith("Python integer ", StringComparison.Ordinal),
        NullReferenceException or IndexOutOfRangeException or InvalidCastException or NotImplementedException or DivideByZeroException => true,
        _ => false,
    };

    // What the user reads must carry NumPy's message: a wrapper (a lazy backend's task error) may add the task it names,
    // never replace the message.
    private static string? HidesNumPyMessage(Exception error)
    {
        Exception outer = error is BackendCallException { InnerException: { } inner } ? inner : error;
        Exception found = NumPyErrors.Find(error);
        return outer.Message.Contains(found.Message, StringComparison.Ordinal)
            ? null
            : $"the error '{FirstLine(outer)}' does not carry NumPy's message '{FirstLine(found)}'";
    }

    private static string FirstLine(Exception e) => e.Message.Split('\n')[0];
}
