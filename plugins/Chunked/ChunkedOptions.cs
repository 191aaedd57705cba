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

    /// <summary>Reads the options from the plugin's configuration section.</summary>
    /// <exception cref="ArgumentException">A value is out of range, naming its key.</exception>
    public static ChunkedOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ChunkedOptions();
        if (configuration["ChunkBackend"] is { Length: > 0 } backend) options.ChunkBackend = backend;
        options.MaxDegreeOfParallelism = ReadInt(configuration, "MaxDegreeOfParallelism", 0, 0);
        options.SplitEvery = ReadInt(configuration, "SplitEvery", 16, 2);
        if (configuration["Optimize"] is { Length: > 0 } opt) options.Optimize = !string.Equals(opt, "false", StringComparison.OrdinalIgnoreCase);
        if (configuration["Scheduler"] is { Length: > 0 } scheduler)
        {
            options.Scheduler = scheduler.Equals("Local", StringComparison.OrdinalIgnoreCase) ? "Local"
                : scheduler.Equals("Orleans", StringComparison.OrdinalIgnoreCase) ? "Orleans"
                : throw new ArgumentException($"Backends:Chunked:Scheduler must be Local or Orleans, got '{scheduler}'", "Scheduler");
        }
        if (configuration["RecycleChunks"] is { Length: > 0 } recycle) options.RecycleChunks = !string.Equals(recycle, "false", StringComparison.OrdinalIgnoreCase);
        return options;
    }

    private static int ReadInt(IConfiguration configuration, string key, int fallback, int min)
    {
        string? text = configuration[key];
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value) || value < min)
        {
            throw new ArgumentException($"Backends:Chunked:{key} must be an integer of at least {min}, got '{text}'", key);
        }
        return value;
    }
}
