using Microsoft.Extensions.Configuration;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// A worker's settings (<c>ArrayDispatch:Backends:Chunked:Orleans</c>): how many tasks it runs at once, and how many bytes
/// of chunk values it keeps in memory before it writes the oldest to its local disk (Dask's worker memory limit and spill).
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section, under the Chunked backend's.</summary>
    public const string Section = "ArrayDispatch:Backends:Chunked:Orleans";

    /// <summary>Tasks run at once; 0 means the number of cores.</summary>
    public int MaxDegreeOfParallelism { get; set; }

    /// <summary>Bytes of values kept in memory; past it the oldest values are spilled to <see cref="SpillDirectory"/>. 0: no limit.</summary>
    public long MemoryLimit { get; set; }

    /// <summary>Where spilled values go (a folder per worker below it); the system's temp folder when empty.</summary>
    public string SpillDirectory { get; set; } = "";

    /// <summary>The degree actually used.</summary>
    public int EffectiveDegree => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>Reads the options.</summary>
    /// <exception cref="ArgumentException">A value is malformed, naming its key.</exception>
    public static WorkerOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection section = configuration.GetSection(Section);
        var options = new WorkerOptions
        {
            MaxDegreeOfParallelism = (int)ReadLong(section, "MaxDegreeOfParallelism"),
            MemoryLimit = ReadLong(section, "MemoryLimit"),
            SpillDirectory = section["SpillDirectory"] ?? "",
        };
        return options;
    }

    private static long ReadLong(IConfigurationSection section, string key)
    {
        string? text = section[key];
        if (string.IsNullOrEmpty(text)) return 0;
        if (!long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long value) || value < 0)
        {
            throw new ArgumentException($"{Section}:{key} must be a non-negative integer, got '{text}'", key);
        }
        return value;
    }
}
