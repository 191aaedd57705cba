using ArrayDispatch.Plugins;
using Microsoft.Extensions.Configuration;

namespace ArrayDispatch.Chunked;

/// <summary>The settings of the Chunked backend, from the configuration section <c>Backends:Chunked</c>.</summary>
public sealed class ChunkedOptions
{
    /// <summary>The backend new chunks are created on (<c>Backends:Chunked:ChunkBackend</c>); Dense by default.</summary>
    public string ChunkBackend { get; set; } = "Dense";

    /// <summary>How many tasks run at once (<c>Backends:Chunked:MaxDegreeOfParallelism</c>); 0 means the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>How many partial results a tree reduction combines in one task (<c>Backends:Chunked:SplitEvery</c>), as Dask's <c>split_every</c>.</summary>
    public int SplitEvery { get; set; } = 16;

    /// <summary>Run the graph optimiser (cull and fuse) before compute (<c>Backends:Chunked:Optimize</c>).</summary>
    public bool Optimize { get; set; } = true;

    /// <summary>
    /// Reuse freed intermediate chunk buffers for new chunks within a compute (<c>Backends:Chunked:RecycleChunks</c>), as
    /// malloc does for NumPy and Dask; results are identical either way.
    /// </summary>
    public bool RecycleChunks { get; set; } = true;

    /// <summary>
    /// Where graphs run (<c>Backends:Chunked:Scheduler</c>): <c>Local</c> (this process's thread pool, the default) or
    /// <c>Orleans</c> (the chunk workers of an Orleans cluster; the host must run the cluster client, see the README).
    /// </summary>
    public string Scheduler { get; set; } = "Local";

    /// <summary>
    /// QR and SVD of tall-and-skinny float64 arrays by CholeskyQR2 where its error bound holds for the data, else by TSQR
    /// (<c>Backends:Chunked:CholeskyQr</c>, off by default: TSQR, Dask's algorithm and task graph). On this project's
    /// 2-core CPU sitting the two took the same time for U, S and V and CholeskyQR2 30% longer for V alone
    /// (bench/Chunked/RESULTS.md); it is for chunk backends whose matrix products far outrun their Householder QR.
    /// </summary>
    public bool CholeskyQr { get; set; }

    /// <summary>Reads the options from the plugin's configuration section.</summary>
    /// <exception cref="ArgumentException">A value is out of range, naming its key.</exception>
    public static ChunkedOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ChunkedOptions();
        if (configuration["ChunkBackend"] is { Length: > 0 } backend) options.ChunkBackend = backend;
        options.MaxDegreeOfParallelism = BackendSettings.Int(configuration, "MaxDegreeOfParallelism", 0, min: 0);
        options.SplitEvery = BackendSettings.Int(configuration, "SplitEvery", 16, min: 2);
        // Anything but true or false is refused ('maybe' and 'yes' were read as true).
        options.Optimize = BackendSettings.Bool(configuration, "Optimize", true);
        if (configuration["Scheduler"] is { Length: > 0 } scheduler)
        {
            options.Scheduler = scheduler.Equals("Local", StringComparison.OrdinalIgnoreCase) ? "Local"
                : scheduler.Equals("Orleans", StringComparison.OrdinalIgnoreCase) ? "Orleans"
                : throw new ArgumentException($"{BackendSettings.PathOf(configuration, "Scheduler")}: '{scheduler}' is not a scheduler; use Local or Orleans", "Scheduler");
        }
        options.RecycleChunks = BackendSettings.Bool(configuration, "RecycleChunks", true);
        options.CholeskyQr = BackendSettings.Bool(configuration, "CholeskyQr", false);
        return options;
    }
}
