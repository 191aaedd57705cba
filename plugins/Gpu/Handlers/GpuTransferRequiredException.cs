namespace ArrayDispatch.Gpu;

/// <summary>
/// A Gpu array met a host array in one call. As in CuPy, transfers are explicit: the message says how to move the data
/// (or how to let the dispatcher convert it with <c>Coerce</c>).
/// </summary>
public sealed class GpuTransferRequiredException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public GpuTransferRequiredException(string function, Type hostArrayType)
        : base($"'{function}' got a GpuArray and a host array of type {hostArrayType.Name}: the Gpu backend does not move data implicitly. " +
               $"Upload with Np.AsArray(x, backend: \"Gpu\") or download with g.ToHost() / Np.AsArray(g, backend: \"Dense\"); " +
               $"or list Gpu under the Coerce setting of '{function}' to let the dispatcher convert the arguments")
    {
        Function = function;
        HostArrayType = hostArrayType;
    }

    /// <summary>The function called.</summary>
    public string Function { get; }

    /// <summary>The type of the host array that was mixed in.</summary>
    public Type HostArrayType { get; }
}
