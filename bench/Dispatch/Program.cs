using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "probe") ArrayDispatch.Bench.Dispatch.Probe.Run();
else if (args.Length > 0 && args[0] == "quick") ArrayDispatch.Bench.Dispatch.QuickRun.Run(args[1..]);
else BenchmarkSwitcher.FromAssembly(typeof(ArrayDispatch.Bench.Dispatch.DispatchBenchmarks).Assembly).Run(args);
