using ArrayDispatch.Chunked.Scheduling;
using ArrayDispatch.Dense;
using ArrayDispatch.Runtime.Dispatch;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.Scheduling;

/// <summary>
/// With <c>Scheduler</c> other than Local, the plugin takes the app's <see cref="IRemoteChunkScheduler"/> from the app's
/// services (through the dispatcher) at the first compute; the tasks travel as descriptions and run through the plugin's
/// <see cref="IChunkTaskRunner"/> from the same services, as an Orleans worker runs them.
/// </summary>
public sealed class RemoteSchedulerTests
{
    private static (ServiceProvider Services, Dispatcher Dispatcher) Host(string scheduler, IRemoteChunkScheduler? remote)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ArrayDispatch:DefaultBackend"] = "Dense",
            ["ArrayDispatch:Backends:Chunked:Scheduler"] = scheduler,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddArrayDispatch(configuration.GetSection("ArrayDispatch")).AddBackend(new DensePlugin()).AddBackend(new ChunkedPlugin());
        if (remote is not null) services.AddSingleton(remote);
        ServiceProvider provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<Dispatcher>());
    }

    [Fact]
    public void The_plugin_takes_the_apps_remote_scheduler_from_its_services_and_its_tasks_run_as_descriptions()
    {
        double[] local;
        (ServiceProvider plain, Dispatcher plainDispatcher) = Host("Local", null);
        using (plain)
        using (Np.UseDispatcher(plainDispatcher))
        {
            local = Compute();
        }
        var remote = new LoopbackScheduler();
        (ServiceProvider services, Dispatcher dispatcher) = Host("Orleans", remote);
        using (services)
        using (Np.UseDispatcher(dispatcher))
        {
            remote.Runner = services.GetRequiredService<IChunkTaskRunner>();
            Compute().ShouldBe(local, 1e-12);
        }
        remote.TasksRun.ShouldBeGreaterThan(4);

        static double[] Compute()
        {
            NDArray x = Np.Random.Sample((40, 30), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [10, 10]);
            return Np.Sum(Np.Exp(x) * 2, axis: 0).Compute().ToArray<double>();
        }
    }

    /// <summary>The functions Chunked gained from Dense's list, each run on a worker-like scheduler: every task a description, every value (eigh's, slogdet's included) bytes.</summary>
    [Fact]
    public void The_added_numpy_functions_run_as_descriptions_with_the_local_answers()
    {
        Func<NDArray, NDArray>[] calls =
        [
            x => Np.Tril(x, -1), x => Np.Triu(x, 2), x => Np.Diagonal(x, 1), x => Np.Trace(x), x => Np.Repeat(x, 2, 1), x => Np.Tile(x, 2, 1),
            x => Np.Take(x, Np.AsArray(new long[] { 5, 0, 3 }, backend: "Dense"), 1), x => Np.Take(x, Np.AsArray(new long[] { 1, 4 }, backend: "Chunked", chunks: [1]), 0),
            x => Np.Sort(x, 0), x => Np.Argsort(x, null), x => Np.SearchSorted(Np.Sort(x[0]), x),
            x => Np.Stack(Np.Meshgrid([x[0], x[1, new Slice(0, 3)]]), 0),
            x => Np.Add(x, Np.Linspace(0, 1, 6, backend: "Chunked", chunks: [4])),
            x => Np.Linalg.Cholesky(Np.Add(Np.MatMul(x, Np.Transpose(x)), Np.Multiply(Np.Eye(6, backend: "Dense"), 10.0))),
            x => Np.Linalg.Inv(Np.Add(x, Np.Multiply(Np.Eye(6, backend: "Dense"), 10.0))),
            x => Np.Linalg.Det(x), x => Np.Linalg.Slogdet(x).LogAbsDet, x => Np.Linalg.Eigh(x).Eigenvectors, x => Np.Linalg.Eigvalsh(x),
            x => Np.Linalg.Pinv(x), x => Np.Kron(x[0, new Slice(0, 2)], x[new Slice(0, 2)]),
        ];
        double[][] local;
        (ServiceProvider plain, Dispatcher plainDispatcher) = Host("Local", null);
        using (plain)
        using (Np.UseDispatcher(plainDispatcher))
        {
            local = [.. calls.Select(call => call(Input()).Compute().ToArray<double>())];
        }
        var remote = new LoopbackScheduler();
        (ServiceProvider services, Dispatcher dispatcher) = Host("Orleans", remote);
        using (services)
        using (Np.UseDispatcher(dispatcher))
        {
            remote.Runner = services.GetRequiredService<IChunkTaskRunner>();
            for (int i = 0; i < calls.Length; i++) calls[i](Input()).Compute().ToArray<double>().ShouldBe(local[i], 1e-12, $"call {i}");
        }

        static NDArray Input() => Np.AsArray(Np.Random.Sample((6, 6), Np.Random.DefaultRng(5), backend: "Dense"), backend: "Chunked", chunks: [4, 3]);
    }

    [Fact]
    public void Without_a_remote_scheduler_in_the_apps_services_the_compute_fails_naming_the_setting_and_the_shared_contract()
    {
        (ServiceProvider services, Dispatcher dispatcher) = Host("Orleans", null);
        using (services)
        using (Np.UseDispatcher(dispatcher))
        {
            NDArray x = Np.Random.Sample((20, 20), Np.Random.DefaultRng(1), backend: "Chunked", chunks: [10, 10]);
            var error = Should.Throw<InvalidOperationException>(() => Np.Sum(x).Compute());
            error.Message.ShouldStartWith("Backends:Chunked:Scheduler is Orleans, but the app registered no IRemoteChunkScheduler");
            error.Message.ShouldContain("'ArrayDispatch.Chunked.Contracts' in ArrayDispatch:SharedAssemblies");
        }
    }

    /// <summary>Runs the descriptions in this process, in dependency order, through the plugin's runner and the value bytes, as a worker would.</summary>
    private sealed class LoopbackScheduler : IRemoteChunkScheduler
    {
        public IChunkTaskRunner Runner { get; set; } = null!;

        public int TasksRun { get; private set; }

        public string Name => "Orleans";

        public RemoteComputeResult Execute(RemoteCompute compute, CancellationToken cancellationToken = default)
        {
            var values = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var pending = new List<RemoteTask>(compute.Tasks);
            int done = 0;
            while (pending.Count > 0)
            {
                RemoteTask next = pending.First(t => t.Dependencies.All(values.ContainsKey));
                pending.Remove(next);
                object[] inputs = [.. next.Dependencies.Select(d => Runner.ReadValue(values[d]))];
                values[next.Key] = Runner.WriteValue(Runner.Run(next.Spec, inputs, cancellationToken));
                TasksRun++;
                compute.Progress?.Report(new ChunkProgress(++done, compute.Tasks.Count, next.Key));
            }
            return new RemoteComputeResult([.. compute.Outputs.Select(o => values[o])], new ComputeStatistics(done, 0, 0, TimeSpan.Zero));
        }
    }
}
