using System.Text.RegularExpressions;
using ArrayDispatch.Chunked.Orleans;
using Microsoft.Extensions.Configuration;
using Shouldly;

namespace ArrayDispatch.Orleans.Tests;

/// <summary>The cluster settings: the README's appsettings files read as they say, and bad keys are refused by name.</summary>
public sealed partial class SettingsTests
{
    private static IConfiguration ReadmeSettings(string file)
    {
        string readme = Path.Combine(RepositoryRoot(), "plugins", "Chunked", "README.md");
        Match block = Block().Matches(File.ReadAllText(readme).Replace("\r\n", "\n")).Single(m => m.Groups["file"].Value == file);
        return new ConfigurationBuilder().AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(block.Groups["json"].Value))).Build();
    }

    [Fact]
    public void The_readme_redis_settings_name_orleans_redis_clustering_and_the_worker_limits()
    {
        IConfiguration settings = ReadmeSettings("Cluster/appsettings.Redis.json");
        ClusterSettings cluster = ClusterSettings.From(settings);
        cluster.Provider.ShouldBe("Redis");
        cluster.ClusterId.ShouldBe("arrays-prod");
        cluster.Describe().ShouldContain("Redis clustering");
        WorkerOptions worker = WorkerOptions.From(settings);
        worker.MemoryLimit.ShouldBe(8_000_000_000);
        worker.SpillDirectory.ShouldBe("/var/tmp/arraydispatch");
        settings["ArrayDispatch:Backends:Chunked:Scheduler"].ShouldBe("Orleans");
    }

    [Fact]
    public void The_readme_adonet_settings_name_orleans_adonet_clustering()
    {
        IConfiguration settings = ReadmeSettings("Cluster/appsettings.AdoNet.json");
        ClusterSettings.From(settings).Provider.ShouldBe("AdoNet");
        settings["Orleans:Clustering:Invariant"].ShouldBe("Npgsql");
    }

    [Fact]
    public void The_readme_localhost_settings_are_the_defaults()
    {
        ClusterSettings spelled = ClusterSettings.From(ReadmeSettings("Cluster/appsettings.Localhost.json"));
        ClusterSettings defaults = ClusterSettings.From(new ConfigurationBuilder().Build());
        spelled.Provider.ShouldBeNull();
        (spelled.ClusterId, spelled.SiloPort, spelled.GatewayPort, spelled.PrimarySiloPort).ShouldBe((defaults.ClusterId, defaults.SiloPort, defaults.GatewayPort, defaults.PrimarySiloPort));
        spelled.Describe().ShouldContain("localhost clustering, gateway 127.0.0.1:30000, cluster id 'arraydispatch'");
    }

    [Theory]
    [InlineData("GatwayPort", "30001", "ArrayDispatch:Backends:Chunked:Orleans:GatwayPort is not a setting")]
    [InlineData("GatewayPort", "70000", "ArrayDispatch:Backends:Chunked:Orleans:GatewayPort must be an integer from 1 to 65535, got '70000'")]
    [InlineData("MemoryLimit", "-1", "ArrayDispatch:Backends:Chunked:Orleans:MemoryLimit must be a non-negative integer, got '-1'")]
    public void A_bad_setting_is_refused_naming_its_key(string key, string value, string message)
    {
        IConfiguration settings = new ConfigurationBuilder().AddInMemoryCollection([new($"ArrayDispatch:Backends:Chunked:Orleans:{key}", value)]).Build();
        Should.Throw<ArgumentException>(() => ClusterSettings.From(settings)).Message.ShouldStartWith(message);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Plugins.sln"))) return d.FullName;
        }
        throw new DirectoryNotFoundException($"no Plugins.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"<!-- readme-test: (?<file>\S+) -->\n```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex Block();
}

public sealed class WorkerContractTests
{
    [Theory]
    [InlineData(nameof(IChunkWorkerGrain.Run))]
    [InlineData(nameof(IChunkWorkerGrain.Fetch))]
    public void A_long_task_or_a_large_fetch_is_not_cut_off_by_orleans_default_response_timeout(string method)
    {
        // Orleans' default 30 s declared a worker lost while it still computed a large chunk on a busy machine; these calls
        // end with their connection or the compute's cancellation instead.
        var attribute = typeof(IChunkWorkerGrain).GetMethod(method)!.GetCustomAttributes(typeof(global::Orleans.ResponseTimeoutAttribute), false)
            .Cast<global::Orleans.ResponseTimeoutAttribute>().ShouldHaveSingleItem();
        attribute.Timeout.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(TimeSpan.FromDays(1));
    }
}
