namespace ArrayDispatch.Plugins;

/// <summary>
/// Facts a backend shows in the host's <c>backends</c> listing and health check (the device it chose and why, the BLAS
/// library it calls). A plugin adds one to its scratch services: <c>backend.Services.AddSingleton&lt;IBackendDescription&gt;(…)</c>.
/// </summary>
public interface IBackendDescription
{
    /// <summary>The backend described.</summary>
    string Backend { get; }

    /// <summary>A one-line description, e.g. <c>"CPU accelerator (no CUDA device; OpenCL: none)"</c>.</summary>
    string Describe();
}
