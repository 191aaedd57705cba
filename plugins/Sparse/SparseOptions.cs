using ArrayDispatch.Plugins;
using Microsoft.Extensions.Configuration;

namespace ArrayDispatch.Sparse;

/// <summary>The Sparse backend's settings, read from <c>Backends:Sparse</c>.</summary>
/// <param name="AllowDensify">
/// <c>Backends:Sparse:AllowDensify</c>: let functions whose result is dense at the zeros (<c>exp</c>, <c>cos</c>,
/// <c>s + 1</c>, <c>s == s</c>) return a dense array instead of refusing. Off by default, as in pydata/sparse.
/// </param>
/// <param name="DenseBackend"><c>Backends:Sparse:DenseBackend</c>: the backend that creates dense results (default <c>"Dense"</c>).</param>
public sealed record SparseOptions(bool AllowDensify = false, string DenseBackend = "Dense")
{
    /// <summary>Reads the options from the plugin's configuration section.</summary>
    /// <exception cref="ArgumentException">A value cannot be parsed; the message names the key.</exception>
    public static SparseOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        bool allow = BackendSettings.Bool(configuration, "AllowDensify", false);
        string dense = configuration["DenseBackend"] is { Length: > 0 } name ? name : "Dense";
        return new SparseOptions(allow, dense);
    }
}
