using ArrayDispatch.Runtime.Dispatch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArrayDispatch.Host.Cli;

/// <summary><c>worker</c>: an Orleans silo that runs Chunked tasks with this app's plugins, until Ctrl+C.</summary>
internal static class WorkerCommand
{
    public static int Run(string[] overrides)
    {
        using IHost? host = AppHost.Start(overrides, out int exit, worker: true);
        if (host is null) return exit;
        // Plugins load now, not at the first task.
        IReadOnlyList<string> backends = host.Services.GetRequiredService<Dispatcher>().Backends;
        var endpoint = host.Services.GetRequiredService<ClusterRoles.WorkerEndpoint>();
        string role = endpoint.Settings.Provider is not null ? $"{endpoint.Settings.Provider} clustering"
            : endpoint.Primary ? "primary silo" : $"joined the primary silo on port {endpoint.Settings.PrimarySiloPort}";
        Console.WriteLine($"worker: silo port {endpoint.SiloPort}, gateway port {endpoint.GatewayPort} ({role}), cluster '{endpoint.Settings.ClusterId}'; " +
            $"backends: {string.Join(", ", backends)}. Ctrl+C stops it.");
        host.WaitForShutdown();
        return 0;
    }
}
