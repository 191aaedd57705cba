using ArrayDispatch.Runtime.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ArrayDispatch.Host.Cli;

/// <summary>Builds the generic host every command runs in: appsettings.json, environment variables, then <c>--config key=value</c>.</summary>
internal static class AppHost
{
    public static IHost Build(IReadOnlyList<string> configOverrides, bool worker = false)
    {
        HostApplicationBuilder builder = worker ? WorkerBuilder() : CommandBuilder();
        StartupTrace.Mark("host builder created (configuration sources read)");
        // The command line is the last and strongest source, as in any generic host: --config ArrayDispatch:Priority:0=Gpu.
        builder.Configuration.AddCommandLine(configOverrides.Select(ToSwitch).ToArray());
        bool client = !worker && ClusterRoles.UsesOrleans(builder.Configuration);
        if (client) ClusterRoles.PrepareClient(builder);
        if (worker) ClusterRoles.PrepareWorker(builder);
        builder.Services.AddArrayDispatch(builder.Configuration.GetSection("ArrayDispatch"));
        StartupTrace.Mark("AddArrayDispatch returned (plugins loaded and registered)");
        var services = new ServiceProviderSlot();
        if (worker) ClusterRoles.AddWorker(builder);
        else if (client) ClusterRoles.AddClient(builder, services);
        IHost host = builder.Build();
        StartupTrace.Mark("host built (DI container)");
        services.Value = host.Services;
        return host;
    }

    /// <summary>
    /// The generic host's defaults: appsettings.json and appsettings.{Environment}.json beside the app (the plugins folder
    /// it names is relative to the app as well), environment variables, console, debug and EventSource logging, settings
    /// files watched for changes. For the long-running worker.
    /// </summary>
    private static HostApplicationBuilder WorkerBuilder() =>
        Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });

    /// <summary>
    /// The same configuration sources and console logging as <see cref="WorkerBuilder"/>, without what a command that runs
    /// for a second or less has no use for and pays for at start-up (bench/README.md, "Start-up"): a watcher on the settings
    /// files (inotify and a change-token thread) and the Debug and EventSource logger providers (with their assemblies,
    /// ~20 ms of CPU in all). DOTNET_ENVIRONMENT names the environment, as for the default builder, and Development turns on
    /// the service provider's scope and build validation as it does there.
    /// </summary>
    private static HostApplicationBuilder CommandBuilder()
    {
        string environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } named ? named : Environments.Production;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = environment,
            Args = [],
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json"), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole();
        if (builder.Environment.IsDevelopment())
        {
            builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
        }
        return builder;
    }

    /// <summary>Builds and starts the host; a configuration that fails validation is reported with its keys and exit code 2.</summary>
    public static IHost? Start(IReadOnlyList<string> configOverrides, out int exitCode, bool worker = false)
    {
        IHost host;
        try
        {
            host = Build(configOverrides, worker);
        }
        catch (InvalidDataException ex) when (ConfigurationFileError.Describe(ex) is { } line)
        {
            Console.Error.WriteLine($"error: {line}");
            exitCode = 2;
            return null;
        }
        try
        {
            ClusterRoles.Start(host);
            StartupTrace.Mark("host started (options validated, hosted services)");
            exitCode = 0;
            return host;
        }
        catch (ClusterUnreachableException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            host.Dispose();
            exitCode = 1;
            return null;
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine("error: invalid configuration; the host did not start:");
            foreach (string failure in ex.Failures) Console.Error.WriteLine($"  {failure}");
            host.Dispose();
            exitCode = 2;
            return null;
        }
    }

    /// <summary>The built host's services, for objects made before the host is built (the cluster scheduler's client).</summary>
    internal sealed class ServiceProviderSlot
    {
        public IServiceProvider? Value { get; set; }
    }

    private static string ToSwitch(string keyValue)
    {
        int eq = keyValue.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new ArgumentException($"--config expects key=value, got '{keyValue}'");
        return $"--{keyValue[..eq]}={keyValue[(eq + 1)..]}";
    }
}
