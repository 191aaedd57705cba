using System.Globalization;
using System.Net;
using System.Net.Sockets;
using global::Orleans.Configuration;
using global::Orleans.Hosting;
using Microsoft.Extensions.Configuration;

namespace ArrayDispatch.Chunked.Orleans;

/// <summary>
/// How workers and the client find each other (<c>ArrayDispatch:Backends:Chunked:Orleans</c>). Without an Orleans
/// clustering provider configured (<c>Orleans:Clustering:ProviderType</c>, e.g. <c>Redis</c> or <c>AdoNet</c>, read by
/// Orleans itself) it is Orleans' localhost development clustering: the first worker is the primary silo on
/// <see cref="SiloPort"/>/<see cref="GatewayPort"/>; a worker started while those ports are taken picks free ports and
/// joins it, unless the ports were set explicitly.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = WorkerOptions.Section;

    private static readonly string[] s_keys =
        ["ClusterId", "ServiceId", "SiloPort", "GatewayPort", "PrimarySiloPort", "ConnectTimeoutSeconds", "MaxDegreeOfParallelism", "MemoryLimit", "SpillDirectory"];

    /// <summary>Orleans' cluster id.</summary>
    public string ClusterId { get; init; } = "arraydispatch";

    /// <summary>Orleans' service id.</summary>
    public string ServiceId { get; init; } = "arraydispatch";

    /// <summary>The silo-to-silo port (11111).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>The port clients connect to (30000).</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Localhost clustering: the silo port of the primary silo every worker joins (11111).</summary>
    public int PrimarySiloPort { get; init; } = 11111;

    /// <summary>Whether <see cref="SiloPort"/> or <see cref="GatewayPort"/> was set (then a taken port is an error, not a reason to pick another).</summary>
    public bool PortsGiven { get; init; }

    /// <summary>How long the client may take to reach the cluster before the app fails.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clustering provider Orleans reads from <c>Orleans:Clustering</c>, or null for localhost clustering.</summary>
    public string? Provider { get; init; }

    /// <summary>Reads the settings.</summary>
    /// <exception cref="ArgumentException">An unknown key or a malformed value, naming the key.</exception>
    public static ClusterSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IConfigurationSection section = configuration.GetSection(Section);
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (!s_keys.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"{Section}:{child.Key} is not a setting; known: {string.Join(", ", s_keys)}", child.Key);
            }
        }
        _ = WorkerOptions.From(configuration);
        return new ClusterSettings
        {
            ClusterId = section["ClusterId"] is { Length: > 0 } c ? c : "arraydispatch",
            ServiceId = section["ServiceId"] is { Length: > 0 } s ? s : "arraydispatch",
            SiloPort = Port(section, "SiloPort", 11111),
            GatewayPort = Port(section, "GatewayPort", 30000),
            PrimarySiloPort = Port(section, "PrimarySiloPort", 11111),
            PortsGiven = section["SiloPort"] is { Length: > 0 } || section["GatewayPort"] is { Length: > 0 },
            ConnectTimeout = TimeSpan.FromSeconds(Port(section, "ConnectTimeoutSeconds", 5)),
            Provider = configuration["Orleans:Clustering:ProviderType"] is { Length: > 0 } p ? p : null,
        };
    }

    /// <summary>One line naming the settings, for errors: what was tried and where.</summary>
    public string Describe() => Provider is null
        ? $"localhost clustering, gateway 127.0.0.1:{GatewayPort}, cluster id '{ClusterId}' ({Section}:GatewayPort, :ClusterId; start workers with 'dotnet run --project host -- worker')"
        : $"{Provider} clustering (Orleans:Clustering), cluster id '{ClusterId}' ({Section}:ClusterId)";

    /// <summary>Configures a worker silo; returns the ports it listens on.</summary>
    public (int SiloPort, int GatewayPort, bool Primary) ApplyTo(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        int siloPort = SiloPort, gatewayPort = GatewayPort;
        if (Provider is not null)
        {
            silo.Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = ServiceId; });
            silo.ConfigureEndpoints(siloPort, gatewayPort);
            return (siloPort, gatewayPort, false);
        }
        bool primary = siloPort == PrimarySiloPort;
        if (!PortsGiven && !(Free(siloPort) && Free(gatewayPort)))
        {
            // Another worker on this machine has the default ports: take free ones and join it.
            siloPort = FreePort();
            gatewayPort = FreePort();
            primary = false;
        }
        silo.UseLocalhostClustering(siloPort, gatewayPort, primary ? null : new IPEndPoint(IPAddress.Loopback, PrimarySiloPort), ServiceId, ClusterId);
        return (siloPort, gatewayPort, primary);
    }

    /// <summary>Configures the client (the app that builds graphs).</summary>
    public void ApplyTo(IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        // Gathered outputs are one message each (see ChunkedOrleansExtensions.MaxValueBytes).
        client.Configure<ClientMessagingOptions>(o => o.MaxMessageBodySize = Math.Max(o.MaxMessageBodySize, ChunkedOrleansExtensions.MaxValueBytes));
        if (Provider is not null)
        {
            client.Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = ServiceId; });
            return;
        }
        client.UseLocalhostClustering(GatewayPort, ServiceId, ClusterId);
    }

    private static int Port(IConfigurationSection section, string key, int fallback)
    {
        string? text = section[key];
        if (string.IsNullOrEmpty(text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value <= 0 || value > 65535)
        {
            throw new ArgumentException($"{Section}:{key} must be an integer from 1 to 65535, got '{text}'", key);
        }
        return value;
    }

    private static bool Free(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
