using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ArrayDispatch.Bench.Dispatch.DispatchBenchmarks).Assembly).Run(args);
