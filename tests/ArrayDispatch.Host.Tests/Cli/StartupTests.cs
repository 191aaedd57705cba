using System.Reflection.PortableExecutable;
using ArrayDispatch.Host.Tests.Readme;
using Shouldly;

namespace ArrayDispatch.Host.Tests.Cli;

/// <summary>
/// The app's cold start (issue #18, bench/README.md "Start-up"): its build output is precompiled (build/ReadyToRun.targets),
/// <c>backends</c> names the Gpu device without starting it, and the start-up trace names every stage.
/// </summary>
public sealed class StartupTests
{
    private static readonly string s_app = Path.Combine(ReadmeBlocks.RepositoryRoot, "host", "bin", ExampleProjects.Configuration, "net10.0");

    [Theory]
    [InlineData("ArrayDispatch.Host.dll")]
    [InlineData("ArrayDispatch.Runtime.dll")]
    [InlineData("ArrayDispatch.Abstractions.dll")]
    [InlineData("Microsoft.Extensions.Hosting.dll")]
    [InlineData("Spectre.Console.dll")]
    [InlineData("System.CommandLine.dll")]
    [InlineData("plugins/Dense/ArrayDispatch.Dense.dll")]
    [InlineData("plugins/Sparse/ArrayDispatch.Sparse.dll")]
    [InlineData("plugins/Chunked/ArrayDispatch.Chunked.dll")]
    [InlineData("plugins/Gpu/ArrayDispatch.Gpu.dll")]
    [InlineData("plugins/Gpu/ILGPU.dll")]
    public void The_built_app_and_its_plugin_folders_are_ReadyToRun_images(string file)
    {
        using var stream = File.OpenRead(Path.Combine(s_app, file));
        using var pe = new PEReader(stream);

        // crossgen2's images carry the ReadyToRun header in the CLI header's managed-native-header slot; IL-only files do not.
        pe.PEHeaders.CorHeader.ShouldNotBeNull();
        pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size.ShouldBeGreaterThan(0, $"{file} is IL only: the build's ReadyToRun step did not run");
    }

    [Fact]
    public void Backends_names_the_Gpu_device_and_the_trace_shows_each_stage_without_the_accelerator_starting()
    {
        (int exit, string output) = ExampleProjects.Run("dotnet", [Path.Combine(s_app, "ArrayDispatch.Host.dll"), "backends"], s_app, TimeSpan.FromMinutes(5),
            new Dictionary<string, string> { ["ARRAYDISPATCH_STARTUP_TRACE"] = "1", ["ArrayDispatch__Backends__Gpu__Accelerator"] = "Cpu",
                ["Logging__LogLevel__ArrayDispatch"] = "Information" });

        exit.ShouldBe(0, output);
        string gpu = output.Split('\n').Single(l => l.StartsWith("│ Gpu ", StringComparison.Ordinal));
        gpu.ShouldContain("Cpu CPUAccelerator (host memory) — Cpu asked (CUDA: ");
        gpu.ShouldContain("; matmul: own ILGPU kernels (cuBLAS needs a CUDA device)");
        string[] trace = output.Split('\n').Where(l => l.StartsWith("[startup]", StringComparison.Ordinal)).ToArray();
        foreach (string stage in (string[])["Main entered", "host builder created", "Dense: load context made", "Dense: Register ran", "Gpu: Register ran", "host built (DI container)",
                     "backends: rows made", "backends: table written", "command finished"])
        {
            trace.ShouldContain(l => l.Contains(stage, StringComparison.Ordinal), $"no '{stage}' line in:\n{output}");
        }
        // The Gpu plugin logs when it registers and when its accelerator is created: the listing must not create it.
        output.ShouldContain("Gpu backend registered: Accelerator=Cpu");
        output.ShouldNotContain("Gpu device started");
    }
}
