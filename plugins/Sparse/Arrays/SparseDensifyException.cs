namespace ArrayDispatch.Sparse;

/// <summary>
/// A function would turn a sparse array dense (its value at zero is not zero, e.g. <c>exp</c>, or <c>s + 1</c>), and
/// <c>Backends:Sparse:AllowDensify</c> is off. As in pydata/sparse, the caller must densify explicitly.
/// </summary>
public sealed class SparseDensifyException : NotSupportedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="function">The function refused.</param>
    /// <param name="reason">Why the result is dense, e.g. <c>exp(0) = 1</c>.</param>
    public SparseDensifyException(string function, string reason)
        : base($"'{function}' on a sparse array gives a dense result ({reason}); densify explicitly with Np.AsArray(x, backend: \"Dense\"), or set Backends:Sparse:AllowDensify to true")
    {
        Function = function;
        Reason = reason;
    }

    /// <summary>The function refused.</summary>
    public string Function { get; }

    /// <summary>Why the result would be dense.</summary>
    public string Reason { get; }
}
