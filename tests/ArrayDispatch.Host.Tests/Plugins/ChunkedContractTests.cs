using System.Runtime.Loader;
using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Host.Tests.Readme;
using ArrayDispatch.Runtime.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Host.Tests.Plugins;

/// <summary>
/// Issue #16's rule: with <c>Scheduler=Orleans</c> the Chunked backend that runs is the one loaded from its plugin folder
/// (its own load context), which takes the app's scheduler from the app's services through the shared contract assembly;
/// the app references the contract and never the plugin.
/// </summary>
public sealed class ChunkedContractTests : IDisposable
{
    private readonly PluginFolder _plugins = new("Dense", "Chunked");

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void With_a_remote_scheduler_the_folder_loaded_chunked_plugin_runs_and_takes_the_apps_scheduler_from_its_services()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ArrayDispatch:PluginDirectories:0"] = _plugins.Root,
            ["ArrayDispatch:SharedAssemblies:0"] = "ArrayDispatch.Chunked.Contracts",
            ["ArrayDispatch:DefaultBackend"] = "Dense",
            ["ArrayDispatch:Backends:Chunked:Scheduler"] = "Orleans",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddArrayDispatch(configuration.GetSection("ArrayDispatch"));
        var remote = new LoopbackScheduler();
        services.AddSingleton<IRemoteChunkScheduler>(remote);
        using ServiceProvider provider = services.BuildServiceProvider();
        Dispatcher dispatcher = provider.GetRequiredService<Dispatcher>();
        using IDisposable bound = Np.UseDispatcher(dispatcher);

        // The runner the folder's plugin registered is usable here: one contract type on both sides.
        remote.Runner = provider.GetRequiredService<IChunkTaskRunner>();
        NDArray x = Np.Random.Sample((30, 20), Np.Random.DefaultRng(2), backend: "Chunked", chunks: [10, 10]);
        NDArray sum = Np.Sum(x * 2, axis: 0);

        // The Chunked arrays and the runner come from the plugin folder's assembly, in the plugin's own load context.
        foreach (Type type in (Type[])[sum.GetType(), remote.Runner.GetType()])
        {
            AssemblyLoadContext context = AssemblyLoadContext.GetLoadContext(type.Assembly).ShouldNotBeNull();
            context.ShouldNotBe(AssemblyLoadContext.Default, type.FullName);
            type.Assembly.Location.ShouldStartWith(Path.Combine(_plugins.Root, "Chunked"));
        }
        // The contract the plugin's types implement is the app's copy (shared), not a second one from the folder.
        Type contract = remote.Runner.GetType().GetInterfaces().Single(i => i.Name == nameof(IChunkTaskRunner));
        contract.ShouldBe(typeof(IChunkTaskRunner));
        AssemblyLoadContext.GetLoadContext(contract.Assembly).ShouldBe(AssemblyLoadContext.Default);

        double[] values = sum.Compute().ToArray<double>();
        remote.TasksRun.ShouldBeGreaterThan(0, "the folder's Chunked plugin ran its graph on the app's scheduler");
        Np.Sum(Np.AsArray(values)).Item<double>().ShouldBe(2 * Np.Sum(x).Compute().Item<double>(), 1e-9);
    }

    [Fact]
    public void The_app_references_the_chunked_contract_and_never_the_chunked_plugin()
    {
        string app = Path.Combine(ReadmeBlocks.RepositoryRoot, "host", "bin", ExampleProjects.Configuration, "net10.0");
        string deps = File.ReadAllText(Path.Combine(app, "ArrayDispatch.Host.deps.json"));
        deps.ShouldContain("\"ArrayDispatch.Chunked.Contracts/");
        deps.ShouldNotContain("\"ArrayDispatch.Chunked/");
        deps.ShouldNotContain("ArrayDispatch.Chunked.dll");
        File.Exists(Path.Combine(app, "ArrayDispatch.Chunked.dll")).ShouldBeFalse("the plugin must reach the app only through its folder");
        File.Exists(Path.Combine(app, "plugins", "Chunked", "ArrayDispatch.Chunked.dll")).ShouldBeTrue();
        // Project references: the plugin projects are build-order-only (no assembly reference).
        string project = File.ReadAllText(Path.Combine(ReadmeBlocks.RepositoryRoot, "host", "ArrayDispatch.Host.csproj"));
        project.ShouldNotContain("plugins/Chunked/ArrayDispatch.Chunked.csproj");
        string extension = File.ReadAllText(Path.Combine(ReadmeBlocks.RepositoryRoot, "extensions", "Orleans", "ArrayDispatch.Chunked.Orleans.csproj"));
        extension.ShouldNotContain("plugins/Chunked");
    }

    /// <summary>Runs the descriptions in this process, in dependency order, through the plugin's runner, as a worker would.</summary>
    private sealed class LoopbackScheduler : IRemoteChunkScheduler
    {
        public IChunkTaskRunner Runner { get; set; } = null!;

        public int TasksRun { get; private set; }

        public string Name => "Orleans";

        public RemoteComputeResult Execute(RemoteCompute compute, CancellationToken cancellationToken = default)
        {
            var values = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var pending = new List<RemoteTask>(compute.Tasks);
            while (pending.Count > 0)
            {
                RemoteTask next = pending.First(t => t.Dependencies.All(values.ContainsKey));
                pending.Remove(next);
                object[] inputs = [.. next.Dependencies.Select(d => Runner.ReadValue(values[d]))];
                values[next.Key] = Runner.WriteValue(Runner.Run(next.Spec, inputs, cancellationToken));
                TasksRun++;
                compute.Progress?.Report(new ChunkProgress(TasksRun, compute.Tasks.Count, next.Key));
            }
            return new RemoteComputeResult([.. compute.Outputs.Select(o => values[o])], new ComputeStatistics(TasksRun, 0, 0, TimeSpan.Zero));
        }
    }
}
