using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ArrayDispatch.Host.Tests.Readme;

namespace ArrayDispatch.Host.Tests.Cli;

/// <summary>
/// The app as an Orleans cluster (issue #16): two <c>worker</c> processes on localhost and a <c>demo</c> client whose
/// Chunked graphs run on them; then one worker is killed and the demo still completes on the other.
/// </summary>
public sealed class OrleansWorkerTests
{
    private static readonly string s_app = Path.Combine(ReadmeBlocks.RepositoryRoot, "host", "bin", ExampleProjects.Configuration, "net10.0");

    [Fact]
    public void Two_worker_processes_compute_the_demo_and_after_one_is_killed_the_other_still_does()
    {
        // Ports of this test's own, so a developer's workers on the default ports are not joined.
        int silo1 = FreePort(), gateway1 = FreePort(), silo2 = FreePort(), gateway2 = FreePort();
        string cluster = $"test-{Guid.NewGuid():N}";
        string[] common = ["--config", $"ArrayDispatch:Backends:Chunked:Orleans:ClusterId={cluster}", "--config", $"ArrayDispatch:Backends:Chunked:Orleans:PrimarySiloPort={silo1}"];
        using var first = Worker.Start([.. common, "--config", $"ArrayDispatch:Backends:Chunked:Orleans:SiloPort={silo1}", "--config", $"ArrayDispatch:Backends:Chunked:Orleans:GatewayPort={gateway1}"]);
        first.WaitUntilReady();
        using var second = Worker.Start([.. common, "--config", $"ArrayDispatch:Backends:Chunked:Orleans:SiloPort={silo2}", "--config", $"ArrayDispatch:Backends:Chunked:Orleans:GatewayPort={gateway2}"]);
        second.WaitUntilReady();
        second.Output.ShouldContain($"joined the primary silo on port {silo1}");

        // A generous connect timeout: on a loaded test machine the client may take longer than the default 5 s to join.
        string[] client = [.. common, "--config", "ArrayDispatch:Backends:Chunked:Scheduler=Orleans", "--config", $"ArrayDispatch:Backends:Chunked:Orleans:GatewayPort={gateway1}",
            "--config", "ArrayDispatch:Backends:Chunked:Orleans:ConnectTimeoutSeconds=30"];
        (int exit, string output) = Demo(client);
        exit.ShouldBe(0, output);
        output.ShouldContain("on 2 workers", customMessage: output);
        output.ShouldContain("relative reconstruction error");
        ReconstructionError(output).ShouldBeLessThan(1e-12);

        second.Kill();
        (exit, output) = Demo(client);
        exit.ShouldBe(0, output);
        output.ShouldContain("on 1 worker,", customMessage: output);
        ReconstructionError(output).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void A_client_with_no_cluster_to_reach_fails_within_seconds_naming_the_clustering_settings()
    {
        int nobody = FreePort();
        var clock = Stopwatch.StartNew();
        (int exit, string output) = Demo(["--config", "ArrayDispatch:Backends:Chunked:Scheduler=Orleans",
            "--config", $"ArrayDispatch:Backends:Chunked:Orleans:GatewayPort={nobody}", "--config", "ArrayDispatch:Backends:Chunked:Orleans:ConnectTimeoutSeconds=3"]);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(120));   // the 3 s connect timeout is honoured: no retrying for minutes (loose: a loaded machine starts the process slowly)
        exit.ShouldBe(1, output);
        output.ShouldContain($"error: the Orleans cluster is unreachable (localhost clustering, gateway 127.0.0.1:{nobody}, cluster id 'arraydispatch'");
    }

    private static (int Exit, string Output) Demo(string[] args) =>
        ExampleProjects.Run("dotnet", [Path.Combine(s_app, "ArrayDispatch.Host.dll"), "demo", "--output", Path.GetTempPath(), .. args], s_app, TimeSpan.FromMinutes(6));

    private static double ReconstructionError(string output)
    {
        string line = output.Split('\n').Single(l => l.Contains("relative reconstruction error", StringComparison.Ordinal));
        return double.Parse(line[(line.LastIndexOf('=') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>A worker process, killed when disposed.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly ManualResetEventSlim _ready = new();

        private Worker(Process process) => _process = process;

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        public static Worker Start(string[] args)
        {
            var info = new ProcessStartInfo("dotnet") { WorkingDirectory = s_app, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(Path.Combine(s_app, "ArrayDispatch.Host.dll"));
            info.ArgumentList.Add("worker");
            foreach (string a in args) info.ArgumentList.Add(a);
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var worker = new Worker(Process.Start(info)!);
            worker._process.OutputDataReceived += (_, e) => worker.Line(e.Data);
            worker._process.ErrorDataReceived += (_, e) => worker.Line(e.Data);
            worker._process.BeginOutputReadLine();
            worker._process.BeginErrorReadLine();
            return worker;
        }

        private void Line(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
            if (line.StartsWith("worker: ", StringComparison.Ordinal)) _ready.Set();
        }

        public void WaitUntilReady()
        {
            if (!_ready.Wait(TimeSpan.FromSeconds(90))) throw new TimeoutException($"the worker did not start within 90 s:\n{Output}");
        }

        public void Kill()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
            _ready.Dispose();
        }
    }
}
