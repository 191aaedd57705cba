using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process (no child build on this 2-core machine) with a short job: the CPU accelerator is a simulator, so these
// rows check relative cost, not GPU speed. `dotnet run -c Release -- --filter *` runs everything.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(2).WithIterationCount(5))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(ArrayDispatch.Bench.Gpu.GpuVsDenseBenchmarks).Assembly).Run(args, config);
